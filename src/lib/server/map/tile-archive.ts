/**
 * The operator's vector-tile archive (a PMTiles file named by PLACETTE_MAP_TILES), served from the
 * app's own origin with HTTP byte ranges: the map reads a few kilobytes at a time and never asks
 * another site for anything. The same bytes go to everyone; nothing here looks at who asks.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';

/** Where the map finds the archive (a fixed, same-origin URL). */
export const ARCHIVE_PATH = '/map/tiles.pmtiles';

export interface TileArchive {
  path: string;
  size: number;
  mtime: Date;
  /** Strong validator: changes when the file is replaced or rewritten. */
  etag: string;
}

const warned = new Set<string>();

/**
 * The configured archive, looked up on every request so that an operator can drop in a new file
 * without a restart. Null when unset, or when the file cannot be read (then the map draws its
 * built-in layer, and the server says why once).
 */
export function configuredArchive(env: NodeJS.ProcessEnv = process.env): TileArchive | null {
  const path = env.PLACETTE_MAP_TILES?.trim();
  if (!path) return null;
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size === 0) throw new Error('not a non-empty file');
    return { path, size: stat.size, mtime: stat.mtime, etag: `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"` };
  } catch (error) {
    if (!warned.has(path)) {
      warned.add(path);
      console.warn(`[placette] PLACETTE_MAP_TILES=${path} cannot be read (${error instanceof Error ? error.message : error}); /map draws its built-in base map`);
    }
    return null;
  }
}

/** The archive's URL with its version, so that browsers may keep what they read for a year. */
export function versionedArchiveUrl(archive: TileArchive): string {
  return `${ARCHIVE_PATH}?v=${encodeURIComponent(archive.etag.slice(1, -1))}`;
}

/** Archives up to this size (MiB) are read whole by each device, unless the operator says otherwise. */
const DEFAULT_WHOLE_MAX_MIB = 16;

/**
 * How devices should read the archive. Whole: one request for the entire file, the same for
 * everyone, after which the server learns nothing about which part of the map anyone looks at.
 * By ranges: a few kilobytes per tile on screen, as every web map does; needed for big archives,
 * but the ranges asked for tell which areas are looked at. PLACETTE_MAP_TILES_WHOLE_MAX (MiB; 0
 * for always by ranges) sets the limit.
 */
export function readWhole(archive: TileArchive, env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.PLACETTE_MAP_TILES_WHOLE_MAX?.trim();
  const mib = raw && Number.isFinite(Number(raw)) && Number(raw) >= 0 ? Number(raw) : DEFAULT_WHOLE_MAX_MIB;
  return archive.size <= mib * 1024 * 1024;
}

/** What /map/basemap.json says: which archive to read, and how. */
export function basemapInfo(archive: TileArchive | null, env: NodeJS.ProcessEnv = process.env): { archive: string | null; whole?: boolean } {
  return archive ? { archive: versionedArchiveUrl(archive), whole: readWhole(archive, env) } : { archive: null };
}

export type ByteRange = { start: number; end: number };

/**
 * Reads a `Range` header against a file of `size` bytes: null to send the whole file (no header,
 * or a unit other than bytes, which HTTP says to ignore), a range (inclusive), or 'unsatisfiable'.
 *
 * Only a single range is served: PMTiles readers never ask for more, and answering a multi-range
 * request with the whole file (what HTTP would also allow) could mean gigabytes. RFC 9110 lets a
 * server reject such a set with 416, as it does malformed ones.
 */
export function parseRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === null) return null;
  const match = /^\s*([A-Za-z]+)\s*=\s*(.*)$/.exec(header);
  if (!match) return 'unsatisfiable';
  if (match[1].toLowerCase() !== 'bytes') return null;
  const spec = /^(\d*)-(\d*)$/.exec(match[2].trim());
  if (!spec || (spec[1] === '' && spec[2] === '')) return 'unsatisfiable';
  if (spec[1] === '') {
    // Suffix range: the last n bytes.
    const n = Number(spec[2]);
    if (!Number.isSafeInteger(n) || n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(spec[1]);
  const last = spec[2] === '' ? size - 1 : Number(spec[2]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(last) || last < start || start >= size) return 'unsatisfiable';
  return { start, end: Math.min(last, size - 1) };
}

function listsEtag(header: string, etag: string): boolean {
  return header.trim() === '*' || header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * Answers GET or HEAD for the archive: 404 without one, 304 for a current copy, 206 for a range,
 * 416 for a range it will not serve, 200 for the whole file.
 */
export function archiveResponse(request: Request, url: URL, archive: TileArchive | null): Response {
  if (!archive) {
    return new Response('No tile archive on this server.\n', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }
    });
  }
  const lastModified = archive.mtime.toUTCString();
  // The URL the map uses names the file's version: that copy never changes, so it may be kept.
  // Any other URL (the bare path, a stale version) is revalidated on every use.
  const current = url.searchParams.get('v') === archive.etag.slice(1, -1);
  const headers = new Headers({
    'content-type': 'application/vnd.pmtiles',
    'accept-ranges': 'bytes',
    etag: archive.etag,
    'last-modified': lastModified,
    'cache-control': current ? 'public, max-age=31536000, immutable' : 'no-cache'
  });

  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== null && listsEtag(ifNoneMatch, archive.etag)) {
    return new Response(null, { status: 304, headers });
  }

  // A Range is only honoured for the copy the client already has part of (If-Range).
  const ifRange = request.headers.get('if-range');
  const rangeHeader = ifRange === null || ifRange.trim() === archive.etag || ifRange.trim() === lastModified ? request.headers.get('range') : null;
  const range = parseRange(rangeHeader, archive.size);
  if (range === 'unsatisfiable') {
    headers.set('content-range', `bytes */${archive.size}`);
    headers.set('content-type', 'text/plain; charset=utf-8');
    return new Response(request.method === 'HEAD' ? null : 'Range not satisfiable.\n', { status: 416, headers });
  }

  const { start, end } = range ?? { start: 0, end: archive.size - 1 };
  headers.set('content-length', String(end - start + 1));
  if (range) headers.set('content-range', `bytes ${start}-${end}/${archive.size}`);
  const status = range ? 206 : 200;
  if (request.method === 'HEAD') return new Response(null, { status, headers });
  const stream = createReadStream(archive.path, { start, end });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
}
