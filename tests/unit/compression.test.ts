import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { compression } from '../../src/hooks/compression';

const html = '<!doctype html><html><body>' + 'Toutoulouse, la ville rose. '.repeat(200) + '</body></html>';

async function run(
  response: () => Response,
  { method = 'GET', acceptEncoding = 'gzip, deflate, br' }: { method?: string; acceptEncoding?: string | null } = {}
): Promise<Response> {
  const headers = new Headers();
  if (acceptEncoding !== null) headers.set('accept-encoding', acceptEncoding);
  const event = { request: new Request('http://localhost/', { method, headers }) } as unknown as RequestEvent;
  return compression({ event, resolve: async () => response() });
}

const page = (extra: Record<string, string> = {}) => () =>
  new Response(html, { status: 200, headers: { 'content-type': 'text/html', 'content-length': String(html.length), etag: '"abc"', ...extra } });

describe('compression hook', () => {
  it('gzips rendered pages for browsers that accept it, with a weak ETag and Vary', async () => {
    const response = await run(page({ 'x-frame-options': 'DENY' }));
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('etag')).toBe('W/"abc"');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(html.length / 5);
    expect(gunzipSync(body).toString()).toBe(html);
  });

  it('adds to an existing Vary', async () => {
    const response = await run(page({ vary: 'Origin' }));
    expect(response.headers.get('vary')).toBe('Origin, Accept-Encoding');
  });

  it.each([
    ['no Accept-Encoding', page(), { acceptEncoding: null }],
    ['gzip refused (q=0)', page(), { acceptEncoding: 'gzip;q=0, br' }],
    ['a HEAD request', page(), { method: 'HEAD' }],
    ['an answer that is already encoded (the catalog API)', page({ 'content-encoding': 'br' }), {}],
    ['an image', () => new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/png' } }), {}],
    ['a 304', () => new Response(null, { status: 304, headers: { etag: '"abc"' } }), {}]
  ] as const)('leaves alone %s', async (_label, response, options) => {
    const original = response();
    const result = await run(() => original, options);
    expect(result).toBe(original);
  });
});
