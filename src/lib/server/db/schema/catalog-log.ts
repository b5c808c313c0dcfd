import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only journal of catalog changes. Its largest `version` is the catalog version; a device
 * that holds version V asks for `?since=V` and receives the items upserted or deleted after it.
 * `item_id` is the public catalog id ("event-12", "shop-3", …).
 */
export const catalogLog = sqliteTable(
  'catalog_log',
  {
    version: integer('version').primaryKey({ autoIncrement: true }),
    itemId: text('item_id').notNull(),
    op: text('op', { enum: ['upsert', 'delete'] }).notNull(),
    at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
  },
  (t) => [index('catalog_log_item_idx').on(t.itemId)]
);

/** Operator settings (key → JSON value): territory name, launch threshold, … */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull()
});
