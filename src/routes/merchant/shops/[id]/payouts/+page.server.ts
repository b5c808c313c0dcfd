import type { PageServerLoad } from './$types';
import { memberShop } from '$lib/server/merchant/route-params';
import { parisToday } from '$lib/server/orders/board';
import { payoutReport } from '$lib/server/orders/payouts';
import { payoutPeriodSchema } from '$lib/schemas/order-settings';

/** A shop's sales and the platform's commission over a period (`?from=&to=`, this month by default). */
export const load: PageServerLoad = ({ locals, url, params }) => {
  const { database, shopId, shop } = memberShop({ locals, url, params });
  const today = parisToday();
  const values = {
    from: url.searchParams.get('from')?.trim() || `${today.slice(0, 8)}01`,
    to: url.searchParams.get('to')?.trim() || today
  };
  const period = payoutPeriodSchema.safeParse(values);
  if (!period.success) {
    const errors: Record<string, string> = {};
    for (const issue of period.error.issues) errors[String(issue.path[0])] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'date_invalid';
    return { shop, values, errors, report: null };
  }
  return { shop, values, errors: {} as Record<string, string>, report: payoutReport(database, shopId, period.data.from, period.data.to) };
};
