import { describe, expect, it } from 'vitest';
import {
  defaultPrefs,
  setThemeWeight,
  toggleFollowShop,
  toggleSaved,
  type Prefs
} from '../../src/lib/personalisation/prefs';
import { exportPrefs } from '../../src/lib/personalisation/prefs-file';
import { parsePrefsImport, prefsSchema } from '../../src/lib/personalisation/prefs-schema';

const sample: Prefs = {
  v: 1,
  themes: { musique: 'high', 'vie-nocturne': 'muted', patrimoine: 'low' },
  saved: ['event-12', 'heritage-3'],
  followedShops: ['shop-7'],
  locale: 'en',
  onboarded: true,
  lastVisit: '2025-12-01T18:30:00.000Z'
};
const envelope = (prefs: unknown, over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'placette-preferences', v: 1, exported_at: '2025-12-04T10:00:00.000Z', prefs, ...over });

describe('prefsSchema', () => {
  it('accepts the defaults and a full profile', () => {
    expect(prefsSchema.safeParse(defaultPrefs()).success).toBe(true);
    expect(prefsSchema.safeParse(sample).success).toBe(true);
  });

  it.each([
    ['an uppercase theme slug', { themes: { Musique: 'high' } }],
    ['an unknown weight', { themes: { musique: 'medium' } }],
    ['a malformed catalog id', { saved: ['event-012'] }],
    ['a non-shop followed id', { followedShops: ['event-3'] }],
    ['an unknown locale', { locale: 'de' }],
    ['another version', { v: 2 }],
    ['a non-ISO last visit', { lastVisit: 'yesterday' }],
    ['an unexpected key', { extra: true }]
  ])('rejects %s', (_label, over) => {
    expect(prefsSchema.safeParse({ ...sample, ...over }).success).toBe(false);
  });

  it('never lets a "__proto__" key through', () => {
    const r = parsePrefsImport(envelope({ ...sample, themes: JSON.parse('{"__proto__": "high", "musique": "low"}') }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.prefs.themes)).toEqual(['musique']);
    expect(Object.getPrototypeOf(r.prefs.themes)).toBe(Object.prototype);
  });

  it('bounds the sizes', () => {
    const themes = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`t${i}`, 'low']));
    expect(prefsSchema.safeParse({ ...sample, themes }).success).toBe(false);
    const saved = Array.from({ length: 2001 }, (_, i) => `event-${i + 1}`);
    expect(prefsSchema.safeParse({ ...sample, saved }).success).toBe(false);
    expect(prefsSchema.safeParse({ ...sample, saved: saved.slice(0, 2000) }).success).toBe(true);
  });
});

describe('export / import', () => {
  it('round-trips through the export file', () => {
    const text = exportPrefs(sample, new Date('2025-12-04T10:00:00Z'));
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'placette-preferences', v: 1, exported_at: '2025-12-04T10:00:00.000Z' });
    expect(text).toContain('\n  "format"'); // pretty-printed
    expect(parsePrefsImport(text)).toEqual({ ok: true, prefs: sample });
  });

  it('says "not-json" for text that is not JSON', () => {
    expect(parsePrefsImport('{"format": ')).toEqual({ ok: false, error: 'not-json' });
    expect(parsePrefsImport('')).toEqual({ ok: false, error: 'not-json' });
  });

  it('says "wrong-format" for JSON that is not a Placette export', () => {
    expect(parsePrefsImport('[1, 2]')).toEqual({ ok: false, error: 'wrong-format' });
    expect(parsePrefsImport(JSON.stringify(sample))).toEqual({ ok: false, error: 'wrong-format' });
    expect(parsePrefsImport(envelope(sample, { format: 'other-app' }))).toEqual({ ok: false, error: 'wrong-format' });
    expect(parsePrefsImport(envelope(sample, { v: 2 }))).toEqual({ ok: false, error: 'wrong-format' });
  });

  it('says "invalid" for a Placette export with bad content', () => {
    expect(parsePrefsImport(envelope({ ...sample, themes: { musique: 'loud' } }))).toEqual({
      ok: false,
      error: 'invalid'
    });
    expect(parsePrefsImport(envelope(null))).toEqual({ ok: false, error: 'invalid' });
  });

  it('accepts a byte-order mark and removes duplicate ids', () => {
    const text = '\uFEFF' + envelope({ ...sample, saved: ['event-1', 'event-2', 'event-1'] });
    const r = parsePrefsImport(text);
    expect(r.ok && r.prefs.saved).toEqual(['event-1', 'event-2']);
  });
});

describe('updaters', () => {
  it('setThemeWeight sets, changes and removes without mutating', () => {
    const p0 = defaultPrefs();
    const p1 = setThemeWeight(p0, 'musique', 'high');
    const p2 = setThemeWeight(p1, 'musique', 'low');
    const p3 = setThemeWeight(p2, 'musique', null);
    expect(p0.themes).toEqual({});
    expect(p1.themes).toEqual({ musique: 'high' });
    expect(p2.themes).toEqual({ musique: 'low' });
    expect(p3.themes).toEqual({});
    expect(() => setThemeWeight(p0, 'Not A Slug', 'high')).toThrow(RangeError);
  });

  it('toggleSaved adds newest first and removes', () => {
    const p1 = toggleSaved(toggleSaved(defaultPrefs(), 'event-1'), 'shop-2');
    expect(p1.saved).toEqual(['shop-2', 'event-1']);
    const p2 = toggleSaved(p1, 'event-1');
    expect(p2.saved).toEqual(['shop-2']);
    expect(p1.saved).toEqual(['shop-2', 'event-1']);
  });

  it('toggleFollowShop only takes shop ids', () => {
    const p = toggleFollowShop(defaultPrefs(), 'shop-3');
    expect(p.followedShops).toEqual(['shop-3']);
    expect(toggleFollowShop(p, 'shop-3').followedShops).toEqual([]);
    expect(() => toggleFollowShop(p, 'product-3')).toThrow(RangeError);
  });

  it('keeps the result valid for the schema', () => {
    let p = defaultPrefs();
    p = setThemeWeight(p, 'cinema', 'muted');
    p = toggleSaved(p, 'deal-4');
    p = toggleFollowShop(p, 'shop-1');
    expect(prefsSchema.safeParse(p).success).toBe(true);
  });
});
