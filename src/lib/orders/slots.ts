/**
 * Pickup slots of a shop, computed from its weekly hours (Europe/Paris wall clock), exceptional
 * closures, slot length, capacity, preparation time and what is already booked.
 * Pure: no server import, no DOM; the server uses it to answer and to check a chosen slot, the
 * device can use it to preview.
 *
 * - Slots follow each opening range from its start, `slotMinutes` of real time apiece, and end
 *   within the range (a lunch break or the closing time is never inside a slot). A day when
 *   clocks change has one slot less or more in a range that spans 02:00–03:00, never a wrong one.
 * - Preparation counts opening time only: an order placed ten minutes before closing with 30
 *   minutes to prepare is ready twenty minutes after the next opening, not during the night.
 * - A slot whose start is not at least the preparation time (of opening time) ahead is not
 *   offered; a full slot is listed with `left: 0`.
 */
import { addDays, parisClock, parisInstant, parseHHMM } from '$lib/catalog/hours';
import type { WeeklyHours } from '$lib/catalog/types';

export interface SlotSettings {
  /** Length of a slot in minutes. */
  slotMinutes: number;
  /** Orders a shop takes per slot. */
  slotCapacity: number;
  /** Minutes of opening time needed to prepare an order. */
  prepMinutes: number;
}

export interface SlotShop extends SlotSettings {
  hours: WeeklyHours;
  /** Paris dates "YYYY-MM-DD" when the shop is exceptionally closed. */
  closedDates: readonly string[];
}

export interface PickupSlot {
  /** ISO instants (UTC, `Date#toISOString`). */
  start: string;
  end: string;
  left: number;
}

/** How many days ahead a slot may be booked (today is day 0). */
export const BOOKING_HORIZON_DAYS = 14;

const MINUTE_MS = 60_000;

/** Opening intervals [start, end) in epoch ms that begin on Paris date `date` (overnight ranges run into the next day). */
export function openIntervals(shop: Pick<SlotShop, 'hours' | 'closedDates'>, date: string): [number, number][] {
  if (shop.closedDates.includes(date)) return [];
  const weekday = parisClock(parisInstant(date, 720)).weekday;
  const out: [number, number][] = [];
  for (const range of shop.hours[weekday] ?? []) {
    const s = parseHHMM(range[0]);
    let e = parseHHMM(range[1]);
    if (s === null || e === null || s >= 1440) continue;
    if (e <= s) e += 1440;
    const start = parisInstant(date, s);
    const end = e > 1440 ? parisInstant(addDays(date, 1), e - 1440) : parisInstant(date, e);
    if (end > start) out.push([start, end]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * The earliest instant an order placed at `now` can be ready: `prepMinutes` of opening time
 * after now (or after the next opening). Null when the shop does not open within the horizon.
 */
export function readyAt(shop: Pick<SlotShop, 'hours' | 'closedDates' | 'prepMinutes'>, now: number): number | null {
  let need = Math.max(0, shop.prepMinutes) * MINUTE_MS;
  const today = parisClock(now).date;
  // From yesterday (a range running past midnight) to the end of the horizon.
  for (let k = -1; k <= BOOKING_HORIZON_DAYS + 1; k++) {
    for (const [s, e] of openIntervals(shop, addDays(today, k))) {
      if (e <= now) continue;
      const from = Math.max(s, now);
      if (e - from >= need) return from + need;
      need -= e - from;
    }
  }
  return null;
}

/**
 * The pickup slots of Paris date `date` ("YYYY-MM-DD") as seen at `now`. `booked` maps a slot's
 * start (ISO) to the orders already in it.
 */
export function pickupSlots(
  shop: SlotShop,
  date: string,
  now: number,
  booked: ReadonlyMap<string, number> = new Map()
): PickupSlot[] {
  const today = parisClock(now).date;
  if (date < today || date > addDays(today, BOOKING_HORIZON_DAYS)) return [];
  const length = Math.round(shop.slotMinutes) * MINUTE_MS;
  if (!(length > 0) || !(shop.slotCapacity > 0)) return [];
  const earliest = readyAt(shop, now);
  if (earliest === null) return [];
  const slots: PickupSlot[] = [];
  for (const [s, e] of openIntervals(shop, date)) {
    for (let start = s; start + length <= e; start += length) {
      if (start < earliest) continue;
      const iso = new Date(start).toISOString();
      slots.push({ start: iso, end: new Date(start + length).toISOString(), left: Math.max(0, shop.slotCapacity - (booked.get(iso) ?? 0)) });
    }
  }
  return slots;
}

/**
 * The slot starting at `startMs`, if it is one the shop offers at `now` (full or not: `left`
 * counts only what `booked` says). Checks the few opening ranges around that instant rather than
 * listing the day's slots.
 */
export function findSlot(shop: SlotShop, startMs: number, now: number, booked?: ReadonlyMap<string, number>): PickupSlot | null {
  const length = Math.round(shop.slotMinutes) * MINUTE_MS;
  if (!(length > 0) || !(shop.slotCapacity > 0) || !Number.isFinite(startMs)) return null;
  const date = parisClock(startMs).date;
  const today = parisClock(now).date;
  // An overnight range's slots after midnight belong to the day the range started.
  for (const day of [date, addDays(date, -1)]) {
    if (day < today || day > addDays(today, BOOKING_HORIZON_DAYS)) continue;
    for (const [s, e] of openIntervals(shop, day)) {
      if (startMs < s || startMs + length > e || (startMs - s) % length !== 0) continue;
      const earliest = readyAt(shop, now);
      if (earliest === null || startMs < earliest) return null;
      const iso = new Date(startMs).toISOString();
      return { start: iso, end: new Date(startMs + length).toISOString(), left: Math.max(0, shop.slotCapacity - (booked?.get(iso) ?? 0)) };
    }
  }
  return null;
}
