/**
 * What an uploaded image must be, and what Placette makes of it. Isomorphic and free of zod so
 * that a form can show the limits and a component can build image URLs without loading either.
 */

/** Photos from today's phones are 2–8 MB as JPEG; 12 MB leaves room and bounds memory per upload. */
export const MAX_UPLOAD_BYTES = 12 * 1024 * 1024;

/**
 * A decompression bomb is small on the wire and huge once decoded, so pixels are capped too.
 * 40 Mpx covers a 48 Mpx phone's usual 12 Mpx output and a 40 Mpx camera; above that, a photo
 * only costs memory for variants no wider than 1280 px.
 */
export const MAX_INPUT_PIXELS = 40_000_000;

/** Responsive widths, smallest first. The smallest is also the minimum width of an upload, so no
 * variant is ever upscaled and every accepted image has at least one. */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

export const MIN_IMAGE_WIDTH: number = IMAGE_WIDTHS[0];
/** A 16:9 picture at the minimum width; anything flatter is a strip, not a photo. */
export const MIN_IMAGE_HEIGHT = 180;

/**
 * Longest side over shortest side. Beyond this a picture is a strip that no card can show, and
 * its largest variant could pass WebP's 16 383 px limit (1280 × 8 = 10 240 stays clear of it).
 */
export const MAX_ASPECT_RATIO = 8;

/** Served formats, in the order a `<picture>` offers them (smallest files first). */
export const IMAGE_FORMATS = ['avif', 'webp'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export const IMAGE_CONTENT_TYPES: Record<ImageFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp'
};

/**
 * For `<input type="file" accept>`. HEIC is left out on purpose: iOS then converts its photos to
 * JPEG before uploading, which is the one form every server here can decode.
 */
export const ACCEPTED_IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/avif';

export const IMAGE_REJECTION_CODES = [
  'empty',
  'too-large',
  'not-an-image',
  'unsupported-format',
  'too-many-pixels',
  'too-small',
  'bad-aspect-ratio'
] as const;
export type ImageRejectionCode = (typeof IMAGE_REJECTION_CODES)[number];

/**
 * What a caller stores (as JSON) for one uploaded image. `width`/`height` are those of the
 * largest variant, so they give the aspect ratio for layout; the original's size is not kept.
 */
export interface ImageDescriptor {
  id: string;
  width: number;
  height: number;
  /** Ascending; every one is in IMAGE_WIDTHS and none is wider than the original. */
  widths: ImageWidth[];
  formats: ImageFormat[];
}
