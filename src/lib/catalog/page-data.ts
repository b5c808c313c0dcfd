import type { CatalogIndex } from './lookup';
import { compareTitles } from './title-order';
import type { CatalogItem, DealItem, ProductItem, ShopItem, Theme } from './types';

/**
 * An item's or a shop's page, built from one catalog copy by the server (direct links) and by the
 * device (inside the app). Apart from lookup.ts so that the feed's first load does not carry it.
 */
export interface ItemPageData {
  item: CatalogItem;
  /** The shop a product or deal belongs to. */
  shop: ShopItem | null;
  /** The item's themes with their labels. */
  themes: Theme[];
}

export function itemPageData(index: CatalogIndex, id: string): ItemPageData | null {
  const item = index.byId.get(id);
  if (!item || item.kind === 'shop') return null;
  const shop = item.kind === 'product' || item.kind === 'deal' ? (index.byId.get(item.shop) as ShopItem | undefined) ?? null : null;
  return { item, shop, themes: themesOf(index, item) };
}

export interface ShopPageData {
  shop: ShopItem;
  products: ProductItem[];
  deals: DealItem[];
  themes: Theme[];
}

export function shopPageData(index: CatalogIndex, slug: string): ShopPageData | null {
  const shop = index.shopsBySlug.get(slug);
  if (!shop) return null;
  const byTitle = (a: { title: string }, b: { title: string }) => compareTitles(a.title, b.title);
  return {
    shop,
    products: [...(index.productsByShop.get(shop.id) ?? [])].sort(byTitle),
    deals: [...(index.dealsByShop.get(shop.id) ?? [])].sort((a, b) => a.ends_at.localeCompare(b.ends_at)),
    themes: themesOf(index, shop)
  };
}

function themesOf(index: CatalogIndex, item: CatalogItem): Theme[] {
  return item.themes.flatMap((slug) => index.themesBySlug.get(slug) ?? []);
}
