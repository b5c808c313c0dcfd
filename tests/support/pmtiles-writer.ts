/**
 * A small PMTiles v3 writer, for test fixtures: the `pmtiles` package only reads archives, and the
 * suite cannot download one. Follows the v3 spec (github.com/protomaps/PMTiles, spec/v3): a
 * 127-byte header, a root directory right after it, JSON metadata, then the tile data, clustered
 * (tiles in tile-id order). Everything fits one root directory, which is what small archives do;
 * identical tiles are stored once and runs of them become one entry.
 */
import { gzipSync } from 'node:zlib';
import { Compression, TileType, zxyToTileId } from 'pmtiles';

export interface WriterTile {
  z: number;
  x: number;
  y: number;
  /** The tile's bytes as they go in the archive (already compressed as `tileCompression` says). */
  data: Uint8Array;
}

export interface WriterOptions {
  tiles: WriterTile[];
  tileType?: TileType;
  tileCompression?: Compression;
  /** Compression of the directories and metadata. */
  internalCompression?: Compression.None | Compression.Gzip;
  metadata?: Record<string, unknown>;
  bounds: { minLon: number; minLat: number; maxLon: number; maxLat: number };
  center?: { lon: number; lat: number; zoom: number };
}

const HEADER_BYTES = 127;
/** Readers fetch this much first and expect the header and root directory inside it. */
const FIRST_FETCH = 16_384;

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

class ByteWriter {
  private bytes: number[] = [];
  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint out of range: ${value}`);
    let v = value;
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
  }
  result(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** A directory: entry count, then the columns (tile-id deltas, run lengths, lengths, offsets). */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const w = new ByteWriter();
  w.varint(entries.length);
  let last = 0;
  for (const e of entries) {
    w.varint(e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) w.varint(e.runLength);
  for (const e of entries) w.varint(e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    // 0 means "right after the previous entry's data"; otherwise the offset plus one.
    w.varint(i > 0 && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return w.result();
}

function compress(bytes: Uint8Array, compression: Compression): Uint8Array {
  if (compression === Compression.Gzip) return new Uint8Array(gzipSync(bytes));
  if (compression === Compression.None) return bytes;
  throw new Error(`unsupported internal compression ${compression}`);
}

function hashKey(data: Uint8Array): string {
  return Buffer.from(data).toString('base64');
}

export function writePmtiles(options: WriterOptions): Uint8Array {
  const tileType = options.tileType ?? TileType.Mvt;
  const tileCompression = options.tileCompression ?? Compression.Gzip;
  const internal = options.internalCompression ?? Compression.Gzip;
  if (options.tiles.length === 0) throw new Error('an archive needs at least one tile');

  const tiles = options.tiles
    .map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.tileId - b.tileId);

  // Tile data, each distinct content once; consecutive ids with the same content share an entry.
  const entries: Entry[] = [];
  const chunks: Uint8Array[] = [];
  const seen = new Map<string, { offset: number; length: number }>();
  let dataLength = 0;
  for (const tile of tiles) {
    const key = hashKey(tile.data);
    let stored = seen.get(key);
    if (!stored) {
      stored = { offset: dataLength, length: tile.data.length };
      seen.set(key, stored);
      chunks.push(tile.data);
      dataLength += tile.data.length;
    }
    const previous = entries[entries.length - 1];
    if (previous && previous.tileId + previous.runLength === tile.tileId && previous.offset === stored.offset) {
      previous.runLength++;
    } else {
      entries.push({ tileId: tile.tileId, offset: stored.offset, length: stored.length, runLength: 1 });
    }
  }

  const root = compress(serializeDirectory(entries), internal);
  if (HEADER_BYTES + root.length > FIRST_FETCH) throw new Error('root directory too large for this writer (no leaf directories)');
  const metadata = compress(new TextEncoder().encode(JSON.stringify(options.metadata ?? {})), internal);

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const dataOffset = metadataOffset + metadata.length;
  const total = dataOffset + dataLength;

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, 0); // no leaf directories
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, dataLength);
  u64(72, tiles.length); // addressed tiles
  u64(80, entries.length); // tile entries
  u64(88, chunks.length); // distinct tile contents
  view.setUint8(96, 1); // clustered
  view.setUint8(97, internal);
  view.setUint8(98, tileCompression);
  view.setUint8(99, tileType);
  view.setUint8(100, Math.min(...tiles.map((t) => t.z)));
  view.setUint8(101, Math.max(...tiles.map((t) => t.z)));
  const e7 = (at: number, degrees: number) => view.setInt32(at, Math.round(degrees * 1e7), true);
  const { bounds } = options;
  e7(102, bounds.minLon);
  e7(106, bounds.minLat);
  e7(110, bounds.maxLon);
  e7(114, bounds.maxLat);
  const center = options.center ?? { lon: (bounds.minLon + bounds.maxLon) / 2, lat: (bounds.minLat + bounds.maxLat) / 2, zoom: Math.max(...tiles.map((t) => t.z)) };
  view.setUint8(118, center.zoom);
  e7(119, center.lon);
  e7(123, center.lat);

  out.set(root, rootOffset);
  out.set(metadata, metadataOffset);
  let at = dataOffset;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
