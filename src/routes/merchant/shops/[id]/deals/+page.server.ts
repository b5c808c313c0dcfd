import type { PageServerLoad } from './$types';
import { memberShop } from '$lib/server/merchant/route-params';
import { listDeals } from '$lib/server/merchant/deals';

export const load: PageServerLoad = (event) => {
  const { database, shopId, shop } = memberShop(event);
  return { shop, deals: listDeals(database, shopId), saved: event.url.searchParams.has('saved') };
};
