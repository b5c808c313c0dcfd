import { and, count, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { orderParts, shops } from '../db/schema';
import { addDays, parisInstant } from '$lib/catalog/hours';
import type { SlotShop } from '$lib/orders/slots';
import { parseCatalogId } from '$lib/catalog/types';
import { platformOpen } from '../curation/launch';

type Reader = Pick<Db, 'select'>;

/** Parts that hold their slot: everything but the refused, cancelled and expired ones. */
export const slotHoldingStatuses = ['placed', 'accepted', 'ready', 'collected'] as const;

/** The slot settings of a shop row, in the pure slot module's terms. */
export function slotShop(row: Pick<typeof shops.$inferSelect, 'openingHours' | 'closedDates' | 'slotMinutes' | 'slotCapacity' | 'prepMinutes'>): SlotShop {
  return {
    hours: row.openingHours,
    closedDates: row.closedDates,
    slotMinutes: row.slotMinutes,
    slotCapacity: row.slotCapacity,
    prepMinutes: row.prepMinutes
  };
}

/** Orders already in each slot of a shop starting between two instants. */
export function bookedSlots(database: Reader, shopId: number, fromMs: number, toMs: number): Map<string, number> {
  const rows = database
    .select({ start: orderParts.slotStart, n: count() })
    .from(orderParts)
    .where(
      and(
        eq(orderParts.shopId, shopId),
        gte(orderParts.slotStart, new Date(fromMs).toISOString()),
        lt(orderParts.slotStart, new Date(toMs).toISOString()),
        inArray(orderParts.status, [...slotHoldingStatuses])
      )
    )
    .groupBy(orderParts.slotStart)
    .all();
  return new Map(rows.map((r) => [r.start!, r.n]));
}

/** Booked counts for the slots of Paris date `date` (including an overnight range's tail). */
export function bookedOnDate(database: Reader, shopId: number, date: string): Map<string, number> {
  return bookedSlots(database, shopId, parisInstant(date, 0), parisInstant(addDays(date, 2), 0));
}

/**
 * A public shop by its catalog id ("shop-3") or its slug, with its slot settings; null unless it
 * is in the public catalog (approved, platform open).
 */
export function publicShop(database: Db, ref: string) {
  const parsed = parseCatalogId(ref);
  const where = parsed ? (parsed.kind === 'shop' ? eq(shops.id, parsed.n) : undefined) : eq(shops.slug, ref);
  if (!where) return null;
  const shop = database.select().from(shops).where(where).get();
  if (!shop || shop.status !== 'approved' || !platformOpen(database)) return null;
  return shop;
}
