import { error, redirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { shopMembers, type ShopMemberRole, type UserRole } from '../db/schema';
import { readSetting } from '../settings';
import type { SessionUser } from './session';

/**
 * Authorisation, called in every load, action and endpoint that needs it. Never rely on the URL:
 * a hook's path check is convenience only.
 */
type AuthLocals = Pick<App.Locals, 'user' | 'session'>;

/** Where to send someone who must sign in first, coming back to `url` afterwards. */
export function signInUrl(url: URL): string {
  const next = url.pathname + url.search;
  return `/login?next=${encodeURIComponent(next)}`;
}

export function requireUser(locals: AuthLocals, url: URL): SessionUser {
  if (!locals.user) {
    if (locals.session) redirect(303, `/login/two-factor?next=${encodeURIComponent(url.pathname + url.search)}`);
    redirect(303, signInUrl(url));
  }
  return locals.user;
}

/** Curators and admins must have two-factor on (the demo seed may waive it for its demo curator). */
export function staffTwoFactorRequired(database: Db): boolean {
  return readSetting<boolean>(database, 'staff_two_factor_required') ?? true;
}

export function requireRole(database: Db, locals: AuthLocals, url: URL, ...roles: UserRole[]): SessionUser {
  const user = requireUser(locals, url);
  if (!roles.includes(user.role)) error(403, 'Accès réservé');
  if ((user.role === 'curator' || user.role === 'admin') && !user.twoFactorEnabled && staffTwoFactorRequired(database)) {
    redirect(303, '/account/security?required=1');
  }
  return user;
}

/** The user's role in a shop, or 403/404: only its members get through (admins do not run shops). */
export function requireShopMember(
  database: Db,
  locals: AuthLocals,
  url: URL,
  shopId: number,
  role?: ShopMemberRole
): { user: SessionUser; role: ShopMemberRole } {
  const user = requireUser(locals, url);
  const member = database
    .select({ role: shopMembers.role })
    .from(shopMembers)
    .where(and(eq(shopMembers.shopId, shopId), eq(shopMembers.userId, user.id)))
    .get();
  if (!member) error(404, 'Boutique introuvable');
  if (role === 'owner' && member.role !== 'owner') error(403, 'Réservé au responsable de la boutique');
  return { user, role: member.role };
}
