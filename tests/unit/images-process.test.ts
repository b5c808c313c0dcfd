import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { IMAGE_FORMATS, IMAGE_WIDTHS, type ImageDescriptor } from '../../src/lib/images/limits';
import { imageDescriptorSchema } from '../../src/lib/schemas/image';
import { saveImage } from '../../src/lib/server/images';
import { widthsFor } from '../../src/lib/server/images/process';
import {
  SECRET,
  avifFixture,
  jpegFixture,
  listFiles,
  pngFixture,
  useTemporaryUploads,
  webpFixture
} from '../support/image-fixtures';
import { avifMetadata, exifrMetadata, findMetadata, sharpMetadata, webpMetadata } from '../support/image-metadata';

const secrets = Object.values(SECRET);

describe('image processing', () => {
  let uploads: Awaited<ReturnType<typeof useTemporaryUploads>>;
  beforeAll(async () => {
    uploads = await useTemporaryUploads();
  });
  afterAll(async () => {
    await uploads.cleanup();
  });

  async function variantFiles(image: ImageDescriptor): Promise<{ name: string; bytes: Buffer }[]> {
    const dir = join(uploads.root, 'public', image.id);
    const names = (await listFiles(dir)).sort();
    return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(dir, name)) })));
  }

  describe('the metadata finders themselves (positive controls)', () => {
    it('see EXIF, GPS, XMP and ICC in a photo that carries them', async () => {
      const photo = await jpegFixture({ width: 400, height: 300, orientation: 6, privateMetadata: true });
      const segments = await exifrMetadata(photo);
      // exifr names XMP segments after their namespaces (dc: the creator).
      expect(segments).toEqual(expect.arrayContaining(['ifd0', 'exif', 'gps', 'dc', 'icc']));
      expect(await sharpMetadata(photo)).toEqual(expect.arrayContaining(['exif', 'xmp', 'icc', 'orientation:6']));
    });

    it('see metadata that an encoder was told to keep, in AVIF and in WebP', async () => {
      const photo = await jpegFixture({ width: 400, height: 300, privateMetadata: true });
      const avif = await sharp(photo).keepMetadata().avif({ effort: 0 }).toBuffer();
      const webp = await sharp(photo).keepMetadata().webp().toBuffer();
      expect(avifMetadata(avif)).toEqual(expect.arrayContaining(['item:Exif', 'item:mime', 'colr:rICC']));
      expect(webpMetadata(webp)).toEqual(expect.arrayContaining(['chunk:EXIF', 'chunk:XMP ', 'chunk:ICCP']));
      for (const file of [avif, webp]) {
        expect(await findMetadata(file, secrets)).toEqual(expect.arrayContaining(['exif', 'xmp', 'icc', `bytes:${SECRET.artist}`]));
      }
    });
  });

  it.each([
    ['a JPEG', jpegFixture],
    ['a PNG', pngFixture],
    ['a WebP', webpFixture],
    ['an AVIF', avifFixture]
  ])('strips EXIF, GPS, XMP and ICC from every variant of %s', async (_label, make) => {
    // Turned upright it is 700 × 1000: two widths, four files to check.
    const source = await make({ width: 1000, height: 700, orientation: 6, privateMetadata: true });
    expect((await findMetadata(source, secrets)).length).toBeGreaterThan(0);

    const image = await saveImage(source, { visibility: 'public' });
    const files = await variantFiles(image);
    expect(files).toHaveLength(image.widths.length * image.formats.length);
    for (const file of files) {
      expect({ file: file.name, found: await findMetadata(file.bytes, secrets) }).toEqual({ file: file.name, found: [] });
    }
  });

  it('applies the EXIF orientation: an orientation-6 photo comes out upright, width and height swapped', async () => {
    // Stored 1400 × 1000 with red on the left; displayed (turned 90° clockwise) 1000 × 1400, red on top.
    const image = await saveImage(await jpegFixture({ width: 1400, height: 1000, orientation: 6 }), { visibility: 'public' });
    expect(image.widths).toEqual([320, 640]);
    expect(image.width).toBe(640);
    expect(image.height).toBe(896);
    for (const file of await variantFiles(image)) {
      const { data, info } = await sharp(file.bytes).raw().toBuffer({ resolveWithObject: true });
      expect(info.height).toBeGreaterThan(info.width);
      const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
      const [topRed, , topBlue] = pixel(info.width >> 1, Math.round(info.height * 0.1));
      const [bottomRed, , bottomBlue] = pixel(info.width >> 1, Math.round(info.height * 0.9));
      expect(topRed, file.name).toBeGreaterThan(topBlue + 80);
      expect(bottomBlue, file.name).toBeGreaterThan(bottomRed + 80);
    }
  });

  it('leaves an upright photo as it is', async () => {
    const image = await saveImage(await jpegFixture({ width: 900, height: 600 }), { visibility: 'public' });
    expect([image.width, image.height]).toEqual([640, 427]);
  });

  it.each([
    [320, [320]],
    [639, [320]],
    [640, [320, 640]],
    [1000, [320, 640]],
    [1280, [320, 640, 1280]],
    [1700, [320, 640, 1280]]
  ])('never upscales: a %i px wide image gets widths %j', async (width, expected) => {
    expect(widthsFor(width)).toEqual(expected);
    const height = Math.round(width * 0.75);
    const image = await saveImage(await pngFixture({ width, height }), { visibility: 'public' });
    expect(image.widths).toEqual(expected);
    expect(image.formats).toEqual([...IMAGE_FORMATS]);
    for (const file of await variantFiles(image)) {
      const [declared, format] = file.name.split('.');
      const meta = await sharp(file.bytes).metadata();
      expect(meta.width, file.name).toBe(Number(declared));
      expect(meta.width, file.name).toBeLessThanOrEqual(width);
      expect(meta.format, file.name).toBe(format === 'avif' ? 'heif' : 'webp');
      expect(Math.abs(meta.height / meta.width - 0.75), file.name).toBeLessThan(0.01);
    }
  });

  it('keeps transparency', async () => {
    const image = await saveImage(await pngFixture({ width: 400, height: 300, alpha: true }), { visibility: 'public' });
    for (const file of await variantFiles(image)) {
      expect((await sharp(file.bytes).metadata()).hasAlpha, file.name).toBe(true);
    }
  });

  it('converts a Display P3 photo to sRGB instead of keeping its profile', async () => {
    const image = await saveImage(await pngFixture({ width: 400, height: 300, privateMetadata: true }), { visibility: 'public' });
    for (const file of await variantFiles(image)) {
      const { data } = await sharp(file.bytes).raw().toBuffer({ resolveWithObject: true });
      // The fixture's left half is sRGB (≈215, 40, 50) before being written as P3; back in sRGB it is red again.
      expect(data[0], file.name).toBeGreaterThan(180);
      expect(data[1], file.name).toBeLessThan(80);
    }
  });

  it('returns a descriptor that the stored-JSON schema accepts, with only allowed widths', async () => {
    const image = await saveImage(await jpegFixture({ width: 700, height: 500 }), { visibility: 'public' });
    expect(imageDescriptorSchema.parse(JSON.parse(JSON.stringify(image)))).toEqual(image);
    expect(Object.keys(image).sort()).toEqual(['formats', 'height', 'id', 'width', 'widths']);
    expect(image.widths.every((w) => (IMAGE_WIDTHS as readonly number[]).includes(w))).toBe(true);
    expect(imageDescriptorSchema.safeParse({ ...image, widths: [1280, 320] }).success).toBe(false);
    expect(imageDescriptorSchema.safeParse({ ...image, id: '../etc' }).success).toBe(false);
    expect(imageDescriptorSchema.safeParse({ ...image, formats: ['jpeg'] }).success).toBe(false);
  });
});
