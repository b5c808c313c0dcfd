import type { ItemKind } from '$lib/catalog/types';

/**
 * Illustrations are drawn on the device from the item's id and kind: feed cards need no image
 * request at all, so what a person's feed shows cannot be read from their image requests.
 */
export const kindPalettes: Record<ItemKind, [string, string, string]> = {
  event: ['#b23a48', '#e0766a', '#f6c9a8'],
  heritage: ['#a4553a', '#d98b5f', '#f3d2a9'],
  culture: ['#1f3a68', '#4f72b0', '#b9cdee'],
  leisure: ['#2f6b4f', '#5fa37c', '#cde8c8'],
  news: ['#4a4f63', '#7c8399', '#d8dbe6'],
  shop: ['#8f2c3a', '#c9605f', '#f5d6c6'],
  product: ['#7a4e2d', '#c08552', '#f1dcc0'],
  deal: ['#9a5b00', '#e0a030', '#fae3b0'],
  parking: ['#24507a', '#4a86b8', '#c6def2']
};

/** A small, stable 32-bit hash (FNV-1a) so an item always gets the same drawing. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 24×24 pictograms, stroked. */
export const kindIcons: Record<ItemKind, string> = {
  event: 'M4 7h16v13H4zM4 11h16M8 3v6M16 3v6',
  heritage: 'M3 21h18M5 21V10M19 21V10M9 21v-7h6v7M2 10l10-7 10 7z',
  culture: 'M4 20V8l8-5 8 5v12M8 20v-8M12 20v-8M16 20v-8M3 20h18',
  leisure: 'M12 3a5 5 0 0 1 5 5c0 4-5 7-5 7s-5-3-5-7a5 5 0 0 1 5-5zM12 15v6M8 21h8',
  news: 'M5 4h12v16H5zM17 8h2v10a2 2 0 0 1-2 2M8 8h6M8 12h6M8 16h4',
  shop: 'M4 10h16l-1-5H5zM5 10v10h14V10M10 20v-5h4v5',
  product: 'M6 8h12l-1 12H7zM9 8a3 3 0 0 1 6 0',
  deal: 'M3 12l9-9h8v8l-9 9zM15.5 8.5h.01',
  parking: 'M6 21V3h7a5 5 0 0 1 0 10H6'
};
