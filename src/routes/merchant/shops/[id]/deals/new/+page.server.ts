import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireShopMember } from '$lib/server/auth/guards';
import { idParam } from '$lib/server/merchant/route-params';
import { shopHeader } from '$lib/server/merchant/shops';
import { dealAction } from '$lib/server/merchant/deal-form';

export const load: PageServerLoad = ({ locals, url, params }) => {
  const database = db();
  const shopId = idParam(params.id);
  requireShopMember(database, locals, url, shopId);
  const shop = shopHeader(database, shopId);
  if (!shop) error(404, 'Boutique introuvable');
  return { shop, deal: null };
};

export const actions: Actions = {
  default: (event) => dealAction(event, null)
};
