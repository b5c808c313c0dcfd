import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { jsonError } from '$lib/server/http/json-error';
import { slotDateSchema } from '$lib/schemas/orders';
import { pickupSlots } from '$lib/orders/slots';
import { bookedOnDate, publicShop, slotShop } from '$lib/server/orders/shop-slots';

/**
 * `GET /api/shops/<shop-3 or slug>/slots?date=YYYY-MM-DD` → `{ "slots": [{ "start", "end", "left" }] }`:
 * the pickup slots of a Paris day, with the places left. The same answer for everyone: read-only,
 * no cookie, nothing written. A shop without click & collect has none.
 */
export const GET: RequestHandler = ({ params, url }) => {
  const unknown = [...url.searchParams.keys()].filter((key) => key !== 'date');
  if (unknown.length) return jsonError(400, 'unknown_parameter', `Unknown query parameter: ${unknown.join(', ')}`);
  const date = slotDateSchema.safeParse(url.searchParams.get('date') ?? '');
  if (!date.success || url.searchParams.getAll('date').length !== 1) {
    return jsonError(400, 'invalid_date', `date: ${date.success ? 'give it once' : date.error.issues[0].message} (YYYY-MM-DD, Paris calendar)`);
  }
  const database = db();
  const shop = publicShop(database, params.slug);
  if (!shop) return jsonError(404, 'not_found', 'No such shop.');
  const slots = shop.clickAndCollect ? pickupSlots(slotShop(shop), date.data, Date.now(), bookedOnDate(database, shop.id, date.data)) : [];
  return json({ slots }, { headers: { 'cache-control': 'public, max-age=10' } });
};
