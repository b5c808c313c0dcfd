import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { vapidKeys } from '$lib/server/push/vapid';

/** The public VAPID key a browser needs to subscribe (the same for everyone). */
export const GET: RequestHandler = () =>
  json({ public_key: vapidKeys(db()).publicKey }, { headers: { 'cache-control': 'public, max-age=3600' } });
