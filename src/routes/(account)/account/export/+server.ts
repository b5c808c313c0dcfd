import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { exportAccount } from '$lib/server/accounts/data';
import { requireUser } from '$lib/server/auth/guards';

/** The signed-in person's server-side data as a JSON download. */
export const GET: RequestHandler = ({ locals, url }) => {
  const user = requireUser(locals, url);
  const data = exportAccount(db(), user.id);
  if (!data) error(404, 'Compte introuvable');
  return new Response(JSON.stringify(data, null, 2) + '\n', {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="placette-compte-${new Date().toISOString().slice(0, 10)}.json"`,
      'cache-control': 'private, no-store'
    }
  });
};
