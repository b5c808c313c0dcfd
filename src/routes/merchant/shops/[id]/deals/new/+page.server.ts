import type { Actions, PageServerLoad } from './$types';
import { memberShop } from '$lib/server/merchant/route-params';
import { dealAction } from '$lib/server/merchant/deal-form';

export const load: PageServerLoad = (event) => ({ shop: memberShop(event).shop, deal: null });

export const actions: Actions = {
  default: (event) => dealAction(event, null)
};
