import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { ImageDescriptor } from '../../src/lib/images/limits';
import { mediaUrl } from '../../src/lib/images/media-url';
import { readVariant, saveImage, serveStoredImage } from '../../src/lib/server/images';
import { jpegFixture, useTemporaryUploads } from '../support/image-fixtures';

/** GET /media/[...path], called as SvelteKit calls it. */
describe('GET /media/<id>-<width>.<format>', () => {
  type Handler = (event: { params: { path: string }; request: Request }) => Promise<Response>;
  let GET: Handler;
  let uploads: Awaited<ReturnType<typeof useTemporaryUploads>>;
  let shared: ImageDescriptor;
  let secret: ImageDescriptor;

  beforeAll(async () => {
    uploads = await useTemporaryUploads();
    GET = (await import('../../src/routes/media/[...path]/+server')).GET as unknown as Handler;
    const jpeg = await jpegFixture({ width: 900, height: 600, privateMetadata: true });
    shared = await saveImage(jpeg, { visibility: 'public' });
    secret = await saveImage(jpeg, { visibility: 'private' });
  });
  afterAll(async () => {
    await uploads.cleanup();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    GET({ params: { path }, request: new Request(`http://placette.test/media/${path}`, { headers }) });

  it.each([
    ['avif', 'image/avif', 'heif'],
    ['webp', 'image/webp', 'webp']
  ] as const)('serves the %s variant with immutable caching, nosniff and a strong ETag', async (format, type, decoded) => {
    const response = await get(`${shared.id}-640.${format}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('content-length')).toBe(String(body.length));
    const meta = await sharp(body).metadata();
    expect([meta.format, meta.width]).toEqual([decoded, 640]);
  });

  it('answers a conditional request for the same bytes with 304 and no body', async () => {
    const first = await get(`${shared.id}-320.webp`);
    const etag = first.headers.get('etag')!;
    const again = await get(`${shared.id}-320.webp`, { 'if-none-match': `"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await get(`${shared.id}-320.webp`, { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('builds the same URL the component uses', () => {
    expect(mediaUrl({ id: shared.id, width: 320, format: 'avif' })).toBe(`/media/${shared.id}-320.avif`);
  });

  it.each([
    ['a private image, by its real id', () => `${secret.id}-320.webp`],
    ['a private image, by a relative path', () => `../private/${secret.id}/320.webp`],
    ['a private image, percent-encoded', () => `..%2Fprivate%2F${secret.id}%2F320.webp`],
    ['an unknown id', () => `${'a'.repeat(26)}-320.webp`],
    ['a width that was not made (900 px original)', () => `${shared.id}-1280.webp`],
    ['a width outside the set', () => `${shared.id}-400.webp`],
    ['the original format', () => `${shared.id}-640.jpg`],
    ['a directory', () => shared.id],
    ['a nested path', () => `${shared.id}/640.webp`],
    ['nothing', () => '']
  ])('answers 404 JSON for %s', async (_label, path) => {
    const response = await get(path());
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await response.json()).error.code).toBe('not_found');
  });
});

/** The answer every image route shares (/media and the private photo routes of orders and conversations). */
describe('serveStoredImage', () => {
  let uploads: Awaited<ReturnType<typeof useTemporaryUploads>>;
  let secret: ImageDescriptor;

  beforeAll(async () => {
    uploads = await useTemporaryUploads();
    secret = await saveImage(await jpegFixture({ width: 700, height: 500 }), { visibility: 'private' });
  });
  afterAll(async () => {
    await uploads.cleanup();
  });

  const serve = async (headers: Record<string, string> = {}) => {
    const variant = (await readVariant('private', `${secret.id}-320.webp`))!;
    return serveStoredImage(new Request('http://placette.test/photo', { headers }), variant, { cacheControl: 'private, max-age=3600', vary: 'cookie' });
  };

  it('keeps a private photo out of shared caches, with nosniff, its type, length and ETag', async () => {
    const response = await serve();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(response.headers.get('vary')).toBe('cookie');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('image/webp');
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('content-length')).toBe(String(body.length));
    expect((await sharp(body).metadata()).width).toBe(320);
  });

  it('answers 304 with the same cache headers when the browser already holds it', async () => {
    const etag = (await serve()).headers.get('etag')!;
    for (const ifNoneMatch of [etag, `"x", ${etag}`, '*']) {
      const again = await serve({ 'if-none-match': ifNoneMatch });
      expect(again.status).toBe(304);
      expect(again.headers.get('cache-control')).toBe('private, max-age=3600');
      expect(again.headers.get('vary')).toBe('cookie');
      expect(await again.text()).toBe('');
    }
    expect((await serve({ 'if-none-match': '"stale"' })).status).toBe(200);
  });
});
