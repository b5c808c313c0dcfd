/// <reference lib="webworker" />
/**
 * The search index in a Web Worker: building it (~50 ms for the demo city on a laptop, several
 * times that on a phone) and querying it happen off the page's main thread. Same code as on the
 * main thread (search.ts); the page sends the catalog once per version and then queries, and
 * gets back item ids with their scores. Nothing here touches the network.
 */
import type { CatalogItem, Theme } from '../catalog/types';
import type { ThemeWeight } from './prefs';
import { buildSearchIndex, searchItems, type SearchIndex } from './search';

export type SearchWorkerRequest =
  | { type: 'load'; version: number; items: CatalogItem[]; themes: Theme[] }
  | { type: 'search'; seq: number; query: string; themes: Record<string, ThemeWeight>; now: number; limit: number };

export interface SearchWorkerHits {
  type: 'hits';
  seq: number;
  /** Catalog version the hits come from (-1 before any load). */
  version: number;
  /** [item id, score], best first. */
  hits: [string, number][];
}

let index: SearchIndex | null = null;
let version = -1;

self.onmessage = (event: MessageEvent<SearchWorkerRequest>) => {
  const request = event.data;
  if (request.type === 'load') {
    index = buildSearchIndex(request.items, request.themes);
    version = request.version;
    return;
  }
  const hits = index ? searchItems(index, request.query, { themes: request.themes }, new Date(request.now), request.limit) : [];
  const answer: SearchWorkerHits = { type: 'hits', seq: request.seq, version, hits: hits.map((h) => [h.item.id, h.score]) };
  self.postMessage(answer);
};
