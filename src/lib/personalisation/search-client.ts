/**
 * Searches the device's catalog copy without blocking the page: the index lives in a Web Worker
 * (search.worker.ts) when the browser can start one, otherwise it is built on the main thread in
 * short slices. Either way the results are those of `searchItems` (search.ts).
 */
import type { CatalogIndex } from '../catalog/lookup';
import { nextTask } from '../next-task';
import type { Prefs } from './prefs';
import { buildSearchIndexInSlices, searchItems, type SearchHit, type SearchIndex } from './search';
import type { SearchWorkerHits, SearchWorkerRequest } from './search.worker';

export interface Searcher {
  search(catalog: CatalogIndex, query: string, prefs: Pick<Prefs, 'themes'>, now: Date, limit: number): Promise<SearchHit[]>;
  /** Stops the worker (when the page that searches goes away). */
  dispose(): void;
}

/** Main-thread search: one index per catalog copy, built in slices. */
function mainThreadSearcher(): Searcher {
  const built = new WeakMap<CatalogIndex, Promise<SearchIndex>>();
  return {
    async search(catalog, query, prefs, now, limit) {
      let index = built.get(catalog);
      if (!index) {
        index = buildSearchIndexInSlices(catalog.snapshot.items, catalog.snapshot.themes);
        built.set(catalog, index);
      }
      return searchItems(await index, query, prefs, now, limit);
    },
    dispose() {}
  };
}

function workerSearcher(worker: Worker, fallback: () => Searcher): Searcher {
  let loadedVersion: number | null = null;
  let seq = 0;
  let failed: Searcher | null = null;
  const pending = new Map<number, { resolve: (hits: SearchHit[]) => void; retry: () => Promise<SearchHit[]> }>();

  const fail = () => {
    if (failed) return;
    failed = fallback();
    worker.terminate();
    for (const { resolve, retry } of pending.values()) void retry().then(resolve);
    pending.clear();
  };
  worker.addEventListener('error', fail);
  worker.addEventListener('messageerror', fail);

  return {
    search(catalog, query, prefs, now, limit) {
      if (failed) return failed.search(catalog, query, prefs, now, limit);
      const { version, items, themes } = catalog.snapshot;
      const post = (message: SearchWorkerRequest) => worker.postMessage(message);
      if (loadedVersion !== version) {
        post({ type: 'load', version, items, themes });
        loadedVersion = version;
      }
      const id = ++seq;
      return new Promise<SearchHit[]>((resolve) => {
        pending.set(id, { resolve, retry: () => (failed ?? fallback()).search(catalog, query, prefs, now, limit) });
        const onMessage = (event: MessageEvent<SearchWorkerHits>) => {
          if (event.data.seq !== id) return;
          worker.removeEventListener('message', onMessage);
          pending.delete(id);
          // Ids are resolved against the page's own copy (the same version unless a sync landed).
          const hits: SearchHit[] = [];
          for (const [itemId, score] of event.data.hits) {
            const item = catalog.byId.get(itemId);
            if (item) hits.push({ item, score });
          }
          resolve(hits);
        };
        worker.addEventListener('message', onMessage);
        post({ type: 'search', seq: id, query, themes: { ...prefs.themes }, now: now.getTime(), limit });
      });
    },
    dispose() {
      worker.terminate();
      pending.clear();
    }
  };
}

function startSearcher(): Searcher {
  if (typeof Worker === 'undefined') return mainThreadSearcher();
  try {
    const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
    return workerSearcher(worker, mainThreadSearcher);
  } catch {
    return mainThreadSearcher();
  }
}

/** A searcher that starts its worker on the first search. */
export function createSearcher(): Searcher {
  let searcher: Searcher | null = null;
  /** Counts disposals: a search that waited across one must not start a worker for nobody. */
  let disposals = 0;
  return {
    async search(catalog, query, prefs, now, limit) {
      if (!searcher) {
        // Starting the worker and handing it the catalog take a task of their own, not the end
        // of the one that has just received the catalog (or hydrated the page).
        const before = disposals;
        await nextTask();
        if (disposals !== before) return [];
      }
      searcher ??= startSearcher();
      return searcher.search(catalog, query, prefs, now, limit);
    },
    dispose() {
      disposals++;
      searcher?.dispose();
      searcher = null;
    }
  };
}
