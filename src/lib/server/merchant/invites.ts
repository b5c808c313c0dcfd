import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { shopInvites, shopMembers, shops, users } from '../db/schema';

/**
 * Invitations to join a shop's team. The link carries a random 128-bit token; only its SHA-256
 * is stored, so a copy of the database cannot be used to join a shop. A token works once, for
 * the invited address only, for 7 days.
 */
export const INVITE_TTL_MS = 7 * 24 * 3_600_000;

export const hashInviteToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export type InviteError = 'not_found' | 'expired' | 'wrong_email' | 'already_member';

export interface PendingInvite {
  id: number;
  email: string;
  expiresAt: number;
}

/** Creates (or renews: one pending invite per address and shop) an invitation; returns the token to put in the link. */
export function createInvite(database: Db, shopId: number, invitedBy: number, email: string, now = new Date()): { token: string } | { error: 'already_member' } {
  const normalised = email.trim().toLowerCase();
  const token = randomBytes(16).toString('base64url');
  return database.transaction((tx) => {
    const member = tx
      .select({ userId: shopMembers.userId })
      .from(shopMembers)
      .innerJoin(users, eq(users.id, shopMembers.userId))
      .where(and(eq(shopMembers.shopId, shopId), eq(users.email, normalised)))
      .get();
    if (member) return { error: 'already_member' as const };
    tx.delete(shopInvites).where(and(eq(shopInvites.shopId, shopId), eq(shopInvites.email, normalised))).run();
    tx.insert(shopInvites)
      .values({ shopId, email: normalised, role: 'staff', tokenHash: hashInviteToken(token), invitedBy, expiresAt: now.getTime() + INVITE_TTL_MS })
      .run();
    return { token };
  });
}

/** The invitation a link points to, with its shop, or why it cannot be used. */
export function findInvite(
  database: Pick<Db, 'select'>,
  token: string,
  now = new Date()
): { ok: true; invite: { id: number; email: string; shopId: number; shopName: string } } | { ok: false; error: 'not_found' | 'expired' } {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return { ok: false, error: 'not_found' };
  const row = database
    .select({ id: shopInvites.id, email: shopInvites.email, shopId: shopInvites.shopId, shopName: shops.name, expiresAt: shopInvites.expiresAt })
    .from(shopInvites)
    .innerJoin(shops, eq(shops.id, shopInvites.shopId))
    .where(eq(shopInvites.tokenHash, hashInviteToken(token)))
    .get();
  if (!row) return { ok: false, error: 'not_found' };
  if (row.expiresAt <= now.getTime()) return { ok: false, error: 'expired' };
  return { ok: true, invite: { id: row.id, email: row.email, shopId: row.shopId, shopName: row.shopName } };
}

/** Joins the shop as staff and burns the token, in one transaction. */
export function acceptInvite(
  database: Db,
  token: string,
  user: { id: number; email: string },
  now = new Date()
): { ok: true; shopId: number } | { ok: false; error: InviteError } {
  return database.transaction((tx) => {
    const found = findInvite(tx, token, now);
    if (!found.ok) return found;
    const { invite } = found;
    if (invite.email !== user.email.trim().toLowerCase()) return { ok: false, error: 'wrong_email' as const };
    const member = tx
      .select({ role: shopMembers.role })
      .from(shopMembers)
      .where(and(eq(shopMembers.shopId, invite.shopId), eq(shopMembers.userId, user.id)))
      .get();
    tx.delete(shopInvites).where(eq(shopInvites.id, invite.id)).run();
    if (member) return { ok: false, error: 'already_member' as const };
    tx.insert(shopMembers).values({ shopId: invite.shopId, userId: user.id, role: 'staff' }).run();
    // Like applying for a shop (join.ts): a citizen who runs a shop becomes a merchant.
    tx.update(users).set({ role: 'merchant' }).where(and(eq(users.id, user.id), eq(users.role, 'citizen'))).run();
    return { ok: true as const, shopId: invite.shopId };
  });
}

export function pendingInvites(database: Db, shopId: number, now = new Date()): PendingInvite[] {
  return database
    .select({ id: shopInvites.id, email: shopInvites.email, expiresAt: shopInvites.expiresAt })
    .from(shopInvites)
    .where(and(eq(shopInvites.shopId, shopId), gt(shopInvites.expiresAt, now.getTime())))
    .orderBy(asc(shopInvites.email))
    .all();
}

export function revokeInvite(database: Db, shopId: number, inviteId: number): boolean {
  return database.delete(shopInvites).where(and(eq(shopInvites.id, inviteId), eq(shopInvites.shopId, shopId))).run().changes > 0;
}

export interface TeamMember {
  userId: number;
  email: string;
  displayName: string;
  role: 'owner' | 'staff';
}

export function teamMembers(database: Db, shopId: number): TeamMember[] {
  return database
    .select({ userId: users.id, email: users.email, displayName: users.displayName, role: shopMembers.role })
    .from(shopMembers)
    .innerJoin(users, eq(users.id, shopMembers.userId))
    .where(eq(shopMembers.shopId, shopId))
    .orderBy(asc(shopMembers.role), asc(users.email))
    .all();
}

/** Removes a staff member (never an owner: a shop keeps its owner). */
export function removeStaff(database: Db, shopId: number, userId: number): boolean {
  return (
    database
      .delete(shopMembers)
      .where(and(eq(shopMembers.shopId, shopId), eq(shopMembers.userId, userId), eq(shopMembers.role, 'staff')))
      .run().changes > 0
  );
}
