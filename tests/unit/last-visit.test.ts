import { describe, expect, it } from 'vitest';
import { changedAt, newSince, parseVisitMemo, startVisit, VISIT_GAP_MS, type VisitMemo } from '../../src/lib/personalisation/last-visit';
import { defaultPrefs } from '../../src/lib/personalisation/prefs';
import { prefsSchema } from '../../src/lib/personalisation/prefs-schema';
import { makeEditorial, makeShop } from '../fixtures/synthetic-items';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const t0 = new Date('2026-03-10T09:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

/** Replays app starts at the given offsets, carrying lastVisit and the memo like the store does. */
function replay(offsets: number[], initial: { lastVisit: string | null; memo: VisitMemo | null } = { lastVisit: null, memo: null }) {
  let { lastVisit, memo } = initial;
  return offsets.map((offset) => {
    const visit = startVisit(lastVisit, memo, at(offset));
    lastVisit = visit.lastVisit;
    memo = parseVisitMemo(JSON.stringify(visit.memo));
    return visit.since;
  });
}

describe('startVisit', () => {
  it('has no reference on a first visit and records the start', () => {
    const visit = startVisit(null, null, t0);
    expect(visit).toEqual({ since: null, lastVisit: t0.toISOString(), memo: { since: null, at: t0.toISOString() } });
  });

  it('takes the previous visit as the reference of the next one', () => {
    expect(replay([0, 2 * DAY])).toEqual([null, t0.toISOString()]);
  });

  it('keeps the same reference on reloads within the visit, even a long visit of short gaps', () => {
    const since = replay([0, 3 * DAY, 3 * DAY + 5 * MIN, 3 * DAY + 29 * MIN, 3 * DAY + 55 * MIN]);
    expect(since).toEqual([null, t0.toISOString(), t0.toISOString(), t0.toISOString(), t0.toISOString()]);
  });

  it('keeps "no reference" on reloads of a first visit', () => {
    expect(replay([0, 10 * MIN, 20 * MIN])).toEqual([null, null, null]);
  });

  it('starts a new visit after the gap, measured from the last start', () => {
    const since = replay([0, DAY, DAY + 10 * MIN, DAY + 10 * MIN + VISIT_GAP_MS]);
    expect(since[3]).toBe(at(DAY + 10 * MIN).toISOString());
  });

  it('ignores a memo that does not belong to the stored last visit (import, reset)', () => {
    const lastVisit = at(-2 * DAY).toISOString();
    const foreign: VisitMemo = { since: at(-30 * DAY).toISOString(), at: at(-5 * MIN).toISOString() };
    expect(startVisit(lastVisit, foreign, t0).since).toBe(lastVisit);
    // A reset clears lastVisit: back to a first visit whatever the memo says.
    expect(startVisit(null, foreign, t0).since).toBeNull();
  });

  it('treats a last visit in the future (clock changed) as a new visit', () => {
    const future = at(2 * MIN).toISOString();
    const memo: VisitMemo = { since: at(-DAY).toISOString(), at: future };
    expect(startVisit(future, memo, t0).since).toBe(future);
  });

  it('writes values the preferences schema accepts', () => {
    const visit = startVisit(null, null, t0);
    expect(prefsSchema.safeParse({ ...defaultPrefs(), lastVisit: visit.lastVisit }).success).toBe(true);
  });
});

describe('parseVisitMemo', () => {
  it('reads what startVisit writes', () => {
    const memo = startVisit(at(-DAY).toISOString(), null, t0).memo;
    expect(parseVisitMemo(JSON.stringify(memo))).toEqual(memo);
    expect(parseVisitMemo(JSON.stringify({ since: null, at: t0.toISOString() }))).toEqual({ since: null, at: t0.toISOString() });
  });

  it.each([
    ['nothing', null],
    ['empty', ''],
    ['not JSON', '{since'],
    ['an array', '[]'],
    ['no at', JSON.stringify({ since: null })],
    ['a bad at', JSON.stringify({ since: null, at: 'yesterday' })],
    ['a bad since', JSON.stringify({ since: 12, at: t0.toISOString() })],
    ['a non-date since', JSON.stringify({ since: '2026-99-99T00:00:00Z', at: t0.toISOString() })],
    ['too long', JSON.stringify({ since: null, at: t0.toISOString(), pad: 'x'.repeat(300) })]
  ])('rejects %s', (_label, raw) => {
    expect(parseVisitMemo(raw)).toBeNull();
  });
});

describe('newSince', () => {
  const news = (updated: string, published: string) => makeEditorial('news', 1, { updated_at: updated, published_at: published });
  const shop = (updated: string) => makeShop(1, { updated_at: updated });

  it('marks nothing without a reference', () => {
    expect(newSince(null)(shop('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('compares the later of updated_at and published_at with the reference, across offsets', () => {
    const isNew = newSince('2026-03-10T10:00:00+01:00'); // = 09:00Z
    expect(isNew(shop('2026-03-10T09:00:01Z'))).toBe(true);
    expect(isNew(shop('2026-03-10T09:00:00Z'))).toBe(false);
    expect(isNew(shop('2026-03-10T09:30:00+01:00'))).toBe(false);
    expect(isNew(news('2026-03-01T00:00:00Z', '2026-03-10T12:00:00Z'))).toBe(true);
    expect(isNew(news('2026-03-11T00:00:00Z', '2026-03-01T00:00:00Z'))).toBe(true);
    expect(isNew(news('2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'))).toBe(false);
  });

  it('changedAt survives a missing date', () => {
    expect(changedAt(news('garbage', '2026-03-02T00:00:00Z'))).toBe(Date.parse('2026-03-02T00:00:00Z'));
  });
});
