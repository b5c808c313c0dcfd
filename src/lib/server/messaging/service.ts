import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
  conversations,
  messages,
  orderParts,
  orders,
  quickReplies,
  reportedMessages,
  reports,
  shopMembers,
  shops,
  users,
  type ConversationStatus,
  type MessageSide
} from '../db/schema';
import type { ImageDescriptor } from '$lib/images/limits';
import { MAX_QUICK_REPLIES } from '$lib/schemas/messaging';
import type { ConversationSummary, MessageView, ThreadView } from '$lib/messaging/types';
import { hub } from './hub';
import { notifyNewMessage } from '../push/personal';

/**
 * Direct messaging between a citizen and a shop. The rules that matter live here, so every
 * entry point (API, form action, test) gets the same answers:
 * - only a citizen starts a conversation, with an approved shop (or about their own order);
 * - a shop's members write only in conversations of their shop, never where the citizen blocked it;
 * - there is no way to address several citizens at once.
 */
export type MessagingErrorCode = 'not_found' | 'forbidden' | 'blocked' | 'empty' | 'too_many';

export class MessagingError extends Error {
  constructor(readonly code: MessagingErrorCode) {
    super(code);
  }
  get status(): number {
    return this.code === 'not_found' ? 404 : this.code === 'empty' || this.code === 'too_many' ? 400 : 403;
  }
}

type Reader = Pick<Db, 'select'>;
type Writer = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

export interface Actor {
  id: number;
  role: string;
}

type ConversationRow = typeof conversations.$inferSelect;
type MessageRow = typeof messages.$inferSelect;

function isMember(database: Reader, shopId: number, userId: number): boolean {
  return !!database
    .select({ u: shopMembers.userId })
    .from(shopMembers)
    .where(and(eq(shopMembers.shopId, shopId), eq(shopMembers.userId, userId)))
    .get();
}

export function shopMemberIds(database: Reader, shopId: number): number[] {
  return database.select({ id: shopMembers.userId }).from(shopMembers).where(eq(shopMembers.shopId, shopId)).all().map((r) => r.id);
}

/** Which side this user is on in a conversation, or null for anyone else. */
export function participantSide(database: Reader, conversationId: number, userId: number): { conversation: ConversationRow; side: MessageSide } | null {
  const conversation = database.select().from(conversations).where(eq(conversations.id, conversationId)).get();
  if (!conversation) return null;
  if (conversation.citizenId === userId) return { conversation, side: 'citizen' };
  if (isMember(database, conversation.shopId, userId)) return { conversation, side: 'shop' };
  return null;
}

function requireParticipant(database: Reader, conversationId: number, userId: number) {
  const found = participantSide(database, conversationId, userId);
  if (!found) throw new MessagingError('not_found');
  return found;
}

export function messageView(row: MessageRow): MessageView {
  return {
    id: row.id,
    conversationId: row.conversationId,
    side: row.side,
    clientId: row.clientId,
    body: row.body,
    photo: row.photo ?? null,
    photoExpired: row.photoExpired,
    createdAt: row.createdAt
  };
}

/** Sends a new message to every open stream of both sides, each told which side it is on. */
function publishMessage(database: Db, conversation: ConversationRow, row: MessageRow): void {
  const shop = database.select({ name: shops.name }).from(shops).where(eq(shops.id, conversation.shopId)).get();
  const data = { conversationId: conversation.id, shopId: conversation.shopId, shopName: shop?.name ?? '', message: messageView(row) };
  hub.publish([conversation.citizenId], { type: 'message', id: row.id, data: { ...data, as: 'citizen' } });
  hub.publish(shopMemberIds(database, conversation.shopId), { type: 'message', id: row.id, data: { ...data, as: 'shop' } });
  // The other side's devices without an open stream get a personal push (if turned on), later.
  notifyNewMessage(database, { conversationId: conversation.id, shopId: conversation.shopId, citizenId: conversation.citizenId, side: row.side, senderId: row.senderId });
}

function insertMessage(
  tx: Writer,
  conversation: ConversationRow,
  input: { side: MessageSide; senderId: number; clientId: string; body: string; photo: ImageDescriptor | null },
  now: Date
): { row: MessageRow; created: boolean } {
  const inserted = tx
    .insert(messages)
    .values({ conversationId: conversation.id, side: input.side, senderId: input.senderId, clientId: input.clientId, body: input.body, photo: input.photo, createdAt: now.toISOString() })
    .onConflictDoNothing({ target: [messages.conversationId, messages.clientId] })
    .returning()
    .get();
  if (!inserted) {
    const existing = tx.select().from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.clientId, input.clientId))).get()!;
    return { row: existing, created: false };
  }
  // The writer has read everything up to their own message; a citizen writing reopens a resolved thread.
  const own = input.side === 'citizen' ? { citizenReadUpTo: inserted.id } : { shopReadUpTo: inserted.id };
  tx.update(conversations)
    .set({ lastActivityAt: now.toISOString(), ...own, ...(input.side === 'citizen' ? { status: 'open' as const } : {}) })
    .where(eq(conversations.id, conversation.id))
    .run();
  return { row: inserted, created: true };
}

/**
 * `POST /api/conversations`: a citizen writes to a shop, about an order of theirs or not. An
 * existing thread with that shop (or for that order part) is reused rather than duplicated.
 */
export function startConversation(
  database: Db,
  actor: Actor,
  input: { shopId: number; orderId?: string; body: string },
  now = new Date()
): { id: number; messageId: number } {
  if (actor.role !== 'citizen') throw new MessagingError('forbidden');
  // A shop's staff (whatever their account's role) speak for the shop: they reply, never start.
  if (database.select({ s: shopMembers.shopId }).from(shopMembers).where(eq(shopMembers.userId, actor.id)).get()) throw new MessagingError('forbidden');
  const shop = database.select({ id: shops.id, status: shops.status }).from(shops).where(eq(shops.id, input.shopId)).get();
  if (!shop) throw new MessagingError('not_found');
  let partId: number | null = null;
  if (input.orderId) {
    const part = database
      .select({ id: orderParts.id })
      .from(orderParts)
      .innerJoin(orders, eq(orders.id, orderParts.orderId))
      .where(and(eq(orders.id, input.orderId), eq(orders.userId, actor.id), eq(orderParts.shopId, shop.id)))
      .get();
    if (!part) throw new MessagingError('not_found');
    partId = part.id;
  } else if (shop.status !== 'approved') {
    throw new MessagingError('not_found');
  }
  const result = database.transaction((tx) => {
    let conversation =
      partId !== null
        ? tx.select().from(conversations).where(eq(conversations.orderPartId, partId)).get()
        : tx
            .select()
            .from(conversations)
            .where(and(eq(conversations.citizenId, actor.id), eq(conversations.shopId, shop.id), isNull(conversations.orderPartId)))
            .orderBy(desc(conversations.lastActivityAt))
            .get();
    if (!conversation) {
      // A shop the citizen blocked stays blocked in a new thread too.
      const blocked = !!tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.citizenId, actor.id), eq(conversations.shopId, shop.id), eq(conversations.citizenBlocked, true)))
        .get();
      conversation = tx
        .insert(conversations)
        .values({ citizenId: actor.id, shopId: shop.id, orderPartId: partId, citizenBlocked: blocked, createdAt: now.toISOString(), lastActivityAt: now.toISOString() })
        .returning()
        .get();
    }
    const { row } = insertMessage(tx, conversation, { side: 'citizen', senderId: actor.id, clientId: randomUUID(), body: input.body, photo: null }, now);
    return { conversation, row };
  });
  publishMessage(database, result.conversation, result.row);
  return { id: result.conversation.id, messageId: result.row.id };
}

/**
 * The thread of an order part, created by the order itself when it does not exist yet: the one
 * way a shop can open a conversation, and only with its own customer about their order.
 */
export function orderPartConversation(database: Db, actor: Actor, partId: number, now = new Date()): number {
  const part = database
    .select({ id: orderParts.id, shopId: orderParts.shopId, customer: orders.userId })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .where(eq(orderParts.id, partId))
    .get();
  if (!part || part.customer === null) throw new MessagingError('not_found');
  if (part.customer !== actor.id && !isMember(database, part.shopId, actor.id)) throw new MessagingError('not_found');
  return database.transaction((tx) => {
    const existing = tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.orderPartId, partId)).get();
    if (existing) return existing.id;
    const blocked = !!tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.citizenId, part.customer!), eq(conversations.shopId, part.shopId), eq(conversations.citizenBlocked, true)))
      .get();
    return tx
      .insert(conversations)
      .values({ citizenId: part.customer!, shopId: part.shopId, orderPartId: partId, citizenBlocked: blocked, createdAt: now.toISOString(), lastActivityAt: now.toISOString() })
      .returning({ id: conversations.id })
      .get().id;
  });
}

/** Looks up a message already sent with this clientId (so a retry skips the photo work). */
export function existingMessage(database: Reader, conversationId: number, clientId: string): MessageView | null {
  const row = database.select().from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.clientId, clientId))).get();
  return row ? messageView(row) : null;
}

/**
 * `POST /api/conversations/[id]/messages`. The same clientId again returns the first message
 * (created: false) whatever the new body says: a retry is never a second message.
 */
export function postMessage(
  database: Db,
  actor: Actor,
  conversationId: number,
  input: { clientId: string; body: string; photo?: ImageDescriptor | null },
  now = new Date()
): { message: MessageView; created: boolean } {
  const { conversation, side } = requireParticipant(database, conversationId, actor.id);
  if (side === 'shop' && conversation.citizenBlocked) throw new MessagingError('blocked');
  const body = input.body.trim();
  if (!body && !input.photo) {
    const again = existingMessage(database, conversationId, input.clientId);
    if (again) return { message: again, created: false };
    throw new MessagingError('empty');
  }
  const { row, created } = database.transaction((tx) =>
    insertMessage(tx, conversation, { side, senderId: actor.id, clientId: input.clientId, body, photo: input.photo ?? null }, now)
  );
  if (created) publishMessage(database, conversation, row);
  return { message: messageView(row), created };
}

/** Marks a conversation read up to a message id by this user's side. */
export function markRead(database: Db, actor: Actor, conversationId: number, upTo: number): void {
  const { conversation, side } = requireParticipant(database, conversationId, actor.id);
  const last = database
    .select({ id: sql<number>`coalesce(max(${messages.id}), 0)` })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .get()!.id;
  const target = Math.min(upTo, last);
  const receipts = database.select({ on: users.readReceipts }).from(users).where(eq(users.id, actor.id)).get()?.on ?? false;
  const current = side === 'citizen' ? conversation.citizenReadUpTo : conversation.shopReadUpTo;
  const currentReceipt = side === 'citizen' ? conversation.citizenReceiptUpTo : conversation.shopReceiptUpTo;
  const read = Math.max(current, target);
  const receipt = receipts ? Math.max(currentReceipt, target) : currentReceipt;
  if (read === current && receipt === currentReceipt) return;
  database
    .update(conversations)
    .set(side === 'citizen' ? { citizenReadUpTo: read, citizenReceiptUpTo: receipt } : { shopReadUpTo: read, shopReceiptUpTo: receipt })
    .where(eq(conversations.id, conversationId))
    .run();
  const citizen = [conversation.citizenId];
  const members = shopMemberIds(database, conversation.shopId);
  // The reader's own devices update their unread counts; the other side learns it only as a receipt.
  hub.publish(side === 'citizen' ? citizen : members, { type: 'read', data: { conversationId, side, readUpTo: read } });
  if (receipt !== currentReceipt) hub.publish(side === 'citizen' ? members : citizen, { type: 'read', data: { conversationId, side, receiptUpTo: receipt } });
}

/** Open / resolved: the shop's team sorts its inbox. */
export function setStatus(database: Db, actor: Actor, conversationId: number, status: ConversationStatus): void {
  const { conversation, side } = requireParticipant(database, conversationId, actor.id);
  if (side !== 'shop') throw new MessagingError('forbidden');
  database.update(conversations).set({ status }).where(eq(conversations.id, conversationId)).run();
  hub.publish(shopMemberIds(database, conversation.shopId), { type: 'status', data: { conversationId, status } });
}

/** The citizen blocks (or unblocks) a shop: every thread with that shop, now and later. */
export function setBlocked(database: Db, actor: Actor, conversationId: number, blocked: boolean): void {
  const { conversation, side } = requireParticipant(database, conversationId, actor.id);
  if (side !== 'citizen') throw new MessagingError('forbidden');
  database
    .update(conversations)
    .set({ citizenBlocked: blocked })
    .where(and(eq(conversations.citizenId, actor.id), eq(conversations.shopId, conversation.shopId)))
    .run();
  hub.publish([actor.id, ...shopMemberIds(database, conversation.shopId)], { type: 'status', data: { conversationId, blocked } });
}

/** The citizen reports a conversation, showing the community manager only the messages chosen. */
export function reportConversation(database: Db, actor: Actor, conversationId: number, reason: string, messageIds: number[]): number {
  const { side } = requireParticipant(database, conversationId, actor.id);
  if (side !== 'citizen') throw new MessagingError('forbidden');
  const ids = [...new Set(messageIds)];
  const found = database
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), inArray(messages.id, ids)))
    .all();
  if (found.length !== ids.length || ids.length === 0) throw new MessagingError('not_found');
  return database.transaction((tx) => {
    const id = tx.insert(reports).values({ targetType: 'conversation', targetId: conversationId, reason, reporterId: actor.id }).returning({ id: reports.id }).get().id;
    tx.insert(reportedMessages).values(ids.map((messageId) => ({ reportId: id, messageId }))).run();
    return id;
  });
}

/** What the community manager sees of a reported conversation: the shop and the chosen messages only. */
export function reportedConversation(database: Reader, reportId: number): { shopName: string; messages: MessageView[] } | null {
  const report = database.select({ targetId: reports.targetId }).from(reports).where(and(eq(reports.id, reportId), eq(reports.targetType, 'conversation'))).get();
  if (!report) return null;
  const shop = database
    .select({ name: shops.name })
    .from(conversations)
    .innerJoin(shops, eq(shops.id, conversations.shopId))
    .where(eq(conversations.id, report.targetId))
    .get();
  const rows = database
    .select({ m: messages })
    .from(reportedMessages)
    .innerJoin(messages, eq(messages.id, reportedMessages.messageId))
    .where(eq(reportedMessages.reportId, reportId))
    .orderBy(asc(messages.id))
    .all();
  return { shopName: shop?.name ?? '', messages: rows.map((r) => messageView(r.m)) };
}

// ---------------------------------------------------------------------------------------------
// Reading

const unreadFor = (side: MessageSide) =>
  side === 'citizen'
    ? sql<number>`(select count(*) from messages m where m.conversation_id = ${conversations.id} and m.side = 'shop' and m.id > ${conversations.citizenReadUpTo})`
    : sql<number>`(select count(*) from messages m where m.conversation_id = ${conversations.id} and m.side = 'citizen' and m.id > ${conversations.shopReadUpTo})`;

const lastMessage = sql<string | null>`(select json_object('body', m.body, 'side', m.side, 'photo', m.photo is not null) from messages m where m.conversation_id = ${conversations.id} order by m.id desc limit 1)`;

function summary(row: {
  id: number;
  shopId: number;
  shopName: string;
  shopSlug: string;
  citizenName: string;
  status: ConversationStatus;
  blocked: boolean;
  orderPartId: number | null;
  orderId: string | null;
  lastActivityAt: string;
  unread: number;
  last: string | null;
}): ConversationSummary {
  const last = row.last ? (JSON.parse(row.last) as { body: string; side: MessageSide; photo: number }) : null;
  return {
    id: row.id,
    shopId: row.shopId,
    shopName: row.shopName,
    shopSlug: row.shopSlug,
    citizenName: row.citizenName,
    status: row.status,
    blocked: row.blocked,
    orderPartId: row.orderPartId,
    orderId: row.orderId,
    lastActivityAt: row.lastActivityAt,
    unread: row.unread,
    lastMessage: last ? { body: last.body, side: last.side, photo: !!last.photo } : null
  };
}

function summaries(database: Reader, side: MessageSide, where: ReturnType<typeof and>): ConversationSummary[] {
  return database
    .select({
      id: conversations.id,
      shopId: conversations.shopId,
      shopName: shops.name,
      shopSlug: shops.slug,
      citizenName: sql<string>`coalesce(nullif(${users.displayName}, ''), '')`,
      status: conversations.status,
      blocked: conversations.citizenBlocked,
      orderPartId: conversations.orderPartId,
      orderId: orderParts.orderId,
      lastActivityAt: conversations.lastActivityAt,
      unread: unreadFor(side),
      last: lastMessage
    })
    .from(conversations)
    .innerJoin(shops, eq(shops.id, conversations.shopId))
    .innerJoin(users, eq(users.id, conversations.citizenId))
    .leftJoin(orderParts, eq(orderParts.id, conversations.orderPartId))
    .where(where)
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(500)
    .all()
    .map(summary);
}

/** A citizen's conversations, most recent first (threads without any message are left out). */
export function citizenConversations(database: Reader, userId: number): ConversationSummary[] {
  return summaries(database, 'citizen', and(eq(conversations.citizenId, userId), sql`exists (select 1 from messages m where m.conversation_id = ${conversations.id})`)).map((c) => ({
    ...c,
    citizenName: ''
  }));
}

export type InboxFilter = 'all' | 'open' | 'resolved' | 'order';

/** The shared inbox of every shop this person is a member of. */
export function shopInbox(database: Reader, userId: number, filter: InboxFilter = 'all', shopId?: number): ConversationSummary[] {
  const memberOf = database.select({ id: shopMembers.shopId }).from(shopMembers).where(eq(shopMembers.userId, userId)).all().map((r) => r.id);
  const shopIds = shopId === undefined ? memberOf : memberOf.filter((id) => id === shopId);
  if (shopIds.length === 0) return [];
  const conditions = [inArray(conversations.shopId, shopIds), sql`exists (select 1 from messages m where m.conversation_id = ${conversations.id})`];
  if (filter === 'open' || filter === 'resolved') conditions.push(eq(conversations.status, filter));
  if (filter === 'order') conditions.push(isNotNull(conversations.orderPartId));
  return summaries(database, 'shop', and(...conditions));
}

/** Unread messages for this person, all sides together (the app bar's badge). */
export function unreadTotal(database: Reader, userId: number): number {
  const citizen = database
    .select({ n: sql<number>`count(*)` })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(conversations.citizenId, userId), eq(messages.side, 'shop'), gt(messages.id, conversations.citizenReadUpTo)))
    .get()!.n;
  const shop = database
    .select({ n: sql<number>`count(*)` })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(shopMembers, and(eq(shopMembers.shopId, conversations.shopId), eq(shopMembers.userId, userId)))
    .where(and(eq(messages.side, 'citizen'), gt(messages.id, conversations.shopReadUpTo)))
    .get()!.n;
  return citizen + shop;
}

export const THREAD_LIMIT = 500;

export function thread(database: Reader, userId: number, conversationId: number): ThreadView | null {
  const found = participantSide(database, conversationId, userId);
  if (!found) return null;
  const { conversation, side } = found;
  const header = summaries(database, side, eq(conversations.id, conversationId))[0];
  const rows = database
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(desc(messages.id))
    .limit(THREAD_LIMIT)
    .all()
    .reverse();
  return {
    conversation: { ...header, citizenName: side === 'shop' ? header.citizenName : '' },
    side,
    messages: rows.map(messageView),
    readUpTo: side === 'citizen' ? conversation.citizenReadUpTo : conversation.shopReadUpTo,
    otherReceiptUpTo: side === 'citizen' ? conversation.shopReceiptUpTo : conversation.citizenReceiptUpTo,
    quickReplies: side === 'shop' ? listQuickReplies(database, conversation.shopId) : []
  };
}

// ---------------------------------------------------------------------------------------------
// The stream's replay

export interface ReplayedEvent {
  id: number;
  data: Record<string, unknown>;
}

/**
 * Every message after `lastId` in this user's conversations (both sides), in id order: what a
 * device missed while its stream was down. At most `limit`; the device resumes from the last.
 */
export function replaySince(database: Reader, userId: number, lastId: number, limit = 1000): ReplayedEvent[] {
  const rows = database
    .select({ m: messages, shopId: conversations.shopId, shopName: shops.name, citizenId: conversations.citizenId })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(shops, eq(shops.id, conversations.shopId))
    .where(
      and(
        gt(messages.id, lastId),
        sql`(${conversations.citizenId} = ${userId} or ${conversations.shopId} in (select shop_id from shop_members where user_id = ${userId}))`
      )
    )
    .orderBy(asc(messages.id))
    .limit(limit)
    .all();
  return rows.map((r) => ({
    id: r.m.id,
    data: { conversationId: r.m.conversationId, shopId: r.shopId, shopName: r.shopName, message: messageView(r.m), as: r.citizenId === userId ? 'citizen' : 'shop' }
  }));
}

/** The newest message id (a stream that starts fresh resumes from here). */
export function latestMessageId(database: Reader): number {
  return database.select({ id: sql<number>`coalesce(max(${messages.id}), 0)` }).from(messages).get()!.id;
}

// ---------------------------------------------------------------------------------------------
// Quick replies

export function listQuickReplies(database: Reader, shopId: number): { id: number; body: string }[] {
  return database.select({ id: quickReplies.id, body: quickReplies.body }).from(quickReplies).where(eq(quickReplies.shopId, shopId)).orderBy(asc(quickReplies.id)).all();
}

export function addQuickReply(database: Db, actor: Actor, shopId: number, body: string): number {
  if (!isMember(database, shopId, actor.id)) throw new MessagingError('not_found');
  return database.transaction((tx) => {
    const n = tx.select({ n: sql<number>`count(*)` }).from(quickReplies).where(eq(quickReplies.shopId, shopId)).get()!.n;
    if (n >= MAX_QUICK_REPLIES) throw new MessagingError('too_many');
    return tx.insert(quickReplies).values({ shopId, body }).returning({ id: quickReplies.id }).get().id;
  });
}

export function deleteQuickReply(database: Db, actor: Actor, id: number): void {
  const row = database.select({ shopId: quickReplies.shopId }).from(quickReplies).where(eq(quickReplies.id, id)).get();
  if (!row || !isMember(database, row.shopId, actor.id)) throw new MessagingError('not_found');
  database.delete(quickReplies).where(eq(quickReplies.id, id)).run();
}

// ---------------------------------------------------------------------------------------------
// Accounts

export function readReceiptsSetting(database: Reader, userId: number): boolean {
  return database.select({ on: users.readReceipts }).from(users).where(eq(users.id, userId)).get()?.on ?? false;
}

export function setReadReceipts(database: Db, userId: number, on: boolean): void {
  database.update(users).set({ readReceipts: on }).where(eq(users.id, userId)).run();
}

/** The account export's messaging part: the citizen's own conversations, whole. */
export function exportConversations(database: Reader, userId: number) {
  const own = database
    .select({ id: conversations.id, shop: shops.name, status: conversations.status, createdAt: conversations.createdAt, blocked: conversations.citizenBlocked })
    .from(conversations)
    .innerJoin(shops, eq(shops.id, conversations.shopId))
    .where(eq(conversations.citizenId, userId))
    .orderBy(asc(conversations.id))
    .all();
  const sent = database
    .select({ conversation: messages.conversationId, shop: shops.name, body: messages.body, createdAt: messages.createdAt, photo: sql<number>`${messages.photo} is not null` })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(shops, eq(shops.id, conversations.shopId))
    .where(and(eq(messages.senderId, userId), eq(messages.side, 'shop')))
    .orderBy(asc(messages.id))
    .all();
  return {
    read_receipts: readReceiptsSetting(database, userId),
    conversations: own.map((c) => ({
      shop: c.shop,
      status: c.status,
      created_at: c.createdAt,
      blocked: c.blocked,
      messages: database
        .select({ side: messages.side, body: messages.body, createdAt: messages.createdAt, photo: sql<number>`${messages.photo} is not null` })
        .from(messages)
        .where(eq(messages.conversationId, c.id))
        .orderBy(asc(messages.id))
        .all()
        .map((m) => ({ from: m.side === 'citizen' ? 'you' : c.shop, body: m.body, sent_at: m.createdAt, photo: !!m.photo }))
    })),
    /** Messages written on behalf of a shop (they stay the shop's, without your name, if you leave). */
    sent_for_shops: sent.map((m) => ({ shop: m.shop, body: m.body, sent_at: m.createdAt, photo: !!m.photo }))
  };
}

/** Photo ids of a citizen's conversations, to delete the files with the account. */
export function citizenPhotoIds(database: Reader, userId: number): string[] {
  return database
    .select({ photo: messages.photo })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(conversations.citizenId, userId), isNotNull(messages.photo)))
    .all()
    .map((r) => r.photo!.id);
}

/** Whether one of this conversation's messages carries that photo (still). */
export function conversationHasPhoto(database: Reader, conversationId: number, photoId: string): boolean {
  return !!database
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), sql`json_extract(${messages.photo}, '$.id') = ${photoId}`))
    .get();
}
