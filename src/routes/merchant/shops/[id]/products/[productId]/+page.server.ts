import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, memberShop } from '$lib/server/merchant/route-params';
import { findProduct } from '$lib/server/merchant/products';
import { themeOptions } from '$lib/server/merchant/shops';
import { productAction } from '$lib/server/merchant/product-form';

export const load: PageServerLoad = (event) => {
  const { database, shopId, shop } = memberShop(event);
  const product = findProduct(database, shopId, idParam(event.params.productId));
  if (!product) error(404, 'Produit introuvable');
  return { shop, product, themes: themeOptions(database) };
};

export const actions: Actions = {
  default: (event) => productAction(event, idParam(event.params.productId))
};
