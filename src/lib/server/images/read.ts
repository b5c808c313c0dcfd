import { createHash } from 'node:crypto';
import { parseVariantName } from '$lib/images/media-url';
import { readStoredVariant, type Visibility } from './storage';

export interface ServedVariant {
  bytes: Buffer;
  contentType: string;
  /** Strong: a digest of the bytes, quoted as HTTP wants it. */
  etag: string;
}

/**
 * A variant by its public file name (`<id>-<width>.<avif|webp>`), or null for any name that is
 * not exactly that grammar or not stored under this visibility. The name never reaches the file
 * system as such: only the parsed id, width and format do.
 */
export async function readVariant(visibility: Visibility, name: string): Promise<ServedVariant | null> {
  const ref = parseVariantName(name);
  if (!ref) return null;
  const stored = await readStoredVariant(visibility, ref);
  if (!stored) return null;
  const digest = createHash('sha256').update(stored.bytes).digest('base64url').slice(0, 27);
  return { bytes: stored.bytes, contentType: stored.contentType, etag: `"${digest}"` };
}
