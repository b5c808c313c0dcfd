import { describe, expect, it } from 'vitest';
import { ellipsis, formatCount, formatDistance, formatEventDate, formatPrice, parisDateTime } from '../../src/lib/format';
import { formatDateRange, formatRelativeDay } from '../../src/lib/format-days';

const NB = '\u00a0'; // no-break space
const NNB = '\u202f'; // narrow no-break space
// Monday 1 December 2025, 11:00 in Paris.
const now = new Date('2025-12-01T10:00:00Z');

describe('formatPrice', () => {
  it('uses French typography in French', () => {
    expect(formatPrice(1250, 'fr')).toBe(`12,50${NNB}€`);
    expect(formatPrice(123456, 'fr')).toBe(`1${NNB}234,56${NNB}€`);
    expect(formatPrice(0, 'fr')).toBe(`0,00${NNB}€`);
  });

  it('puts the euro sign first in English', () => {
    expect(formatPrice(1250, 'en')).toBe('€12.50');
    expect(formatPrice(123456, 'en')).toBe('€1,234.56');
  });
});

describe('formatEventDate', () => {
  it('writes day, date and hour in Paris time', () => {
    expect(formatEventDate('2025-12-06T19:00:00Z', 'fr', now)).toBe(`sam. 6 déc., 20${NB}h`);
    expect(formatEventDate('2025-12-06T19:30:00Z', 'fr', now)).toBe(`sam. 6 déc., 20${NB}h${NB}30`);
    expect(formatEventDate('2025-12-06T19:00:00Z', 'en', now)).toBe('Sat 6 Dec, 8 pm');
    expect(formatEventDate('2025-12-06T19:30:00Z', 'en', now)).toBe('Sat 6 Dec, 8:30 pm');
  });

  it('says today and tomorrow by the Paris calendar', () => {
    expect(formatEventDate('2025-12-01T19:00:00Z', 'fr', now)).toBe(`aujourd’hui, 20${NB}h`);
    expect(formatEventDate('2025-12-01T19:00:00Z', 'en', now)).toBe('today, 8 pm');
    expect(formatEventDate('2025-12-02T08:05:00Z', 'fr', now)).toBe(`demain, 9${NB}h${NB}05`);
    expect(formatEventDate('2025-12-02T08:00:00Z', 'en', now)).toBe('tomorrow, 9 am');
    // 23:30Z on the 1st is already 00:30 on the 2nd in Paris.
    expect(formatEventDate('2025-12-01T23:30:00Z', 'en', now)).toBe('tomorrow, 12:30 am');
  });

  it('uses summer time in summer', () => {
    const june = new Date('2026-06-01T10:00:00Z');
    expect(formatEventDate('2026-06-20T19:00:00Z', 'fr', june)).toBe(`sam. 20 juin, 21${NB}h`);
    expect(formatEventDate('2026-06-20T10:00:00Z', 'en', june)).toBe('Sat 20 Jun, 12 pm');
  });

  it('adds the year when the date is far away', () => {
    expect(formatEventDate('2026-09-05T18:00:00Z', 'fr', now)).toBe(`sam. 5 sept. 2026, 20${NB}h`);
  });
});

describe('formatDateRange', () => {
  it('shows one day with its two times', () => {
    expect(formatDateRange('2025-12-06T19:00:00Z', '2025-12-06T21:30:00Z', 'fr', now)).toBe(
      `sam. 6 déc., 20${NB}h – 22${NB}h${NB}30`
    );
    expect(formatDateRange('2025-12-06T19:00:00Z', '2025-12-06T21:30:00Z', 'en', now)).toBe('Sat 6 Dec, 8 pm – 10:30 pm');
  });

  it('shows several days as a span', () => {
    expect(formatDateRange('2025-12-06T09:00:00Z', '2025-12-14T17:00:00Z', 'fr', now)).toBe('du 6 au 14 déc.');
    expect(formatDateRange('2025-12-06T09:00:00Z', '2025-12-14T17:00:00Z', 'en', now)).toBe('6–14 Dec');
    expect(formatDateRange('2025-11-28T09:00:00Z', '2025-12-03T17:00:00Z', 'fr', now)).toBe('du 28 nov. au 3 déc.');
    expect(formatDateRange('2025-11-28T09:00:00Z', '2025-12-03T17:00:00Z', 'en', now)).toBe('28 Nov – 3 Dec');
    expect(formatDateRange('2025-12-28T09:00:00Z', '2026-01-03T17:00:00Z', 'fr', now)).toBe(
      'du 28 déc. 2025 au 3 janv. 2026'
    );
  });

  it('falls back to the start alone without an end', () => {
    expect(formatDateRange('2025-12-06T19:00:00Z', null, 'en', now)).toBe('Sat 6 Dec, 8 pm');
  });
});

describe('formatCount', () => {
  it('groups thousands with a narrow no-break space in French, a comma in English', () => {
    expect(formatCount(7, 'fr')).toBe('7');
    expect(formatCount(20000, 'fr')).toBe(`20${NNB}000`);
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatCount(-1500.4, 'fr')).toBe(`-1${NNB}500`);
  });
});

describe('formatDistance', () => {
  it('rounds to 10 m, then switches to km', () => {
    expect(formatDistance(347, 'fr')).toBe(`350${NB}m`);
    expect(formatDistance(347, 'en')).toBe('350 m');
    expect(formatDistance(1234, 'fr')).toBe(`1,2${NB}km`);
    expect(formatDistance(1234, 'en')).toBe('1.2 km');
    expect(formatDistance(996, 'fr')).toBe(`1${NB}km`);
    expect(formatDistance(12_345, 'en')).toBe('12 km');
  });
});

describe('formatRelativeDay', () => {
  it('names nearby days and dates further ones', () => {
    expect(formatRelativeDay('2025-12-01T22:30:00Z', 'fr', now)).toBe('aujourd’hui');
    expect(formatRelativeDay('2025-12-01T23:30:00Z', 'fr', now)).toBe('demain');
    expect(formatRelativeDay('2025-11-30T12:00:00Z', 'en', now)).toBe('yesterday');
    expect(formatRelativeDay('2025-12-06T12:00:00Z', 'fr', now)).toBe('samedi');
    expect(formatRelativeDay('2025-12-06T12:00:00Z', 'en', now)).toBe('Saturday');
    expect(formatRelativeDay('2025-12-10T12:00:00Z', 'fr', now)).toBe('mer. 10 déc.');
    expect(formatRelativeDay('2025-11-20T12:00:00Z', 'en', now)).toBe('Thu 20 Nov');
  });
});

describe('ellipsis', () => {
  it('keeps a text that fits and clips a longer one to the same length, ending in "…"', () => {
    expect(ellipsis('Marché', 6)).toBe('Marché');
    expect(ellipsis('Marché de Noël', 8)).toBe('Marché …');
    expect(ellipsis('Marché de Noël', 8)).toHaveLength(8);
    expect(ellipsis('', 3)).toBe('');
  });
});

describe('parisDateTime', () => {
  it('writes an instant in Paris time, the day before the month in English too', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    const at = '2026-12-31T23:30:00Z';
    expect(parisDateTime(at, 'en', { dateStyle: 'short', timeStyle: 'short' })).toBe('01/01/2027, 00:30');
    expect(parisDateTime(at, 'fr', { dateStyle: 'short', timeStyle: 'short' })).toBe('01/01/2027 00:30');
    expect(parisDateTime(at, 'en', { weekday: 'long', day: 'numeric', month: 'long' })).toBe('Friday 1 January');
  });

  it('reads a calendar day given at noon UTC as that same day', () => {
    expect(parisDateTime('2026-07-14T12:00:00Z', 'fr', { dateStyle: 'full' })).toBe('mardi 14 juillet 2026');
  });
});
