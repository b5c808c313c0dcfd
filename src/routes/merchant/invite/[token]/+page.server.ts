import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { acceptInvite, findInvite } from '$lib/server/merchant/invites';

/**
 * An invitation link. Anyone holding it sees which shop it is for (the token is the secret);
 * joining needs the invited address's account. Never cached: the page is personal.
 */
export const load: PageServerLoad = ({ locals, params, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  const found = findInvite(db(), params.token);
  const next = encodeURIComponent(url.pathname);
  if (!found.ok) return { invite: null, error: found.error, signedInAs: locals.user?.email ?? null, next };
  return {
    invite: { shopName: found.invite.shopName, email: found.invite.email },
    error: null,
    signedInAs: locals.user?.email ?? null,
    wrongEmail: !!locals.user && locals.user.email.toLowerCase() !== found.invite.email,
    next
  };
};

export const actions: Actions = {
  default: ({ locals, params, url }) => {
    const user = requireUser(locals, url);
    const result = acceptInvite(db(), params.token, user);
    if (!result.ok) return fail(400, { error: result.error });
    redirect(303, '/merchant');
  }
};
