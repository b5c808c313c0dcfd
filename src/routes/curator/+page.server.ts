import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/forms/read-form';
import { approveShopSchema, openPlatformSchema, refuseShopSchema } from '$lib/schemas/curation';
import { approveShop, CurationError, countShopsByStatus, listShopsByStatus, refuseShop } from '$lib/server/curation/shops';
import { listAudit } from '$lib/server/curation/audit';
import { LaunchError, launchStatus, setPlatformOpen } from '$lib/server/curation/launch';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireRole(db(), locals, url, 'curator', 'admin');
  const database = db();
  return {
    admin: user.role === 'admin',
    launch: launchStatus(database),
    pendingCount: countShopsByStatus(database, 'pending'),
    pending: listShopsByStatus(database, 'pending'),
    audit: listAudit(database, { limit: 50 })
  };
};

function curationFailure(scope: string, err: unknown, shopId?: number) {
  if (err instanceof CurationError) {
    const field = err.code.startsWith('reason') || err.code === 'required' ? 'reason' : 'form';
    return fail(400, { scope, shopId, errors: { [field]: err.code } });
  }
  if (err instanceof LaunchError) return fail(400, { scope, errors: { [err.code === 'confirm_required' ? 'confirmBelow' : 'form']: err.code } });
  throw err;
}

export const actions: Actions = {
  approve: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'curator', 'admin');
    const form = await readForm(request, approveShopSchema);
    if (!form.ok) return fail(400, { scope: 'queue', errors: form.errors });
    try {
      approveShop(db(), user, form.data.shopId);
    } catch (err) {
      return curationFailure('queue', err, form.data.shopId);
    }
    return { done: 'approved' };
  },
  refuse: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'curator', 'admin');
    const form = await readForm(request, refuseShopSchema);
    const shopId = Number(form.values.shopId) || undefined;
    if (!form.ok) return fail(400, { scope: 'queue', shopId, values: form.values, errors: form.errors });
    try {
      refuseShop(db(), user, form.data.shopId, form.data.reason);
    } catch (err) {
      return curationFailure('queue', err, shopId);
    }
    return { done: 'refused' };
  },
  open: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'curator', 'admin');
    const form = await readForm(request, openPlatformSchema);
    if (!form.ok) return fail(400, { scope: 'launch', errors: form.errors });
    try {
      setPlatformOpen(db(), user.id, true, { confirmBelow: form.data.confirmBelow === 'on' });
    } catch (err) {
      return curationFailure('launch', err);
    }
    return { done: 'opened' };
  },
  close: async ({ locals, url }) => {
    const user = requireRole(db(), locals, url, 'curator', 'admin');
    try {
      setPlatformOpen(db(), user.id, false);
    } catch (err) {
      return curationFailure('launch', err);
    }
    return { done: 'closed' };
  }
};
