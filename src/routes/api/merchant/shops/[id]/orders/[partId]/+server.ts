import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { requireShopMember } from '$lib/server/auth/guards';
import { idParam } from '$lib/server/merchant/route-params';
import { jsonError } from '$lib/server/http/json-error';
import { readJsonBody } from '$lib/server/http/json-body';
import { partActionSchema } from '$lib/schemas/orders';
import { acceptPart, collectPart, markReady, refusePart } from '$lib/server/orders/transitions';
import { orderOfPart, partNow, refundSoon } from '$lib/server/orders/refunds';
import { paymentProvider } from '$lib/server/payments';
import { withoutCode } from '$lib/server/orders/shop-orders';

/**
 * A shop's step on one part: `{ "action": "accept" }`, `{ "action": "ready" }`,
 * `{ "action": "refuse", "reason": "…" }` (the stock goes back on sale) or
 * `{ "action": "collect", "code": "K7RM4Q" }`. Members of the shop only. The part is answered
 * without its pickup code, which only the customer has.
 */
export const POST: RequestHandler = async ({ params, locals, url, request }) => {
  const database = db();
  const shopId = idParam(params.id);
  requireShopMember(database, locals, url, shopId);
  const partId = idParam(params.partId);
  const body = await readJsonBody(request, partActionSchema);
  if (!body.ok) return body.response;
  const action = body.data;
  const result =
    action.action === 'accept'
      ? acceptPart(database, shopId, partId)
      : action.action === 'ready'
        ? markReady(database, shopId, partId)
        : action.action === 'refuse'
          ? refusePart(database, shopId, partId, action.reason)
          : collectPart(database, shopId, partId, action.code);
  if (result.ok && action.action === 'refuse' && result.part.refund) {
    await refundSoon(database, paymentProvider('online'), orderOfPart(database, partId)!);
    return json(withoutCode(partNow(database, partId)), { headers: { 'cache-control': 'no-store' } });
  }
  if (result.ok) return json(withoutCode(result.part), { headers: { 'cache-control': 'no-store' } });
  if (result.error === 'not_found') return jsonError(404, 'not_found', 'No such order part in this shop.');
  if (result.error === 'wrong_code') return jsonError(422, 'wrong_code', 'This pickup code does not match.');
  return jsonError(409, result.error, `Not possible now (status: ${result.status ?? 'unknown'}).`, { status: result.status });
};
