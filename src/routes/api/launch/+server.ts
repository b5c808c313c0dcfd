import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { launchStatus } from '$lib/server/curation/launch';

/** Whether the marketplace is open, and how many shops joined: the same answer for everyone. */
export const GET: RequestHandler = () =>
  json(launchStatus(db()), { headers: { 'cache-control': 'no-cache' } });
