import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/forms/read-form';
import { approveShopSchema, suspendShopSchema } from '$lib/schemas/curation';
import { listShops, reinstateShop, suspendShop, type ShopStatus } from '$lib/server/curation/shops';
import { curationFail } from '$lib/server/curation/form-failure';
import { shopStatuses } from '$lib/server/db/schema';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireRole(db(), locals, url, 'curator', 'admin');
  const asked = url.searchParams.get('status');
  const status = (shopStatuses as readonly string[]).includes(asked ?? '') ? (asked as ShopStatus) : undefined;
  return { admin: user.role === 'admin', shops: listShops(db(), status), status: status ?? '', statuses: [...shopStatuses] };
};

export const actions: Actions = {
  suspend: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'curator', 'admin');
    const form = await readForm(request, suspendShopSchema);
    const id = Number(form.values.shopId) || undefined;
    if (!form.ok) return fail(400, { id, values: form.values, errors: form.errors });
    try {
      suspendShop(db(), user, form.data.shopId, form.data.reason);
    } catch (err) {
      return curationFail(id, err, form.values);
    }
    return { done: 'suspended' };
  },
  reinstate: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'curator', 'admin');
    const form = await readForm(request, approveShopSchema);
    if (!form.ok) return fail(400, { id: undefined, errors: form.errors });
    try {
      reinstateShop(db(), user, form.data.shopId);
    } catch (err) {
      return curationFail(form.data.shopId, err);
    }
    return { done: 'reinstated' };
  }
};
