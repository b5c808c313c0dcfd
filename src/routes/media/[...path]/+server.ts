import type { RequestHandler } from './$types';
import { readVariant, serveStoredImage } from '$lib/server/images';
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

  // A variant's bytes never change under its name (new upload, new random id).
  return serveStoredImage(request, variant, { cacheControl: 'public, max-age=31536000, immutable' });
};
