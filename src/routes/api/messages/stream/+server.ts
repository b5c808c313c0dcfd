import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { openMessageStream } from '$lib/server/messaging/stream';

/**
 * `GET /api/messages/stream`: one Server-Sent Events stream per signed-in device, carrying every
 * conversation of the account (its citizen side and every shop it belongs to). Each event has an
 * `id:`; reconnecting with `Last-Event-ID` replays the missed messages in order.
 */
export const GET: RequestHandler = ({ locals, request, url }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  return openMessageStream(db(), auth.user.id, request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId'));
};
