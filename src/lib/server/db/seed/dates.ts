/**
 * Europe/Paris wall-clock helpers, computed by hand (EU daylight-saving rule) so the seed does
 * not depend on the host's time-zone data. Dates are written as ISO strings with their offset,
 * e.g. "2026-12-05T20:00:00+01:00".
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** UTC instant of the last Sunday of `month` (0-based) at 01:00 UTC: when EU clocks change. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * DAY;
}

/** Offset of Europe/Paris from UTC, in hours (1 in winter, 2 in summer), at a UTC instant. */
export function parisOffsetHours(utcMs: number): 1 | 2 {
  const year = new Date(utcMs).getUTCFullYear();
  const start = lastSundayAt1Utc(year, 2);
  const end = lastSundayAt1Utc(year, 9);
  return utcMs >= start && utcMs < end ? 2 : 1;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Paris calendar date (UTC-midnight timestamp of that day) of an instant. */
function parisDay(now: Date): number {
  const local = new Date(now.getTime() + parisOffsetHours(now.getTime()) * HOUR);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
}

/**
 * The Paris local time `hhmm` ("20:00"), `dayOffset` days after the Paris date of `now`,
 * as an ISO string with its offset.
 */
export function parisAt(now: Date, dayOffset: number, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const localMs = parisDay(now) + dayOffset * DAY + h * HOUR + m * 60_000;
  let offset = parisOffsetHours(localMs - HOUR);
  if (parisOffsetHours(localMs - offset * HOUR) !== offset) offset = offset === 1 ? 2 : 1;
  const d = new Date(localMs);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00+0${offset}:00`
  );
}

/** Paris calendar date "YYYY-MM-DD", `dayOffset` days after the Paris date of `now`. */
export function parisDate(now: Date, dayOffset: number): string {
  return parisAt(now, dayOffset, '12:00').slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of the Paris date `dayOffset` days after `now`. */
export function parisWeekday(now: Date, dayOffset: number): number {
  const d = new Date(parisDay(now) + dayOffset * DAY);
  return d.getUTCDay() === 0 ? 7 : d.getUTCDay();
}

/** A UTC ISO timestamp `hours` before `now` (for published_at / updated_at columns). */
export function hoursBefore(now: Date, hours: number): string {
  return new Date(now.getTime() - Math.round(hours * HOUR)).toISOString();
}
