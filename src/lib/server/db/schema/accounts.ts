import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { shops } from './market';

export const userRoles = ['citizen', 'merchant', 'curator', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

/**
 * People with an account: citizens who order or message, merchants, curators, admins.
 * Anonymous visitors never get a row.
 */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Lower-cased, trimmed. */
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: userRoles }).notNull().default('citizen'),
  displayName: text('display_name').notNull().default(''),
  /** TOTP secret (20 random bytes) once two-factor is switched on; null otherwise. */
  totpKey: blob('totp_key', { mode: 'buffer' }),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  passwordChangedAt: text('password_changed_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  /** Messaging: show the other side when this person has read their messages (off by default). */
  readReceipts: integer('read_receipts', { mode: 'boolean' }).notNull().default(false)
});

/**
 * Signed-in devices, after Lucia's current guide: the cookie carries `<id>.<secret>`, only the
 * SHA-256 of the secret is stored. Times are epoch milliseconds.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A coarse device label the owner recognises in their session list ("Firefox · Android"). */
    device: text('device').notNull().default(''),
    /** False between the password step and the second factor. */
    twoFactorVerified: integer('two_factor_verified', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull()
  },
  (t) => [index('sessions_user_idx').on(t.userId)]
);

/** Single-use two-factor recovery codes, hashed. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull()
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })]
);

export const shopMemberRoles = ['owner', 'staff'] as const;
export type ShopMemberRole = (typeof shopMemberRoles)[number];

/** Who runs a shop: its owner(s) and staff. */
export const shopMembers = sqliteTable(
  'shop_members',
  {
    shopId: integer('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: shopMemberRoles }).notNull(),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
  },
  (t) => [primaryKey({ columns: [t.shopId, t.userId] }), index('shop_members_user_idx').on(t.userId)]
);

/** Invitations to join a shop's team, sent as a link; only the token's hash is kept. */
export const shopInvites = sqliteTable(
  'shop_invites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shopId: integer('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: shopMemberRoles }).notNull().default('staff'),
    tokenHash: text('token_hash').notNull(),
    invitedBy: integer('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: integer('expires_at').notNull(),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
  },
  (t) => [uniqueIndex('shop_invites_token_idx').on(t.tokenHash)]
);

/** What curators and admins did, shown in the back office. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    /** Null once the actor's account is deleted; the action stays on record. */
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    /** A short human-readable detail (a reason, a changed setting); never personal data. */
    detail: text('detail').notNull().default('')
  },
  (t) => [index('audit_log_at_idx').on(t.at)]
);

export const reportTargets = ['product', 'deal', 'shop', 'content', 'conversation'] as const;

/** Reports sent to the community manager about public content (and later conversations). */
export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    targetType: text('target_type', { enum: reportTargets }).notNull(),
    targetId: integer('target_id').notNull(),
    reason: text('reason').notNull(),
    /** Null for an anonymous report or once the reporter's account is deleted. */
    reporterId: integer('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    resolvedAt: text('resolved_at'),
    resolution: text('resolution').notNull().default('')
  },
  (t) => [index('reports_open_idx').on(t.resolvedAt)]
);
