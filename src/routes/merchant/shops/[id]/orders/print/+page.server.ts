import type { PageServerLoad } from './$types';
import { memberShop } from '$lib/server/merchant/route-params';
import { parisToday, preparationList } from '$lib/server/orders/board';
import { slotDateSchema } from '$lib/schemas/orders';

/** A day's preparation list, by pickup slot, for printing: `?date=YYYY-MM-DD` (today by default). */
export const load: PageServerLoad = ({ locals, url, params }) => {
  const { database, shopId, shop } = memberShop({ locals, url, params });
  const today = parisToday();
  const raw = url.searchParams.get('date');
  const parsed = raw === null ? null : slotDateSchema.safeParse(raw.trim());
  if (parsed && !parsed.success) return { shop, today, date: null, typed: raw ?? '', dateError: 'date_invalid', groups: [] };
  const date = parsed?.data ?? today;
  return { shop, today, date, typed: date, dateError: undefined, groups: preparationList(database, shopId, date) };
};
