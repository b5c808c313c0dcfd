import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { renderSVG } from 'uqr';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireUser, staffTwoFactorRequired } from '$lib/server/auth/guards';
import { disableTwoFactor, enableTwoFactor, newTotpKey, remainingRecoveryCodes, totpKeyForTyping, totpUri, verifyTotp } from '$lib/server/auth/two-factor';
import { markTwoFactorVerified } from '$lib/server/auth/session';
import { readForm } from '$lib/server/forms/read-form';

const ISSUER = 'Placette';

const enableSchema = z.object({
  key: z.string().regex(/^[A-Z2-7]{32}$/, 'invalid'),
  code: z.string().trim().min(1, 'required').max(16, 'code_invalid')
});

const isStaff = (role: string) => role === 'curator' || role === 'admin';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  const database = db();
  if (user.twoFactorEnabled) {
    return { enabled: true as const, recoveryCodesLeft: remainingRecoveryCodes(database, user.id), locked: isStaff(user.role) && staffTwoFactorRequired(database) };
  }
  // The key travels in the form until the person proves their app has it; only then is it stored.
  const key = newTotpKey();
  return {
    enabled: false as const,
    required: url.searchParams.has('required'),
    key: encodeBase32UpperCaseNoPadding(key),
    keyForTyping: totpKeyForTyping(key),
    qr: renderSVG(totpUri(ISSUER, user.email, key), { border: 2 })
  };
};

export const actions: Actions = {
  enable: async ({ locals, url, request }) => {
    const user = requireUser(locals, url);
    const form = await readForm(request, enableSchema);
    if (!form.ok) return fail(400, { errors: form.errors });
    const key = decodeBase32IgnorePadding(form.data.key);
    if (!verifyTotp(key, form.data.code)) return fail(400, { errors: { code: 'code_invalid' } });
    const database = db();
    const codes = enableTwoFactor(database, user.id, key);
    markTwoFactorVerified(database, locals.session!.id);
    return { done: 'enabled', codes };
  },
  disable: async ({ locals, url }) => {
    const user = requireUser(locals, url);
    const database = db();
    if (isStaff(user.role) && staffTwoFactorRequired(database)) return fail(403, { errors: { form: 'staff_two_factor' } });
    disableTwoFactor(database, user.id);
    return { done: 'disabled' };
  }
};
