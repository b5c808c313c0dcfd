import type { RequestEvent } from '@sveltejs/kit';
import type { Db } from '../db';
import type { UserRole } from '../db/schema';
import { deleteSessionCookie, setSessionCookie } from './cookie';
import { deviceLabel } from './device-label';
import { createSession, invalidateSession, sessionExpiresAt } from './session';

/**
 * Opens a fresh session for a user who just proved who they are (never reusing the one the
 * browser had: session fixation), and sets the cookie.
 */
export function startSession(database: Db, event: RequestEvent, user: { id: number; role: UserRole }, twoFactorVerified: boolean): void {
  if (event.locals.session) invalidateSession(database, event.locals.session.id);
  const { token, session } = createSession(database, user.id, {
    device: deviceLabel(event.request.headers.get('user-agent')),
    twoFactorVerified
  });
  setSessionCookie(event.cookies, token, sessionExpiresAt(session, user.role));
}

export function endSession(database: Db, event: RequestEvent): void {
  if (event.locals.session) invalidateSession(database, event.locals.session.id);
  deleteSessionCookie(event.cookies);
  event.locals.session = null;
  event.locals.user = null;
}

/** The rate-limit key of the client making the request (a salted hash, see rate-limit.ts). */
export function clientAddress(event: RequestEvent): string {
  try {
    return event.getClientAddress();
  } catch {
    return 'unknown';
  }
}
