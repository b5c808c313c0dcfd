import { and, asc, eq, gte, inArray, lt, or, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { orderParts, orders, users, type OrderPartStatus, type PaymentMethod, type PaymentStatus } from '../db/schema';
import { addDays, parisInstant } from '$lib/catalog/hours';
import { partViews, type OrderPartView } from './view';

/**
 * One part as the shop sees it: the customer's chosen name, never their email, and never the
 * pickup code, which the customer shows and the shop checks (board, print list and API alike).
 */
export interface ShopOrderView extends Omit<OrderPartView, 'pickupCode'> {
  partId: number;
  orderId: string;
  customer: string;
  payment: { method: PaymentMethod; status: PaymentStatus };
}

/** A part as the shop may see it: everything but the customer's pickup code. */
export function withoutCode<T extends { pickupCode: string | null }>({ pickupCode: _code, ...part }: T): Omit<T, 'pickupCode'> {
  return part;
}

/**
 * A shop's parts: the open ones (placed, accepted, ready), or those of a Paris day (slot that
 * day, or placed that day for deliveries) when `date` is given — the preparation list.
 */
export function shopOrders(
  database: Db,
  shopId: number,
  options: { date?: string; statuses?: OrderPartStatus[]; /** With `statuses`: also the parts closed since this instant (ISO). */ closedSince?: string } = {}
): ShopOrderView[] {
  const conditions = [eq(orderParts.shopId, shopId)];
  if (options.statuses && options.closedSince) conditions.push(or(inArray(orderParts.status, options.statuses), gte(orderParts.closedAt, options.closedSince))!);
  else if (options.statuses) conditions.push(inArray(orderParts.status, options.statuses));
  if (options.date) {
    const from = new Date(parisInstant(options.date, 0)).toISOString();
    const to = new Date(parisInstant(addDays(options.date, 1), 0)).toISOString();
    conditions.push(
      or(
        and(gte(orderParts.slotStart, from), lt(orderParts.slotStart, to)),
        and(isNull(orderParts.slotStart), gte(orderParts.placedAt, from), lt(orderParts.placedAt, to))
      )!
    );
  }
  const rows = database
    .select({ partId: orderParts.id, customer: users.displayName, method: orders.paymentMethod, status: orders.paymentStatus })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .leftJoin(users, eq(users.id, orders.userId))
    .where(and(...conditions))
    .orderBy(asc(orderParts.slotStart), asc(orderParts.id))
    .limit(500)
    .all();
  if (rows.length === 0) return [];
  const views = new Map(partViews(database, { partIds: rows.map((r) => r.partId) }).map((v) => [v.partId, v]));
  return rows.map((r) => ({ ...withoutCode(views.get(r.partId)!), customer: r.customer || 'Client', payment: { method: r.method, status: r.status } }));
}

/** The shop a part belongs to (null if none): merchant endpoints check membership of it. */
export function partShop(database: Db, partId: number): number | null {
  return database.select({ shopId: orderParts.shopId }).from(orderParts).where(eq(orderParts.id, partId)).get()?.shopId ?? null;
}
