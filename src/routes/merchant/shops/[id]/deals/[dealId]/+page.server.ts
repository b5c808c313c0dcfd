import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireShopMember } from '$lib/server/auth/guards';
import { idParam } from '$lib/server/merchant/route-params';
import { findDeal } from '$lib/server/merchant/deals';
import { shopHeader } from '$lib/server/merchant/shops';
import { dealAction } from '$lib/server/merchant/deal-form';

export const load: PageServerLoad = ({ locals, url, params }) => {
  const database = db();
  const shopId = idParam(params.id);
  requireShopMember(database, locals, url, shopId);
  const shop = shopHeader(database, shopId);
  const deal = findDeal(database, shopId, idParam(params.dealId));
  if (!shop || !deal) error(404, 'Bon plan introuvable');
  return { shop, deal };
};

export const actions: Actions = {
  default: (event) => dealAction(event, idParam(event.params.dealId))
};
