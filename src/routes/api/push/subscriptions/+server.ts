import { eq } from 'drizzle-orm';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { pushSubscriptions } from '$lib/server/db/schema';
import { readJsonBody } from '$lib/server/http/json-body';
import { pushSubscriptionSchema, pushUnsubscribeSchema } from '$lib/schemas/push';

/**
 * Opt in to the daily digest: stores the endpoint and its keys, nothing else (no cookie is read).
 * With `oldEndpoint` (the browser renewed its subscription), the old row goes in the same write.
 */
export const POST: RequestHandler = async ({ request }) => {
  const body = await readJsonBody(request, pushSubscriptionSchema);
  if (!body.ok) return body.response;
  const { endpoint, keys, oldEndpoint } = body.data;
  db().transaction((tx) => {
    if (oldEndpoint && oldEndpoint !== endpoint) tx.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, oldEndpoint)).run();
    tx.insert(pushSubscriptions)
      .values({ endpoint, p256dh: keys.p256dh, auth: keys.auth })
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { p256dh: keys.p256dh, auth: keys.auth } })
      .run();
  });
  return new Response(null, { status: 201, headers: { 'cache-control': 'no-store' } });
};

/** Opt out: the subscription row is deleted, not flagged. */
export const DELETE: RequestHandler = async ({ request }) => {
  const body = await readJsonBody(request, pushUnsubscribeSchema);
  if (!body.ok) return body.response;
  db().delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, body.data.endpoint)).run();
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
};
