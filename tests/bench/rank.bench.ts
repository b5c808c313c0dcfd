import { bench, describe } from 'vitest';
import { rank } from '../../src/lib/personalisation/rank';
import { SYNTHETIC_NOW, TOULOUSE, syntheticItems } from '../fixtures/synthetic-items';

const items = syntheticItems(20_000, 42);
/** 4-theme profile: two "beaucoup", one "un peu", one muted; a few saved items and shops. */
const prefs = {
  themes: { musique: 'high', patrimoine: 'high', gastronomie: 'low', 'vie-nocturne': 'muted' } as const,
  saved: ['event-12', 'heritage-3', 'product-40'],
  followedShops: ['shop-1', 'shop-7']
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function measure(label: string, run: () => unknown, rounds = 200): void {
  for (let i = 0; i < 20; i++) run(); // warm-up (JIT)
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `[rank] ${label}: median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, ` +
      `max ${times[times.length - 1].toFixed(2)} ms`
  );
}

describe('rank 20 000 items, 4-theme profile', () => {
  console.log(`[rank] ${rank(items, prefs, SYNTHETIC_NOW).length} of ${items.length} items ranked`);
  // Same catalog array between calls (the app's case: prefs, clock or position change).
  measure('no position', () => rank(items, prefs, SYNTHETIC_NOW));
  measure('with position', () => rank(items, prefs, SYNTHETIC_NOW, TOULOUSE));
  // A new array every call: the per-array table is rebuilt each time (first feed after a
  // catalog load or delta; `prepareRank` can do it ahead of time).
  measure('cold (new array each call)', () => rank(items.slice(), prefs, SYNTHETIC_NOW), 100);

  bench('rank (no position)', () => {
    rank(items, prefs, SYNTHETIC_NOW);
  });
  bench('rank (with position)', () => {
    rank(items, prefs, SYNTHETIC_NOW, TOULOUSE);
  });
  bench('rank, cold (new array each call)', () => {
    rank(items.slice(), prefs, SYNTHETIC_NOW);
  });
});
