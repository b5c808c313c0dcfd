import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { reportSchema } from '$lib/schemas/curation';
import { createReport } from '$lib/server/curation/reports';
import { CurationError } from '$lib/server/curation/shops';
import { clientKey, RateLimiter } from '$lib/server/auth/rate-limit';
import { clientAddress } from '$lib/server/auth/sign-in';

/** Reports per client (a salted hash of the address, in memory only) and hour. */
const perClient = new RateLimiter(Number(process.env.PLACETTE_REPORT_LIMIT) || 20, 60 * 60_000);

/**
 * Anyone may report a product, deal, shop or content item. An anonymous report keeps nothing
 * about who sent it; a signed-in reporter's id is kept (and goes with their account).
 */
export const POST: RequestHandler = async (event) => {
  const key = `report:${clientKey(clientAddress(event))}`;
  const wait = perClient.retryAfter(key);
  if (wait > 0) {
    return json({ error: 'rate_limited' }, { status: 429, headers: { 'retry-after': String(Math.ceil(wait / 1000)) } });
  }
  let body: unknown;
  try {
    body = await event.request.json();
  } catch {
    return json({ error: 'invalid_json' }, { status: 400 });
  }
  const parsed = reportSchema.safeParse(body);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
    return json({ error: 'invalid', errors }, { status: 400 });
  }
  perClient.hit(key);
  try {
    const id = createReport(db(), parsed.data, event.locals.user?.id ?? null);
    return json({ id }, { status: 201 });
  } catch (err) {
    if (err instanceof CurationError && err.code === 'not_found') return json({ error: 'not_found' }, { status: 404 });
    throw err;
  }
};
