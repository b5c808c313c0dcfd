import type { Handle } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { SESSION_COOKIE, sessionExpiresAt, validateSessionToken } from '$lib/server/auth/session';

/**
 * Reads the session cookie when there is one. Anonymous requests carry none and touch nothing:
 * no lookup, no row, no cookie. Pages seen while signed in are never stored by shared caches.
 */
export const session: Handle = async ({ event, resolve }) => {
  event.locals.user = null;
  event.locals.session = null;
  const token = event.cookies.get(SESSION_COOKIE);
  if (!token) return resolve(event);

  const found = validateSessionToken(db(), token);
  if (!found) {
    deleteSessionCookie(event.cookies);
    return resolve(event);
  }
  event.locals.session = found.session;
  const needsSecondFactor = found.user.twoFactorEnabled && !found.session.twoFactorVerified;
  event.locals.user = needsSecondFactor ? null : found.user;
  // The cookie's expiry follows the inactivity timeout, renewed when the session was touched.
  if (found.refreshed) setSessionCookie(event.cookies, token, sessionExpiresAt(found.session, found.user.role));

  const response = await resolve(event);
  // Pages seen while signed in are personal: no shared cache and no offline copy may keep them.
  if (response.headers.get('content-type')?.startsWith('text/html')) {
    try {
      response.headers.set('cache-control', 'private, no-store');
    } catch {
      // Immutable headers (a proxied response): nothing personal was rendered into it.
    }
  }
  return response;
};
