import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from '../../src/lib/catalog/types';
import { openingState, parisClock } from '../../src/lib/catalog/hours';
import { weekSchedule } from '../../src/lib/catalog/week-schedule';

// 2025-12-02 is a Tuesday; Paris is UTC+1 in winter, UTC+2 in summer.
const shop: WeeklyHours = {
  '2': [
    ['14:00', '19:00'],
    ['09:30', '12:30']
  ],
  '3': [
    ['09:30', '12:30'],
    ['14:00', '19:00']
  ],
  '6': [['10:00', '19:00']]
};

describe('parisClock', () => {
  it('reads the wall clock in Paris whatever the instant’s zone', () => {
    expect(parisClock(new Date('2025-12-02T23:30:00Z'))).toMatchObject({ date: '2025-12-03', weekday: '3', hour: 0, minute: 30 });
    expect(parisClock(new Date('2025-07-14T22:15:00Z'))).toMatchObject({ date: '2025-07-15', weekday: '2', hour: 0, minute: 15 });
  });
});

describe('openingState', () => {
  it('treats no hours at all as always open', () => {
    expect(openingState(null, [], new Date('2025-12-02T03:00:00Z'))).toEqual({ open: true, alwaysOpen: true });
  });

  it('is open inside a range and says when it closes', () => {
    expect(openingState(shop, [], new Date('2025-12-02T10:00:00Z'))).toEqual({ open: true, closesAt: '12:30' });
  });

  it('is closed at lunch and says when it reopens', () => {
    expect(openingState(shop, [], new Date('2025-12-02T12:00:00Z'))).toEqual({
      open: false,
      opensAt: { day: '2', time: '14:00', date: '2025-12-02' }
    });
  });

  it('finds the next opening days ahead', () => {
    // Wednesday 19:30 → Saturday 10:00
    expect(openingState(shop, [], new Date('2025-12-03T18:30:00Z'))).toEqual({
      open: false,
      opensAt: { day: '6', time: '10:00', date: '2025-12-06' }
    });
  });

  it('handles ranges past midnight', () => {
    const bar: WeeklyHours = { '5': [['22:00', '02:00']] };
    // Friday 23:00 Paris
    expect(openingState(bar, [], new Date('2025-12-05T22:00:00Z'))).toEqual({ open: true, closesAt: '02:00' });
    // Saturday 01:30 Paris: still Friday night's range
    expect(openingState(bar, [], new Date('2025-12-06T00:30:00Z'))).toEqual({ open: true, closesAt: '02:00' });
    // Saturday 02:30 Paris: closed until next Friday
    expect(openingState(bar, [], new Date('2025-12-06T01:30:00Z'))).toMatchObject({
      open: false,
      opensAt: { day: '5', time: '22:00', date: '2025-12-12' }
    });
  });

  it('joins a range ending at midnight with one starting at midnight', () => {
    const late: WeeklyHours = { '1': [['18:00', '24:00']], '2': [['00:00', '02:00']] };
    // Monday 2025-12-01 23:00 Paris
    expect(openingState(late, [], new Date('2025-12-01T22:00:00Z'))).toEqual({ open: true, closesAt: '02:00' });
  });

  it('stays closed on closed dates, but not for the night before', () => {
    expect(openingState(shop, ['2025-12-02'], new Date('2025-12-02T10:00:00Z'))).toEqual({
      open: false,
      opensAt: { day: '3', time: '09:30', date: '2025-12-03' }
    });
    const bar: WeeklyHours = { '5': [['22:00', '02:00']], '6': [['22:00', '02:00']] };
    // Saturday 01:00 is Friday night's range: open even though Saturday is closed.
    expect(openingState(bar, ['2025-12-06'], new Date('2025-12-06T00:00:00Z'))).toEqual({ open: true, closesAt: '02:00' });
    // Saturday 23:00: closed (Saturday is a closed date).
    expect(openingState(bar, ['2025-12-06'], new Date('2025-12-06T22:00:00Z')).open).toBe(false);
  });

  it('uses Paris summer time (DST), not a fixed offset', () => {
    const sunday: WeeklyHours = { '7': [['10:00', '12:00']] };
    // 2025-03-30: clocks go forward at 02:00. 08:30Z is 10:30 in Paris (09:30 in UTC+1).
    expect(openingState(sunday, [], new Date('2025-03-30T08:30:00Z'))).toEqual({ open: true, closesAt: '12:00' });
    // 2025-10-26: clocks go back at 03:00. 09:30Z is 10:30 in Paris (11:30 in UTC+2).
    expect(openingState(sunday, [], new Date('2025-10-26T09:30:00Z'))).toEqual({ open: true, closesAt: '12:00' });
    // 2025-10-26 10:30Z is 11:30 Paris, and 11:00Z is 12:00: closed.
    expect(openingState(sunday, [], new Date('2025-10-26T11:00:00Z')).open).toBe(false);
    // Winter: 2025-01-12 (Sunday) 08:30Z is 09:30 Paris → not yet open.
    expect(openingState(sunday, [], new Date('2025-01-12T08:30:00Z'))).toEqual({
      open: false,
      opensAt: { day: '7', time: '10:00', date: '2025-01-12' }
    });
  });

  it('is open without a closing time when open around the clock', () => {
    const h: WeeklyHours = {};
    for (const d of ['1', '2', '3', '4', '5', '6', '7'] as const) h[d] = [['00:00', '24:00']];
    expect(openingState(h, [], new Date('2025-12-02T10:00:00Z'))).toEqual({ open: true });
  });

  it('is closed with no next opening when it never opens', () => {
    expect(openingState({}, [], new Date('2025-12-02T10:00:00Z'))).toEqual({ open: false });
  });
});

describe('weekSchedule', () => {
  it('lists Monday to Sunday with sorted ranges', () => {
    const rows = weekSchedule(shop);
    expect(rows.map((r) => r.day)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(rows[0]).toEqual({ day: '1', ranges: [], closed: true, allDay: false });
    expect(rows[1].ranges).toEqual([
      ['09:30', '12:30'],
      ['14:00', '19:00']
    ]);
    expect(rows[5]).toEqual({ day: '6', ranges: [['10:00', '19:00']], closed: false, allDay: false });
  });

  it('shows null hours as open all day', () => {
    expect(weekSchedule(null).every((r) => r.allDay && !r.closed)).toBe(true);
  });
});
