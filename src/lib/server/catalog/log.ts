import { max } from 'drizzle-orm';
import type { Db } from '../db';
import { catalogLog } from '../db/schema';

/** A drizzle database or transaction: anything with the query builder. */
type Writer = Pick<Db, 'insert'>;

/**
 * Journals catalog changes so devices can sync with `?since=`. Call it inside the same
 * transaction as the write it describes, with public catalog ids ("shop-3").
 */
export function recordCatalogChanges(tx: Writer, itemIds: string[], op: 'upsert' | 'delete'): void {
  const CHUNK = 400;
  for (let i = 0; i < itemIds.length; i += CHUNK) {
    const rows = itemIds.slice(i, i + CHUNK).map((itemId) => ({ itemId, op }));
    tx.insert(catalogLog).values(rows).run();
  }
}

export function currentCatalogVersion(database: Pick<Db, 'select'>): number {
  const row = database.select({ v: max(catalogLog.version) }).from(catalogLog).get();
  return row?.v ?? 0;
}
