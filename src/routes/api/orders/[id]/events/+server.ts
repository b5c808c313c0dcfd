import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { jsonError } from '$lib/server/http/json-error';
import { orderOwner, orderView } from '$lib/server/orders/view';
import { liveResponse } from '$lib/server/orders/live';

/** The order page, live: `event: update` with the whole order (as `GET /api/orders/:id`) whenever it changes. Owner only. */
export const GET: RequestHandler = ({ params, locals }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  const database = db();
  if (orderOwner(database, params.id) !== auth.user.id) return jsonError(404, 'not_found', 'No such order.');
  const userId = auth.user.id;
  // Ends if the order stops being theirs (account deleted).
  return liveResponse(() => (orderOwner(database, params.id) === userId ? orderView(database, params.id) : null));
};
