import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { jsonError } from '$lib/server/http/json-error';
import { cancelPart } from '$lib/server/orders/transitions';
import { refundSoon } from '$lib/server/orders/refunds';
import { orderView } from '$lib/server/orders/view';
import { paymentProvider } from '$lib/server/payments';

/**
 * The customer cancels their part at one shop ("shop-3"), until the shop accepts it; the stock
 * goes back on sale and, paid online, the part's amount is refunded (`refund` in the answer).
 */
export const POST: RequestHandler = async ({ params, locals }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  const database = db();
  const result = cancelPart(database, auth.user.id, params.id, params.shopId);
  if (result.ok && result.part.refund) {
    await refundSoon(database, paymentProvider('online'), params.id);
    const part = orderView(database, params.id)?.parts.find((p) => p.shopId === result.part.shopId) ?? result.part;
    return json(part, { headers: { 'cache-control': 'no-store' } });
  }
  if (result.ok) return json(result.part, { headers: { 'cache-control': 'no-store' } });
  if (result.error === 'not_found') return jsonError(404, 'not_found', 'No such order part.');
  if (result.error === 'paid_online') return jsonError(409, 'paid_online', 'The online payment is not finished: pay or leave the payment page first.', { status: result.status });
  return jsonError(409, 'wrong_status', `The shop has already ${result.status === 'accepted' || result.status === 'ready' ? 'accepted it' : 'closed it'}: it can no longer be cancelled here.`, { status: result.status });
};
