import { describe, expect, it } from 'vitest';
import { parisInstant } from '../../src/lib/catalog/hours';
import { findSlot, pickupSlots, readyAt, type SlotShop } from '../../src/lib/orders/slots';

const classic: SlotShop = {
  // Tuesday → Saturday with a lunch break; Sunday morning; closed Monday.
  hours: {
    '2': [['10:00', '13:00'], ['14:00', '19:00']],
    '3': [['10:00', '13:00'], ['14:00', '19:00']],
    '4': [['10:00', '13:00'], ['14:00', '19:00']],
    '5': [['10:00', '13:00'], ['14:00', '19:00']],
    '6': [['10:00', '13:00'], ['14:00', '19:00']],
    '7': [['09:00', '12:00']]
  },
  closedDates: [],
  slotMinutes: 15,
  slotCapacity: 2,
  prepMinutes: 30
};

/** Paris wall time "YYYY-MM-DD HH:MM" → epoch ms. */
const paris = (s: string) => {
  const [date, hm] = s.split(' ');
  const [h, m] = hm.split(':').map(Number);
  return parisInstant(date, h * 60 + m);
};
const wall = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

describe('pickup slots', () => {
  // Wednesday 2026-12-02.
  const wed = '2026-12-02';

  it('cuts each opening range into slots and skips the lunch break', () => {
    const slots = pickupSlots(classic, wed, paris('2026-12-01 08:00'));
    expect(slots).toHaveLength(12 + 20);
    expect(slots.map((s) => wall(s.start)).slice(10, 14)).toEqual(['12:30', '12:45', '14:00', '14:15']);
    expect(wall(slots.at(-1)!.end)).toBe('19:00');
    expect(slots.every((s) => Date.parse(s.end) - Date.parse(s.start) === 15 * 60_000)).toBe(true);
    expect(slots[0]).toEqual({ start: '2026-12-02T09:00:00.000Z', end: '2026-12-02T09:15:00.000Z', left: 2 });
  });

  it('subtracts what is booked and lists a full slot with 0 left', () => {
    const booked = new Map([
      ['2026-12-02T09:00:00.000Z', 1],
      ['2026-12-02T09:15:00.000Z', 2],
      ['2026-12-02T09:30:00.000Z', 5]
    ]);
    const slots = pickupSlots(classic, wed, paris('2026-12-01 08:00'), booked);
    expect(slots.slice(0, 4).map((s) => s.left)).toEqual([1, 0, 0, 2]);
  });

  it('offers nothing on a closed weekday, an exceptional closure, in the past or beyond the horizon', () => {
    const now = paris('2026-12-01 08:00');
    expect(pickupSlots(classic, '2026-12-07', now)).toEqual([]); // Monday
    expect(pickupSlots({ ...classic, closedDates: [wed] }, wed, now)).toEqual([]);
    expect(pickupSlots(classic, '2026-11-28', now)).toEqual([]);
    expect(pickupSlots(classic, '2026-12-16', now)).toEqual([]); // 15 days ahead
    expect(pickupSlots(classic, '2026-12-15', now).length).toBeGreaterThan(0); // 14 days ahead
  });

  it('keeps the preparation time ahead of now', () => {
    const slots = pickupSlots(classic, wed, paris(`${wed} 10:20`));
    expect(wall(slots[0].start)).toBe('11:00'); // ready at 10:50, next slot 11:00
  });

  it('counts preparation in opening time across the lunch break', () => {
    expect(readyAt(classic, paris(`${wed} 12:50`))).toBe(paris(`${wed} 14:20`));
    expect(wall(pickupSlots(classic, wed, paris(`${wed} 12:50`))[0].start)).toBe('14:30');
  });

  it('near closing, moves the preparation to the next opening day', () => {
    const now = paris(`${wed} 18:50`);
    expect(pickupSlots(classic, wed, now)).toEqual([]);
    expect(readyAt(classic, now)).toBe(paris('2026-12-03 10:20'));
    expect(wall(pickupSlots(classic, '2026-12-03', now)[0].start)).toBe('10:30');
    // Saturday evening → Sunday morning (Monday closed): ready Sunday 09:20.
    expect(readyAt(classic, paris('2026-12-05 18:50'))).toBe(paris('2026-12-06 09:20'));
    // …and when Sunday is an exceptional closure, Tuesday.
    expect(readyAt({ ...classic, closedDates: ['2026-12-06'] }, paris('2026-12-05 18:50'))).toBe(paris('2026-12-08 10:20'));
  });

  it('a shop closed for the whole horizon has no slot and no ready time', () => {
    expect(readyAt({ ...classic, hours: {} }, paris(`${wed} 10:00`))).toBeNull();
    expect(pickupSlots({ ...classic, hours: {} }, wed, paris(`${wed} 08:00`))).toEqual([]);
  });

  it('uses real minutes on the day clocks go forward (29 March 2026)', () => {
    const allNight: SlotShop = { ...classic, hours: { '7': [['00:00', '06:00']] }, slotMinutes: 60, prepMinutes: 0 };
    const slots = pickupSlots(allNight, '2026-03-29', paris('2026-03-28 12:00'));
    // 00:00 → 06:00 is five real hours: 02:00–03:00 does not exist.
    expect(slots.map((s) => wall(s.start))).toEqual(['00:00', '01:00', '03:00', '04:00', '05:00']);
    expect(slots[2].start).toBe('2026-03-29T01:00:00.000Z');
  });

  it('uses real minutes on the day clocks go back (25 October 2026)', () => {
    const allNight: SlotShop = { ...classic, hours: { '7': [['00:00', '06:00']] }, slotMinutes: 60, prepMinutes: 0 };
    const slots = pickupSlots(allNight, '2026-10-25', paris('2026-10-24 12:00'));
    // Seven real hours: 02:00 happens twice.
    expect(slots.map((s) => wall(s.start))).toEqual(['00:00', '01:00', '02:00', '02:00', '03:00', '04:00', '05:00']);
    expect(new Set(slots.map((s) => s.start)).size).toBe(7);
  });

  it('shop hours on a DST Sunday are the same wall-clock hours', () => {
    const spring = pickupSlots(classic, '2026-03-29', paris('2026-03-27 12:00'));
    expect(spring.map((s) => wall(s.start))[0]).toBe('09:00');
    expect(spring[0].start).toBe('2026-03-29T07:00:00.000Z');
    expect(spring).toHaveLength(12);
    const autumn = pickupSlots(classic, '2026-10-25', paris('2026-10-23 12:00'));
    expect(autumn[0].start).toBe('2026-10-25T08:00:00.000Z');
    expect(autumn).toHaveLength(12);
  });

  it('an overnight range belongs to the day it starts, and a closure there closes it', () => {
    const bar: SlotShop = { ...classic, hours: { '5': [['22:00', '02:00']] }, slotMinutes: 60, prepMinutes: 0 };
    const friday = '2026-12-04';
    const slots = pickupSlots(bar, friday, paris('2026-12-04 12:00'));
    expect(slots.map((s) => wall(s.start))).toEqual(['22:00', '23:00', '00:00', '01:00']);
    expect(findSlot(bar, Date.parse(slots[3].start), paris('2026-12-04 12:00'))).toEqual(slots[3]);
    expect(pickupSlots({ ...bar, closedDates: [friday] }, friday, paris('2026-12-04 12:00'))).toEqual([]);
  });

  it('findSlot accepts only a slot the shop offers', () => {
    const now = paris('2026-12-01 08:00');
    expect(findSlot(classic, paris(`${wed} 10:15`), now)?.start).toBe('2026-12-02T09:15:00.000Z');
    expect(findSlot(classic, paris(`${wed} 10:10`), now)).toBeNull(); // off the grid
    expect(findSlot(classic, paris(`${wed} 13:15`), now)).toBeNull(); // lunch
    expect(findSlot(classic, paris(`${wed} 10:15`), paris(`${wed} 10:00`))).toBeNull(); // too soon
  });
});
