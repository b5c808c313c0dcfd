import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ImageDescriptor } from '$lib/images/limits';
import { reports, users } from './accounts';
import { shops } from './market';
import { orderParts } from './orders';

export const conversationStatuses = ['open', 'resolved'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];
export const messageSides = ['citizen', 'shop'] as const;
export type MessageSide = (typeof messageSides)[number];

/**
 * A thread between one citizen and one shop (all its members share it). Created only by the
 * citizen (from the shop page or an order part) or by an order, never cold by a merchant.
 * Read markers are message ids: everything up to that id was read by that side. The `*_receipt_up_to`
 * copies advance only when the reader allows read receipts, and are the only ones the other side sees.
 */
export const conversations = sqliteTable(
  'conversations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    citizenId: integer('citizen_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    shopId: integer('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    /** The order part this thread is about, if any (at most one thread per part). */
    orderPartId: integer('order_part_id').references(() => orderParts.id, { onDelete: 'set null' }),
    status: text('status', { enum: conversationStatuses }).notNull().default('open'),
    /** The citizen blocked the shop: the shop can no longer write here. */
    citizenBlocked: integer('citizen_blocked', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    lastActivityAt: text('last_activity_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    citizenReadUpTo: integer('citizen_read_up_to').notNull().default(0),
    shopReadUpTo: integer('shop_read_up_to').notNull().default(0),
    citizenReceiptUpTo: integer('citizen_receipt_up_to').notNull().default(0),
    shopReceiptUpTo: integer('shop_receipt_up_to').notNull().default(0)
  },
  (t) => [
    index('conversations_citizen_idx').on(t.citizenId, t.lastActivityAt),
    index('conversations_shop_idx').on(t.shopId, t.lastActivityAt),
    uniqueIndex('conversations_order_part_idx').on(t.orderPartId),
    index('conversations_activity_idx').on(t.lastActivityAt)
  ]
);

/**
 * One message. The id is AUTOINCREMENT, so it only ever grows: it is also the SSE event id a
 * device resumes from. `client_id` is the uuid the device generated: a retried send finds the
 * same row instead of writing a second one.
 */
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    side: text('side', { enum: messageSides }).notNull(),
    /** Who wrote it; null once that account is deleted (a shop's message stays the shop's). */
    senderId: integer('sender_id').references(() => users.id, { onDelete: 'set null' }),
    clientId: text('client_id').notNull(),
    body: text('body').notNull(),
    /** A re-encoded photo stored as 'private' (served only to the conversation's participants). */
    photo: text('photo', { mode: 'json' }).$type<ImageDescriptor>(),
    /** The photo was removed by the photo retention rule. */
    photoExpired: integer('photo_expired', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull()
  },
  (t) => [
    uniqueIndex('messages_client_idx').on(t.conversationId, t.clientId),
    index('messages_conversation_idx').on(t.conversationId, t.id)
  ]
);

/** Canned answers a shop's team writes once and inserts in a reply. */
export const quickReplies = sqliteTable(
  'quick_replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shopId: integer('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
  },
  (t) => [index('quick_replies_shop_idx').on(t.shopId)]
);

/**
 * A conversation report (a `reports` row with target type 'conversation') and the messages the
 * reporter chose to show the community manager: only these are shown, nothing else of the thread.
 */
export const reportedMessages = sqliteTable(
  'reported_messages',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' })
  },
  (t) => [primaryKey({ columns: [t.reportId, t.messageId] }), index('reported_messages_message_idx').on(t.messageId)]
);
