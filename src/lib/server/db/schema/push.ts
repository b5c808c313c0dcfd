import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
