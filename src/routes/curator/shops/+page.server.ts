import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { approveShopSchema, suspendShopSchema } from '$lib/schemas/curation';
import { listShops, reinstateShop, suspendShop, type ShopStatus } from '$lib/server/curation/shops';
import { curatorDecision, numericRow } from '$lib/server/curation/form-failure';
import { shopStatuses } from '$lib/server/db/schema';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireRole(db(), locals, url, 'curator', 'admin');
  const asked = url.searchParams.get('status');
  const status = (shopStatuses as readonly string[]).includes(asked ?? '') ? (asked as ShopStatus) : undefined;
  return { admin: user.role === 'admin', shops: listShops(db(), status), status: status ?? '', statuses: [...shopStatuses] };
};

export const actions: Actions = {
  suspend: curatorDecision(suspendShopSchema, numericRow('shopId'), (database, user, data) => suspendShop(database, user, data.shopId, data.reason), 'suspended'),
  reinstate: curatorDecision(approveShopSchema, numericRow('shopId'), (database, user, data) => reinstateShop(database, user, data.shopId), 'reinstated')
};
