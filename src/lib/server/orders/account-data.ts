import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { orderParts, orders } from '../db/schema';
import { orderView, type OrderView } from './view';
import { closeOpenParts } from './transitions';

type Writer = Pick<Db, 'select' | 'update' | 'insert'>;

/** A customer's orders, newest first. */
export function customerOrders(database: Pick<Db, 'select'>, userId: number, limit = 100): OrderView[] {
  return database
    .select({ id: orders.id })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt))
    .limit(limit)
    .all()
    .map((o) => orderView(database, o.id)!);
}

export const ACCOUNT_DELETED_REASON = 'Compte client supprimé.';

/**
 * When an account is deleted (call inside that transaction): its open parts are cancelled (their
 * stock goes back on sale), then its orders are anonymised — kept for the shops' books (10 years),
 * with nothing left that says who bought: the account link, the idempotency key and request
 * digest, the delivery addresses, delivery photos and the pickup codes are erased.
 */
export function anonymiseCustomerOrders(tx: Writer, userId: number, now = new Date()): number {
  const ids = tx.select({ id: orders.id }).from(orders).where(eq(orders.userId, userId)).all().map((o) => o.id);
  if (ids.length === 0) return 0;
  closeOpenParts(tx, ids, 'cancelled', ACCOUNT_DELETED_REASON, now);
  tx.update(orders).set({ userId: null, idempotencyKey: null, requestHash: null, anonymisedAt: now.toISOString() }).where(inArray(orders.id, ids)).run();
  tx.update(orderParts).set({ deliveryAddress: null, pickupCode: null, deliveryPhoto: null }).where(inArray(orderParts.orderId, ids)).run();
  return ids.length;
}

/** The ids of the delivery photos of a customer's orders (their files go when the account does). */
export function customerDeliveryPhotoIds(tx: Pick<Writer, 'select'>, userId: number): string[] {
  return tx
    .select({ photo: orderParts.deliveryPhoto })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .where(eq(orders.userId, userId))
    .all()
    .flatMap((r) => (r.photo ? [r.photo.id] : []));
}
