import type { ServedVariant } from './read';

/**
 * The HTTP answer for a stored image variant, the same for the public `/media` store and the
 * private photo routes (orders, conversations): its content type, `nosniff`, a strong ETag and a
 * 304 when `If-None-Match` lists it (or is `*`), else the bytes with their length. Only the cache
 * policy differs between callers: `cacheControl`, plus `vary` where the answer depends on who asks.
 * Callers authorise and look the variant up first; this never reads who is asking.
 */
export function serveStoredImage(request: Request, variant: ServedVariant, cache: { cacheControl: string; vary?: string }): Response {
  const headers = new Headers({
    'content-type': variant.contentType,
    'cache-control': cache.cacheControl,
    'x-content-type-options': 'nosniff',
    etag: variant.etag
  });
  if (cache.vary) headers.set('vary', cache.vary);
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === variant.etag || tag.trim() === '*')) {
    return new Response(null, { status: 304, headers });
  }
  headers.set('content-length', String(variant.bytes.length));
  return new Response(new Uint8Array(variant.bytes), { status: 200, headers });
}
