import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { jsonError } from '$lib/server/http/json-error';
import { readVariant, serveStoredImage } from '$lib/server/images';
import { parseVariantName } from '$lib/images/media-url';
import { conversationParam } from '$lib/server/messaging/http';
import { conversationHasPhoto, participantSide } from '$lib/server/messaging/service';

/**
 * A photo sent in a conversation: `GET /api/conversations/<id>/photos/<photo>-<width>.<fmt>`.
 * Answered only to that conversation's participants, only for a photo of one of its messages,
 * from the private store (never /media), and never kept by a shared cache.
 */
export const GET: RequestHandler = async ({ locals, params, request }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  const conversationId = conversationParam(params.id);
  const ref = parseVariantName(params.name);
  const database = db();
  if (conversationId === null || !ref || !participantSide(database, conversationId, auth.user.id) || !conversationHasPhoto(database, conversationId, ref.id)) {
    return jsonError(404, 'not_found', 'No such photo.');
  }
  const variant = await readVariant('private', params.name);
  if (!variant) return jsonError(404, 'not_found', 'No such photo.');
  return serveStoredImage(request, variant, { cacheControl: 'private, max-age=86400' });
};
