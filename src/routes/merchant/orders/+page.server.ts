import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { merchantShops } from '$lib/server/merchant/shops';
import { openCounts } from '$lib/server/orders/board';
import { expireDueOrders } from '$lib/server/orders/transitions';

/** The way in to the orders boards: each of the user's shops with its open orders. */
export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  const database = db();
  expireDueOrders(database);
  const shops = merchantShops(database, user.id);
  const counts = openCounts(database, shops.map((s) => s.id));
  return { shops: shops.map((s) => ({ id: s.id, name: s.name, status: s.status, counts: counts.get(s.id)! })) };
};
