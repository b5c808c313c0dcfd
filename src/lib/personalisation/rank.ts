/**
 * On-device ranking of the catalog for the home feed. Pure and deterministic: the same items,
 * preferences, clock and position always give the same order. Nothing here leaves the device.
 *
 * Model (all points additive, see `RANK_WEIGHTS`):
 * - theme affinity: Σ followed themes matched (high = 3, low = 1) × 10 × a per-kind weight;
 *   unfollowed themes count for nothing; an item carrying ANY muted theme is dropped;
 * - events: dropped once over (end, or start when there is no end, before `now`); upcoming
 *   events get up to 20 points decaying with time to start (e^(−days/7)); ongoing ones 10;
 * - news: freshness up to 15 decaying with age (e^(−days/4)); heritage/culture/leisure are
 *   evergreen (3 points + a little freshness);
 * - deals: dropped outside [starts_at, ends_at); 10 points, +6 when ending within 3 days;
 * - shops 2 points; parkings 0.5;
 * - products are dropped unless one of their themes is followed or their shop is followed:
 *   a city has hundreds of products and they would otherwise flood the feed (they remain
 *   reachable through search and shop pages);
 * - followed shop (the shop, its products and deals) +25, saved +12, featured +8;
 * - proximity (only with a position) up to 12 points decaying with distance (e^(−m/800)).
 *
 * Then a diversity pass: never more than `diversityRun` consecutive items of the same kind, nor
 * of the same shop (a shop, its products and its deals), otherwise keeping score order.
 *
 * Performance (20 000 items in a few milliseconds): everything about an item that does not
 * depend on the preferences, the clock or the position (kind, dates parsed once with a fast
 * ISO-8601 parser, interned themes, shop, coordinates, id order) is extracted once into typed
 * arrays and cached per items array (WeakMap; items are treated as immutable values, pass a new
 * array when the catalog changes). A call then only does typed-array arithmetic, one native
 * numeric sort of packed (score, id rank) keys, and an O(n·k) diversity pass.
 */
import type { CatalogItem, ItemKind } from '../catalog/types';
import type { Prefs } from './prefs';

export type Reason =
  /** One per matched followed theme, strongest first. */
  | { type: 'theme'; theme: string }
  | { type: 'followed-shop' }
  | { type: 'saved' }
  | { type: 'featured' }
  /** An event starting within 7 days. */
  | { type: 'soon'; starts_at: string }
  /** A deal ending within 3 days. */
  | { type: 'deal-ending'; ends_at: string }
  /** Only with a position, under 1 500 m (crow flies). */
  | { type: 'near'; meters: number }
  /** Nothing personal: shown because it is generally relevant (fresh, upcoming, nearby…). */
  | { type: 'popular' };

export interface Ranked {
  item: CatalogItem;
  score: number;
  /** Never empty. */
  reasons: Reason[];
}

export type RankPrefs = Pick<Prefs, 'themes' | 'saved' | 'followedShops'>;

export interface RankOptions {
  /** Longest allowed run of consecutive items of one kind or one shop. Default 2. */
  diversityRun?: number;
}

export const THEME_POINTS = { high: 3, low: 1 } as const;

export const KIND_WEIGHT: Record<ItemKind, number> = {
  event: 1.2,
  heritage: 1,
  culture: 1,
  leisure: 1,
  news: 0.9,
  shop: 1,
  product: 0.6,
  deal: 1.1,
  parking: 0.3
};

export const RANK_WEIGHTS = {
  themeUnit: 10,
  followedShop: 25,
  saved: 12,
  featured: 8,
  eventUpcoming: 20,
  eventTauDays: 7,
  eventOngoing: 10,
  newsFresh: 15,
  newsTauDays: 4,
  editorialBase: 3,
  editorialFresh: 4,
  editorialTauDays: 30,
  shopBase: 2,
  dealBase: 10,
  dealEnding: 6,
  parkingBase: 0.5,
  proximity: 12,
  proximityTauMeters: 800
} as const;

const DAY_MS = 86_400_000;
export const SOON_MS = 7 * DAY_MS;
export const DEAL_ENDING_MS = 3 * DAY_MS;
export const NEAR_METERS = 1500;

const KIND_INDEX: Record<ItemKind, number> = {
  event: 0,
  heritage: 1,
  culture: 2,
  leisure: 3,
  news: 4,
  shop: 5,
  product: 6,
  deal: 7,
  parking: 8
};

/**
 * Σ weights of the followed themes an item carries (high 3, low 1); 0 if none;
 * -Infinity if it carries a muted theme (the item must not be shown).
 */
export function themeAffinity(item: Pick<CatalogItem, 'themes'>, prefs: Pick<Prefs, 'themes'>): number {
  const followed = prefs.themes;
  let sum = 0;
  for (const t of item.themes) {
    if (!Object.hasOwn(followed, t)) continue;
    const w = followed[t];
    if (w === 'muted') return -Infinity;
    sum += w === 'high' ? THEME_POINTS.high : w === 'low' ? THEME_POINTS.low : 0;
  }
  return sum;
}

// ---------------------------------------------------------------------------------------------
// Fast ISO-8601 parsing (≈10× faster than Date.parse); falls back to Date.parse on anything
// that is not "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM)".

function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Milliseconds since the epoch, as `Date.parse`, NaN when unparseable. */
export function parseIsoMs(s: string): number {
  const len = s.length;
  if (len < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Date.parse(s);
  const yh = d2(s, 0);
  const yl = d2(s, 2);
  const mo = d2(s, 5);
  const d = d2(s, 8);
  if (yh < 0 || yl < 0 || mo < 1 || mo > 12 || d < 1 || d > 31) return Date.parse(s);
  const days = daysFromCivil(yh * 100 + yl, mo, d);
  if (len === 10) return days * DAY_MS; // date-only forms are UTC, like Date.parse
  if (len < 17 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return Date.parse(s);
  const h = d2(s, 11);
  const mi = d2(s, 14);
  if (h < 0 || h > 24 || mi < 0 || mi > 59) return Date.parse(s);
  let i = 16;
  let sec = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    sec = d2(s, i + 1);
    if (sec < 0 || sec > 59) return Date.parse(s);
    i += 3;
    if (s.charCodeAt(i) === 46) {
      i++;
      let scale = 100;
      const start = i;
      for (; i < len; i++) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        if (scale >= 1) ms += c * scale;
        scale /= 10;
      }
      if (i === start) return Date.parse(s);
    }
  }
  let offsetMin: number;
  const c = s.charCodeAt(i);
  if ((c === 90 || c === 122) && i + 1 === len) offsetMin = 0;
  else if (c === 43 || c === 45) {
    const oh = d2(s, i + 1);
    let om: number;
    if (s.charCodeAt(i + 3) === 58) {
      om = d2(s, i + 4);
      if (i + 6 !== len) return Date.parse(s);
    } else {
      om = d2(s, i + 3);
      if (i + 5 !== len) return Date.parse(s);
    }
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return Date.parse(s);
    offsetMin = (c === 43 ? 1 : -1) * (oh * 60 + om);
  } else return Date.parse(s); // no offset: local time, let the engine decide
  if (h === 24 && (mi !== 0 || sec !== 0 || ms !== 0)) return NaN;
  return days * DAY_MS + ((h * 60 + mi) * 60 + sec) * 1000 + ms - offsetMin * 60_000;
}

// ---------------------------------------------------------------------------------------------

const INDEX_BITS = 2 ** 21; // packed sort keys: value × 2^21 + index, exact below 2^53
const QMAX = 2 ** 31 - 1;
const SCORE_QUANTUM = 1000; // scores closer than 0.001 are ties, broken by id
const N_BITS = 2 ** 27; // catalog row ids up to 134 million pack into id keys
const DEFERRED_SCAN = 64;
const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

/** Kinds in alphabetical order, so that id keys sort like the ids' kind prefixes. */
const KIND_ALPHA: Record<ItemKind, number> = {
  culture: 0,
  deal: 1,
  event: 2,
  heritage: 3,
  leisure: 4,
  news: 5,
  parking: 6,
  product: 7,
  shop: 8
};
const K_EVENT = KIND_INDEX.event;
const K_DEAL = KIND_INDEX.deal;
const KIND_WEIGHT_BY_INDEX = Float64Array.from(
  (Object.keys(KIND_INDEX) as ItemKind[]).sort((a, b) => KIND_INDEX[a] - KIND_INDEX[b]).map((k) => KIND_WEIGHT[k])
);

/**
 * "event-12" → a number ordering ids by kind then row number (event-2 before event-10);
 * -1 when the id is not the canonical `${kind}-${n}` of its item.
 */
function idKeyOf(id: string, kind: ItemKind): number {
  const L = kind.length;
  const len = id.length;
  if (len <= L + 1 || len > L + 10 || id.charCodeAt(L) !== 45 || id.charCodeAt(L + 1) === 48 || !id.startsWith(kind)) {
    return -1;
  }
  let n = 0;
  for (let j = L + 1; j < len; j++) {
    const c = id.charCodeAt(j) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n < N_BITS ? KIND_ALPHA[kind] * N_BITS + n : -1;
}

/** Total order on ids: canonical ids by (kind, number), then any others by string. */
function compareIds(a: string, ka: number, b: string, kb: number): number {
  if (ka >= 0 && kb >= 0) return ka - kb;
  if (ka >= 0) return -1;
  if (kb >= 0) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Per-array static table

interface Table {
  /** Identity snapshot of the array the table was built from. */
  refs: CatalogItem[];
  kind: Uint8Array;
  featured: Uint8Array;
  /** Event start, deal start, editorial published_at (NaN if none or unparseable). */
  t1: Float64Array;
  /** Event end (start when none), deal end. */
  t2: Float64Array;
  /** Own coordinates, or the shop's for products and deals; NaN when unknown. */
  lat: Float64Array;
  lng: Float64Array;
  /** Dense shop number (a shop, its products and deals share it); -1 for others. */
  shop: Int32Array;
  shopIds: Map<string, number>;
  /** Themes of item i are themePool[themeStart[i] .. themeStart[i + 1]), as dense ids. */
  themeStart: Int32Array;
  themePool: Int32Array;
  themeIds: Map<string, number>;
  themeSlugs: string[];
  /** Position of each item in id order, and its inverse. */
  idRank: Int32Array;
  byIdRank: Int32Array;
  /** Built on first need (saved items). */
  indexById: Map<string, number> | null;
}

const tables = new WeakMap<readonly CatalogItem[], Table>();

function tableFor(items: readonly CatalogItem[]): Table {
  const cached = tables.get(items);
  if (cached && cached.refs.length === items.length) {
    const refs = cached.refs;
    let same = true;
    for (let i = 0; i < refs.length; i++) {
      if (refs[i] !== items[i]) {
        same = false;
        break;
      }
    }
    if (same) return cached;
  }
  const table = buildTable(items);
  tables.set(items, table);
  return table;
}

function buildTable(items: readonly CatalogItem[]): Table {
  const n = items.length;
  const kind = new Uint8Array(n);
  const featured = new Uint8Array(n);
  const t1 = new Float64Array(n).fill(NaN);
  const t2 = new Float64Array(n).fill(NaN);
  const lat = new Float64Array(n).fill(NaN);
  const lng = new Float64Array(n).fill(NaN);
  const shop = new Int32Array(n).fill(-1);
  const shopIds = new Map<string, number>();
  const shopIndex = new Map<string, number>();
  const themeStart = new Int32Array(n + 1);
  let themePool = new Int32Array(Math.max(16, n * 3));
  const themeIds = new Map<string, number>();
  const themeSlugs: string[] = [];
  const idKey = new Float64Array(n);
  let canonical = n < INDEX_BITS;
  const needShopPosition: number[] = [];
  let pool = 0;

  for (let i = 0; i < n; i++) {
    const item = items[i];
    const k = item.kind;
    kind[i] = KIND_INDEX[k];
    featured[i] = item.featured ? 1 : 0;
    themeStart[i] = pool;
    const ts = item.themes;
    if (pool + ts.length > themePool.length) {
      const grown = new Int32Array(Math.max(themePool.length * 2, pool + ts.length));
      grown.set(themePool);
      themePool = grown;
    }
    for (let t = 0; t < ts.length; t++) {
      const slug = ts[t];
      let id = themeIds.get(slug);
      if (id === undefined) {
        themeIds.set(slug, (id = themeSlugs.length));
        themeSlugs.push(slug);
      }
      themePool[pool++] = id;
    }
    if (typeof item.lat === 'number' && typeof item.lng === 'number') {
      lat[i] = item.lat;
      lng[i] = item.lng;
    }
    let shopId: string | null = null;
    switch (item.kind) {
      case 'event': {
        const start = parseIsoMs(item.starts_at);
        t1[i] = start;
        t2[i] = item.ends_at ? parseIsoMs(item.ends_at) : start;
        break;
      }
      case 'heritage':
      case 'culture':
      case 'leisure':
      case 'news':
        t1[i] = parseIsoMs(item.published_at);
        break;
      case 'shop':
        shopId = item.id;
        shopIndex.set(item.id, i);
        break;
      case 'deal':
        t1[i] = parseIsoMs(item.starts_at);
        t2[i] = parseIsoMs(item.ends_at);
        shopId = item.shop;
        if (lat[i] !== lat[i]) needShopPosition.push(i);
        break;
      case 'product':
        shopId = item.shop;
        if (lat[i] !== lat[i]) needShopPosition.push(i);
        break;
    }
    if (shopId !== null) {
      let s = shopIds.get(shopId);
      if (s === undefined) shopIds.set(shopId, (s = shopIds.size));
      shop[i] = s;
    }
    const key = canonical ? idKeyOf(item.id, k) : -1;
    if (key < 0) canonical = false;
    idKey[i] = key;
  }
  themeStart[n] = pool;

  for (const i of needShopPosition) {
    const s = shopIndex.get((items[i] as { shop: string }).shop);
    if (s !== undefined) {
      lat[i] = lat[s];
      lng[i] = lng[s];
    }
  }

  // Id order, once: every later sort breaks ties with it.
  const byIdRank = new Int32Array(n);
  if (canonical) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = idKey[i] * INDEX_BITS + i;
    keys.sort();
    for (let r = 0; r < n; r++) byIdRank[r] = keys[r] % INDEX_BITS;
  } else {
    for (let i = 0; i < n; i++) idKey[i] = idKeyOf(items[i].id, items[i].kind);
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => compareIds(items[a].id, idKey[a], items[b].id, idKey[b]) || a - b);
    byIdRank.set(order);
  }
  const idRank = new Int32Array(n);
  for (let r = 0; r < n; r++) idRank[byIdRank[r]] = r;

  return {
    refs: items.slice(),
    kind,
    featured,
    t1,
    t2,
    lat,
    lng,
    shop,
    shopIds,
    themeStart,
    themePool: themePool.subarray(0, pool),
    themeIds,
    themeSlugs,
    idRank,
    byIdRank,
    indexById: null
  };
}

/**
 * Builds (or revalidates) the cached per-array table ahead of the first `rank` call, e.g. right
 * after the catalog is loaded, so that the first feed render does not pay for it.
 */
export function prepareRank(items: readonly CatalogItem[]): void {
  tableFor(items);
}

// ---------------------------------------------------------------------------------------------
// Per-call scratch buffers (rank is synchronous, never re-entered): no fresh megabyte per call.

let scratchSize = 0;
let scratchF64 = new Float64Array(0);
let scratchI32 = new Int32Array(0);
let scratchU8 = new Uint8Array(0);
const F64_ARRAYS = 4;
const I32_ARRAYS = 7;
const U8_ARRAYS = 2;

function scratch(n: number) {
  if (n > scratchSize) {
    scratchSize = Math.max(n, Math.ceil(scratchSize * 1.5), 1024);
    scratchF64 = new Float64Array(scratchSize * F64_ARRAYS);
    scratchI32 = new Int32Array(scratchSize * I32_ARRAYS);
    scratchU8 = new Uint8Array(scratchSize * U8_ARRAYS);
  }
  return {
    f: (k: number, len = n) => scratchF64.subarray(k * n, k * n + len),
    i: (k: number, len = n) => scratchI32.subarray(k * n, k * n + len),
    u: (k: number, len = n) => scratchU8.subarray(k * n, k * n + len)
  };
}
type Scratch = ReturnType<typeof scratch>;

// Shared, frozen reason objects (no per-item allocation for the common reasons).
const FOLLOWED_SHOP: Reason = Object.freeze({ type: 'followed-shop' });
const SAVED: Reason = Object.freeze({ type: 'saved' });
const FEATURED: Reason = Object.freeze({ type: 'featured' });
const POPULAR: Reason = Object.freeze({ type: 'popular' });
const themeReasons = new Map<string, Reason>();
function themeReason(theme: string): Reason {
  let r = themeReasons.get(theme);
  if (!r) {
    if (themeReasons.size > 1000) themeReasons.clear();
    themeReasons.set(theme, (r = Object.freeze({ type: 'theme', theme })));
  }
  return r;
}

const F_FEATURED = 1;
const F_SAVED = 2;
const F_FOLLOWED = 4;

/**
 * Ranks the catalog for the feed, best first, each with the reasons it is there (data the UI
 * turns into text). Items that should not be shown (muted theme, past event, deal outside its
 * window, products of unfollowed shops without a followed theme) are left out.
 *
 * Equal scores (within 0.001) are ordered by id: kind name, then row number ("event-2" before
 * "event-10"), so the output never depends on the input order. Reason objects may be shared
 * between results and are frozen. Items are treated as immutable (see the module comment).
 */
export function rank(
  items: readonly CatalogItem[],
  prefs: RankPrefs,
  now: Date,
  position?: { lat: number; lng: number },
  options?: RankOptions
): Ranked[] {
  const maxRun = Math.max(1, Math.floor(options?.diversityRun ?? 2));
  const nowMs = now.getTime();
  const n = items.length;
  if (n === 0) return [];
  const W = RANK_WEIGHTS;
  const T = tableFor(items);
  const buf = scratch(n);

  // Theme weights by dense theme id: high 3, low 1, muted -1, not followed 0.
  const themeWeight = new Float64Array(T.themeSlugs.length);
  let anyTheme = false;
  for (const slug of Object.keys(prefs.themes)) {
    const id = T.themeIds.get(slug);
    if (id === undefined) continue;
    const w = prefs.themes[slug];
    themeWeight[id] = w === 'muted' ? -1 : w === 'high' ? THEME_POINTS.high : w === 'low' ? THEME_POINTS.low : 0;
    anyTheme = true;
  }
  const followedShop = new Uint8Array(T.shopIds.size);
  for (const id of prefs.followedShops) {
    const s = T.shopIds.get(id);
    if (s !== undefined) followedShop[s] = 1;
  }
  const flags = buf.u(0);
  flags.fill(0);
  if (prefs.saved.length > 0) {
    if (T.indexById === null) {
      T.indexById = new Map();
      for (let i = 0; i < n; i++) T.indexById.set(items[i].id, i);
    }
    for (const id of prefs.saved) {
      const i = T.indexById.get(id);
      if (i !== undefined) flags[i] = F_SAVED;
    }
  }

  const pos = position && Number.isFinite(position.lat) && Number.isFinite(position.lng) ? position : undefined;
  const kx = pos ? Math.cos((pos.lat * Math.PI) / 180) * METERS_PER_DEGREE : 0;

  const scores = buf.f(0);
  const affinity = buf.f(1);
  const dist = buf.f(2);
  const kept = buf.i(0);
  const { kind, featured, t1, t2, lat, lng, shop, themeStart, themePool } = T;
  let count = 0;
  const eventTau = W.eventTauDays * DAY_MS;
  const newsTau = W.newsTauDays * DAY_MS;
  const editorialTau = W.editorialTauDays * DAY_MS;

  for (let i = 0; i < n; i++) {
    let aff = 0;
    if (anyTheme) {
      let muted = false;
      for (let p = themeStart[i], end = themeStart[i + 1]; p < end; p++) {
        const w = themeWeight[themePool[p]];
        if (w < 0) {
          muted = true;
          break;
        }
        aff += w;
      }
      if (muted) continue;
    }
    const k = kind[i];
    let score = aff * W.themeUnit * KIND_WEIGHT_BY_INDEX[k];
    let flag = flags[i];
    switch (k) {
      case 0: {
        // event
        const start = t1[i];
        if (!(t2[i] >= nowMs) || start !== start) continue;
        score += start > nowMs ? W.eventUpcoming * Math.exp(-(start - nowMs) / eventTau) : W.eventOngoing;
        break;
      }
      case 1: // heritage
      case 2: // culture
      case 3: {
        // leisure
        const age = nowMs - t1[i];
        score += W.editorialBase;
        if (age === age) score += W.editorialFresh * Math.exp(-Math.max(0, age) / editorialTau);
        break;
      }
      case 4: {
        // news
        const age = nowMs - t1[i];
        if (age === age) score += W.newsFresh * Math.exp(-Math.max(0, age) / newsTau);
        break;
      }
      case 5: // shop
        score += W.shopBase;
        break;
      case 6: // product
        if (aff === 0 && (shop[i] < 0 || followedShop[shop[i]] === 0)) continue;
        break;
      case 7: {
        // deal
        const end = t2[i];
        if (!(t1[i] <= nowMs && nowMs < end)) continue;
        score += W.dealBase;
        if (end - nowMs <= DEAL_ENDING_MS) score += W.dealEnding;
        break;
      }
      case 8: // parking
        score += W.parkingBase;
        break;
    }
    const s = shop[i];
    if (s >= 0 && followedShop[s] === 1) {
      score += W.followedShop;
      flag |= F_FOLLOWED;
    }
    if (featured[i] === 1) {
      score += W.featured;
      flag |= F_FEATURED;
    }
    if (flag & F_SAVED) score += W.saved;
    if (pos) {
      const la = lat[i];
      if (la === la) {
        // Equirectangular approximation: exact to well under 0.1 % at city scale.
        const dx = (lng[i] - pos.lng) * kx;
        const dy = (la - pos.lat) * METERS_PER_DEGREE;
        const d = Math.sqrt(dx * dx + dy * dy);
        dist[i] = d;
        score += W.proximity * Math.exp(-d / W.proximityTauMeters);
      } else dist[i] = -1;
    }
    scores[i] = score;
    affinity[i] = aff;
    flags[i] = flag;
    kept[count++] = i;
  }

  // Score desc, then id order: one native numeric sort of packed keys.
  const keys = buf.f(3, count);
  const idRank = T.idRank;
  for (let c = 0; c < count; c++) {
    const i = kept[c];
    keys[c] = (QMAX - Math.min(QMAX, Math.max(0, Math.round(scores[i] * SCORE_QUANTUM)))) * INDEX_BITS + idRank[i];
  }
  keys.sort();
  const order = buf.i(1, count);
  const byIdRank = T.byIdRank;
  for (let c = 0; c < count; c++) order[c] = byIdRank[keys[c] % INDEX_BITS];

  const picked = diversify(order, kind, shop, T.shopIds.size, maxRun, buf);

  // The result, with its reasons (built in a scratch list, then copied at their exact size).
  const out: Ranked[] = new Array(count);
  const reasons: Reason[] = [];
  const slugs = T.themeSlugs;
  for (let c = 0; c < count; c++) {
    const i = picked[c];
    const item = items[i];
    reasons.length = 0;
    if (affinity[i] > 0) {
      const end = themeStart[i + 1];
      for (let p = themeStart[i]; p < end; p++) {
        if (themeWeight[themePool[p]] === THEME_POINTS.high) reasons.push(themeReason(slugs[themePool[p]]));
      }
      for (let p = themeStart[i]; p < end; p++) {
        if (themeWeight[themePool[p]] === THEME_POINTS.low) reasons.push(themeReason(slugs[themePool[p]]));
      }
    }
    const flag = flags[i];
    if (flag & F_FOLLOWED) reasons.push(FOLLOWED_SHOP);
    if (flag & F_SAVED) reasons.push(SAVED);
    if (flag & F_FEATURED) reasons.push(FEATURED);
    const k = kind[i];
    if (k === K_EVENT) {
      if (t1[i] > nowMs && t1[i] - nowMs <= SOON_MS) {
        reasons.push({ type: 'soon', starts_at: (item as EventLike).starts_at });
      }
    } else if (k === K_DEAL) {
      if (t2[i] - nowMs <= DEAL_ENDING_MS) reasons.push({ type: 'deal-ending', ends_at: (item as DealLike).ends_at });
    }
    if (pos && dist[i] >= 0 && dist[i] < NEAR_METERS) reasons.push({ type: 'near', meters: Math.round(dist[i]) });
    if (reasons.length === 0) reasons.push(POPULAR);
    out[c] = { item, score: scores[i], reasons: reasons.slice() };
  }
  return out;
}

type EventLike = { starts_at: string };
type DealLike = { ends_at: string };

/**
 * Greedy diversity: repeatedly take the best remaining item that does not extend a run of
 * more than `maxRun` of one kind or one shop; if there is none, the best remaining item.
 * Skipped items wait in a deferred queue (in score order); only its first `DEFERRED_SCAN`
 * entries are examined at each step, which keeps the pass O(n·k).
 */
function diversify(
  order: Int32Array,
  kindOfItem: Uint8Array,
  shopOfItem: Int32Array,
  shopCount: number,
  maxRun: number,
  buf: Scratch
): Int32Array {
  const count = order.length;
  const kindOf = buf.u(1, count);
  const shopOf = buf.i(2, count);
  for (let p = 0; p < count; p++) {
    kindOf[p] = kindOfItem[order[p]];
    shopOf[p] = shopOfItem[order[p]];
  }

  const out = buf.i(3, count);
  const next = buf.i(4, count);
  const prev = buf.i(5, count);
  const dKind = new Int32Array(9);
  const dShop = new Int32Array(shopCount);
  let head = -1;
  let tail = -1;
  let size = 0;
  let stream = 0;
  let lastKind = -1;
  let kindRun = 0;
  let lastShop = -1;
  let shopRun = 0;

  for (let k = 0; k < count; k++) {
    const blockedKind = kindRun >= maxRun ? lastKind : -1;
    const blockedShop = shopRun >= maxRun ? lastShop : -2;
    let pick = -1;
    let deferred = false;
    if (size > 0) {
      const noneAllowed =
        (blockedKind >= 0 && dKind[blockedKind] === size) || (blockedShop >= 0 && dShop[blockedShop] === size);
      if (!noneAllowed) {
        let p = head;
        for (let s = 0; p !== -1 && s < DEFERRED_SCAN; s++, p = next[p]) {
          if (kindOf[p] !== blockedKind && shopOf[p] !== blockedShop) {
            pick = p;
            deferred = true;
            break;
          }
        }
      }
    }
    if (pick === -1) {
      while (stream < count) {
        const p = stream++;
        if (kindOf[p] !== blockedKind && shopOf[p] !== blockedShop) {
          pick = p;
          break;
        }
        // Defer (appending keeps the queue in score order).
        prev[p] = tail;
        next[p] = -1;
        if (tail === -1) head = p;
        else next[tail] = p;
        tail = p;
        size++;
        dKind[kindOf[p]]++;
        if (shopOf[p] >= 0) dShop[shopOf[p]]++;
      }
    }
    if (pick === -1) {
      pick = head; // nothing fits: the best remaining item
      deferred = true;
    }
    if (deferred) {
      const a = prev[pick];
      const b = next[pick];
      if (a === -1) head = b;
      else next[a] = b;
      if (b === -1) tail = a;
      else prev[b] = a;
      size--;
      dKind[kindOf[pick]]--;
      if (shopOf[pick] >= 0) dShop[shopOf[pick]]--;
    }
    out[k] = order[pick];
    if (kindOf[pick] === lastKind) kindRun++;
    else {
      lastKind = kindOf[pick];
      kindRun = 1;
    }
    const shop = shopOf[pick];
    if (shop >= 0 && shop === lastShop) shopRun++;
    else {
      lastShop = shop;
      shopRun = shop >= 0 ? 1 : 0;
    }
  }
  return out;
}
