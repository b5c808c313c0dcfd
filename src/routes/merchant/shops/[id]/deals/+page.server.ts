import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireShopMember } from '$lib/server/auth/guards';
import { idParam } from '$lib/server/merchant/route-params';
import { listDeals } from '$lib/server/merchant/deals';
import { shopHeader } from '$lib/server/merchant/shops';

export const load: PageServerLoad = ({ locals, url, params }) => {
  const database = db();
  const shopId = idParam(params.id);
  requireShopMember(database, locals, url, shopId);
  const shop = shopHeader(database, shopId);
  if (!shop) error(404, 'Boutique introuvable');
  return { shop, deals: listDeals(database, shopId), saved: url.searchParams.has('saved') };
};
