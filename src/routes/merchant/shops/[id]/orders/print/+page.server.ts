import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { shops } from '$lib/server/db/schema';
import { requireShopMember } from '$lib/server/auth/guards';
import { idParam } from '$lib/server/merchant/route-params';
import { parisToday, preparationList } from '$lib/server/orders/board';
import { slotDateSchema } from '$lib/schemas/orders';

/** A day's preparation list, by pickup slot, for printing: `?date=YYYY-MM-DD` (today by default). */
export const load: PageServerLoad = ({ locals, url, params }) => {
  const database = db();
  const shopId = idParam(params.id);
  requireShopMember(database, locals, url, shopId);
  const shop = database.select({ id: shops.id, name: shops.name }).from(shops).where(eq(shops.id, shopId)).get();
  if (!shop) error(404, 'Boutique introuvable');
  const today = parisToday();
  const raw = url.searchParams.get('date');
  const parsed = raw === null ? null : slotDateSchema.safeParse(raw.trim());
  if (parsed && !parsed.success) return { shop, today, date: null, typed: raw ?? '', dateError: 'date_invalid', groups: [] };
  const date = parsed?.data ?? today;
  const groups = preparationList(database, shopId, date).map((g) => ({ ...g, parts: g.parts.map(({ pickupCode: _c, ...p }) => p) }));
  return { shop, today, date, typed: date, dateError: undefined, groups };
};
