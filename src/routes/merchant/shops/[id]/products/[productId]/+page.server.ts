import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireShopMember } from '$lib/server/auth/guards';
import { idParam } from '$lib/server/merchant/route-params';
import { findProduct } from '$lib/server/merchant/products';
import { shopHeader, themeOptions } from '$lib/server/merchant/shops';
import { productAction } from '$lib/server/merchant/product-form';

export const load: PageServerLoad = ({ locals, url, params }) => {
  const database = db();
  const shopId = idParam(params.id);
  requireShopMember(database, locals, url, shopId);
  const shop = shopHeader(database, shopId);
  const product = findProduct(database, shopId, idParam(params.productId));
  if (!shop || !product) error(404, 'Produit introuvable');
  return { shop, product, themes: themeOptions(database) };
};

export const actions: Actions = {
  default: (event) => productAction(event, idParam(event.params.productId))
};
