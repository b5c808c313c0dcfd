/**
 * Full-text search over the catalog, entirely on the device (MiniSearch 7). Pure: runs in
 * Node, in the browser and in a Web Worker.
 *
 * Indexed: title (boost 3), summary, place + address, shop name, shop category label (fr+en)
 * and theme labels (fr+en). Terms are folded (case, accents, ligatures) and French/English
 * stop words are dropped, so "theatre" finds "Théâtre du Capitole". Queries use prefix search
 * and, for terms of 4+ characters, fuzzy search (20 % of the length: "basilque" → "Basilique").
 */
import MiniSearch from 'minisearch';
import type { CatalogItem, Theme } from '../catalog/types';
import { shopCategories } from '../catalog/shop-categories';
import type { Prefs } from './prefs';
import { nextTask } from '../next-task';
import { THEME_POINTS, parseIsoMs, themeAffinity } from './rank';
import { foldText } from './text';

/** Folded forms; short words that carry no meaning in a city-guide query. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // French
  'a', 'au', 'aux', 'avec', 'c', 'ce', 'ces', 'cet', 'cette', 'd', 'dans', 'de', 'des', 'du', 'en', 'et',
  'j', 'l', 'la', 'le', 'les', 'leur', 'leurs', 'm', 'mais', 'n', 'ne', 'ou', 'par', 'pas', 'pour', 'qu',
  'que', 'qui', 's', 'sa', 'se', 'ses', 'son', 'sur', 't', 'un', 'une', 'y',
  // English
  'an', 'and', 'at', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with'
]);

const FIELDS = ['title', 'summary', 'place', 'shop', 'category', 'themes'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Term separators: whitespace, ASCII and Latin-1 punctuation/symbols, the General Punctuation
 * block (’ “ ” – — … and the no-break spaces), currency signs, arrows and mathematical
 * operators (− ×), CJK punctuation. A plain character class is much faster than the default
 * Unicode-property tokenizer.
 */
const SEPARATORS = /[\s!-\/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20cf\u2190-\u22ff\u3000-\u303f]+/;

const FOLD_CACHE_MAX = 50_000;
const foldCache = new Map<string, string>();

/** `foldText` for one token, memoised (catalog text repeats the same words a lot). */
function foldToken(token: string): string {
  let folded = foldCache.get(token);
  if (folded === undefined) {
    folded = foldText(token);
    if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
    foldCache.set(token, folded);
  }
  return folded;
}

/** Splits text into folded terms (see `foldText`): "L’Hôtel d’Assézat" → ["l", "hotel", "d", "assezat"]. */
export function tokenize(text: string): string[] {
  const parts = text.split(SEPARATORS);
  let w = 0;
  for (let r = 0; r < parts.length; r++) {
    if (parts[r] === '') continue;
    const t = foldToken(parts[r]);
    if (t !== '') parts[w++] = t;
  }
  parts.length = w;
  return parts;
}

/** Terms are already folded by `tokenize`; this drops stop words. */
export function processTerm(term: string): string | null {
  return term === '' || STOP_WORDS.has(term) ? null : term;
}

function processTermKeepingStopWords(term: string): string | null {
  return term === '' ? null : term;
}

export interface SearchIndex {
  mini: MiniSearch<CatalogItem>;
  byId: Map<string, CatalogItem>;
  /** Events and deals: when they are over (ms), parsed once at indexing. */
  endsAt: Map<string, number>;
  themeLabels: Map<string, string>;
}

/** Past events (end, or start without end) and ended deals are not worth finding. */
function endOf(item: CatalogItem): number | null {
  if (item.kind === 'event') return parseIsoMs(item.ends_at ?? item.starts_at);
  if (item.kind === 'deal') return parseIsoMs(item.ends_at);
  return null;
}

function remember(index: SearchIndex, item: CatalogItem): void {
  index.byId.set(item.id, item);
  const end = endOf(item);
  if (end === null) index.endsAt.delete(item.id);
  else index.endsAt.set(item.id, end);
}

function extractField(themeLabels: Map<string, string>) {
  return (item: CatalogItem, field: string): string => {
    switch (field as Field | 'id') {
      case 'id':
        return item.id;
      case 'title':
        return item.title;
      case 'summary':
        return item.summary;
      case 'place':
        if (item.kind === 'event' || item.kind === 'heritage' || item.kind === 'culture' || item.kind === 'leisure' || item.kind === 'news') {
          return [item.place, item.address].filter(Boolean).join(' ');
        }
        return item.kind === 'shop' || item.kind === 'parking' ? item.address : '';
      case 'shop':
        return item.kind === 'product' || item.kind === 'deal' ? item.shop_name : '';
      case 'category': {
        if (item.kind !== 'shop') return '';
        const c = (shopCategories as Record<string, { fr: string; en: string } | undefined>)[item.category];
        return c ? `${c.fr} ${c.en}` : '';
      }
      case 'themes': {
        let s = '';
        for (const t of item.themes) {
          const l = themeLabels.get(t);
          if (l) s += (s ? ' ' : '') + l;
        }
        return s;
      }
      default:
        return '';
    }
  };
}

function newMiniSearch(themeLabels: Map<string, string>): MiniSearch<CatalogItem> {
  return new MiniSearch<CatalogItem>({
    fields: [...FIELDS],
    idField: 'id',
    storeFields: [],
    extractField: extractField(themeLabels),
    tokenize,
    processTerm,
    searchOptions: { boost: { title: 3 } }
  });
}

function startIndex(items: readonly CatalogItem[], themes: readonly Theme[]): { index: SearchIndex; unique: CatalogItem[] } {
  const themeLabels = new Map<string, string>();
  for (const t of themes) themeLabels.set(t.slug, `${t.labels.fr} ${t.labels.en}`);
  const index: SearchIndex = { mini: newMiniSearch(themeLabels), byId: new Map(), endsAt: new Map(), themeLabels };
  const unique: CatalogItem[] = [];
  for (const item of items) {
    if (index.byId.has(item.id)) continue;
    remember(index, item);
    unique.push(item);
  }
  return { index, unique };
}

/** Builds the index (10 000 items in a few hundred milliseconds at most). */
export function buildSearchIndex(items: readonly CatalogItem[], themes: readonly Theme[]): SearchIndex {
  const { index, unique } = startIndex(items, themes);
  index.mini.addAll(unique);
  return index;
}

/** Lets the browser handle input and paint between two slices of work. */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return nextTask();
}

/**
 * The same index as `buildSearchIndex`, built in slices of at most `sliceMs` of work so that
 * the page stays responsive while a large catalog is indexed (no long task).
 */
export async function buildSearchIndexInSlices(
  items: readonly CatalogItem[],
  themes: readonly Theme[],
  sliceMs = 8
): Promise<SearchIndex> {
  const { index, unique } = startIndex(items, themes);
  let i = 0;
  while (i < unique.length) {
    const start = performance.now();
    do index.mini.add(unique[i++]);
    while (i < unique.length && performance.now() - start < sliceMs);
    if (i < unique.length) await yieldToMain();
  }
  return index;
}

/**
 * Applies a catalog delta in place (theme labels are taken from the build; rebuild the index
 * when the taxonomy's labels change).
 */
export function updateSearchIndex(index: SearchIndex, upserts: readonly CatalogItem[], deletions: readonly string[]): void {
  for (const id of deletions) {
    if (index.byId.has(id)) {
      index.mini.discard(id);
      index.byId.delete(id);
      index.endsAt.delete(id);
    }
  }
  for (const item of upserts) {
    if (index.byId.has(item.id)) index.mini.replace(item);
    else index.mini.add(item);
    remember(index, item);
  }
}

export interface SearchHit {
  item: CatalogItem;
  score: number;
}

const MAX_QUERY_CHARS = 200;
/** Each point of theme affinity (high 3, low 1) adds 25 % to a result's score. */
export const AFFINITY_BOOST = 0.25;

function better(a: SearchHit, b: SearchHit): boolean {
  return a.score > b.score || (a.score === b.score && a.item.id < b.item.id);
}

const fuzzy = (term: string): number | boolean => (term.length >= 4 ? 0.2 : false);

/**
 * Searches the catalog: all terms must match (AND), falling back to any term (OR) when that
 * finds nothing. Scores are multiplied by (1 + 0.25 × theme affinity); items with a muted
 * theme, past events and ended deals are left out. Best first, ties by id.
 */
export function searchItems(
  index: SearchIndex,
  query: string,
  prefs: Pick<Prefs, 'themes'>,
  now: Date,
  limit = 50
): SearchHit[] {
  const q = query.slice(0, MAX_QUERY_CHARS);
  if (foldText(q) === '' || limit <= 0) return [];
  const base = { prefix: true, fuzzy, boost: { title: 3 } } as const;
  // A query made only of stop words ("la", "the") is still searched, as typed.
  const hasContent = tokenize(q).some((t) => processTerm(t) !== null);
  const opts = hasContent ? base : { ...base, processTerm: processTermKeepingStopWords };
  let results = index.mini.search(q, { ...opts, combineWith: 'AND' });
  if (results.length === 0) results = index.mini.search(q, { ...opts, combineWith: 'OR' });

  // Results come best first; a theme can at most multiply a score by `maxBoost`, so once a
  // result cannot reach the current top `limit`, none after it can: stop there.
  let maxAffinity = 0;
  for (const slug of Object.keys(prefs.themes)) {
    const w = prefs.themes[slug];
    if (w === 'high') maxAffinity += THEME_POINTS.high;
    else if (w === 'low') maxAffinity += THEME_POINTS.low;
  }
  const maxBoost = 1 + AFFINITY_BOOST * maxAffinity;
  const nowMs = now.getTime();
  const hits: SearchHit[] = []; // best first, at most `limit`
  for (const r of results) {
    if (hits.length === limit && r.score * maxBoost < hits[limit - 1].score) break;
    const id = r.id as string;
    const item = index.byId.get(id);
    if (!item) continue;
    const end = index.endsAt.get(id);
    if (end !== undefined && !(end >= nowMs)) continue;
    const affinity = themeAffinity(item, prefs);
    if (affinity === -Infinity) continue;
    const hit = { item, score: r.score * (1 + AFFINITY_BOOST * affinity) };
    // Insert in order (score desc, then id).
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(hits[mid], hit)) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= limit) continue;
    hits.splice(lo, 0, hit);
    if (hits.length > limit) hits.pop();
  }
  return hits;
}
