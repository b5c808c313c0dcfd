import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deals, shops } from '../db/schema';
import { recordCatalogChanges } from '../catalog/log';
import { catalogId } from '$lib/catalog/types';
import { writeAudit } from './audit';
import { checkReason, CurationError, type Actor } from './shops';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface PendingDeal {
  id: number;
  shopId: number;
  shopName: string;
  shopSlug: string;
  shopStatus: string;
  title: string;
  details: string;
  startsAt: string;
  endsAt: string;
}

/** Deals waiting for a curator, oldest first. */
export function listPendingDeals(database: Pick<Db, 'select'>): PendingDeal[] {
  return database
    .select({
      id: deals.id,
      shopId: deals.shopId,
      shopName: shops.name,
      shopSlug: shops.slug,
      shopStatus: shops.status,
      title: deals.title,
      details: deals.details,
      startsAt: deals.startsAt,
      endsAt: deals.endsAt
    })
    .from(deals)
    .innerJoin(shops, eq(shops.id, deals.shopId))
    .where(eq(deals.status, 'pending'))
    .orderBy(asc(deals.updatedAt), asc(deals.id))
    .all();
}

function dealRow(tx: Pick<Db, 'select'>, dealId: number) {
  const row = tx
    .select({ status: deals.status, shopStatus: shops.status })
    .from(deals)
    .innerJoin(shops, eq(shops.id, deals.shopId))
    .where(eq(deals.id, dealId))
    .get();
  if (!row) throw new CurationError('not_found');
  return row;
}

/**
 * Publishes a pending (or previously refused) deal. An approved shop's deal enters the public
 * catalog, so its id is journalled as an upsert in the same transaction.
 */
export function publishDeal(database: Db, actor: Actor, dealId: number): void {
  database.transaction((tx) => {
    const deal = dealRow(tx, dealId);
    if (deal.status === 'published') throw new CurationError('status_conflict');
    tx.update(deals).set({ status: 'published', statusReason: '', updatedAt: new Date().toISOString() }).where(eq(deals.id, dealId)).run();
    if (deal.shopStatus === 'approved') recordCatalogChanges(tx, [catalogId('deal', dealId)], 'upsert');
    writeAudit(tx, { actorId: actor.id, action: 'deal.publish', targetType: 'deal', targetId: dealId });
  });
}

/** Inside an existing transaction: refuses a deal (pending or published), journalling a tombstone if it was public. */
export function rejectDealIn(tx: Tx, actor: Actor, dealId: number, reason: string, action = 'deal.reject'): void {
  const why = checkReason(reason);
  const deal = dealRow(tx, dealId);
  if (deal.status === 'rejected') throw new CurationError('status_conflict');
  tx.update(deals).set({ status: 'rejected', statusReason: why, updatedAt: new Date().toISOString() }).where(eq(deals.id, dealId)).run();
  if (deal.status === 'published' && deal.shopStatus === 'approved') recordCatalogChanges(tx, [catalogId('deal', dealId)], 'delete');
  // The shop's members read the reason on their deals; the journal keeps it too.
  writeAudit(tx, { actorId: actor.id, action, targetType: 'deal', targetId: dealId, detail: why });
}

/** Refuses a pending deal or takes a published one down, with a reason (3–500 characters) shown to the shop and kept in the audit log. */
export function rejectDeal(database: Db, actor: Actor, dealId: number, reason: string): void {
  checkReason(reason);
  database.transaction((tx) => rejectDealIn(tx, actor, dealId, reason));
}
