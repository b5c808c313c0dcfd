import { count, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { shops } from '../db/schema';
import { recordCatalogChanges } from '../catalog/log';
import { shopCatalogIds } from '../catalog/shop-entries';
import { curationReason } from '$lib/schemas/curation';
import { writeAudit } from './audit';

export type ShopStatus = (typeof shops.$inferSelect)['status'];

/** A refused curation step, with a form error code. */
export class CurationError extends Error {
  constructor(
    readonly code:
      | 'reason_short'
      | 'reason_long'
      | 'required'
      | 'shop_not_found'
      | 'status_conflict'
      | 'not_found'
      | 'slug_taken'
      | 'admin_protected',
    message = code
  ) {
    super(message);
  }
}

export interface Actor {
  id: number;
}

export function checkReason(reason: string): string {
  const parsed = curationReason.safeParse(reason);
  if (!parsed.success) {
    const code = parsed.error.issues[0]?.message;
    throw new CurationError(code === 'reason_long' ? 'reason_long' : code === 'required' ? 'required' : 'reason_short');
  }
  return parsed.data;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Who changes which shop from which statuses to which, under which audit action and reason. */
type ShopChange = [actor: Actor, shopId: number, from: readonly ShopStatus[], to: ShopStatus, action: string, reason: string];

/**
 * One status change: checks the current status, updates it, journals the catalog (only a
 * change of public visibility touches it) and writes the audit row — all in one transaction.
 */
function transition(database: Db, ...change: ShopChange): void {
  database.transaction((tx) => transitionIn(tx, ...change));
}

function transitionIn(tx: Tx, ...[actor, shopId, from, to, action, reason]: ShopChange): void {
  const shop = tx.select({ status: shops.status }).from(shops).where(eq(shops.id, shopId)).get();
  if (!shop) throw new CurationError('shop_not_found');
  if (!from.includes(shop.status)) throw new CurationError('status_conflict');
  tx.update(shops)
    .set({ status: to, statusReason: reason, updatedAt: new Date().toISOString() })
    .where(eq(shops.id, shopId))
    .run();
  const wasPublic = shop.status === 'approved';
  const isPublic = to === 'approved';
  if (wasPublic !== isPublic) recordCatalogChanges(tx, shopCatalogIds(tx, shopId), isPublic ? 'upsert' : 'delete');
  writeAudit(tx, { actorId: actor.id, action, targetType: 'shop', targetId: shopId, detail: reason });
}

export function approveShop(database: Db, actor: Actor, shopId: number): void {
  transition(database, actor, shopId, ['pending', 'refused'], 'approved', 'shop.approve', '');
}

export function refuseShop(database: Db, actor: Actor, shopId: number, reason: string): void {
  const why = checkReason(reason);
  transition(database, actor, shopId, ['pending'], 'refused', 'shop.refuse', why);
}

export function suspendShop(database: Db, actor: Actor, shopId: number, reason: string): void {
  const why = checkReason(reason);
  transition(database, actor, shopId, ['approved'], 'suspended', 'shop.suspend', why);
}

/** suspendShop inside an existing transaction (a report resolved in the same step). */
export function suspendShopIn(tx: Tx, actor: Actor, shopId: number, reason: string): void {
  const why = checkReason(reason);
  transitionIn(tx, actor, shopId, ['approved'], 'suspended', 'shop.suspend', why);
}

export function reinstateShop(database: Db, actor: Actor, shopId: number): void {
  transition(database, actor, shopId, ['suspended'], 'approved', 'shop.reinstate', '');
}

export interface PendingShop {
  id: number;
  slug: string;
  name: string;
  category: string;
  address: string;
  summary: string;
  createdAt: string;
}

/** The columns of a shop in the curator's lists (PendingShop). */
const shopListColumns = {
  id: shops.id,
  slug: shops.slug,
  name: shops.name,
  category: shops.category,
  address: shops.address,
  summary: shops.summary,
  createdAt: shops.createdAt
};

export function listShopsByStatus(database: Pick<Db, 'select'>, status: ShopStatus): PendingShop[] {
  return database
    .select(shopListColumns)
    .from(shops)
    .where(eq(shops.status, status))
    .orderBy(shops.createdAt, shops.id)
    .all();
}

export function countShopsByStatus(database: Pick<Db, 'select'>, status: ShopStatus): number {
  return database.select({ n: count() }).from(shops).where(eq(shops.status, status)).get()?.n ?? 0;
}

export interface ShopSummary extends PendingShop {
  status: ShopStatus;
  statusReason: string;
}

/** Every shop (or those with one status), by name. */
export function listShops(database: Pick<Db, 'select'>, status?: ShopStatus): ShopSummary[] {
  const query = database
    .select({
      ...shopListColumns,
      status: shops.status,
      statusReason: shops.statusReason
    })
    .from(shops);
  return (status ? query.where(eq(shops.status, status)) : query).orderBy(shops.name, shops.id).all();
}
