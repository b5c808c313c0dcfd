import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { requireShopMember } from '$lib/server/auth/guards';
import { idParam } from '$lib/server/merchant/route-params';
import { shopBoard } from '$lib/server/orders/board';
import { expireDueOrders } from '$lib/server/orders/transitions';

/**
 * The version of a shop's orders board, `{ "version": "…" }`, with the same value as a strong
 * ETag: the open board page asks every few seconds with `If-None-Match` and mostly gets an empty
 * 304. Polling rather than Server-Sent Events: the answer is read from SQLite, so it is right
 * whichever process took the order; no connection stays open per tab (nor through a proxy that
 * buffers streams); a phone that slept just asks again. Members of the shop only.
 */
export const GET: RequestHandler = ({ params, locals, url, request }) => {
  const database = db();
  const shopId = idParam(params.id);
  requireShopMember(database, locals, url, shopId);
  expireDueOrders(database);
  const { version } = shopBoard(database, shopId);
  const etag = `"${version}"`;
  const headers = { etag, 'cache-control': 'private, no-cache' };
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) return new Response(null, { status: 304, headers });
  return json({ version }, { headers });
};
