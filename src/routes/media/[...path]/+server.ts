import type { RequestHandler } from './$types';
import { readVariant } from '$lib/server/images';
import { jsonError } from '$lib/server/http/json-error';

/**
 * Public image variants: `GET /media/<id>-<320|640|1280>.<avif|webp>`. A rest parameter rather
 * than `[file]` so that every path under /media (`/media/a/b`, `/media/`) gets the same JSON 404
 * instead of the HTML error page. Only the 'public' store is read: message photos never answer
 * here, whatever their id.
 */
export const GET: RequestHandler = async ({ params, request }) => {
  const variant = await readVariant('public', params.path);
  if (!variant) return jsonError(404, 'not_found', 'No such image.');

  const headers = new Headers({
    'content-type': variant.contentType,
    // A variant's bytes never change under its name (new upload, new random id).
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    etag: variant.etag
  });
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === variant.etag || tag.trim() === '*')) {
    return new Response(null, { status: 304, headers });
  }
  headers.set('content-length', String(variant.bytes.length));
  return new Response(new Uint8Array(variant.bytes), { status: 200, headers });
};
