import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, memberShop } from '$lib/server/merchant/route-params';
import { findDeal } from '$lib/server/merchant/deals';
import { dealAction } from '$lib/server/merchant/deal-form';

export const load: PageServerLoad = (event) => {
  const { database, shopId, shop } = memberShop(event);
  const deal = findDeal(database, shopId, idParam(event.params.dealId));
  if (!deal) error(404, 'Bon plan introuvable');
  return { shop, deal };
};

export const actions: Actions = {
  default: (event) => dealAction(event, idParam(event.params.dealId))
};
