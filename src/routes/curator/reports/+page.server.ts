import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/forms/read-form';
import { dismissReportSchema, hideReportSchema } from '$lib/schemas/curation';
import { dismissReport, hideReported, listOpenReports } from '$lib/server/curation/reports';
import { curationFail } from '$lib/server/curation/form-failure';
import { reportedConversation } from '$lib/server/messaging/service';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireRole(db(), locals, url, 'curator', 'admin');
  return {
    admin: user.role === 'admin',
    // A conversation report shows only the messages its reporter chose, nothing else of the thread.
    reports: listOpenReports(db()).map((r) => ({ ...r, conversation: r.targetType === 'conversation' ? reportedConversation(db(), r.id) : null }))
  };
};

export const actions: Actions = {
  hide: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'curator', 'admin');
    const form = await readForm(request, hideReportSchema);
    const id = Number(form.values.reportId) || undefined;
    if (!form.ok) return fail(400, { id, values: form.values, errors: form.errors });
    try {
      hideReported(db(), user, form.data.reportId, form.data.reason);
    } catch (err) {
      return curationFail(id, err, form.values);
    }
    return { done: 'hidden' };
  },
  dismiss: async ({ locals, url, request }) => {
    const user = requireRole(db(), locals, url, 'curator', 'admin');
    const form = await readForm(request, dismissReportSchema);
    if (!form.ok) return fail(400, { id: undefined, errors: form.errors });
    try {
      dismissReport(db(), user, form.data.reportId);
    } catch (err) {
      return curationFail(form.data.reportId, err);
    }
    return { done: 'dismissed' };
  }
};
