import type { PageServerLoad } from './$types';
import { memberShop } from '$lib/server/merchant/route-params';
import { listProducts } from '$lib/server/merchant/products';

export const load: PageServerLoad = (event) => {
  const { database, shopId, shop } = memberShop(event);
  return { shop, products: listProducts(database, shopId) };
};
