import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { jsonError } from '$lib/server/http/json-error';
import { orderOwner, orderView } from '$lib/server/orders/view';
import { expireDueOrders } from '$lib/server/orders/transitions';

/** One order with each shop's part and timeline: its owner only (anyone else: 404, whether it exists or not). */
export const GET: RequestHandler = ({ params, locals }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  const database = db();
  if (orderOwner(database, params.id) !== auth.user.id) return jsonError(404, 'not_found', 'No such order.');
  expireDueOrders(database);
  return json(orderView(database, params.id), { headers: { 'cache-control': 'no-store' } });
};
