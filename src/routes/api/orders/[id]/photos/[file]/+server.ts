import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { jsonError } from '$lib/server/http/json-error';
import { readVariant, serveStoredImage } from '$lib/server/images';
import { parseVariantName } from '$lib/images/media-url';
import { orderPhotoFor } from '$lib/server/orders/board';

/**
 * A "photo de livraison" variant, `GET /api/orders/<order>/photos/<image>-<width>.<avif|webp>`:
 * to the order's customer and the members of the shop that took it, nobody else (401 signed out,
 * 404 for anyone else, whether it exists or not). Read from the 'private' store only, never
 * cached by a shared cache.
 */
export const GET: RequestHandler = async ({ params, locals, request }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  const ref = parseVariantName(params.file);
  if (!ref || !/^[a-z2-7]{16}$/.test(params.id)) return jsonError(404, 'not_found', 'No such photo.');
  if (!orderPhotoFor(db(), params.id, ref.id, auth.user.id)) return jsonError(404, 'not_found', 'No such photo.');
  const variant = await readVariant('private', params.file);
  if (!variant) return jsonError(404, 'not_found', 'No such photo.');

  // Never public: a shared cache must not keep it; the browser may, for this person.
  return serveStoredImage(request, variant, { cacheControl: 'private, max-age=3600', vary: 'cookie' });
};
