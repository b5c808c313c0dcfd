import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { readJsonBody } from '$lib/server/http/json-body';
import { removeAccountDevice, saveAccountDevice } from '$lib/server/push/personal';
import { pushSubscriptionSchema, pushUnsubscribeSchema } from '$lib/schemas/push';

const noStore = { 'cache-control': 'no-store' };

/**
 * Personal push for this signed-in device (order ready, new message): stores the browser's push
 * subscription for this account and this session. Signing out deletes it with the session.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request, pushSubscriptionSchema);
  if (!body.ok) return body.response;
  saveAccountDevice(db(), auth.user.id, locals.session!.id, body.data);
  return new Response(null, { status: 201, headers: noStore });
};

/** Turns it off for this device: the row is deleted. */
export const DELETE: RequestHandler = async ({ locals, request }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request, pushUnsubscribeSchema);
  if (!body.ok) return body.response;
  removeAccountDevice(db(), auth.user.id, locals.session!.id, body.data.endpoint);
  return new Response(null, { status: 204, headers: noStore });
};
