import type { Actions, PageServerLoad } from './$types';
import { memberShop } from '$lib/server/merchant/route-params';
import { themeOptions } from '$lib/server/merchant/shops';
import { productAction } from '$lib/server/merchant/product-form';

export const load: PageServerLoad = (event) => {
  const { database, shop } = memberShop(event);
  return { shop, product: null, themes: themeOptions(database) };
};

export const actions: Actions = {
  default: (event) => productAction(event, null)
};
