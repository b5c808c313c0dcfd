import { formatTime, type Locale } from '$lib/format';
import { formatRelativeDay } from '$lib/format-days';
import { parisClock } from '$lib/catalog/hours';

/** "10 h 30 – 11 h" today, "demain, 10 h 30 – 11 h" another day (Paris time). */
export function slotLabel(start: string, end: string | null, locale: Locale, now = new Date()): string {
  const a = parisClock(new Date(start));
  const range = end ? `${formatTime(a, locale)} – ${formatTime(parisClock(new Date(end)), locale)}` : formatTime(a, locale);
  if (a.date === parisClock(now).date) return range;
  return `${formatRelativeDay(start, locale, now)}, ${range}`;
}

/** "10 h 42" (Paris time). */
export function timeLabel(iso: string, locale: Locale): string {
  return formatTime(parisClock(new Date(iso)), locale);
}

/** A short reference for an order, the same on the board, the print list and the payout report. */
export function orderRef(orderId: string): string {
  return orderId.slice(0, 6).toUpperCase();
}
