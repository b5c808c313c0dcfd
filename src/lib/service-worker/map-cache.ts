/// <reference lib="webworker" />
/**
 * The tile map offline: what /map fetched once (MapLibre's files, the archive's byte ranges, and
 * the answer saying which archive to read) is kept on the device, so that the map draws the same
 * places again without a network. Nothing is fetched ahead: an area never looked at stays blank
 * offline, and a device whose map never loaded tiles keeps nothing.
 *
 * A small archive is read whole (one request) and kept whole. A big one is read by ranges; the Cache
 * API refuses partial (206) responses, so each range is stored as a whole response under a key
 * naming the range (`…?v=…&bytes=0-16383`) and given back as the 206 it was. Only the archive's
 * versioned URL is cached: its bytes never change under that URL.
 */

export const MAP_CACHE = 'placette-map';
const ARCHIVE_PATH = '/map/tiles.pmtiles';
const INFO_PATH = '/map/basemap.json';
/** Ranges kept, at most (tiles are a few to a few dozen KB: tens of MB at worst). */
const MAX_RANGES = 3000;
let putsSincePrune = 0;

/** The cache key for a single closed byte range of a versioned archive URL, else null. */
export function rangeKey(url: URL, range: string | null): string | null {
  if (url.pathname !== ARCHIVE_PATH || !url.searchParams.get('v') || !range) return null;
  const match = /^bytes=(\d+)-(\d+)$/.exec(range.trim());
  if (!match) return null;
  return `${url.origin}${ARCHIVE_PATH}?v=${encodeURIComponent(url.searchParams.get('v')!)}&bytes=${match[1]}-${match[2]}`;
}

/** Answers a request of the tile map, or null to let the network have it. */
export function handleMapFetch(request: Request, url: URL, mapEngine: (path: string) => boolean): Promise<Response> | null {
  if (url.pathname === INFO_PATH) return networkFirst(request);
  if (mapEngine(url.pathname)) return cacheFirst(request);
  if (url.pathname !== ARCHIVE_PATH || !url.searchParams.get('v')) return null;
  if (!request.headers.has('range')) return wholeArchive(request, url);
  const key = rangeKey(url, request.headers.get('range'));
  return key ? cachedRange(request, key) : null;
}

/** The whole archive, kept as long as it is the current one. */
async function wholeArchive(request: Request, url: URL): Promise<Response> {
  const cache = await caches.open(MAP_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.status === 200 && response.type === 'basic') {
    await pruneRanges(cache, url.searchParams.get('v')!);
    await cache.put(request, response.clone());
  }
  return response;
}

/** Which archive to read: the server's current answer, else the last one (offline). */
async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(MAP_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}

/** MapLibre's files have a content hash in their names: a stored copy is always right. */
async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(MAP_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

async function cachedRange(request: Request, key: string): Promise<Response> {
  const cache = await caches.open(MAP_CACHE);
  const cached = await cache.match(key);
  if (cached) return new Response(cached.body, { status: 206, statusText: 'Partial Content', headers: cached.headers });
  const response = await fetch(request);
  if (response.status === 206 && response.headers.has('content-range')) {
    const copy = response.clone();
    await cache.put(key, new Response(await copy.arrayBuffer(), { status: 200, headers: copy.headers }));
    if (++putsSincePrune >= 50) {
      putsSincePrune = 0;
      await pruneRanges(cache, new URL(key).searchParams.get('v')!);
    }
  }
  return response;
}

/** Drops ranges of replaced archives, then the oldest ranges beyond the limit. */
async function pruneRanges(cache: Cache, currentVersion: string): Promise<void> {
  const ranges = (await cache.keys()).filter((r) => new URL(r.url).pathname === ARCHIVE_PATH);
  const stale = ranges.filter((r) => new URL(r.url).searchParams.get('v') !== currentVersion);
  const current = ranges.filter((r) => !stale.includes(r));
  for (const r of [...stale, ...current.slice(0, Math.max(0, current.length - MAX_RANGES))]) await cache.delete(r);
}

/** On activation: MapLibre files of older builds go (the tiles stay: they belong to the archive). */
export async function pruneMapEngine(keep: Set<string>, mapEngine: (path: string) => boolean): Promise<void> {
  const cache = await caches.open(MAP_CACHE);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (mapEngine(path) && !keep.has(path)) await cache.delete(request);
  }
}
