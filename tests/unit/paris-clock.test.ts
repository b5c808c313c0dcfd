import { describe, expect, it } from 'vitest';
import { parisClock, parisOffsetMs } from '../../src/lib/catalog/hours';

/** What ICU's time zone database says, the reference `parisClock` must agree with. */
const icu = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Paris',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23'
});
const WEEKDAYS: Record<string, string> = { Mon: '1', Tue: '2', Wed: '3', Thu: '4', Fri: '5', Sat: '6', Sun: '7' };

function reference(ms: number): string {
  const p = Object.fromEntries(icu.formatToParts(ms).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${WEEKDAYS[p.weekday]} ${String(Number(p.hour) % 24).padStart(2, '0')}:${p.minute}`;
}

function computed(ms: number): string {
  const c = parisClock(ms);
  const consistent = c.minutes === c.hour * 60 + c.minute && c.date === `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
  return `${c.date} ${c.weekday} ${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}${consistent ? '' : ' (inconsistent)'}`;
}

const HOUR = 3_600_000;

describe('parisClock agrees with the time zone database', () => {
  it('every 7 hours and 13 minutes (all hours of the day, all weekdays) from 2000 to 2040', () => {
    const from = Date.UTC(2000, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    const mismatches: string[] = [];
    for (let ms = from + 42_000; ms < to; ms += 7 * HOUR + 13 * 60_000) {
      const a = computed(ms);
      const b = reference(ms);
      if (a !== b) mismatches.push(`${new Date(ms).toISOString()}: ${a} ≠ ${b}`);
      if (mismatches.length > 5) break;
    }
    expect(mismatches).toEqual([]);
  });

  it('minute by minute around every change of offset from 2020 to 2035', { timeout: 30_000 }, () => {
    const mismatches: string[] = [];
    for (let year = 2020; year < 2035; year++) {
      for (const month of [2, 9]) {
        const last = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
        for (let ms = change - 3 * HOUR; ms < change + 3 * HOUR; ms += 60_000) {
          for (const ms2 of [ms, ms + 59_999]) {
            if (computed(ms2) !== reference(ms2)) mismatches.push(new Date(ms2).toISOString());
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('knows the two offsets', () => {
    expect(parisOffsetMs(Date.parse('2026-01-15T12:00:00Z'))).toBe(HOUR);
    expect(parisOffsetMs(Date.parse('2026-07-15T12:00:00Z'))).toBe(2 * HOUR);
    // 2026: summer time from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC.
    expect(parisOffsetMs(Date.parse('2026-03-29T00:59:59Z'))).toBe(HOUR);
    expect(parisOffsetMs(Date.parse('2026-03-29T01:00:00Z'))).toBe(2 * HOUR);
    expect(parisOffsetMs(Date.parse('2026-10-25T00:59:59Z'))).toBe(2 * HOUR);
    expect(parisOffsetMs(Date.parse('2026-10-25T01:00:00Z'))).toBe(HOUR);
  });

  it('accepts a Date or a number', () => {
    const at = Date.parse('2025-12-02T23:30:00Z');
    expect(parisClock(new Date(at))).toEqual(parisClock(at));
  });
});
