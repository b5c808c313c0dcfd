import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/forms/read-form';
import { guidePublicSchema, launchThresholdSchema, userRoleSchema } from '$lib/schemas/curation';
import { listUsers, setCurator, setGuidePublicBeforeLaunch, setLaunchThreshold } from '$lib/server/curation/admin';
import { guidePublicBeforeLaunch, launchThreshold } from '$lib/server/curation/launch';
import { curationFail } from '$lib/server/curation/form-failure';
import { commissionBps, setCommissionBps } from '$lib/server/orders/payouts';
import { commissionSchema } from '$lib/schemas/order-settings';

export const load: PageServerLoad = ({ locals, url }) => {
  requireRole(db(), locals, url, 'admin');
  const database = db();
  return {
    users: listUsers(database),
    threshold: launchThreshold(database),
    guidePublic: guidePublicBeforeLaunch(database),
    commissionBps: commissionBps(database)
  };
};

async function roleAction(event: Parameters<Actions[string]>[0], curator: boolean) {
  const user = requireRole(db(), event.locals, event.url, 'admin');
  const form = await readForm(event.request, userRoleSchema);
  if (!form.ok) return fail(400, { id: undefined, errors: form.errors });
  try {
    setCurator(db(), user, form.data.userId, curator);
  } catch (err) {
    return curationFail(form.data.userId, err);
  }
  return { done: curator ? 'appointed' : 'removed' };
}

export const actions: Actions = {
  appoint: (event) => roleAction(event, true),
  remove: (event) => roleAction(event, false),
  threshold: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'admin');
    const form = await readForm(request, launchThresholdSchema);
    if (!form.ok) return fail(400, { id: 'settings', values: form.values, errors: form.errors });
    setLaunchThreshold(db(), user, form.data.threshold);
    return { done: 'saved' };
  },
  guide: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'admin');
    const form = await readForm(request, guidePublicSchema);
    if (!form.ok) return fail(400, { id: 'settings', errors: form.errors });
    setGuidePublicBeforeLaunch(db(), user, form.data.guidePublic === 'on');
    return { done: 'saved' };
  },
  commission: async ({ locals, url, request }) => {
    requireRole(db(), locals, url, 'admin');
    const form = await readForm(request, commissionSchema);
    if (!form.ok) return fail(400, { id: 'commission', values: form.values, errors: form.errors });
    setCommissionBps(db(), form.data.commission);
    return { done: 'saved' };
  }
};
