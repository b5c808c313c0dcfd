import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { readJsonBody } from '$lib/server/http/json-body';
import { readSchema } from '$lib/schemas/messaging';
import { markRead, MessagingError } from '$lib/server/messaging/service';
import { conversationParam, messagingErrorResponse } from '$lib/server/messaging/http';

/** `POST /api/conversations/[id]/read` `{ "upTo": messageId }` → 204. */
export const POST: RequestHandler = async ({ locals, request, params }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  const conversationId = conversationParam(params.id);
  if (conversationId === null) return messagingErrorResponse(new MessagingError('not_found'));
  const body = await readJsonBody(request, readSchema);
  if (!body.ok) return body.response;
  try {
    markRead(db(), auth.user, conversationId, body.data.upTo);
    return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return messagingErrorResponse(error);
  }
};
