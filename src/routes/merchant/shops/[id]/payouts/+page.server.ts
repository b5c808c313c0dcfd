import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { shops } from '$lib/server/db/schema';
import { requireShopMember } from '$lib/server/auth/guards';
import { idParam } from '$lib/server/merchant/route-params';
import { parisToday } from '$lib/server/orders/board';
import { payoutReport } from '$lib/server/orders/payouts';
import { payoutPeriodSchema } from '$lib/schemas/order-settings';

/** A shop's sales and the platform's commission over a period (`?from=&to=`, this month by default). */
export const load: PageServerLoad = ({ locals, url, params }) => {
  const database = db();
  const shopId = idParam(params.id);
  requireShopMember(database, locals, url, shopId);
  const shop = database.select({ id: shops.id, name: shops.name }).from(shops).where(eq(shops.id, shopId)).get();
  if (!shop) error(404, 'Boutique introuvable');
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
