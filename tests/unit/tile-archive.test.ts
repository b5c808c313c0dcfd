/**
 * The operator's tile archive route (GET/HEAD /map/tiles.pmtiles) and the map's probe
 * (GET /map/basemap.json): byte ranges, validators, caching, and the unconfigured case.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basemapInfo, configuredArchive, parseRange, readWhole, versionedArchiveUrl } from '$lib/server/map/tile-archive';

type Handler = (event: { request: Request; url: URL }) => Response | Promise<Response>;

const SIZE = 40_000;
let dir: string;
let file: string;
const bytes = new Uint8Array(SIZE).map((_, i) => (i * 7 + 3) % 251);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'placette-tiles-'));
  file = join(dir, 'city.pmtiles');
  writeFileSync(file, bytes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseRange', () => {
  it('reads single byte ranges, open-ended and suffix ranges', () => {
    expect(parseRange('bytes=0-16383', 40_000)).toEqual({ start: 0, end: 16_383 });
    expect(parseRange('bytes=100-', 40_000)).toEqual({ start: 100, end: 39_999 });
    expect(parseRange('bytes=-500', 40_000)).toEqual({ start: 39_500, end: 39_999 });
    expect(parseRange('bytes=-50000', 40_000)).toEqual({ start: 0, end: 39_999 });
    // A range running past the end is cut to the file (PMTiles asks for 16 KiB of a smaller file).
    expect(parseRange('bytes=0-16383', 127)).toEqual({ start: 0, end: 126 });
    expect(parseRange(' Bytes = 5-5 ', 10)).toEqual({ start: 5, end: 5 });
  });

  it('ignores no header and units it does not know', () => {
    expect(parseRange(null, 10)).toBeNull();
    expect(parseRange('items=0-4', 10)).toBeNull();
  });

  it('rejects ranges it will not serve', () => {
    for (const header of ['bytes=10-', 'bytes=10-20', 'bytes=5-2', 'bytes=-0', 'bytes=-', 'bytes=a-b', 'bytes=0-1,4-5', 'garbage', 'bytes=99999999999999999999-']) {
      expect(parseRange(header, 10), header).toBe('unsatisfiable');
    }
  });
});

describe('configuredArchive', () => {
  it('is null without PLACETTE_MAP_TILES, and for a file that cannot be read', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(configuredArchive({})).toBeNull();
    expect(configuredArchive({ PLACETTE_MAP_TILES: '  ' })).toBeNull();
    expect(configuredArchive({ PLACETTE_MAP_TILES: join(dir, 'missing.pmtiles') })).toBeNull();
    expect(configuredArchive({ PLACETTE_MAP_TILES: join(dir, 'missing.pmtiles') })).toBeNull();
    expect(configuredArchive({ PLACETTE_MAP_TILES: dir })).toBeNull();
    // Said once per path, not per request.
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('has a strong ETag that changes with the file', () => {
    const a = configuredArchive({ PLACETTE_MAP_TILES: file })!;
    expect(a.size).toBe(SIZE);
    expect(a.etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const b = configuredArchive({ PLACETTE_MAP_TILES: file })!;
    expect(b.etag).not.toBe(a.etag);
    expect(versionedArchiveUrl(b)).toBe(`/map/tiles.pmtiles?v=${b.etag.slice(1, -1)}`);
  });

  it('is read whole up to PLACETTE_MAP_TILES_WHOLE_MAX MiB (16 by default), else by ranges', () => {
    const archive = configuredArchive({ PLACETTE_MAP_TILES: file })!;
    const big = { ...archive, size: 17 * 1024 * 1024 };
    expect(readWhole(archive, {})).toBe(true);
    expect(readWhole(big, {})).toBe(false);
    expect(readWhole(big, { PLACETTE_MAP_TILES_WHOLE_MAX: '20' })).toBe(true);
    expect(readWhole(archive, { PLACETTE_MAP_TILES_WHOLE_MAX: '0' })).toBe(false);
    expect(readWhole(archive, { PLACETTE_MAP_TILES_WHOLE_MAX: 'lots' })).toBe(true);
    expect(basemapInfo(archive, { PLACETTE_MAP_TILES_WHOLE_MAX: '0' })).toEqual({ archive: versionedArchiveUrl(archive), whole: false });
    expect(basemapInfo(null)).toEqual({ archive: null });
  });
});

describe('GET /map/tiles.pmtiles', () => {
  let GET: Handler;
  let HEAD: Handler;
  let PROBE: Handler;
  beforeAll(async () => {
    const route = await import('../../src/routes/map/tiles.pmtiles/+server');
    GET = route.GET as unknown as Handler;
    HEAD = route.HEAD as unknown as Handler;
    PROBE = (await import('../../src/routes/map/basemap.json/+server')).GET as unknown as Handler;
  });
  beforeEach(() => {
    process.env.PLACETTE_MAP_TILES = file;
  });
  afterAll(() => {
    delete process.env.PLACETTE_MAP_TILES;
  });

  function call(handler: Handler, path: string, headers: Record<string, string> = {}, method = 'GET') {
    const url = new URL(path, 'http://placette.test');
    return handler({ url, request: new Request(url, { method, headers }) });
  }

  it('answers a range with 206, Content-Range and exactly those bytes', async () => {
    const response = await call(GET, '/map/tiles.pmtiles', { range: 'bytes=0-16383' });
    expect(response.status).toBe(206);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-range')).toBe(`bytes 0-16383/${SIZE}`);
    expect(response.headers.get('content-length')).toBe('16384');
    expect(response.headers.get('etag')).toMatch(/^"/);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.slice(0, 16_384));

    const tail = await call(GET, '/map/tiles.pmtiles', { range: 'bytes=39990-' });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes 39990-39999/${SIZE}`);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(bytes.slice(39_990));
  });

  it('sends the whole file without a Range, and nothing for HEAD', async () => {
    const full = await call(GET, '/map/tiles.pmtiles');
    expect(full.status).toBe(200);
    expect(full.headers.get('content-length')).toBe(String(SIZE));
    expect(new Uint8Array(await full.arrayBuffer())).toEqual(bytes);
    const head = await call(HEAD, '/map/tiles.pmtiles', { range: 'bytes=10-19' }, 'HEAD');
    expect(head.status).toBe(206);
    expect(head.headers.get('content-length')).toBe('10');
    expect(head.body).toBeNull();
  });

  it('answers 416 with the size for a range it will not serve', async () => {
    for (const range of [`bytes=${SIZE}-`, 'bytes=9-3', 'bytes=0-1,5-6']) {
      const response = await call(GET, '/map/tiles.pmtiles', { range });
      expect(response.status, range).toBe(416);
      expect(response.headers.get('content-range')).toBe(`bytes */${SIZE}`);
    }
  });

  it('honours If-None-Match and If-Range', async () => {
    const { etag } = configuredArchive()!;
    const notModified = await call(GET, '/map/tiles.pmtiles', { 'if-none-match': etag, range: 'bytes=0-9' });
    expect(notModified.status).toBe(304);
    // A range of another version of the file is not served: the whole current file is.
    const changed = await call(GET, '/map/tiles.pmtiles', { 'if-range': '"old"', range: 'bytes=0-9' });
    expect(changed.status).toBe(200);
    await changed.body?.cancel();
    const same = await call(GET, '/map/tiles.pmtiles', { 'if-range': etag, range: 'bytes=0-9' });
    expect(same.status).toBe(206);
    await same.body?.cancel();
  });

  it('is cached for long only under the URL that names its version', async () => {
    const archive = configuredArchive()!;
    const versioned = await call(GET, versionedArchiveUrl(archive), { range: 'bytes=0-1' });
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/map/tiles.pmtiles', '/map/tiles.pmtiles?v=stale']) {
      const response = await call(GET, path, { range: 'bytes=0-1' });
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      await response.body?.cancel();
    }
    await versioned.body?.cancel();
  });

  it('is 404 when no archive is configured, and the probe says which base map to draw', async () => {
    expect(await (await call(PROBE, '/map/basemap.json')).json()).toEqual({ archive: versionedArchiveUrl(configuredArchive()!), whole: true });
    delete process.env.PLACETTE_MAP_TILES;
    const missing = await call(GET, '/map/tiles.pmtiles', { range: 'bytes=0-9' });
    expect(missing.status).toBe(404);
    expect((await call(HEAD, '/map/tiles.pmtiles', {}, 'HEAD')).status).toBe(404);
    const probe = await call(PROBE, '/map/basemap.json');
    expect(probe.headers.get('cache-control')).toBe('no-cache');
    expect(await probe.json()).toEqual({ archive: null });
  });
});
