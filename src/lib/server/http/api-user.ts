import type { SessionUser } from '../auth/session';
import { jsonError } from './json-error';

/**
 * The signed-in user of a JSON API call, or a ready 401 answer. An API answers with a status a
 * script can act on, where pages redirect to the sign-in form.
 */
export function apiUser(locals: Pick<App.Locals, 'user'>): { ok: true; user: SessionUser } | { ok: false; response: Response } {
  if (locals.user) return { ok: true, user: locals.user };
  return { ok: false, response: jsonError(401, 'unauthenticated', 'Sign in first.') };
}
