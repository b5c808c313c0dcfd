import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { orderOwner, orderView } from '$lib/server/orders/view';
import { expireDueOrders } from '$lib/server/orders/transitions';

/** One order, for its owner only: anyone else gets 404, whether it exists or not. */
export const load: PageServerLoad = ({ locals, url, params }) => {
  const user = requireUser(locals, url);
  const database = db();
  if (!/^[a-z2-7]{16}$/.test(params.id) || orderOwner(database, params.id) !== user.id) error(404, 'Commande introuvable');
  expireDueOrders(database);
  const order = orderView(database, params.id);
  if (!order) error(404, 'Commande introuvable');
  return { order, placed: url.searchParams.has('placed') };
};
