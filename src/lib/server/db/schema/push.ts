import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sessions, users } from './accounts';

/**
 * A browser's Web Push subscription: only what the push protocol needs to reach it. No account,
 * no theme, no preference: every subscriber gets the same broadcast digest.
 */
export const pushSubscriptions = sqliteTable('push_subscriptions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  endpoint: text('endpoint').notNull().unique(),
  p256dh: text('p256dh').notNull(),
  auth: text('auth').notNull(),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
});

/** Digests already broadcast: when, up to which catalog version, and how many items. */
export const pushDigests = sqliteTable('push_digests', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sentAt: text('sent_at').notNull(),
  catalogVersion: integer('catalog_version').notNull(),
  itemCount: integer('item_count').notNull()
});

/**
 * Personal push (order ready, new message): one row per signed-in device that opted in from
 * *Mon compte*. Unlike `push_subscriptions` it is tied to an account, and to the session of that
 * device, so signing out (or the session ending any other way) deletes it by cascade, as does
 * deleting the account. Only what the push protocol needs: endpoint and keys.
 */
export const accountPushSubscriptions = sqliteTable(
  'account_push_subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionId: text('session_id')
      .notNull()
      .unique()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull().unique(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
  },
  (t) => [index('account_push_subscriptions_user_idx').on(t.userId)]
);
