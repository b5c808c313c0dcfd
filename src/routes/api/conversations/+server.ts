import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { readJsonBody } from '$lib/server/http/json-body';
import { startConversationSchema } from '$lib/schemas/messaging';
import { MessagingError, startConversation } from '$lib/server/messaging/service';
import { messagingErrorResponse } from '$lib/server/messaging/http';

/**
 * `POST /api/conversations` `{ "shopId", "orderId"?, "body" }` → 201 `{ "id" }`. Citizens only:
 * a merchant, staff member, curator or admin gets 403 (no cold contact, no broadcast).
 */
export const POST: RequestHandler = async ({ locals, request }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  // Refused before the body is read: whatever it says, a shop cannot start a conversation.
  if (auth.user.role !== 'citizen') return messagingErrorResponse(new MessagingError('forbidden'));
  const body = await readJsonBody(request, startConversationSchema);
  if (!body.ok) return body.response;
  try {
    const { id } = startConversation(db(), auth.user, body.data);
    return json({ id }, { status: 201, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return messagingErrorResponse(error);
  }
};
