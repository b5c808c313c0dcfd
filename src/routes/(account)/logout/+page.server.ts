import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { endSession } from '$lib/server/auth/sign-in';

// Signing out changes state, so it is a POST (a link or a prefetch must not sign anyone out).
export const load: PageServerLoad = () => redirect(303, '/account');

export const actions: Actions = {
  default: async (event) => {
    endSession(db(), event);
    redirect(303, '/');
  }
};
