import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms/read-form';
import { safeNext, twoFactorSchema } from '$lib/schemas/account';
import { markTwoFactorVerified } from '$lib/server/auth/session';
import { consumeRecoveryCode, userTotpKey, verifyTotp } from '$lib/server/auth/two-factor';
import { endSession } from '$lib/server/auth/sign-in';
import { limits, minutesFrom } from '$lib/server/auth/rate-limit';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
  if (!locals.session) redirect(303, '/login');
  return {};
};

export const actions: Actions = {
  verify: async (event) => {
    const session = event.locals.session;
    if (!session) redirect(303, '/login');
    const form = await readForm(event.request, twoFactorSchema);
    if (!form.ok) return fail(400, { errors: form.errors });
    const key = `2fa:${session.id}`;
    const wait = limits.twoFactorPerSession.retryAfter(key);
    if (wait > 0) return fail(429, { errors: { form: 'rate_limited' }, minutes: minutesFrom(wait) });
    const database = db();
    const totpKey = userTotpKey(database, session.userId);
    const code = form.data.code;
    const valid = totpKey !== null && (verifyTotp(totpKey, code) || consumeRecoveryCode(database, session.userId, code));
    if (!valid) {
      limits.twoFactorPerSession.hit(key);
      return fail(400, { errors: { code: 'code_invalid' } });
    }
    markTwoFactorVerified(database, session.id);
    redirect(303, safeNext(event.url.searchParams.get('next')));
  },
  cancel: async (event) => {
    endSession(db(), event);
    redirect(303, '/login');
  }
};
