import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { dealDecisionSchema, rejectDealSchema } from '$lib/schemas/curation';
import { listPendingDeals, publishDeal, rejectDeal } from '$lib/server/curation/deals';
import { curatorDecision, numericRow } from '$lib/server/curation/form-failure';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireRole(db(), locals, url, 'curator', 'admin');
  return {
    admin: user.role === 'admin',
    deals: listPendingDeals(db())
  };
};

export const actions: Actions = {
  publish: curatorDecision(dealDecisionSchema, numericRow('dealId'), (database, user, data) => publishDeal(database, user, data.dealId), 'published'),
  reject: curatorDecision(rejectDealSchema, numericRow('dealId'), (database, user, data) => rejectDeal(database, user, data.dealId, data.reason), 'rejected')
};
