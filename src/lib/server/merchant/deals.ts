import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deals, shops } from '../db/schema';
import { recordCatalogChanges } from '../catalog/log';
import { catalogId } from '$lib/catalog/types';
import type { DealInput } from '$lib/schemas/merchant';
import { parisAt } from '../db/seed/dates';

export interface DealRow {
  id: number;
  title: string;
  details: string;
  startsOn: string;
  endsOn: string;
  status: 'pending' | 'published' | 'rejected';
  /** The curator's reason when the deal was refused or taken down, else ''. */
  statusReason: string;
}

const day = (iso: string) => iso.slice(0, 10);

/** "2026-12-05" at Paris local `hhmm`, with its offset ("2026-12-05T00:00:00+01:00"), like the seed. */
export function parisDateTime(date: string, hhmm: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return parisAt(new Date(Date.UTC(y, m - 1, d, 12)), 0, hhmm);
}

const toRow = (r: typeof deals.$inferSelect): DealRow => ({
  id: r.id,
  title: r.title,
  details: r.details,
  startsOn: day(r.startsAt),
  endsOn: day(r.endsAt),
  status: r.status,
  statusReason: r.status === 'rejected' ? r.statusReason : ''
});

export function listDeals(database: Db, shopId: number): DealRow[] {
  return database.select().from(deals).where(eq(deals.shopId, shopId)).orderBy(desc(deals.startsAt), desc(deals.id)).all().map(toRow);
}

export function findDeal(database: Db, shopId: number, dealId: number): DealRow | null {
  const row = database.select().from(deals).where(and(eq(deals.id, dealId), eq(deals.shopId, shopId))).get();
  return row ? toRow(row) : null;
}

/**
 * Creates or edits a deal; either way it goes (back) to 'pending' for the curator to review. A
 * deal that was public leaves the catalog until then: its tombstone is journaled in the same
 * transaction. Returns the id, or null when dealId is not one of this shop's deals.
 */
export function saveDeal(database: Db, shopId: number, dealId: number | null, input: DealInput): number | null {
  return database.transaction((tx) => {
    const values = {
      title: input.title,
      details: input.details,
      startsAt: parisDateTime(input.startsOn, '00:00'),
      endsAt: parisDateTime(input.endsOn, '23:59'),
      status: 'pending' as const,
      statusReason: '',
      updatedAt: new Date().toISOString()
    };
    if (dealId === null) return tx.insert(deals).values({ shopId, ...values }).returning({ id: deals.id }).get().id;
    const before = tx.select({ status: deals.status }).from(deals).where(and(eq(deals.id, dealId), eq(deals.shopId, shopId))).get();
    if (!before) return null;
    tx.update(deals).set(values).where(eq(deals.id, dealId)).run();
    const shop = tx.select({ status: shops.status }).from(shops).where(eq(shops.id, shopId)).get();
    if (before.status === 'published' && shop?.status === 'approved') recordCatalogChanges(tx, [catalogId('deal', dealId)], 'delete');
    return dealId;
  });
}
