import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import {
  IMAGE_REJECTION_CODES,
  MAX_INPUT_PIXELS,
  MAX_UPLOAD_BYTES,
  type ImageRejectionCode
} from '../../src/lib/images/limits';
import { imageRejectionText } from '../../src/lib/components/ui/image-rejection-text';
import { ImageRejected, saveImage } from '../../src/lib/server/images';
import { inspectImage, readUpload } from '../../src/lib/server/images/validate';
import {
  asFile,
  avifFixture,
  jpegFixture,
  listFiles,
  pngClaiming,
  pngFixture,
  useTemporaryUploads,
  webpFixture
} from '../support/image-fixtures';

/** The code an upload is refused with, or 'accepted'. */
async function verdict(upload: unknown): Promise<ImageRejectionCode | 'accepted'> {
  try {
    await saveImage(upload, { visibility: 'public' });
    return 'accepted';
  } catch (error) {
    if (error instanceof ImageRejected) return error.code;
    throw error;
  }
}

describe('image uploads: what is refused, with which code', () => {
  let uploads: Awaited<ReturnType<typeof useTemporaryUploads>>;
  beforeEach(async () => {
    uploads = await useTemporaryUploads();
  });
  afterEach(async () => {
    await uploads.cleanup();
  });

  it('refuses a text file named .jpg and declared image/jpeg: the name and MIME type are not trusted', async () => {
    const file = new File(['Bonjour, ceci est une liste de courses.\n'.repeat(50)], 'photo.jpg', { type: 'image/jpeg' });
    expect(await verdict(file)).toBe('not-an-image');
  });

  it('accepts a JPEG whatever it is called or declared as', async () => {
    const jpeg = await jpegFixture({ width: 400, height: 300 });
    expect(await verdict(asFile(jpeg, 'notes.txt', 'text/plain'))).toBe('accepted');
  });

  it('refuses a file over the byte limit before decoding it', async () => {
    const jpeg = await jpegFixture({ width: 400, height: 300 });
    const oversized = Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES + 1 - jpeg.length)]);
    expect(oversized.length).toBe(MAX_UPLOAD_BYTES + 1);
    expect(await verdict(oversized)).toBe('too-large');
    expect(await verdict(asFile(oversized, 'big.jpg'))).toBe('too-large');
  });

  it('lets a file of exactly the byte limit through the size check', async () => {
    await expect(readUpload(Buffer.alloc(MAX_UPLOAD_BYTES, 1))).resolves.toHaveLength(MAX_UPLOAD_BYTES);
  });

  it.each([
    ['null (field missing)', null],
    ['an empty string', ''],
    ['an empty File (nothing chosen in the form)', new File([], '', { type: 'application/octet-stream' })],
    ['an empty Buffer', Buffer.alloc(0)]
  ])('calls %s empty', async (_label, upload) => {
    expect(await verdict(upload)).toBe('empty');
  });

  it('refuses a string (a form sent without multipart: only the file name arrives)', async () => {
    expect(await verdict('IMG_0042.jpg')).toBe('not-an-image');
    expect(await verdict({ name: 'IMG_0042.jpg', size: 10 })).toBe('not-an-image');
  });

  it('refuses an image announcing more pixels than the limit, without decoding it', async () => {
    const bomb = pngClaiming(8000, 5001);
    expect(bomb.length).toBeLessThan(100_000);
    expect(8000 * 5001).toBeGreaterThan(MAX_INPUT_PIXELS);
    expect(await verdict(bomb)).toBe('too-many-pixels');
  });

  it('takes an image of exactly the pixel limit past the pixel check', async () => {
    expect(8000 * 5000).toBe(MAX_INPUT_PIXELS);
    await expect(inspectImage(pngClaiming(8000, 5000))).resolves.toMatchObject({ width: 8000, height: 5000 });
    // Its pixel data is one row long, so decoding it fails: damaged images are refused too.
    expect(await verdict(pngClaiming(8000, 5000))).toBe('not-an-image');
  });

  it('refuses a real, fully encoded image over the pixel limit', { timeout: 30_000 }, async () => {
    const big = await sharp({ create: { width: 6500, height: 6200, channels: 3, background: '#b44' } })
      .jpeg({ quality: 40 })
      .toBuffer();
    expect(big.length).toBeLessThan(MAX_UPLOAD_BYTES);
    expect(await verdict(big)).toBe('too-many-pixels');
  });

  it.each([
    [300, 400, 1, 'too-small'],
    [400, 179, 1, 'too-small'],
    [320, 180, 1, 'accepted'],
    // Sizes are judged as displayed: orientation 6 turns a 180 × 320 file into a 320 × 180 photo.
    [180, 320, 6, 'accepted'],
    [320, 180, 6, 'too-small'],
    [1440, 180, 1, 'accepted'],
    [1441, 180, 1, 'bad-aspect-ratio'],
    [320, 2561, 1, 'bad-aspect-ratio']
  ] as const)('judges a %i × %i file with orientation %i: %s', async (width, height, orientation, expected) => {
    expect(await verdict(await jpegFixture({ width, height, orientation }))).toBe(expected);
  });

  it('refuses known image formats it does not accept', async () => {
    const pixels = { create: { width: 400, height: 300, channels: 3, background: '#369' } } as const;
    expect(await verdict(await sharp(pixels).gif().toBuffer())).toBe('unsupported-format');
    expect(await verdict(await sharp(pixels).tiff().toBuffer())).toBe('unsupported-format');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300"/></svg>';
    expect(await verdict(new File([svg], 'logo.jpg', { type: 'image/jpeg' }))).toBe('unsupported-format');
  });

  it('refuses HEIC when this build of sharp cannot decode it', async () => {
    // A HEIC file's opening (ftyp box with the heic brand). sharp's prebuilt libvips has no HEVC
    // decoder, so the answer is the format, not "not an image".
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
      Buffer.alloc(2000)
    ]);
    expect(await verdict(heic)).toBe('unsupported-format');
  });

  it('refuses a JPEG whose pixel data is cut off', async () => {
    const noise = { type: 'gaussian', mean: 128, sigma: 30 } as const;
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#888', noise } }).jpeg().toBuffer();
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
    await expect(inspectImage(truncated)).resolves.toBeDefined(); // the header is intact
    expect(await verdict(truncated)).toBe('not-an-image');
  });

  it('refuses a file whose signature and data disagree', async () => {
    const jpeg = await jpegFixture({ width: 400, height: 300 });
    const pngSignature = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), jpeg]);
    expect(await verdict(pngSignature)).toBe('not-an-image');
  });

  it.each([
    ['JPEG', () => jpegFixture({ width: 500, height: 400 })],
    ['PNG with transparency', () => pngFixture({ width: 500, height: 400, alpha: true })],
    ['WebP', () => webpFixture({ width: 500, height: 400 })],
    ['AVIF', () => avifFixture({ width: 500, height: 400 })]
  ])('accepts %s', async (_label, make) => {
    expect(await verdict(await make())).toBe('accepted');
  });

  it('stores nothing for a refused upload', async () => {
    await verdict(pngClaiming(8000, 5000));
    await verdict(new File(['not an image'], 'x.jpg'));
    expect(await listFiles(uploads.root).catch(() => [])).toEqual([]);
  });
});

describe('imageRejectionText', () => {
  it('gives every code its own message, with the limit the person has to meet', () => {
    const texts = IMAGE_REJECTION_CODES.map((code) => imageRejectionText(code));
    expect(new Set(texts).size).toBe(IMAGE_REJECTION_CODES.length);
    for (const text of texts) expect(text.length).toBeGreaterThan(10);
    expect(imageRejectionText('too-large')).toContain(`${MAX_UPLOAD_BYTES / 1024 / 1024}\u00a0Mo`);
    expect(imageRejectionText('too-many-pixels')).toContain(`${MAX_INPUT_PIXELS / 1_000_000}\u00a0millions`);
    expect(imageRejectionText('too-small')).toContain('320\u00a0×\u00a0180');
  });
});
