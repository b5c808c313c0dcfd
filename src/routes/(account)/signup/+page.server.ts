import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms/read-form';
import { signupSchema, safeNext } from '$lib/schemas/account';
import { AccountError, createAccount } from '$lib/server/accounts/accounts';
import { startSession, clientAddress } from '$lib/server/auth/sign-in';
import { clientKey, limits, minutesFrom } from '$lib/server/auth/rate-limit';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const form = await readForm(event.request, signupSchema);
    if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
    const client = clientKey(clientAddress(event));
    const wait = limits.signupPerClient.retryAfter(`signup:${client}`);
    if (wait > 0) return fail(429, { values: form.values, errors: { form: 'rate_limited' }, minutes: minutesFrom(wait) });
    limits.signupPerClient.hit(`signup:${client}`);
    const database = db();
    let userId: number;
    try {
      userId = await createAccount(database, { ...form.data, role: 'citizen' });
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      const field = err.code === 'email_taken' ? 'email' : 'password';
      return fail(400, { values: form.values, errors: { [field]: err.code } });
    }
    startSession(database, event, { id: userId, role: 'citizen' }, false);
    redirect(303, safeNext(event.url.searchParams.get('next')));
  }
};
