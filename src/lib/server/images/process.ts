import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { IMAGE_FORMATS, IMAGE_WIDTHS, MAX_INPUT_PIXELS, type ImageFormat, type ImageWidth } from '$lib/images/limits';
import { ImageRejected } from './errors';
import type { InspectedImage } from './validate';

export interface RenderedVariant {
  width: ImageWidth;
  height: number;
  format: ImageFormat;
  data: Buffer;
}

/**
 * Encoder settings, measured on a photo-like 12 Mpx JPEG (tests/bench/images.bench.ts) in CPU
 * time for the three widths: AVIF effort 1 takes 0.6 s (101 KiB at 1280 px, 39 dB PSNR), effort 2
 * 1.8 s for the same size and quality, and the default effort 4 spends 4.3 s on the 1280 px
 * variant alone to save a quarter of its bytes. WebP's default effort takes 0.46 s, 10 % smaller
 * than effort 2 for 0.23 s more. A merchant waits for this when saving a form.
 * sharp writes no metadata unless asked (no withMetadata, keepExif or keepIccProfile here) and
 * converts to sRGB, so no ICC profile is embedded either.
 */
const ENCODERS: Record<ImageFormat, (pipeline: Sharp) => Sharp> = {
  avif: (pipeline) => pipeline.avif({ quality: 50, effort: 1, chromaSubsampling: '4:2:0' }),
  webp: (pipeline) => pipeline.webp({ quality: 75, effort: 4 })
};

/** The allowed widths this image can fill without upscaling (never empty: see MIN_IMAGE_WIDTH). */
export function widthsFor(originalWidth: number): ImageWidth[] {
  return IMAGE_WIDTHS.filter((width) => width <= originalWidth);
}

/**
 * Decodes once — oriented per EXIF and already shrunk to the largest variant (JPEG decodes at a
 * fraction of its size) — then encodes every width and format from those raw pixels. Decoding
 * the original again for each of the six outputs took twice as long, and raw pixels carry no
 * metadata at all, so nothing from the upload but its picture can reach an output.
 */
export async function renderVariants(image: InspectedImage): Promise<RenderedVariant[]> {
  const widths = widthsFor(image.width);
  const largest = widths[widths.length - 1];

  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(image.bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: largest, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    if (image.container === 'heic') throw new ImageRejected('unsupported-format', 'heic');
    throw new ImageRejected('not-an-image', error instanceof Error ? error.message : 'undecodable');
  }
  const { data, info } = decoded;
  const raw = { width: info.width, height: info.height, channels: info.channels };

  return Promise.all(
    widths.flatMap((width) =>
      IMAGE_FORMATS.map(async (format) => {
        const pipeline = sharp(data, { raw }).resize({ width, withoutEnlargement: true });
        const out = await ENCODERS[format](pipeline).toBuffer({ resolveWithObject: true });
        if (out.info.width !== width) throw new Error(`variant ${width} came out ${out.info.width} wide`);
        return { width, height: out.info.height, format, data: out.data };
      })
    )
  );
}
