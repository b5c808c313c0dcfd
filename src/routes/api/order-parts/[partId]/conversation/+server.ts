import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { MessagingError, orderPartConversation } from '$lib/server/messaging/service';
import { conversationParam, messagingErrorResponse } from '$lib/server/messaging/http';

/**
 * `POST /api/order-parts/[partId]/conversation` → `{ "id" }`: the conversation of one order part,
 * created by the order if it has none yet. For the customer and the shop of that part only (404
 * to anyone else): the only way a shop opens a thread, and only with its own customer.
 */
export const POST: RequestHandler = ({ locals, params }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  const partId = conversationParam(params.partId);
  if (partId === null) return messagingErrorResponse(new MessagingError('not_found'));
  try {
    return json({ id: orderPartConversation(db(), auth.user, partId) }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return messagingErrorResponse(error);
  }
};
