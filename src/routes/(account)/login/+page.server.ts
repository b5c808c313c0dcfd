import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms/read-form';
import { loginSchema, safeNext } from '$lib/schemas/account';
import { authenticate } from '$lib/server/accounts/accounts';
import { clientAddress, startSession } from '$lib/server/auth/sign-in';
import { clientKey, limits, minutesFrom } from '$lib/server/auth/rate-limit';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const form = await readForm(event.request, loginSchema);
    if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
    const accountKey = `login:${form.data.email}`;
    const clientKeyed = `login:${clientKey(clientAddress(event))}`;
    const wait = Math.max(limits.loginPerAccount.retryAfter(accountKey), limits.loginPerClient.retryAfter(clientKeyed));
    if (wait > 0) return fail(429, { values: form.values, errors: { form: 'rate_limited' }, minutes: minutesFrom(wait) });

    const database = db();
    const user = await authenticate(database, form.data.email, form.data.password);
    if (!user) {
      limits.loginPerAccount.hit(accountKey);
      limits.loginPerClient.hit(clientKeyed);
      return fail(400, { values: form.values, errors: { form: 'login_failed' } });
    }
    limits.loginPerAccount.reset(accountKey);
    startSession(database, event, user, !user.twoFactor);
    const next = safeNext(event.url.searchParams.get('next'));
    if (user.twoFactor) redirect(303, `/login/two-factor?next=${encodeURIComponent(next)}`);
    redirect(303, next);
  }
};
