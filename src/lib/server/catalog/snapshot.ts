import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { gt, asc } from 'drizzle-orm';
import type { Db } from '../db';
import { catalogLog } from '../db/schema';
import { indexCatalog, type CatalogIndex } from '$lib/catalog/lookup';
import type { CatalogDelta, CatalogSnapshot } from '$lib/catalog/types';
import { currentCatalogVersion } from './log';
import { loadCatalogItems, loadThemes } from './build';
import { publishDueContent } from '../curation/content';

/** A JSON body with its precomputed encodings and strong validator. */
export interface EncodedBody {
  json: Buffer;
  br: Buffer;
  gzip: Buffer;
  /** Hash of the JSON bytes; the ETag adds the content-coding. */
  hash: string;
}

export function encodeBody(value: unknown, quality: 'max' | 'fast' = 'max'): EncodedBody {
  const json = Buffer.from(JSON.stringify(value));
  // Quality 11 takes ~70× longer than 9 for ~10 % fewer bytes (12 s vs 0.17 s on a 10k-item
  // catalog here): 9 keeps a rebuild after each catalog change well under a second.
  const brQuality = quality === 'max' ? 9 : 5;
  return {
    json,
    br: brotliCompressSync(json, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brQuality,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: json.length
      }
    }),
    gzip: gzipSync(json, { level: 6 }),
    hash: createHash('sha256').update(json).digest('base64url').slice(0, 27)
  };
}

interface CachedSnapshot {
  snapshot: CatalogSnapshot;
  index: CatalogIndex;
  body: EncodedBody;
}

const cache = new WeakMap<Db, CachedSnapshot>();

/**
 * The catalog at the database's current version, built once per version and shared by every
 * request: one object, one set of bytes, whoever asks.
 *
 * Scheduled content: first journal the items whose publication time has come (an idempotent
 * write that, before the next publication time, does not even read the table), so the version
 * moves when they go public and devices pick them up with `?since=`. Checking here, on demand,
 * rather than with a timer, means no background job to run, stop or test, and nobody can see a
 * catalog that is stale with respect to the clock.
 */
export function catalogSnapshot(database: Db, now: Date = new Date()): CachedSnapshot {
  publishDueContent(database, now);
  const version = currentCatalogVersion(database);
  const hit = cache.get(database);
  if (hit && hit.snapshot.version === version) return hit;
  const snapshot: CatalogSnapshot = { version, themes: loadThemes(database), items: loadCatalogItems(database, now) };
  const built = { snapshot, index: indexCatalog(snapshot), body: encodeBody(snapshot) };
  cache.set(database, built);
  return built;
}

/** What changed after `since`: the latest state of every touched item, or its deletion. */
export function catalogDelta(database: Db, since: number, now: Date = new Date()): CatalogDelta {
  const { snapshot, index } = catalogSnapshot(database, now);
  const touched = new Set(
    database
      .select({ itemId: catalogLog.itemId })
      .from(catalogLog)
      .where(gt(catalogLog.version, since))
      .orderBy(asc(catalogLog.version))
      .all()
      .map((r) => r.itemId)
  );
  const upserts = [];
  const deletions = [];
  for (const id of [...touched].sort()) {
    const item = index.byId.get(id);
    if (item) upserts.push(item);
    else deletions.push(id);
  }
  return { version: snapshot.version, themes: snapshot.themes, upserts, deletions };
}
