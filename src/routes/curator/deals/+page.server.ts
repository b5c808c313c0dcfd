import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/forms/read-form';
import { dealDecisionSchema, rejectDealSchema } from '$lib/schemas/curation';
import { listPendingDeals, publishDeal, rejectDeal } from '$lib/server/curation/deals';
import { curationFail } from '$lib/server/curation/form-failure';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireRole(db(), locals, url, 'curator', 'admin');
  return {
    admin: user.role === 'admin',
    deals: listPendingDeals(db())
  };
};

export const actions: Actions = {
  publish: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'curator', 'admin');
    const form = await readForm(request, dealDecisionSchema);
    if (!form.ok) return fail(400, { id: undefined, errors: form.errors });
    try {
      publishDeal(db(), user, form.data.dealId);
    } catch (err) {
      return curationFail(form.data.dealId, err);
    }
    return { done: 'published' };
  },
  reject: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'curator', 'admin');
    const form = await readForm(request, rejectDealSchema);
    const id = Number(form.values.dealId) || undefined;
    if (!form.ok) return fail(400, { id, values: form.values, errors: form.errors });
    try {
      rejectDeal(db(), user, form.data.dealId, form.data.reason);
    } catch (err) {
      return curationFail(id, err, form.values);
    }
    return { done: 'rejected' };
  }
};
