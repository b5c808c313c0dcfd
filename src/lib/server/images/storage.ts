import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { IMAGE_CONTENT_TYPES, IMAGE_FORMATS, IMAGE_WIDTHS, type ImageFormat } from '$lib/images/limits';
import { IMAGE_ID_PATTERN, type VariantRef } from '$lib/images/media-url';
import type { RenderedVariant } from './process';

/**
 * 'public': shop, product and content photos, served to everyone by /media.
 * 'private': message photos, served only by a route that checks who is asking (issue 6).
 * They live in sibling directories so that the public route cannot name a private file.
 */
export type Visibility = 'public' | 'private';
export const VISIBILITIES: readonly Visibility[] = ['public', 'private'];

/** Read at each call, so an operator (or a test) can point it elsewhere without a restart. */
export function uploadsRoot(): string {
  return resolve(process.env.PLACETTE_UPLOADS || './data/uploads');
}

/** Scratch space inside the root: a rename is atomic only within one file system. */
function scratchDir(root: string): string {
  return join(root, 'tmp');
}

/** 128 random bits: unguessable, so a public URL reveals nothing about other images. */
export function newImageId(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(16));
}

function imageDir(root: string, visibility: Visibility, id: string): string {
  // Ids only ever come from newImageId or a validated name; this is the last line, not the first.
  if (!IMAGE_ID_PATTERN.test(id)) throw new Error('invalid image id');
  return join(root, visibility, id);
}

async function writeDurably(path: string, data: Buffer): Promise<void> {
  const handle = await open(path, 'wx', 0o640);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDir(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes every variant into a scratch directory, then renames that directory into place: readers
 * see all of an image's variants or none, and a crash leaves only scratch to sweep.
 */
export async function storeVariants(visibility: Visibility, variants: RenderedVariant[]): Promise<string> {
  const root = uploadsRoot();
  const id = newImageId();
  await mkdir(join(root, visibility), { recursive: true, mode: 0o750 });
  await mkdir(scratchDir(root), { recursive: true, mode: 0o750 });
  const scratch = await mkdtemp(join(scratchDir(root), 'new-'));
  try {
    for (const variant of variants) {
      await writeDurably(join(scratch, `${variant.width}.${variant.format}`), variant.data);
    }
    await syncDir(scratch);
    await rename(scratch, imageDir(root, visibility, id));
    await syncDir(join(root, visibility));
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
  return id;
}

/**
 * Removes an image's variants wherever they are. Renamed out of sight first, so a concurrent
 * reader gets a whole file or a 404, never a half-deleted set. Returns whether anything was there.
 */
export async function deleteImage(id: string): Promise<boolean> {
  if (!IMAGE_ID_PATTERN.test(id)) return false;
  const root = uploadsRoot();
  await mkdir(scratchDir(root), { recursive: true, mode: 0o750 });
  let found = false;
  for (const visibility of VISIBILITIES) {
    const doomed = join(scratchDir(root), `deleted-${newImageId()}`);
    try {
      await rename(imageDir(root, visibility, id), doomed);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    found = true;
    await rm(doomed, { recursive: true, force: true });
  }
  return found;
}

export interface StoredVariant {
  bytes: Buffer;
  contentType: string;
  format: ImageFormat;
}

/**
 * One stored variant, or null. The ref must come from `parseVariantName` (or be as strict):
 * the id, width and format are checked again here and the path must stay under the root.
 */
export async function readStoredVariant(visibility: Visibility, ref: VariantRef): Promise<StoredVariant | null> {
  if (!VISIBILITIES.includes(visibility) || !IMAGE_FORMATS.includes(ref.format)) return null;
  if (!IMAGE_ID_PATTERN.test(ref.id) || !IMAGE_WIDTHS.includes(ref.width)) return null;
  const root = uploadsRoot();
  const base = join(root, visibility) + sep;
  const path = join(imageDir(root, visibility, ref.id), `${ref.width}.${ref.format}`);
  if (!path.startsWith(base)) return null;
  try {
    return { bytes: await readFile(path), contentType: IMAGE_CONTENT_TYPES[ref.format], format: ref.format };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw error;
  }
}
