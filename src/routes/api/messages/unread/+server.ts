import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { unreadTotal } from '$lib/server/messaging/service';

/** `GET /api/messages/unread` → `{ "unread": n }` for the app bar's badge (both sides together). */
export const GET: RequestHandler = ({ locals }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  return json({ unread: unreadTotal(db(), auth.user.id) }, { headers: { 'cache-control': 'no-store' } });
};
