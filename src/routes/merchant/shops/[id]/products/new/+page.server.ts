import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireShopMember } from '$lib/server/auth/guards';
import { idParam } from '$lib/server/merchant/route-params';
import { shopHeader, themeOptions } from '$lib/server/merchant/shops';
import { productAction } from '$lib/server/merchant/product-form';

export const load: PageServerLoad = ({ locals, url, params }) => {
  const database = db();
  const shopId = idParam(params.id);
  requireShopMember(database, locals, url, shopId);
  const shop = shopHeader(database, shopId);
  if (!shop) error(404, 'Boutique introuvable');
  return { shop, product: null, themes: themeOptions(database) };
};

export const actions: Actions = {
  default: (event) => productAction(event, null)
};
