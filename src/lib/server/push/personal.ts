import { createHmac } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import webpush, { type RequestOptions } from 'web-push';
import type { Db } from '../db';
import { accountPushSubscriptions, orderParts, orders, sessions, shopMembers, shops, users, type MessageSide } from '../db/schema';
import { sessionPolicy } from '../auth/session';
import { hub } from '../messaging/hub';
import type { PersonalPayload } from '$lib/schemas/push';
import type { PushSender } from './digest';
import { vapidKeys, vapidSubject } from './vapid';

/**
 * Personal push: "your order at X is ready", "new message from X", sent to the devices of one
 * account that turned it on in *Mon compte*. Separate from the broadcast digest (digest.ts) and
 * its table: these rows are tied to an account and to the session of the device.
 *
 * Sending never blocks nor fails what triggered it: `notifyPartReady` and `notifyNewMessage`
 * return at once, and the work runs on a later turn, after the caller's commit; any error is
 * logged with its status or kind only (no endpoint, no account, no content).
 */

type Reader = Pick<Db, 'select'>;

export interface PersonalOutcome {
  /** Subscribed devices the push went to. */
  devices: number;
  delivered: number;
  /** Subscriptions deleted: reported gone by the push service (404/410) or whose session ended. */
  removed: number;
  failed: number;
}

const defaultSender: PushSender = webpush.sendNotification.bind(webpush) as PushSender;
let sender: PushSender = defaultSender;

/** Tests point the sender at a local push endpoint (e.g. to trust its certificate); null restores it. */
export function setPersonalPushSender(send: PushSender | null): void {
  sender = send ?? defaultSender;
}

const inFlight = new Set<Promise<unknown>>();

/** Resolves once every push started so far has finished (for tests and a clean shutdown). */
export async function personalPushesSettled(): Promise<void> {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}

function logFailure(what: string, error: unknown): void {
  const status = (error as { statusCode?: number } | null)?.statusCode;
  const kind = status ?? (error as { code?: string } | null)?.code ?? (error as Error | null)?.name ?? 'error';
  console.error(`[placette] personal push: ${what} (${kind})`);
}

/** Runs `work` after the current turn (so after the caller's commit and answer), never throwing. */
function later(work: () => Promise<unknown>): void {
  const job = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .catch((error) => logFailure('not sent', error))
    .finally(() => inFlight.delete(job));
  inFlight.add(job);
}

/**
 * The subscribed devices of these accounts whose session is still valid. A device whose session
 * ended (it would no longer be let in) gets nothing, and its row is deleted.
 */
function liveDevices(database: Db, userIds: number[], now: number) {
  if (userIds.length === 0) return { devices: [], expired: 0 };
  const rows = database
    .select({
      id: accountPushSubscriptions.id,
      endpoint: accountPushSubscriptions.endpoint,
      p256dh: accountPushSubscriptions.p256dh,
      auth: accountPushSubscriptions.auth,
      role: users.role,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt
    })
    .from(accountPushSubscriptions)
    .innerJoin(sessions, eq(sessions.id, accountPushSubscriptions.sessionId))
    .innerJoin(users, eq(users.id, accountPushSubscriptions.userId))
    .where(inArray(accountPushSubscriptions.userId, userIds))
    .all();
  const devices = [];
  const expired: number[] = [];
  for (const row of rows) {
    const policy = sessionPolicy(row.role);
    if (now - row.lastSeenAt >= policy.idleMs || now - row.createdAt >= policy.absoluteMs) expired.push(row.id);
    else devices.push(row);
  }
  if (expired.length) database.delete(accountPushSubscriptions).where(inArray(accountPushSubscriptions.id, expired)).run();
  return { devices, expired: expired.length };
}

/**
 * A push-service topic (RFC 8030 §5.4) so that, while a phone is offline, only the newest pending
 * notification of a conversation waits for it. Opaque (a keyed digest): the push service must
 * not learn conversation ids.
 */
function opaqueTopic(database: Db, name: string): string {
  return createHmac('sha256', vapidKeys(database).privateKey).update(name).digest('base64url').slice(0, 22);
}

/**
 * Sends one payload to every live device of these accounts; gone subscriptions are deleted.
 * `topicOf` names what a newer push replaces (made opaque before it leaves).
 */
export async function sendPersonal(
  database: Db,
  userIds: number[],
  payload: PersonalPayload,
  options: { topicOf?: string; now?: number; send?: PushSender } = {}
): Promise<PersonalOutcome> {
  if (!database.$client.open) return { devices: 0, delivered: 0, removed: 0, failed: 0 };
  const { devices, expired } = liveDevices(database, [...new Set(userIds)], options.now ?? Date.now());
  const outcome: PersonalOutcome = { devices: devices.length, delivered: 0, removed: expired, failed: 0 };
  if (devices.length === 0) return outcome;
  const keys = vapidKeys(database);
  const body = JSON.stringify(payload);
  const requestOptions: RequestOptions = {
    TTL: 24 * 60 * 60,
    urgency: 'normal',
    ...(options.topicOf ? { topic: opaqueTopic(database, options.topicOf) } : {}),
    vapidDetails: { subject: vapidSubject(), publicKey: keys.publicKey, privateKey: keys.privateKey }
  };
  const send = options.send ?? sender;
  const gone: number[] = [];
  await Promise.all(
    devices.map(async (device) => {
      try {
        await send({ endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } }, body, requestOptions);
        outcome.delivered++;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 404 || status === 410) gone.push(device.id);
        else {
          outcome.failed++;
          logFailure('delivery failed', error);
        }
      }
    })
  );
  if (gone.length) {
    database.delete(accountPushSubscriptions).where(inArray(accountPushSubscriptions.id, gone)).run();
    outcome.removed += gone.length;
  }
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// What triggers a personal push

/** The customer of a part that just became ready, and what their notification says. */
export function partReadyPush(database: Reader, partId: number): { userIds: number[]; payload: PersonalPayload } | null {
  const row = database
    .select({ orderId: orders.id, userId: orders.userId, shop: shops.name })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .innerJoin(shops, eq(shops.id, orderParts.shopId))
    .where(and(eq(orderParts.id, partId), eq(orderParts.status, 'ready')))
    .get();
  if (!row || row.userId === null) return null;
  return { userIds: [row.userId], payload: { v: 1, type: 'order-ready', shop: row.shop, url: `/orders/${row.orderId}` } };
}

export interface NewMessage {
  conversationId: number;
  shopId: number;
  citizenId: number;
  /** Who wrote it: the other side is told. */
  side: MessageSide;
  senderId: number | null;
}

/**
 * Who is told about a new message: the other side (the customer, or every member of the shop),
 * never the writer's own devices, and nobody who has the messages stream open right now (their
 * devices already show it live, with the unread badge): a push would repeat what is on screen.
 */
export function messagePush(database: Reader, message: NewMessage): { userIds: number[]; live: number; payload: PersonalPayload } | null {
  const shop = database.select({ name: shops.name }).from(shops).where(eq(shops.id, message.shopId)).get();
  if (!shop) return null;
  const to: MessageSide = message.side === 'citizen' ? 'shop' : 'citizen';
  const others =
    to === 'citizen'
      ? [message.citizenId]
      : database.select({ id: shopMembers.userId }).from(shopMembers).where(eq(shopMembers.shopId, message.shopId)).all().map((r) => r.id);
  const candidates = others.filter((id) => id !== message.senderId);
  const userIds = candidates.filter((id) => !hub.isListening(id));
  const url = to === 'citizen' ? `/messages/${message.conversationId}` : `/merchant/messages/${message.conversationId}`;
  return { userIds, live: candidates.length - userIds.length, payload: { v: 1, type: 'message', to, shop: shop.name, url } };
}

/** Fire-and-forget: the customer's devices learn the part is ready. Call after the commit. */
export function notifyPartReady(database: Db, partId: number): void {
  later(async () => {
    if (!database.$client.open) return; // closed in the meantime (a test, a shutdown)
    const push = partReadyPush(database, partId);
    if (push) await sendPersonal(database, push.userIds, push.payload);
  });
}

/** Fire-and-forget: the other side's devices learn of a new message. Call after the commit. */
export function notifyNewMessage(database: Db, message: NewMessage): void {
  // Who is listening is read now, as the message is published to the open streams.
  let push: ReturnType<typeof messagePush>;
  try {
    push = messagePush(database, message);
  } catch (error) {
    logFailure('not sent', error);
    return;
  }
  if (!push || push.userIds.length === 0) return;
  const { userIds, payload } = push;
  later(() => sendPersonal(database, userIds, payload, { topicOf: `conversation:${message.conversationId}` }));
}

// ---------------------------------------------------------------------------------------------
// Devices (the account's opt-in)

/**
 * Turns personal push on for the device of this session: one row per session and per endpoint
 * (a browser that moves to another account, or gets a new endpoint, replaces its row). A renewed
 * subscription (`oldEndpoint`) also replaces the account's row of the old endpoint, whichever
 * session holds it.
 */
export function saveAccountDevice(
  database: Db,
  userId: number,
  sessionId: string,
  subscription: { endpoint: string; keys: { p256dh: string; auth: string }; oldEndpoint?: string }
): void {
  database.transaction((tx) => {
    tx.delete(accountPushSubscriptions).where(eq(accountPushSubscriptions.sessionId, sessionId)).run();
    tx.delete(accountPushSubscriptions).where(eq(accountPushSubscriptions.endpoint, subscription.endpoint)).run();
    if (subscription.oldEndpoint) {
      tx.delete(accountPushSubscriptions)
        .where(and(eq(accountPushSubscriptions.userId, userId), eq(accountPushSubscriptions.endpoint, subscription.oldEndpoint)))
        .run();
    }
    tx.insert(accountPushSubscriptions)
      .values({ userId, sessionId, endpoint: subscription.endpoint, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth })
      .run();
  });
}

/** Turns it off for this device (the session's row; the endpoint too, if it is this account's). */
export function removeAccountDevice(database: Db, userId: number, sessionId: string, endpoint?: string): number {
  let n = database
    .delete(accountPushSubscriptions)
    .where(and(eq(accountPushSubscriptions.userId, userId), eq(accountPushSubscriptions.sessionId, sessionId)))
    .run().changes;
  if (endpoint) {
    n += database
      .delete(accountPushSubscriptions)
      .where(and(eq(accountPushSubscriptions.userId, userId), eq(accountPushSubscriptions.endpoint, endpoint)))
      .run().changes;
  }
  return n;
}

/** The endpoint this session's device subscribed with, if any (the settings page compares it with the browser's). */
export function sessionDeviceEndpoint(database: Reader, sessionId: string): string | null {
  return (
    database
      .select({ endpoint: accountPushSubscriptions.endpoint })
      .from(accountPushSubscriptions)
      .where(eq(accountPushSubscriptions.sessionId, sessionId))
      .get()?.endpoint ?? null
  );
}

/** The account export's part: which devices receive personal push, by push service and date. */
export function exportAccountDevices(database: Reader, userId: number) {
  return database
    .select({ endpoint: accountPushSubscriptions.endpoint, createdAt: accountPushSubscriptions.createdAt, device: sessions.device })
    .from(accountPushSubscriptions)
    .innerJoin(sessions, eq(sessions.id, accountPushSubscriptions.sessionId))
    .where(eq(accountPushSubscriptions.userId, userId))
    .all()
    .map((r) => ({ device: r.device, push_service: new URL(r.endpoint).host, since: r.createdAt }));
}
