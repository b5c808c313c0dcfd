import { describe, expect, it } from 'vitest';
import { buildSearchIndex, buildSearchIndexInSlices, searchItems } from '../../src/lib/personalisation/search';
import { SYNTHETIC_NOW as NOW, SYNTHETIC_THEMES, syntheticItems } from '../fixtures/synthetic-items';

describe('buildSearchIndexInSlices', () => {
  it('builds the same index as buildSearchIndex, yielding between slices', async () => {
    const items = syntheticItems(1500, 7);
    const whole = buildSearchIndex(items, SYNTHETIC_THEMES);
    let yields = 0;
    const tick = setInterval(() => yields++, 0);
    // A tiny slice forces many yields.
    const sliced = await buildSearchIndexInSlices(items, SYNTHETIC_THEMES, 0.5);
    clearInterval(tick);
    expect(sliced.byId.size).toBe(whole.byId.size);
    expect(sliced.mini.documentCount).toBe(whole.mini.documentCount);
    expect(yields).toBeGreaterThan(0);
    const prefs = { themes: { musique: 'high', sport: 'muted' } as const };
    for (const q of ['concert', 'basilque sernin', 'marche', 'atelier', 'fromage']) {
      const a = searchItems(whole, q, prefs, NOW, 50).map((h) => [h.item.id, h.score]);
      const b = searchItems(sliced, q, prefs, NOW, 50).map((h) => [h.item.id, h.score]);
      expect(b).toEqual(a);
    }
  });

  it('handles an empty catalog', async () => {
    expect((await buildSearchIndexInSlices([], SYNTHETIC_THEMES)).byId.size).toBe(0);
  });
});
