/**
 * Opening hours and exceptional closures as merchants type them, parsed and validated. Pure, so
 * the settings form, its server action and the tests agree.
 *
 * One text per ISO weekday: "09:00–12:30, 14:00–19:00" (at most two ranges; "-", "–", "—" or
 * "à" between the times; "," ";" or "et" between ranges; "9h30" accepted). Empty = closed.
 */
export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type DayRanges = [string, string][];
export type WeeklyHoursInput = Partial<Record<Weekday, DayRanges>>;

export const MAX_RANGES_PER_DAY = 2;
export const MAX_CLOSED_DATES = 60;

export type HoursErrorCode = 'hours_format' | 'hours_order' | 'hours_too_many' | 'hours_overlap';

/** "9", "9h", "9h30", "09:30", "9.30" → "09:30"; null when not a time of day. */
export function normaliseTime(text: string): string | null {
  const match = /^(\d{1,2})(?:\s*[:hH.]\s*(\d{2})?)?$/.exec(text.trim());
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2] ?? '0');
  if (h > 24 || m > 59 || (h === 24 && m !== 0)) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function parseDayHours(text: string): { ok: true; ranges: DayRanges } | { ok: false; code: HoursErrorCode } {
  const trimmed = text.trim();
  if (trimmed === '' || /^ferm[ée]e?$/i.test(trimmed) || /^closed$/i.test(trimmed)) return { ok: true, ranges: [] };
  const parts = trimmed
    .split(/\s*(?:[,;/]|\bet\b|\band\b)\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > MAX_RANGES_PER_DAY) return { ok: false, code: 'hours_too_many' };
  const ranges: DayRanges = [];
  for (const part of parts) {
    const bounds = part.split(/\s*(?:[-–—]|\bà\b|\bto\b)\s*/i);
    if (bounds.length !== 2) return { ok: false, code: 'hours_format' };
    const start = normaliseTime(bounds[0]);
    const end = normaliseTime(bounds[1]);
    if (!start || !end || start === '24:00') return { ok: false, code: 'hours_format' };
    if (start >= end) return { ok: false, code: 'hours_order' };
    ranges.push([start, end]);
  }
  ranges.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (let i = 1; i < ranges.length; i++) if (ranges[i][0] < ranges[i - 1][1]) return { ok: false, code: 'hours_overlap' };
  return { ok: true, ranges };
}

/** One day's ranges as the form shows them: "09:00–12:30, 14:00–19:00". */
export function formatDayHours(ranges: readonly (readonly [string, string])[] | undefined): string {
  return (ranges ?? []).map(([a, b]) => `${a}–${b}`).join(', ');
}

/**
 * The week from the form's `hours-1` … `hours-7` texts. Errors are keyed by field name so the
 * page can show each next to its day.
 */
export function parseWeeklyHours(
  read: (name: string) => string | null | undefined
): { ok: true; hours: WeeklyHoursInput } | { ok: false; errors: Record<string, HoursErrorCode> } {
  const hours: WeeklyHoursInput = {};
  const errors: Record<string, HoursErrorCode> = {};
  for (const day of WEEKDAYS) {
    const parsed = parseDayHours(read(`hours-${day}`) ?? '');
    if (!parsed.ok) errors[`hours-${day}`] = parsed.code;
    else if (parsed.ranges.length) hours[day] = parsed.ranges;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, hours };
}

/** "2026-12-24" when it is a real calendar date (no 2026-02-30), else null. */
export function parseCalendarDate(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 2000 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return match[0];
}

/** Adds a closure date: sorted, no duplicates, at most MAX_CLOSED_DATES (oldest past ones dropped first). */
export function addClosedDate(dates: readonly string[], date: string): string[] {
  const all = [...new Set([...dates, date])].sort();
  return all.slice(Math.max(0, all.length - MAX_CLOSED_DATES));
}

export function removeClosedDate(dates: readonly string[], date: string): string[] {
  return dates.filter((d) => d !== date);
}
