/**
 * Opening hours in Europe/Paris wall-clock time, whatever the device's own time zone.
 * Pure: runs in Node, in the browser and in a Web Worker.
 *
 * Ranges are ["HH:MM","HH:MM"]; an end at or before the start means "past midnight"
 * (["22:00","02:00"] on Friday covers Friday 22:00 → Saturday 02:00); "24:00" is midnight.
 * Closed dates are Paris calendar dates "YYYY-MM-DD"; a range that starts on a closed date does
 * not open, a range that started the evening before and runs past midnight still does.
 */
import type { IsoWeekday, WeeklyHours } from './types';

export const PARIS_TIME_ZONE = 'Europe/Paris';
export const isoWeekdays: readonly IsoWeekday[] = ['1', '2', '3', '4', '5', '6', '7'];

export interface ParisClock {
  year: number;
  month: number;
  day: number;
  /** "YYYY-MM-DD" in Paris. */
  date: string;
  weekday: IsoWeekday;
  hour: number;
  minute: number;
  /** Minutes since Paris midnight. */
  minutes: number;
}

const WEEKDAYS: readonly IsoWeekday[] = ['7', '1', '2', '3', '4', '5', '6'];
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The instant (ms) of 01:00 UTC on the last Sunday of `month` (0-based) of `year`. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * Paris's offset from UTC in ms at an instant: +2 h (CEST) from 01:00 UTC on the last Sunday of
 * March to 01:00 UTC on the last Sunday of October, +1 h (CET) otherwise — the EU rule in force
 * since 1996. Computed rather than asked of `Intl` with a time zone: building such a formatter
 * costs ~20–30 ms of main thread on a phone's first page, for the same answer (tests compare
 * both hour by hour over decades).
 */
export function parisOffsetMs(at: number): number {
  const year = new Date(at).getUTCFullYear();
  return at >= lastSundayAt1Utc(year, 2) && at < lastSundayAt1Utc(year, 9) ? 2 * HOUR_MS : HOUR_MS;
}

/** Wall-clock date and time in Paris for an instant. */
export function parisClock(at: Date | number): ParisClock {
  const ms = typeof at === 'number' ? at : at.getTime();
  // Paris wall time, read with the UTC getters (minutes floored like a clock).
  const wall = new Date(Math.floor((ms + parisOffsetMs(ms)) / MINUTE_MS) * MINUTE_MS);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + 1;
  const day = wall.getUTCDate();
  const hour = wall.getUTCHours();
  const minute = wall.getUTCMinutes();
  return { year, month, day, date: ymd(year, month, day), weekday: WEEKDAYS[wall.getUTCDay()], hour, minute, minutes: hour * 60 + minute };
}

/**
 * The instant of a Paris wall-clock time: `minutes` after midnight (0…1440) of the Paris date
 * "YYYY-MM-DD". A time repeated when clocks go back (02:00–03:00 in October) is the first one
 * (summer time); a time skipped when they go forward (02:00–03:00 in March) moves forward by
 * the hour skipped, as clocks do (02:30 → 03:30).
 */
export function parisInstant(date: string, minutes: number): number {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d) + minutes * MINUTE_MS;
  for (const offset of [2 * HOUR_MS, HOUR_MS]) {
    if (parisOffsetMs(wall - offset) === offset) return wall - offset;
  }
  return wall - HOUR_MS;
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Calendar arithmetic on "YYYY-MM-DD" (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** "HH:MM" → minutes (0…1440), or null if malformed. */
export function parseHHMM(s: string): number | null {
  const m = /^([01][0-9]|2[0-4]):([0-5][0-9])$/.exec(s);
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v > 1440 ? null : v;
}

function hhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export interface OpeningState {
  open: boolean;
  /** When open: Paris time "HH:MM" it closes ("00:00" = midnight); absent if open for 7+ days. */
  closesAt?: string;
  /** When closed: next opening within the coming week (`date` is the Paris date "YYYY-MM-DD"). */
  opensAt?: { day: IsoWeekday; time: string; date: string };
  /** No hours at all (`null`): always open. */
  alwaysOpen?: boolean;
}

/** Look-behind (yesterday's overnight ranges) and look-ahead window, in days. */
const HORIZON_DAYS = 8;

/**
 * Is it open at `now` (Paris time)? `hours === null` means open 24/7 (e.g. a street car park).
 * An empty object, or a day without ranges, means closed that day.
 */
export function openingState(hours: WeeklyHours | null, closedDates: readonly string[], now: Date): OpeningState {
  if (hours === null) return { open: true, alwaysOpen: true };
  const clock = parisClock(now);
  const closed = new Set(closedDates);
  const today = Number(clock.weekday) - 1; // 0 = Monday

  // Intervals in minutes relative to today's Paris midnight (wall clock), from yesterday on.
  const intervals: [number, number][] = [];
  for (let k = -1; k <= HORIZON_DAYS; k++) {
    const weekday = isoWeekdays[(((today + k) % 7) + 7) % 7];
    const ranges = hours[weekday];
    if (!ranges || ranges.length === 0) continue;
    if (closed.size > 0 && closed.has(addDays(clock.date, k))) continue;
    for (const range of ranges) {
      const s = parseHHMM(range[0]);
      let e = parseHHMM(range[1]);
      if (s === null || e === null || s >= 1440) continue;
      if (e <= s) e += 1440;
      intervals.push([k * 1440 + s, k * 1440 + e]);
    }
  }
  intervals.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  // Merge overlapping or touching ranges (e.g. Monday 18:00–24:00 + Tuesday 00:00–02:00).
  const merged: [number, number][] = [];
  for (const iv of intervals) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }

  const m = clock.minutes;
  const horizonEnd = HORIZON_DAYS * 1440;
  for (const [s, e] of merged) {
    if (s <= m && m < e) {
      return e >= horizonEnd ? { open: true } : { open: true, closesAt: hhmm(e) };
    }
    if (s > m) {
      if (s - m > 7 * 1440) break;
      const dayOffset = Math.floor(s / 1440);
      return {
        open: false,
        opensAt: {
          day: isoWeekdays[(((today + dayOffset) % 7) + 7) % 7],
          time: hhmm(s),
          date: addDays(clock.date, dayOffset)
        }
      };
    }
  }
  return { open: false };
}
