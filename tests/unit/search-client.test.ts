import { afterEach, describe, expect, it } from 'vitest';
import { indexCatalog } from '../../src/lib/catalog/lookup';
import { buildSearchIndex, searchItems } from '../../src/lib/personalisation/search';
import { createSearcher } from '../../src/lib/personalisation/search-client';
import { SYNTHETIC_NOW as NOW, SYNTHETIC_THEMES, syntheticItems } from '../fixtures/synthetic-items';

const catalog = indexCatalog({ version: 7, themes: SYNTHETIC_THEMES, items: syntheticItems(800, 11) });
const reference = buildSearchIndex(catalog.snapshot.items, catalog.snapshot.themes);
const prefs = { themes: { musique: 'high', sport: 'muted' } as const };
const QUERIES = ['concert', 'basilque sernin', 'marche', 'atelier', 'zzqxwv'];
const expected = (q: string) => searchItems(reference, q, prefs, NOW, 50).map((h) => [h.item.id, h.score]);

/**
 * A stand-in for the browser's Worker that runs search.worker.ts in this process, with the same
 * asynchronous, structured-cloned messages (the module is evaluated once; the latest instance
 * receives its answers).
 */
let workerHandler: ((event: { data: unknown }) => void) | null = null;
let current: InProcessWorker | null = null;
const workerScope = {
  postMessage: (data: unknown) => {
    const target = current;
    setTimeout(() => target?.dispatchEvent(new MessageEvent('message', { data: structuredClone(data) })));
  },
  set onmessage(handler: (event: { data: unknown }) => void) {
    workerHandler = handler;
  }
};

class InProcessWorker extends EventTarget {
  static broken = false;
  #ready: Promise<unknown>;
  constructor(url: URL, options: WorkerOptions) {
    super();
    expect(url.pathname).toMatch(/search\.worker\.ts$/);
    expect(options.type).toBe('module');
    current = this;
    (globalThis as { self?: unknown }).self = workerScope;
    this.#ready = import('../../src/lib/personalisation/search.worker');
  }
  postMessage(data: unknown) {
    const copy = structuredClone(data);
    void this.#ready.then(() =>
      setTimeout(() => {
        if (InProcessWorker.broken) this.dispatchEvent(new Event('error'));
        else workerHandler?.({ data: copy });
      })
    );
  }
  terminate() {}
}

afterEach(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
  delete (globalThis as { self?: unknown }).self;
  InProcessWorker.broken = false;
});

describe('createSearcher', () => {
  it('without Worker (Node, old browsers) searches on the main thread, like searchItems', async () => {
    const searcher = createSearcher();
    for (const q of QUERIES) {
      expect((await searcher.search(catalog, q, prefs, NOW, 50)).map((h) => [h.item.id, h.score])).toEqual(expected(q));
    }
  });

  it('with a worker: the same hits, resolved to the page’s own item objects', async () => {
    (globalThis as { Worker?: unknown }).Worker = InProcessWorker;
    const searcher = createSearcher();
    const answers = await Promise.all(QUERIES.map((q) => searcher.search(catalog, q, prefs, NOW, 50)));
    answers.forEach((hits, i) => expect(hits.map((h) => [h.item.id, h.score])).toEqual(expected(QUERIES[i])));
    expect(answers[0][0].item).toBe(catalog.byId.get(answers[0][0].item.id));
    searcher.dispose();
  });

  it('a page that leaves before its first search starts no worker', async () => {
    let started = 0;
    (globalThis as { Worker?: unknown }).Worker = class extends InProcessWorker {
      constructor(url: URL, options: WorkerOptions) {
        super(url, options);
        started++;
      }
    };
    const searcher = createSearcher();
    const pending = searcher.search(catalog, 'concert', prefs, NOW, 50);
    searcher.dispose();
    expect(await pending).toEqual([]);
    expect(started).toBe(0);
    // Searching again later (the page came back) works as before.
    expect((await searcher.search(catalog, 'concert', prefs, NOW, 50)).length).toBeGreaterThan(0);
    expect(started).toBe(1);
    searcher.dispose();
  });

  it('falls back to the main thread when the worker fails', async () => {
    (globalThis as { Worker?: unknown }).Worker = InProcessWorker;
    InProcessWorker.broken = true;
    const searcher = createSearcher();
    expect((await searcher.search(catalog, 'concert', prefs, NOW, 50)).map((h) => [h.item.id, h.score])).toEqual(expected('concert'));
    expect((await searcher.search(catalog, 'atelier', prefs, NOW, 50)).map((h) => [h.item.id, h.score])).toEqual(expected('atelier'));
  });
});
