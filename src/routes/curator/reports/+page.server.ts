import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { dismissReportSchema, hideReportSchema } from '$lib/schemas/curation';
import { dismissReport, hideReported, listOpenReports } from '$lib/server/curation/reports';
import { curatorDecision, numericRow } from '$lib/server/curation/form-failure';
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
  hide: curatorDecision(hideReportSchema, numericRow('reportId'), (database, user, data) => hideReported(database, user, data.reportId, data.reason), 'hidden'),
  dismiss: curatorDecision(dismissReportSchema, numericRow('reportId'), (database, user, data) => dismissReport(database, user, data.reportId), 'dismissed')
};
