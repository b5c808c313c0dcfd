import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { openPartStatuses, orderParts, orders, shopMembers, type OrderPartStatus } from '../db/schema';
import { addDays, parisClock, parisInstant } from '$lib/catalog/hours';
import type { ImageDescriptor } from '$lib/images/limits';
import { shopOrders, type ShopOrderView } from './shop-orders';

/**
 * The merchant's orders board: what is open (placed, accepted, ready) and what was closed today
 * (collected, refused, cancelled, expired), with a version the page polls to know when to reload.
 */
export interface ShopBoard {
  parts: ShopOrderView[];
  /** Changes whenever anything shown on the board changes (a new order, a step, a photo). */
  version: string;
}

/** Start of the Paris day of `now`, as an ISO instant. */
export function parisDayStart(now: Date): string {
  return new Date(parisInstant(parisClock(now.getTime()).date, 0)).toISOString();
}

export function shopBoard(database: Db, shopId: number, now = new Date()): ShopBoard {
  const parts = shopOrders(database, shopId, { statuses: [...openPartStatuses], closedSince: parisDayStart(now) });
  return { parts, version: boardVersion(parts) };
}

/** A short digest of what the board shows: equal boards, equal versions (across processes too). */
export function boardVersion(parts: ShopOrderView[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}

/** Board columns, in the order the shop works through them. */
export const boardColumns = ['new', 'accepted', 'ready', 'done'] as const;
export type BoardColumn = (typeof boardColumns)[number];

export function columnOf(status: OrderPartStatus): BoardColumn {
  return status === 'placed' ? 'new' : status === 'accepted' ? 'accepted' : status === 'ready' ? 'ready' : 'done';
}

// ---------------------------------------------------------------------------------------------
// Photo de livraison

export type DeliveryPhotoResult = { ok: true; previous: ImageDescriptor | null } | { ok: false; error: 'not_found' | 'not_delivery' | 'wrong_status' };

/** A delivery part takes a photo once accepted (the bouquet made) and until it is delivered. */
const photoStatuses = ['accepted', 'ready', 'collected'] as const satisfies readonly OrderPartStatus[];

/**
 * Attaches a (private, already stored) photo to one of the shop's delivery parts, replacing the
 * previous one, which is returned so that the caller deletes its files after the commit.
 */
export function attachDeliveryPhoto(database: Db, shopId: number, partId: number, photo: ImageDescriptor): DeliveryPhotoResult {
  return database.transaction((tx) => {
    const part = tx
      .select({ fulfilment: orderParts.fulfilment, status: orderParts.status, photo: orderParts.deliveryPhoto })
      .from(orderParts)
      .where(and(eq(orderParts.id, partId), eq(orderParts.shopId, shopId)))
      .get();
    if (!part) return { ok: false, error: 'not_found' } as const;
    if (part.fulfilment !== 'delivery') return { ok: false, error: 'not_delivery' } as const;
    if (!(photoStatuses as readonly OrderPartStatus[]).includes(part.status)) return { ok: false, error: 'wrong_status' } as const;
    tx.update(orderParts).set({ deliveryPhoto: photo }).where(eq(orderParts.id, partId)).run();
    return { ok: true, previous: part.photo ?? null } as const;
  });
}

/**
 * May this user see this private photo of this order? Yes for the order's customer and for the
 * members of the shop whose part carries it; everyone else gets the same null as for a photo
 * that does not exist. Returns the image, or null.
 */
export function orderPhotoFor(database: Db, orderId: string, imageId: string, userId: number): ImageDescriptor | null {
  const part = database
    .select({ photo: orderParts.deliveryPhoto, shopId: orderParts.shopId, owner: orders.userId })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .where(and(eq(orderParts.orderId, orderId), sql`json_extract(${orderParts.deliveryPhoto}, '$.id') = ${imageId}`))
    .get();
  if (!part?.photo) return null;
  if (part.owner === userId) return part.photo;
  const member = database
    .select({ role: shopMembers.role })
    .from(shopMembers)
    .where(and(eq(shopMembers.shopId, part.shopId), eq(shopMembers.userId, userId)))
    .get();
  return member ? part.photo : null;
}

// ---------------------------------------------------------------------------------------------
// Preparation list

export interface PreparationGroup {
  /** Slot start (ISO) or null for the day's deliveries. */
  slot: string | null;
  slot_end: string | null;
  /** What to prepare for this slot, summed over its orders, by product name. */
  totals: { name: string; qty: number }[];
  parts: ShopOrderView[];
}

/** Statuses still to prepare or hand over on a day's list (closed ones drop out, collected stay for the record). */
const listed = new Set<OrderPartStatus>(['placed', 'accepted', 'ready', 'collected']);

/** A Paris day's parts grouped by pickup slot (in time order), deliveries last. */
export function preparationList(database: Db, shopId: number, date: string): PreparationGroup[] {
  const parts = shopOrders(database, shopId, { date }).filter((p) => listed.has(p.status));
  const groups = new Map<string, PreparationGroup>();
  for (const part of parts) {
    const key = part.slot ?? 'delivery';
    const group = groups.get(key) ?? { slot: part.slot, slot_end: part.slot_end, totals: [], parts: [] };
    group.parts.push(part);
    for (const line of part.lines) {
      const total = group.totals.find((t) => t.name === line.name);
      if (total) total.qty += line.qty;
      else group.totals.push({ name: line.name, qty: line.qty });
    }
    groups.set(key, group);
  }
  const list = [...groups.values()];
  for (const g of list) g.totals.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return list.sort((a, b) => (a.slot === null ? 1 : b.slot === null ? -1 : a.slot.localeCompare(b.slot)));
}

/** Today's Paris date and the next one, for the print page's links. */
export function parisToday(now = new Date()): string {
  return parisClock(now.getTime()).date;
}
export { addDays };

/** Open parts per status for each of these shops (the /merchant/orders overview). */
export function openCounts(database: Db, shopIds: number[]): Map<number, Record<'placed' | 'accepted' | 'ready', number>> {
  const out = new Map<number, Record<'placed' | 'accepted' | 'ready', number>>();
  for (const id of shopIds) out.set(id, { placed: 0, accepted: 0, ready: 0 });
  if (shopIds.length === 0) return out;
  const rows = database
    .select({ shopId: orderParts.shopId, status: orderParts.status, n: sql<number>`count(*)` })
    .from(orderParts)
    .where(and(inArray(orderParts.shopId, shopIds), inArray(orderParts.status, [...openPartStatuses])))
    .groupBy(orderParts.shopId, orderParts.status)
    .all();
  for (const r of rows) out.get(r.shopId)![r.status as 'placed' | 'accepted' | 'ready'] = r.n;
  return out;
}
