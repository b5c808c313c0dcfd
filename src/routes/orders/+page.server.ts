import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { customerOrders } from '$lib/server/orders/account-data';
import { expireDueOrders } from '$lib/server/orders/transitions';

/** The signed-in customer's orders, newest first. */
export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  const database = db();
  expireDueOrders(database);
  return { orders: customerOrders(database, user.id) };
};
