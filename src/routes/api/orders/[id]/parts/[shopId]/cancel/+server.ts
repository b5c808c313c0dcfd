import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { jsonError } from '$lib/server/http/json-error';
import { cancelPart } from '$lib/server/orders/transitions';

/** The customer cancels their part at one shop ("shop-3"), until the shop accepts it; the stock goes back on sale. */
export const POST: RequestHandler = ({ params, locals }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  const result = cancelPart(db(), auth.user.id, params.id, params.shopId);
  if (result.ok) return json(result.part, { headers: { 'cache-control': 'no-store' } });
  if (result.error === 'not_found') return jsonError(404, 'not_found', 'No such order part.');
  if (result.error === 'paid_online') return jsonError(409, 'paid_online', 'Paid online: ask the shop, which can refuse the part.', { status: result.status });
  return jsonError(409, 'wrong_status', `The shop has already ${result.status === 'accepted' || result.status === 'ready' ? 'accepted it' : 'closed it'}: it can no longer be cancelled here.`, { status: result.status });
};
