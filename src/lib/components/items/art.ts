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

export type ArtSize = 'card' | 'hero' | 'thumb';

/**
 * The illustration of an item as SVG markup: a gradient in the kind's palette, one of four
 * motifs chosen by the id's hash (brick arcades, the Garonne's waves, rooftops, sun and hills)
 * and, except on heroes, the kind's pictogram. Built as one string (set with `{@html}`) rather
 * than as a Svelte template: a card then costs the browser one HTML parse instead of a dozen
 * reactive attributes, which matters when a feed draws 24 of them on a phone. Only numbers,
 * palette constants and a sanitised id go into the markup.
 */
export function artSvg(id: string, kind: ItemKind, size: ArtSize = 'card'): string {
  const h = hashString(id);
  const [deep, mid, light] = kindPalettes[kind];
  const motif = h % 4;
  const shift = (h >>> 4) % 60;
  const gradient = `art-${id.replace(/[^A-Za-z0-9_-]/g, '_')}-${size}`;
  const aspect = size === 'hero' ? 'xMidYMax slice' : 'xMidYMid slice';
  let shapes = '';
  if (motif === 0) {
    // brick arcades, a nod to the pink city
    for (let i = 0; i < 6; i++) {
      shapes += `<path d="M${i * 72 - shift} 180v-70a30 30 0 0 1 60 0v70z" fill="${deep}" opacity="${0.18 + i * 0.05}"/>`;
    }
  } else if (motif === 1) {
    // the Garonne's waves
    for (let i = 0; i < 3; i++) {
      shapes += `<path d="M0 ${110 + i * 24} q40 -18 80 0 t80 0 t80 0 t80 0 t80 0 V180 H0z" transform="translate(${-shift} 0)" fill="${deep}" opacity="${0.16 + i * 0.1}"/>`;
    }
  } else if (motif === 2) {
    // rooftops
    for (let i = 0; i < 7; i++) {
      const wall = 50 + ((h >>> i) % 40);
      shapes += `<path d="M${i * 60 - shift} 180v-${wall}l30 -22 30 22v${wall}z" fill="${deep}" opacity="0.22"/>`;
    }
  } else {
    // sun and hills
    shapes +=
      `<circle cx="${220 + shift}" cy="62" r="34" fill="${light}" opacity="0.9"/>` +
      `<path d="M0 140q80 -60 160 -10t160 -20V180H0z" fill="${deep}" opacity="0.28"/>` +
      `<path d="M0 160q90 -40 180 -6t140 -10V180H0z" fill="${deep}" opacity="0.4"/>`;
  }
  const pictogram =
    size === 'hero'
      ? ''
      : `<g transform="translate(24 24)"><circle cx="24" cy="24" r="24" fill="#fff" opacity="0.92"/>` +
        `<path d="${kindIcons[kind]}" transform="translate(12 12)" fill="none" stroke="${deep}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></g>`;
  return (
    `<svg class="art art-${size}" viewBox="0 0 320 180" preserveAspectRatio="${aspect}" aria-hidden="true" focusable="false">` +
    `<defs><linearGradient id="${gradient}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>` +
    `<rect width="320" height="180" fill="url(#${gradient})"/>${shapes}${pictogram}</svg>`
  );
}
