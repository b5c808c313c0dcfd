import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { requireShopMember } from '$lib/server/auth/guards';
import { idParam } from '$lib/server/merchant/route-params';
import { jsonError } from '$lib/server/http/json-error';
import { slotDateSchema } from '$lib/schemas/orders';
import { openPartStatuses } from '$lib/server/db/schema';
import { shopOrders } from '$lib/server/orders/shop-orders';
import { expireDueOrders } from '$lib/server/orders/transitions';

/**
 * A shop's orders board: its open parts, or with `?date=YYYY-MM-DD` every part of that Paris
 * day (the preparation list). Members of the shop only.
 */
export const GET: RequestHandler = ({ params, locals, url }) => {
  const database = db();
  const shopId = idParam(params.id);
  requireShopMember(database, locals, url, shopId);
  const rawDate = url.searchParams.get('date');
  let date: string | undefined;
  if (rawDate !== null) {
    const parsed = slotDateSchema.safeParse(rawDate);
    if (!parsed.success) return jsonError(400, 'invalid_date', `date: ${parsed.error.issues[0].message}`);
    date = parsed.data;
  }
  expireDueOrders(database);
  const parts = shopOrders(database, shopId, date ? { date } : { statuses: [...openPartStatuses] });
  return json({ parts }, { headers: { 'cache-control': 'no-store' } });
};
