import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deals, products } from '../db/schema';
import { catalogId } from '$lib/catalog/types';

type Reader = Pick<Db, 'select'>;

/**
 * The catalog ids a shop contributes (itself, its products, its deals), for journaling a change
 * of the whole shop: approval (upserts), suspension or removal (tombstones).
 */
export function shopCatalogIds(database: Reader, shopId: number): string[] {
  const ids = [catalogId('shop', shopId)];
  for (const p of database.select({ id: products.id }).from(products).where(eq(products.shopId, shopId)).all()) ids.push(catalogId('product', p.id));
  for (const d of database.select({ id: deals.id }).from(deals).where(eq(deals.shopId, shopId)).all()) ids.push(catalogId('deal', d.id));
  return ids;
}
