import { deleteImage } from '$lib/server/images';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { invalidateOwnSession, invalidateUserSessions, listUserSessions } from '$lib/server/auth/session';
import { remainingRecoveryCodes } from '$lib/server/auth/two-factor';
import { AccountError, changePassword, checkPassword } from '$lib/server/accounts/accounts';
import { deleteAccount } from '$lib/server/accounts/data';
import { sessionDeviceEndpoint } from '$lib/server/push/personal';
import { endSession } from '$lib/server/auth/sign-in';
import { readForm } from '$lib/server/forms/read-form';
import { changePasswordSchema, deleteAccountSchema, endSessionSchema } from '$lib/schemas/account';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  const database = db();
  return {
    user,
    currentSession: locals.session!.id,
    sessions: listUserSessions(database, user.id).map(({ id, device, createdAt, lastSeenAt }) => ({ id, device, createdAt, lastSeenAt })),
    recoveryCodesLeft: user.twoFactorEnabled ? remainingRecoveryCodes(database, user.id) : 0,
    /** The push endpoint this device registered for order and message notifications, if any. */
    pushEndpoint: sessionDeviceEndpoint(database, locals.session!.id)
  };
};

export const actions: Actions = {
  endSession: async ({ locals, url, request }) => {
    const user = requireUser(locals, url);
    const form = await readForm(request, endSessionSchema);
    if (!form.ok) return fail(400, { errors: form.errors });
    invalidateOwnSession(db(), user.id, form.data.id);
    return { done: 'session_ended' };
  },
  endOthers: async ({ locals, url }) => {
    const user = requireUser(locals, url);
    const count = invalidateUserSessions(db(), user.id, locals.session!.id);
    return { done: 'sessions_ended', count };
  },
  password: async ({ locals, url, request }) => {
    const user = requireUser(locals, url);
    const form = await readForm(request, changePasswordSchema);
    if (!form.ok) return fail(400, { scope: 'password', errors: form.errors });
    try {
      await changePassword(db(), user.id, form.data.current, form.data.password, locals.session!.id);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      const field = err.code === 'password_wrong' ? 'current' : 'password';
      return fail(400, { scope: 'password', errors: { [field]: err.code } });
    }
    return { done: 'password_changed' };
  },
  delete: async (event) => {
    const user = requireUser(event.locals, event.url);
    const form = await readForm(event.request, deleteAccountSchema);
    if (!form.ok) return fail(400, { scope: 'delete', errors: form.errors });
    const database = db();
    if (!(await checkPassword(database, user.id, form.data.password))) {
      return fail(400, { scope: 'delete', errors: { password: 'password_wrong' } });
    }
    const photos = deleteAccount(database, user.id);
    endSession(database, event);
    // Delivery photos of the anonymised orders: their files go once no row points at them.
    for (const id of photos) await deleteImage(id);
    redirect(303, '/?account=deleted');
  }
};
