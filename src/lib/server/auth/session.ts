import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { sessions, users, type UserRole } from '../db/schema';

/** The database or a transaction on it. */
type DbLike = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

/**
 * Sessions after Lucia's current (single-file) guidance: the cookie holds `<id>.<secret>`, both
 * 120 random bits; the database holds the id and the SHA-256 of the secret, compared in constant
 * time. A session ends after a period of inactivity and, regardless of activity, after an
 * absolute lifetime; curators and admins get much shorter ones.
 */
export const SESSION_COOKIE = 'placette_session';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const policies: Record<UserRole, SessionPolicy> = {
  citizen: { idleMs: 14 * DAY, absoluteMs: 30 * DAY },
  merchant: { idleMs: 14 * DAY, absoluteMs: 30 * DAY },
  curator: { idleMs: 2 * HOUR, absoluteMs: 12 * HOUR },
  admin: { idleMs: 2 * HOUR, absoluteMs: 12 * HOUR }
};
export const sessionPolicy = (role: UserRole): SessionPolicy => policies[role];

/** Last-seen is written at most this often, so browsing does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionUser {
  id: number;
  email: string;
  role: UserRole;
  displayName: string;
  twoFactorEnabled: boolean;
}

export interface Session {
  id: string;
  userId: number;
  device: string;
  twoFactorVerified: boolean;
  createdAt: number;
  lastSeenAt: number;
}

function randomString(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(15));
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function createSession(
  database: DbLike,
  userId: number,
  options: { device?: string; twoFactorVerified?: boolean; now?: number } = {}
): { token: string; session: Session } {
  const now = options.now ?? Date.now();
  const id = randomString();
  const secret = randomString();
  const session: Session = {
    id,
    userId,
    device: options.device ?? '',
    twoFactorVerified: options.twoFactorVerified ?? false,
    createdAt: now,
    lastSeenAt: now
  };
  database.insert(sessions).values({ ...session, secretHash: hashSecret(secret) }).run();
  return { token: `${id}.${secret}`, session };
}

interface SessionRow {
  id: string;
  secretHash: Buffer;
  userId: number;
  device: string;
  twoFactorVerified: boolean;
  createdAt: number;
  lastSeenAt: number;
  email: string;
  role: UserRole;
  displayName: string;
  twoFactorEnabled: boolean;
}

// Every signed-in request reads its session: these statements are prepared once per connection
// (the query builder would build the SQL and prepare it again on every request).
function prepare(sqlite: Database.Database) {
  return {
    row: sqlite.prepare<[string], Omit<SessionRow, 'twoFactorVerified' | 'twoFactorEnabled'> & { twoFactorVerified: number; twoFactorEnabled: number }>(
      `SELECT s.id, s.secret_hash AS secretHash, s.user_id AS userId, s.device, s.two_factor_verified AS twoFactorVerified,
              s.created_at AS createdAt, s.last_seen_at AS lastSeenAt,
              u.email, u.role, u.display_name AS displayName, u.totp_key IS NOT NULL AS twoFactorEnabled
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`
    ),
    touch: sqlite.prepare<[number, string]>('UPDATE sessions SET last_seen_at = ? WHERE id = ?'),
    remove: sqlite.prepare<[string]>('DELETE FROM sessions WHERE id = ?')
  };
}
const prepared = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

/** The prepared statements when `database` is a connection (not a transaction object). */
function statementsOf(database: DbLike): ReturnType<typeof prepare> | null {
  const sqlite = (database as Partial<Db>).$client;
  if (!sqlite) return null;
  let s = prepared.get(sqlite);
  if (!s) prepared.set(sqlite, (s = prepare(sqlite)));
  return s;
}

function sessionRow(database: DbLike, id: string): SessionRow | undefined {
  const raw = statementsOf(database);
  if (raw) {
    const row = raw.row.get(id);
    return row && { ...row, twoFactorVerified: row.twoFactorVerified !== 0, twoFactorEnabled: row.twoFactorEnabled !== 0 };
  }
  const row = database
    .select({
      id: sessions.id,
      secretHash: sessions.secretHash,
      userId: sessions.userId,
      device: sessions.device,
      twoFactorVerified: sessions.twoFactorVerified,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      email: users.email,
      role: users.role,
      displayName: users.displayName,
      totpKey: users.totpKey
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return undefined;
  const { totpKey, ...rest } = row;
  return { ...rest, twoFactorEnabled: totpKey !== null };
}

/** The session and user a cookie token stands for, or null (and the session row is removed when expired). */
export function validateSessionToken(
  database: DbLike,
  token: string,
  now = Date.now()
): { session: Session; user: SessionUser; refreshed: boolean } | null {
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
  const row = sessionRow(database, id);
  if (!row) return null;
  const given = hashSecret(secret);
  if (given.length !== row.secretHash.length || !timingSafeEqual(given, row.secretHash)) return null;
  const policy = sessionPolicy(row.role);
  if (now - row.lastSeenAt >= policy.idleMs || now - row.createdAt >= policy.absoluteMs) {
    const raw = statementsOf(database);
    if (raw) raw.remove.run(id);
    else database.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  let lastSeenAt = row.lastSeenAt;
  const refreshed = now - lastSeenAt >= TOUCH_EVERY_MS;
  if (refreshed) {
    lastSeenAt = now;
    const raw = statementsOf(database);
    if (raw) raw.touch.run(lastSeenAt, id);
    else database.update(sessions).set({ lastSeenAt }).where(eq(sessions.id, id)).run();
  }
  return {
    refreshed,
    session: {
      id: row.id,
      userId: row.userId,
      device: row.device,
      twoFactorVerified: row.twoFactorVerified,
      createdAt: row.createdAt,
      lastSeenAt
    },
    user: {
      id: row.userId,
      email: row.email,
      role: row.role,
      displayName: row.displayName,
      twoFactorEnabled: row.twoFactorEnabled
    }
  };
}

/** When a session ends at the latest (for the cookie's expiry and the session list). */
export function sessionExpiresAt(session: Session, role: UserRole): number {
  const policy = sessionPolicy(role);
  return Math.min(session.lastSeenAt + policy.idleMs, session.createdAt + policy.absoluteMs);
}

export function markTwoFactorVerified(database: DbLike, sessionId: string): void {
  database.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, sessionId)).run();
}

export function invalidateSession(database: DbLike, sessionId: string): void {
  database.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends one of the user's sessions (never someone else's). */
export function invalidateOwnSession(database: DbLike, userId: number, sessionId: string): boolean {
  return database.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId))).run().changes > 0;
}

/** Ends every session of a user, except `keep` when given (the device asking). */
export function invalidateUserSessions(database: DbLike, userId: number, keep?: string): number {
  const where = keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId);
  return database.delete(sessions).where(where).run().changes;
}

export function listUserSessions(database: DbLike, userId: number): Session[] {
  return database
    .select({
      id: sessions.id,
      userId: sessions.userId,
      device: sessions.device,
      twoFactorVerified: sessions.twoFactorVerified,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all()
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt);
}
