import { bench, describe } from 'vitest';
import { buildSearchIndex, searchItems } from '../../src/lib/personalisation/search';
import { SYNTHETIC_NOW, SYNTHETIC_THEMES, syntheticItems } from '../fixtures/synthetic-items';

const items = syntheticItems(10_000, 42);
const prefs = { themes: { musique: 'high', patrimoine: 'high', gastronomie: 'low', 'vie-nocturne': 'muted' } as const };

/** Realistic queries: accents left out, prefixes (as typed), typos, several words. */
const QUERIES = [
  'theatre',
  'théâtre capitole',
  'capitol',
  'jacobin',
  'basilque',
  'basilique saint sernin',
  'concert jazz',
  'jaz',
  'musee augustins',
  'cinematheque',
  'expo',
  'marche victor hugo',
  'fromagerie',
  'cheese',
  'vin de fronton',
  'chocolat violete',
  'canal du midi',
  'cite de l espace',
  'atelier creatif',
  'garone'
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (x: number) => `${x.toFixed(2)} ms`;

describe('search, 10 000-item index', () => {
  const buildTimes: number[] = [];
  let index = buildSearchIndex(items, SYNTHETIC_THEMES); // warm-up
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    index = buildSearchIndex(items, SYNTHETIC_THEMES);
    buildTimes.push(performance.now() - t);
  }
  buildTimes.sort((a, b) => a - b);
  console.log(`[search] build 10 000 items: median ${ms(percentile(buildTimes, 50))}, max ${ms(buildTimes[buildTimes.length - 1])}`);

  // Plain loop of 200 queries (10 rounds of the 20), after one warm-up round: p50 / p95.
  for (const q of QUERIES) searchItems(index, q, prefs, SYNTHETIC_NOW);
  const all: number[] = [];
  const perQuery = new Map<string, number[]>(QUERIES.map((q) => [q, []]));
  const hitCount = new Map<string, number>();
  for (let round = 0; round < 10; round++) {
    for (const q of QUERIES) {
      const t = performance.now();
      const hits = searchItems(index, q, prefs, SYNTHETIC_NOW);
      const d = performance.now() - t;
      all.push(d);
      perQuery.get(q)!.push(d);
      hitCount.set(q, hits.length);
    }
  }
  all.sort((a, b) => a - b);
  console.log(
    `[search] 200 queries: p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}, max ${ms(all[all.length - 1])}`
  );
  for (const [q, times] of perQuery) {
    times.sort((a, b) => a - b);
    console.log(
      `[search]   ${JSON.stringify(q).padEnd(26)} hits ${String(hitCount.get(q)).padStart(2)}  ` +
        `p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}`
    );
  }

  bench('build index (10 000 items)', () => {
    buildSearchIndex(items, SYNTHETIC_THEMES);
  }, { iterations: 5, time: 0 });

  let k = 0;
  bench('one query (cycling through 20)', () => {
    searchItems(index, QUERIES[k++ % QUERIES.length], prefs, SYNTHETIC_NOW);
  });

  bench('all 20 queries', () => {
    for (const q of QUERIES) searchItems(index, q, prefs, SYNTHETIC_NOW);
  });
});
