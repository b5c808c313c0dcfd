import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { endSession } from '$lib/server/auth/sign-in';

// Signing out changes state, so it is a POST from a form (SvelteKit checks its origin); a link
// or a prefetch cannot sign anyone out.
export const POST: RequestHandler = async (event) => {
  endSession(db(), event);
  redirect(303, '/');
};

export const GET: RequestHandler = () => redirect(303, '/account');
