import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { isHttpError } from '@sveltejs/kit';
import webpush from 'web-push';
import type { Db } from '../../src/lib/server/db';
import { accountPushSubscriptions, orderParts, shopMembers, shops, users } from '../../src/lib/server/db/schema';
import { createSession, invalidateSession } from '../../src/lib/server/auth/session';
import { placeOrder } from '../../src/lib/server/orders/checkout';
import { acceptPart, markReady } from '../../src/lib/server/orders/transitions';
import { deleteAccount, exportAccount } from '../../src/lib/server/accounts/data';
import type { PushSender } from '../../src/lib/server/push/digest';
import type { PersonalPayload } from '../../src/lib/schemas/push';
import { parsePersonalPayload, personalNotification } from '../../src/lib/push-client/personal-notification';
import { firstSlot, ordersFixture, type OrdersFixture } from '../support/orders-fixture';
import { startPushEndpoint, type FakeSubscriber } from '../support/push-endpoint';

/**
 * Personal push end to end on the server side: real web-push encryption and VAPID signing, real
 * HTTPS to a push endpoint on loopback that decrypts what each device would receive; real SQLite
 * with real sessions; the messaging and order services the app's routes call.
 */
type Endpoint = Awaited<ReturnType<typeof startPushEndpoint>>;

let f: OrdersFixture;
let appDb: Db;
let endpoint: Endpoint;
let personal: typeof import('../../src/lib/server/push/personal');
let messaging: typeof import('../../src/lib/server/messaging/service');
let hubModule: typeof import('../../src/lib/server/messaging/hub');
let route: Record<string, (event: unknown) => Promise<Response>>;
let staffA: number;

beforeAll(async () => {
  process.env.DATABASE_URL = ':memory:';
  appDb = (await import('$lib/server/db')).db();
  f = ordersFixture(appDb);
  // Shop A has a second member: both hear about their customers' messages.
  staffA = appDb.insert(users).values({ email: 'staff-a@example.org', passwordHash: 'x', role: 'merchant' }).returning().get().id;
  appDb.insert(shopMembers).values({ shopId: f.shopA, userId: staffA, role: 'staff' }).run();
  appDb.update(shops).set({ name: 'Fleurs de Capitole' }).where(eq(shops.id, f.shopA)).run();
  endpoint = await startPushEndpoint();
  personal = await import('../../src/lib/server/push/personal');
  messaging = await import('../../src/lib/server/messaging/service');
  hubModule = await import('../../src/lib/server/messaging/hub');
  route = (await import('../../src/routes/api/account/push-subscriptions/+server')) as never;
  // The real web-push client, trusting the test endpoint's self-signed certificate.
  const send: PushSender = (subscription, payload, options) => webpush.sendNotification(subscription, payload, { ...options, agent: endpoint.agent });
  personal.setPersonalPushSender(send);
});

afterAll(async () => {
  personal.setPersonalPushSender(null);
  await endpoint.close();
});

afterEach(async () => {
  await personal.personalPushesSettled();
  endpoint.received.length = 0;
  // Each test starts with no device subscribed.
  appDb.delete(accountPushSubscriptions).run();
  vi.restoreAllMocks();
});

/** A signed-in device of this account that turned personal push on. */
function device(userId: number, name: string, status?: number): { sub: FakeSubscriber; session: string } {
  const sub = endpoint.subscriber(name, status);
  const { session } = createSession(appDb, userId, { device: 'Firefox · Android' });
  personal.saveAccountDevice(appDb, userId, session.id, { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } });
  return { sub, session: session.id };
}

/** What each device received, decrypted, by subscriber name. */
async function received(): Promise<Record<string, PersonalPayload[]>> {
  await personal.personalPushesSettled();
  const out: Record<string, PersonalPayload[]> = {};
  for (const push of endpoint.received) (out[push.subscriber] ??= []).push(JSON.parse(push.plaintext) as PersonalPayload);
  return out;
}

const rowsOf = (userId: number) => appDb.select().from(accountPushSubscriptions).where(eq(accountPushSubscriptions.userId, userId)).all();

function order(userId = f.citizen) {
  const result = placeOrder(appDb, {
    userId,
    idempotencyKey: crypto.randomUUID(),
    body: { lines: [{ productId: `product-${f.bread}`, qty: 1 }], fulfilment: { [`shop-${f.shopA}`]: { type: 'pickup', slot: firstSlot(appDb, f.shopA) } }, payment: 'pickup' }
  });
  if (result.kind !== 'created') throw new Error(result.kind);
  const part = appDb.select({ id: orderParts.id }).from(orderParts).where(and(eq(orderParts.orderId, result.order.id), eq(orderParts.shopId, f.shopA))).get()!;
  return { orderId: result.order.id, partId: part.id };
}

const actor = (id: number, role = 'citizen') => ({ id, role });

describe('a part marked ready', () => {
  it("pushes « ready » with the order's page to the customer's devices, and to nobody else", async () => {
    const phone = device(f.citizen, 'citizen-phone');
    const laptop = device(f.citizen, 'citizen-laptop');
    device(f.merchantA, 'merchant-a');
    device(f.other, 'other-citizen');
    const { orderId, partId } = order();

    acceptPart(appDb, f.shopA, partId);
    expect(await received(), 'accepting is not announced').toEqual({});

    const result = markReady(appDb, f.shopA, partId);
    expect(result.ok).toBe(true);
    const got = await received();
    const expected: PersonalPayload = { v: 1, type: 'order-ready', shop: 'Fleurs de Capitole', url: `/orders/${orderId}` };
    expect(got).toEqual({ [phone.sub.name]: [expected], [laptop.sub.name]: [expected] });

    // What the push service could see: encrypted, VAPID-signed, nothing personal in clear.
    const [push] = endpoint.received;
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    expect(push.headers.authorization).toMatch(/^vapid t=.+, k=/);
    expect(push.body.includes(Buffer.from('Fleurs'))).toBe(false);

    // Marking it ready again (a second click) is refused and pushes nothing more.
    endpoint.received.length = 0;
    expect(markReady(appDb, f.shopA, partId).ok).toBe(false);
    expect(await received()).toEqual({});
  });

  it('never holds up nor fails the step when the push service is down, and logs no personal data', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken: PushSender = () => Promise.reject(Object.assign(new Error(`connect ECONNREFUSED for habitant@example.org`), { code: 'ECONNREFUSED' }));
    device(f.citizen, 'down-phone');
    personal.setPersonalPushSender(broken);
    try {
      const { partId } = order();
      const started = performance.now();
      const result = markReady(appDb, f.shopA, partId);
      expect(result.ok).toBe(true);
      expect(result.ok && result.part.status).toBe('ready');
      expect(performance.now() - started).toBeLessThan(1000);
      await personal.personalPushesSettled();
      const lines = logged.mock.calls.map((c) => c.join(' '));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line).toMatch(/^\[placette\] personal push: delivery failed \(ECONNREFUSED\)$/);
        expect(line).not.toMatch(/habitant|example\.org|127\.0\.0\.1|\/orders\//);
      }
      // The subscriptions stay: a network error is not a gone subscription.
      expect(rowsOf(f.citizen).length).toBeGreaterThan(0);
    } finally {
      personal.setPersonalPushSender((subscription, payload, options) => webpush.sendNotification(subscription, payload, { ...options, agent: endpoint.agent }));
    }
  });
});

describe('a new message', () => {
  it("tells the shop's members (not the writer's own devices), then the customer when the shop answers", async () => {
    const citizenPhone = device(f.citizen, 'msg-citizen');
    const ownerPhone = device(f.merchantA, 'msg-owner');
    const staffPhone = device(staffA, 'msg-staff');
    device(f.merchantB, 'msg-other-shop');

    const { id } = messaging.startConversation(appDb, actor(f.citizen), { shopId: f.shopA, body: 'Mon adresse est 3 rue des Lois, code 1234' });
    const toShop: PersonalPayload = { v: 1, type: 'message', to: 'shop', shop: 'Fleurs de Capitole', url: `/merchant/messages/${id}` };
    expect(await received()).toEqual({ [ownerPhone.sub.name]: [toShop], [staffPhone.sub.name]: [toShop] });
    // The notification names the shop only: not the text, not the customer.
    for (const push of endpoint.received) expect(push.plaintext).not.toMatch(/adresse|1234|Habitant|habitant/);

    endpoint.received.length = 0;
    messaging.postMessage(appDb, actor(f.merchantA, 'merchant'), id, { clientId: crypto.randomUUID(), body: 'Bien noté !' });
    expect(await received(), "only the customer; the owner's colleague is not told of the owner's answer").toEqual({
      [citizenPhone.sub.name]: [{ v: 1, type: 'message', to: 'citizen', shop: 'Fleurs de Capitole', url: `/messages/${id}` }]
    });

    // A retry of the same message (same clientId) is not a second message, nor a second push.
    endpoint.received.length = 0;
    const clientId = crypto.randomUUID();
    messaging.postMessage(appDb, actor(f.citizen), id, { clientId, body: 'Merci' });
    messaging.postMessage(appDb, actor(f.citizen), id, { clientId, body: 'Merci' });
    const got = await received();
    expect(got[ownerPhone.sub.name]).toHaveLength(1);
    expect(got[citizenPhone.sub.name]).toBeUndefined();

    // Each conversation has its own opaque topic, so a newer push replaces a pending one.
    const topics = new Set(endpoint.received.map((r) => r.headers.topic));
    expect(topics.size).toBe(1);
    expect(String([...topics][0])).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // A keyed digest of the conversation, not its id.
    const topic = String([...topics][0]);
    expect(topic).not.toMatch(/conversation|^\d+$/);
  });

  it('skips whoever has the messages stream open: their devices show it live', async () => {
    const citizenPhone = device(f.citizen, 'live-citizen');
    const { id } = messaging.startConversation(appDb, actor(f.citizen), { shopId: f.shopA, body: 'Bonjour' });
    await received();
    endpoint.received.length = 0;

    const live: string[] = [];
    const stop = hubModule.hub.subscribe({ userId: f.citizen, lastId: 0, write: (chunk) => (live.push(chunk), true) });
    messaging.postMessage(appDb, actor(f.merchantA, 'merchant'), id, { clientId: crypto.randomUUID(), body: 'Oui ?' });
    expect(live.some((chunk) => chunk.startsWith('event: message'))).toBe(true);
    expect((await received())[citizenPhone.sub.name]).toBeUndefined();

    stop();
    messaging.postMessage(appDb, actor(f.merchantA, 'merchant'), id, { clientId: crypto.randomUUID(), body: 'Vous êtes là ?' });
    expect((await received())[citizenPhone.sub.name]).toHaveLength(1);
  });
});

describe('subscriptions', () => {
  it('deletes the ones the push service reports gone (404, 410), keeps the others', async () => {
    const target = appDb.insert(users).values({ email: 'gone@example.org', passwordHash: 'x' }).returning().get().id;
    const ok = device(target, 'gone-ok');
    device(target, 'gone-410', 410);
    device(target, 'gone-404', 404);
    device(target, 'gone-500', 500);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const outcome = await personal.sendPersonal(appDb, [target], { v: 1, type: 'order-ready', shop: 'X', url: '/orders/x' });
    expect(outcome).toEqual({ devices: 4, delivered: 1, removed: 2, failed: 1 });
    expect(rowsOf(target).map((r) => r.endpoint).sort()).toEqual([ok.sub.endpoint, endpoint.subscriber('gone-500', 500).endpoint].sort());
    expect(logged.mock.calls.map((c) => c.join(' '))).toEqual(['[placette] personal push: delivery failed (500)']);
  });

  it('goes with the session: signing out, or a session past its time, ends the device', async () => {
    const target = appDb.insert(users).values({ email: 'session@example.org', passwordHash: 'x' }).returning().get().id;
    const signedOut = device(target, 'signed-out');
    invalidateSession(appDb, signedOut.session);
    expect(rowsOf(target)).toEqual([]);

    device(target, 'stale');
    const in15days = Date.now() + 15 * 24 * 3600_000;
    const outcome = await personal.sendPersonal(appDb, [target], { v: 1, type: 'order-ready', shop: 'X', url: '/orders/x' }, { now: in15days });
    expect(outcome).toEqual({ devices: 0, delivered: 0, removed: 1, failed: 0 });
    expect(endpoint.received).toEqual([]);
    expect(rowsOf(target)).toEqual([]);
  });

  it('one row per device: a browser that signs in to another account moves its endpoint there', () => {
    const a = appDb.insert(users).values({ email: 'a-dev@example.org', passwordHash: 'x' }).returning().get().id;
    const b = appDb.insert(users).values({ email: 'b-dev@example.org', passwordHash: 'x' }).returning().get().id;
    const shared = device(a, 'shared-browser');
    const { session } = createSession(appDb, b);
    personal.saveAccountDevice(appDb, b, session.id, { endpoint: shared.sub.endpoint, keys: { p256dh: shared.sub.p256dh, auth: shared.sub.auth } });
    expect(rowsOf(a)).toEqual([]);
    expect(rowsOf(b)).toHaveLength(1);
    // Saving again on the same session replaces, never duplicates.
    personal.saveAccountDevice(appDb, b, session.id, { endpoint: shared.sub.endpoint, keys: { p256dh: shared.sub.p256dh, auth: shared.sub.auth } });
    expect(rowsOf(b)).toHaveLength(1);
  });

  it('is in the account export (push service and date only) and goes with the account', () => {
    const target = appDb.insert(users).values({ email: 'export@example.org', passwordHash: 'x' }).returning().get().id;
    const d = device(target, 'export-device');
    const exported = exportAccount(appDb, target)!;
    expect(exported.notification_devices).toEqual([{ device: 'Firefox · Android', push_service: new URL(d.sub.endpoint).host, since: expect.any(String) }]);
    expect(JSON.stringify(exported)).not.toContain(d.sub.p256dh);
    deleteAccount(appDb, target);
    expect(appDb.select().from(accountPushSubscriptions).where(eq(accountPushSubscriptions.endpoint, d.sub.endpoint)).all()).toEqual([]);
  });
});

describe('/api/account/push-subscriptions', () => {
  function event(method: string, body: unknown, who: { id: number; session: string } | null) {
    const request = new Request('http://placette.test/api/account/push-subscriptions', {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });
    return {
      request,
      url: new URL(request.url),
      params: {},
      locals: who ? { user: { id: who.id, email: 'x@example.org', role: 'citizen', displayName: '', twoFactorEnabled: false }, session: { id: who.session } } : { user: null, session: null }
    };
  }
  async function call(method: 'POST' | 'DELETE', body: unknown, who: { id: number; session: string } | null) {
    try {
      return await route[method](event(method, body, who));
    } catch (thrown) {
      if (isHttpError(thrown)) return new Response(null, { status: thrown.status });
      throw thrown;
    }
  }

  it('stores this session\'s device, validates the body, and deletes it on opt-out', async () => {
    const target = appDb.insert(users).values({ email: 'api@example.org', passwordHash: 'x' }).returning().get().id;
    const { session } = createSession(appDb, target);
    const sub = endpoint.subscriber('api-device');
    const body = { endpoint: sub.endpoint, expirationTime: null, keys: { p256dh: sub.p256dh, auth: sub.auth } };
    const who = { id: target, session: session.id };

    expect((await call('POST', body, null)).status).toBe(401);
    const bad = await call('POST', { ...body, endpoint: 'http://127.0.0.1/x' }, who);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/endpoint/);
    expect((await call('POST', { endpoint: sub.endpoint }, who)).status).toBe(400);
    expect(rowsOf(target)).toEqual([]);

    expect((await call('POST', body, who)).status).toBe(201);
    expect(rowsOf(target)).toMatchObject([{ sessionId: session.id, endpoint: sub.endpoint }]);
    expect(personal.sessionDeviceEndpoint(appDb, session.id)).toBe(sub.endpoint);

    // Someone else cannot remove it, even knowing the endpoint.
    const other = createSession(appDb, f.other).session;
    expect((await call('DELETE', { endpoint: sub.endpoint }, { id: f.other, session: other.id })).status).toBe(204);
    expect(rowsOf(target)).toHaveLength(1);

    expect((await call('DELETE', { endpoint: sub.endpoint }, who)).status).toBe(204);
    expect(rowsOf(target)).toEqual([]);
  });

  it('a renewed subscription (pushsubscriptionchange) replaces the device\'s old endpoint, for its own account only; signed out, nothing changes', async () => {
    const target = appDb.insert(users).values({ email: 'renew@example.org', passwordHash: 'x' }).returning().get().id;
    const mine = device(target, 'renew-old');
    const who = { id: target, session: mine.session };
    // Another account's device (another browser profile) that happens to be named as the old endpoint in a forged body.
    const theirs = device(f.other, 'renew-theirs');
    const renewed = endpoint.subscriber('renew-new');
    const body = { endpoint: renewed.endpoint, expirationTime: null, keys: { p256dh: renewed.p256dh, auth: renewed.auth } };

    // Signed out (the session ended): 401, nothing changes.
    expect((await call('POST', { ...body, oldEndpoint: mine.sub.endpoint }, null)).status).toBe(401);
    expect(rowsOf(target)).toMatchObject([{ endpoint: mine.sub.endpoint }]);
    // A bad old endpoint: 400, nothing changes.
    const bad = await call('POST', { ...body, oldEndpoint: 'http://127.0.0.1/x' }, who);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/oldEndpoint/);
    expect(rowsOf(target)).toMatchObject([{ endpoint: mine.sub.endpoint }]);

    expect((await call('POST', { ...body, oldEndpoint: mine.sub.endpoint }, who)).status).toBe(201);
    expect(rowsOf(target)).toMatchObject([{ sessionId: mine.session, endpoint: renewed.endpoint }]);
    // The next notification reaches the device at its new endpoint.
    await personal.sendPersonal(appDb, [target], { v: 1, type: 'order-ready', shop: 'Fleurs de Capitole', url: '/orders/x' });
    expect(Object.keys(await received())).toEqual(['renew-new']);
    expect((await call('POST', { ...body, oldEndpoint: theirs.sub.endpoint }, who)).status).toBe(201);
    expect(rowsOf(f.other)).toMatchObject([{ endpoint: theirs.sub.endpoint }]);
  });
});

describe('the notification a device shows', () => {
  it('words each kind in the device language, pointing at the page to open', () => {
    const ready: PersonalPayload = { v: 1, type: 'order-ready', shop: 'Fleurs de Capitole', url: '/orders/abc' };
    expect(personalNotification(ready, 'fr')).toEqual({
      title: 'Votre commande chez Fleurs de Capitole est prête',
      body: 'Touchez pour ouvrir votre commande.',
      url: '/orders/abc',
      tag: 'placette-order:/orders/abc:Fleurs de Capitole'
    });
    expect(personalNotification(ready, 'en').title).toBe('Your order at Fleurs de Capitole is ready');
    const toCitizen: PersonalPayload = { v: 1, type: 'message', to: 'citizen', shop: 'Fleurs de Capitole', url: '/messages/7' };
    expect(personalNotification(toCitizen, 'fr')).toMatchObject({ title: 'Nouveau message de Fleurs de Capitole', url: '/messages/7', tag: 'placette-message:/messages/7' });
    expect(personalNotification({ ...toCitizen, to: 'shop', url: '/merchant/messages/7' }, 'en')).toMatchObject({
      title: 'New message for Fleurs de Capitole',
      body: 'A customer wrote to you. Tap to reply.'
    });
  });

  it('reads only well-formed personal payloads with a path of this app (the digest and the rest are not)', () => {
    expect(parsePersonalPayload({ v: 1, type: 'order-ready', shop: 'X', url: '/orders/a' })).not.toBeNull();
    expect(parsePersonalPayload({ v: 1, type: 'order-ready', shop: 'X', url: 'https://evil.example/' })).toBeNull();
    expect(parsePersonalPayload({ v: 1, type: 'order-ready', shop: 'X', url: '//evil.example/' })).toBeNull();
    expect(parsePersonalPayload({ v: 1, type: 'message', to: 'everyone', shop: 'X', url: '/messages/1' })).toBeNull();
    expect(parsePersonalPayload({ v: 1, type: 'digest', city: 'Toulouse', items: [] })).toBeNull();
    expect(parsePersonalPayload(null)).toBeNull();
  });
});
