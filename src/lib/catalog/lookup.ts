import type { CatalogItem, CatalogSnapshot, DealItem, ProductItem, ShopItem, Theme } from './types';

/** Lookups over one catalog copy; the server and the device build the same pages from it. */
export interface CatalogIndex {
  snapshot: CatalogSnapshot;
  byId: Map<string, CatalogItem>;
  shopsBySlug: Map<string, ShopItem>;
  productsByShop: Map<string, ProductItem[]>;
  dealsByShop: Map<string, DealItem[]>;
  themesBySlug: Map<string, Theme>;
}

export function indexCatalog(snapshot: CatalogSnapshot): CatalogIndex {
  const byId = new Map<string, CatalogItem>();
  const shopsBySlug = new Map<string, ShopItem>();
  const productsByShop = new Map<string, ProductItem[]>();
  const dealsByShop = new Map<string, DealItem[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const item of snapshot.items) {
    byId.set(item.id, item);
    if (item.kind === 'shop') shopsBySlug.set(item.slug, item);
    else if (item.kind === 'product') push(productsByShop, item.shop, item);
    else if (item.kind === 'deal') push(dealsByShop, item.shop, item);
  }
  const themesBySlug = new Map(snapshot.themes.map((theme) => [theme.slug, theme]));
  return { snapshot, byId, shopsBySlug, productsByShop, dealsByShop, themesBySlug };
}

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
  const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, 'fr');
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
