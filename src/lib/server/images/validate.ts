import sharp, { type Metadata } from 'sharp';
import { z } from 'zod';
import {
  MAX_ASPECT_RATIO,
  MAX_INPUT_PIXELS,
  MAX_UPLOAD_BYTES,
  MIN_IMAGE_HEIGHT,
  MIN_IMAGE_WIDTH
} from '$lib/images/limits';
import { ImageRejected } from './errors';
import { isAccepted, sniffContainer, type Container } from './sniff';

/**
 * What a form action or an API may hand over: `formData.get('photo')` (a File, or null/'' when
 * nothing was chosen) or bytes it already holds. Names and client MIME types are ignored.
 */
const uploadSchema = z.union([z.instanceof(Blob), z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)]);

export interface InspectedImage {
  bytes: Buffer;
  container: Container;
  /** Size as displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
}

/** Checks the size before reading a File, so an oversized one is never copied into memory. */
export async function readUpload(upload: unknown): Promise<Buffer> {
  if (upload === null || upload === undefined || upload === '') throw new ImageRejected('empty');
  const parsed = uploadSchema.safeParse(upload);
  // A string here usually means a form without enctype="multipart/form-data": only the file's
  // name arrived.
  if (!parsed.success) throw new ImageRejected('not-an-image', 'not a file');
  const value = parsed.data;
  const size = value instanceof Blob ? value.size : value.byteLength;
  if (size === 0) throw new ImageRejected('empty');
  if (size > MAX_UPLOAD_BYTES) throw new ImageRejected('too-large', `${size} bytes`);
  if (value instanceof Blob) return Buffer.from(await value.arrayBuffer());
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

function decoderAgrees(container: Container, meta: Metadata): boolean {
  switch (container) {
    case 'avif':
      return meta.format === 'heif' && meta.compression === 'av1';
    case 'heic':
      return meta.format === 'heif' && meta.compression === 'hevc';
    default:
      return meta.format === container;
  }
}

/**
 * Reads the header only (no pixels are decoded yet): format, pixel count and displayed size.
 * The full decode happens in `renderVariants`, which reports damaged pixel data.
 */
export async function inspectImage(bytes: Buffer): Promise<InspectedImage> {
  const container = sniffContainer(bytes);
  if (container === null) throw new ImageRejected('not-an-image', 'unknown signature');
  if (!isAccepted(container)) throw new ImageRejected('unsupported-format', container);

  let meta: Metadata;
  try {
    // The pixel limit is checked below with a clear code; header parsing allocates no pixels.
    meta = await sharp(bytes, { limitInputPixels: false, failOn: 'error' }).metadata();
  } catch (error) {
    // libvips builds without an HEVC decoder (sharp's prebuilt ones) cannot read HEIC at all.
    if (container === 'heic') throw new ImageRejected('unsupported-format', 'heic');
    throw new ImageRejected('not-an-image', error instanceof Error ? error.message : 'unreadable');
  }
  if (!decoderAgrees(container, meta)) {
    throw new ImageRejected('not-an-image', `${container} signature, ${meta.format} data`);
  }
  if (meta.width * meta.height > MAX_INPUT_PIXELS) {
    throw new ImageRejected('too-many-pixels', `${meta.width}×${meta.height}`);
  }
  const { width, height } = meta.autoOrient;
  if (width < MIN_IMAGE_WIDTH || height < MIN_IMAGE_HEIGHT) {
    throw new ImageRejected('too-small', `${width}×${height}`);
  }
  if (Math.max(width, height) / Math.min(width, height) > MAX_ASPECT_RATIO) {
    throw new ImageRejected('bad-aspect-ratio', `${width}×${height}`);
  }
  return { bytes, container, width, height };
}
