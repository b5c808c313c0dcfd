import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/read-form';
import { displayNameField, emailField, newPasswordField } from '$lib/schemas/account';
import { shopApplicationSchema, themeSlugs } from '$lib/schemas/merchant';
import { AccountError } from '$lib/server/accounts/accounts';
import { clientAddress, startSession } from '$lib/server/auth/sign-in';
import { clientKey, limits, minutesFrom } from '$lib/server/auth/rate-limit';
import { joinAsCurrentUser, joinAsNewMerchant } from '$lib/server/merchant/join';
import { themeOptions } from '$lib/server/merchant/shops';

const accountSchema = z.object({ email: emailField, password: newPasswordField, displayName: displayNameField });

export const load: PageServerLoad = ({ locals }) => {
  return { themes: themeOptions(db()), signedInAs: locals.user?.email ?? null };
};

export const actions: Actions = {
  default: async (event) => {
    let formData: FormData;
    try {
      formData = await event.request.formData();
    } catch {
      return fail(400, { values: {}, errors: { form: 'invalid' }, themes: [] });
    }
    const themes = themeSlugs(formData.getAll('themes'));
    const shop = parseForm(formData, shopApplicationSchema);
    const user = event.locals.user;
    const account = user ? null : parseForm(formData, accountSchema);
    if (!shop.ok || (account && !account.ok)) {
      const errors = { ...(account && !account.ok ? account.errors : {}), ...(!shop.ok ? shop.errors : {}) };
      return fail(400, { values: shop.values, errors, themes });
    }
    const database = db();
    if (user) {
      joinAsCurrentUser(database, user.id, { ...shop.data, themes });
      redirect(303, '/merchant');
    }
    if (!account?.ok) return fail(400, { values: shop.values, errors: { form: 'invalid' }, themes });

    // Same limit as sign-up: this form creates accounts too.
    const client = clientKey(clientAddress(event));
    const wait = limits.signupPerClient.retryAfter(`signup:${client}`);
    if (wait > 0) return fail(429, { values: shop.values, errors: { form: 'rate_limited' }, minutes: minutesFrom(wait), themes });
    limits.signupPerClient.hit(`signup:${client}`);
    let userId: number;
    try {
      ({ userId } = await joinAsNewMerchant(database, account.data, { ...shop.data, themes }));
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      const field = err.code === 'email_taken' ? 'email' : 'password';
      return fail(400, { values: shop.values, errors: { [field]: err.code }, themes });
    }
    startSession(database, event, { id: userId, role: 'merchant' }, false);
    redirect(303, '/merchant');
  }
};
