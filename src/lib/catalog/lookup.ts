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
