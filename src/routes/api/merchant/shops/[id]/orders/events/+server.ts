import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { requireShopMember } from '$lib/server/auth/guards';
import { idParam } from '$lib/server/merchant/route-params';
import { openPartStatuses } from '$lib/server/db/schema';
import { shopOrders } from '$lib/server/orders/shop-orders';
import { liveResponse } from '$lib/server/orders/live';

/** The shop's orders board, live: `event: update` with `{ parts }` (its open parts) whenever they change. Members only. */
export const GET: RequestHandler = ({ params, locals, url }) => {
  const database = db();
  const shopId = idParam(params.id);
  requireShopMember(database, locals, url, shopId);
  return liveResponse(() => ({ parts: shopOrders(database, shopId, { statuses: [...openPartStatuses] }) }));
};
