import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { conversations, messages, reportedMessages, reports, shopMembers, users } from '../../src/lib/server/db/schema';
import { ordersFixture, firstSlot, type OrdersFixture } from '../support/orders-fixture';
import { asFile, jpegFixture, SECRET } from '../support/image-fixtures';
import { findMetadata } from '../support/image-metadata';
import { callEndpoint as call, endpointEvent as event, testUser as user, type Handler, type TestUser as User } from '../support/endpoint';

/**
 * The messaging rules and the HTTP contract, called as SvelteKit calls the endpoints, on the
 * app's own (in-memory) database: no cold contact, idempotent sends, participants only, blocks,
 * reports showing only the chosen messages, private photos without metadata.
 */

let f: OrdersFixture;
let appDb: Db;
const route: Record<string, Record<string, Handler>> = {};
let service: typeof import('../../src/lib/server/messaging/service');
let hubModule: typeof import('../../src/lib/server/messaging/hub');

beforeAll(async () => {
  process.env.DATABASE_URL = ':memory:';
  process.env.PLACETTE_UPLOADS = await mkdtemp(join(tmpdir(), 'placette-msg-'));
  appDb = (await import('$lib/server/db')).db();
  f = ordersFixture(appDb);
  service = await import('../../src/lib/server/messaging/service');
  hubModule = await import('../../src/lib/server/messaging/hub');
  route.start = (await import('../../src/routes/api/conversations/+server')) as never;
  route.post = (await import('../../src/routes/api/conversations/[id]/messages/+server')) as never;
  route.read = (await import('../../src/routes/api/conversations/[id]/read/+server')) as never;
  route.photo = (await import('../../src/routes/api/conversations/[id]/photos/[name]/+server')) as never;
  route.unread = (await import('../../src/routes/api/messages/unread/+server')) as never;
  route.orderPart = (await import('../../src/routes/api/order-parts/[partId]/conversation/+server')) as never;
  route.orders = (await import('../../src/routes/api/orders/+server')) as never;
});

const citizen = () => user(f.citizen);
const merchantA = () => user(f.merchantA, 'merchant');
const merchantB = () => user(f.merchantB, 'merchant');

const start = (who: User | null, body: unknown) => call(route.start.POST, event('/api/conversations', { method: 'POST', body, user: who }));
const send = (who: User | null, id: number, body: unknown) =>
  call(route.post.POST, event(`/api/conversations/${id}/messages`, { method: 'POST', body, user: who, params: { id: String(id) } }));
const threadOf = (id: number) => appDb.select().from(messages).where(eq(messages.conversationId, id)).all();

/** Records what the hub sends to one user's stream. */
function listen(userId: number): { events: string[]; stop: () => void } {
  const events: string[] = [];
  const stop = hubModule.hub.subscribe({ userId, lastId: 0, write: (chunk) => (events.push(chunk), true) });
  return { events, stop };
}

describe('POST /api/conversations', () => {
  it('a citizen writes to a shop: 201 { id }, the shop sees the message', async () => {
    const res = await start(citizen(), { shopId: `shop-${f.shopA}`, body: 'Bonjour, avez-vous du pain de seigle ?' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(Number) });
    const inbox = service.shopInbox(appDb, f.merchantA);
    expect(inbox.map((c) => c.id)).toContain(res.body.id);
    expect(inbox.find((c) => c.id === res.body.id)).toMatchObject({ unread: 1, lastMessage: { body: 'Bonjour, avez-vous du pain de seigle ?', side: 'citizen' } });
    // Writing again from the shop page continues the same thread.
    const again = await start(citizen(), { shopId: f.shopA, body: 'Et des croissants ?' });
    expect(again.body.id).toBe(res.body.id);
    expect(threadOf(res.body.id)).toHaveLength(2);
  });

  it('refuses merchants, staff and curators with 403, whatever the body', async () => {
    expect((await start(merchantA(), { shopId: f.shopB, body: 'Promo !' })).status).toBe(403);
    expect((await start(merchantB(), { shopId: f.shopA, body: 'x' })).status).toBe(403);
    expect((await start(user(f.citizen, 'curator'), { shopId: f.shopA, body: 'x' })).status).toBe(403);
    // A staff member whose account is a citizen's still speaks for their shop.
    const staff = appDb.insert(users).values({ email: 'staff@example.org', passwordHash: 'x', role: 'citizen' }).returning().get().id;
    appDb.insert(shopMembers).values({ shopId: f.shopB, userId: staff, role: 'staff' }).run();
    expect((await start(user(staff), { shopId: f.shopA, body: 'x' })).status).toBe(403);
    expect((await start(null, { shopId: f.shopA, body: 'x' })).status).toBe(401);
  });

  it('answers bad bodies with a 400 JSON naming the field', async () => {
    const empty = await start(citizen(), { shopId: f.shopA, body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/body/);
    const badShop = await start(citizen(), { shopId: 'boulangerie', body: 'x' });
    expect(badShop.status).toBe(400);
    expect(badShop.body.error.message).toMatch(/shopId/);
    expect((await start(citizen(), { shopId: f.shopA, body: 'x', extra: 1 })).status).toBe(400);
    expect((await start(citizen(), { shopId: 999999, body: 'x' })).status).toBe(404);
  });

  it('links a conversation to the citizen’s own order part only', async () => {
    const placed = await call(
      route.orders.POST,
      event('/api/orders', {
        method: 'POST',
        user: citizen(),
        headers: { 'idempotency-key': crypto.randomUUID() },
        body: { lines: [{ productId: `product-${f.bread}`, qty: 1 }], fulfilment: { [`shop-${f.shopA}`]: { type: 'pickup', slot: firstSlot(appDb, f.shopA) } }, payment: 'pickup' }
      })
    );
    expect(placed.status).toBe(201);
    const orderId = placed.body.id as string;
    const res = await start(citizen(), { shopId: f.shopA, orderId, body: 'Je passerai à 18 h' });
    expect(res.status).toBe(201);
    const row = appDb.select().from(conversations).where(eq(conversations.id, res.body.id)).get()!;
    expect(row.orderPartId).not.toBeNull();
    // Someone else's order, or a shop not in it: not found.
    expect((await start(user(f.other), { shopId: f.shopA, orderId, body: 'x' })).status).toBe(404);
    expect((await start(citizen(), { shopId: f.shopB, orderId, body: 'x' })).status).toBe(404);
    // The shop opens the order part's conversation (the same one), a stranger shop cannot.
    const partId = String(row.orderPartId);
    const opened = await call(route.orderPart.POST, event(`/api/order-parts/${partId}/conversation`, { method: 'POST', user: merchantA(), params: { partId } }));
    expect(opened).toMatchObject({ status: 200, body: { id: res.body.id } });
    expect((await call(route.orderPart.POST, event('/x', { method: 'POST', user: merchantB(), params: { partId } }))).status).toBe(404);
  });
});

describe('POST /api/conversations/[id]/messages', () => {
  let id: number;
  beforeEach(async () => {
    id = (await start(user(f.other), { shopId: f.shopB, body: 'Avez-vous le dernier Goncourt ?' })).body.id;
  });

  it('the same clientId twice is one message, with the same id', async () => {
    const clientId = crypto.randomUUID();
    const first = await send(user(f.other), id, { clientId, body: 'Merci !' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: expect.any(Number), createdAt: expect.any(String) });
    const second = await send(user(f.other), id, { clientId, body: 'Merci !' });
    expect([200, 201]).toContain(second.status);
    expect(second.body.id).toBe(first.body.id);
    expect(threadOf(id).filter((m) => m.clientId === clientId)).toHaveLength(1);
  });

  it('the shop replies in the conversation its customer started; others get 404', async () => {
    expect((await send(merchantB(), id, { clientId: crypto.randomUUID(), body: 'Oui, en vitrine.' })).status).toBe(201);
    expect((await send(merchantA(), id, { clientId: crypto.randomUUID(), body: 'Venez chez nous' })).status).toBe(404);
    expect((await send(citizen(), id, { clientId: crypto.randomUUID(), body: 'x' })).status).toBe(404);
    expect((await send(null, id, { clientId: crypto.randomUUID(), body: 'x' })).status).toBe(401);
    expect((await send(user(f.other), id, { clientId: 'not-a-uuid', body: 'x' })).body.error.message).toMatch(/clientId/);
    expect((await send(user(f.other), id, { clientId: crypto.randomUUID(), body: '' })).status).toBe(400);
  });

  it('a blocked shop can no longer write; the citizen still can', async () => {
    service.setBlocked(appDb, user(f.other), id, true);
    const refused = await send(merchantB(), id, { clientId: crypto.randomUUID(), body: 'Relance' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('blocked');
    expect((await send(user(f.other), id, { clientId: crypto.randomUUID(), body: 'Je reviens' })).status).toBe(201);
    // The block follows the shop into a new thread (about an order, say).
    service.setBlocked(appDb, user(f.other), id, false);
    expect((await send(merchantB(), id, { clientId: crypto.randomUUID(), body: 'Merci' })).status).toBe(201);
  });

  it('publishes each new message once to both sides’ streams, and not a retry', async () => {
    const mine = listen(f.other);
    const shop = listen(f.merchantB);
    const stranger = listen(f.merchantA);
    const clientId = crypto.randomUUID();
    await send(user(f.other), id, { clientId, body: 'Live' });
    await send(user(f.other), id, { clientId, body: 'Live' });
    for (const l of [mine, shop, stranger]) l.stop();
    expect(mine.events.filter((e) => e.includes('"Live"'))).toHaveLength(1);
    expect(shop.events.filter((e) => e.includes('"Live"'))).toHaveLength(1);
    expect(shop.events[0]).toMatch(/^event: message\nid: \d+\ndata: .*"as":"shop"/);
    expect(stranger.events).toEqual([]);
  });

  it('a photo is re-encoded without metadata and served only to the participants, privately', async () => {
    const jpeg = await jpegFixture({ width: 800, height: 600, privateMetadata: true, orientation: 6 });
    const form = new FormData();
    form.set('clientId', crypto.randomUUID());
    form.set('body', 'Votre livre');
    form.set('photo', asFile(jpeg, 'IMG_0001.jpg', 'image/jpeg'));
    const res = await call(route.post.POST, event(`/api/conversations/${id}/messages`, { method: 'POST', form, user: merchantB(), params: { id: String(id) } }));
    expect(res.status).toBe(201);
    const photo = res.body.message.photo;
    expect(photo.id).toMatch(/^[a-z2-7]{26}$/);
    // Portrait after rotation (800×600 with orientation 6).
    expect(photo.height).toBeGreaterThan(photo.width);
    const stored = await readdir(join(process.env.PLACETTE_UPLOADS!, 'private', photo.id));
    expect(stored.length).toBeGreaterThan(0);
    expect(await readdir(join(process.env.PLACETTE_UPLOADS!, 'public')).catch(() => [])).not.toContain(photo.id);
    const name = `${photo.id}-${photo.widths[0]}.webp`;
    const get = (who: User | null) => call(route.photo.GET, event(`/api/conversations/${id}/photos/${name}`, { user: who, params: { id: String(id), name } }));
    const ok = await get(user(f.other));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toMatch(/^private/);
    expect(await findMetadata(ok.body as Buffer, Object.values(SECRET))).toEqual([]);
    expect((await get(merchantB())).status).toBe(200);
    expect((await get(merchantA())).status).toBe(404);
    expect((await get(null)).status).toBe(401);
    // The public route never serves it.
    const media = (await import('../../src/routes/media/[...path]/+server')) as unknown as Record<string, Handler>;
    expect((await call(media.GET, event(`/media/${name}`, { params: { path: name } }))).status).toBe(404);
  });
});

describe('read state, reports and quick replies', () => {
  it('unread counts per side; receipts reach the other side only if the reader allows it', async () => {
    const id = (await start(citizen(), { shopId: f.florist, body: 'Un bouquet pour samedi ?' })).body.id;
    const florist = appDb.insert(users).values({ email: 'fleur@example.org', passwordHash: 'x', role: 'merchant' }).returning().get().id;
    appDb.insert(shopMembers).values({ shopId: f.florist, userId: florist, role: 'owner' }).run();
    const unread = async (who: User) => (await call(route.unread.GET, event('/api/messages/unread', { user: who }))).body.unread;
    expect(await unread(user(florist, 'merchant'))).toBe(1);
    const last = threadOf(id).at(-1)!.id;
    const readAs = (who: User) => call(route.read.POST, event(`/x`, { method: 'POST', body: { upTo: last }, user: who, params: { id: String(id) } }));
    expect((await readAs(user(florist, 'merchant'))).status).toBe(204);
    expect(await unread(user(florist, 'merchant'))).toBe(0);
    // Receipts off by default: the citizen does not see that the shop read it.
    expect(service.thread(appDb, f.citizen, id)!.otherReceiptUpTo).toBe(0);
    const reply = service.postMessage(appDb, user(florist, 'merchant'), id, { clientId: crypto.randomUUID(), body: 'Oui !' });
    service.setReadReceipts(appDb, f.citizen, true);
    service.markRead(appDb, citizen(), id, reply.message.id);
    expect(service.thread(appDb, florist, id)!.otherReceiptUpTo).toBe(reply.message.id);
    service.setReadReceipts(appDb, f.citizen, false);
    expect((await readAs(merchantA())).status).toBe(404);
  });

  it('a report keeps only the messages the citizen chose', async () => {
    const id = (await start(user(f.other), { shopId: f.shopA, body: 'Bonjour' })).body.id;
    const rude = service.postMessage(appDb, merchantA(), id, { clientId: crypto.randomUUID(), body: 'Message déplacé' });
    service.postMessage(appDb, user(f.other), id, { clientId: crypto.randomUUID(), body: 'Mon adresse est 3 rue X' });
    const reportId = service.reportConversation(appDb, user(f.other), id, 'Propos déplacés', [rude.message.id]);
    const seen = service.reportedConversation(appDb, reportId)!;
    expect(seen.messages.map((m) => m.body)).toEqual(['Message déplacé']);
    expect(appDb.select().from(reportedMessages).where(eq(reportedMessages.reportId, reportId)).all()).toHaveLength(1);
    expect(appDb.select().from(reports).where(eq(reports.id, reportId)).get()!.targetType).toBe('conversation');
    // Only the citizen reports, only messages of that conversation.
    expect(() => service.reportConversation(appDb, merchantA(), id, 'x x x', [rude.message.id])).toThrow('forbidden');
    expect(() => service.reportConversation(appDb, user(f.other), id, 'x x x', [999999])).toThrow('not_found');
  });

  it('quick replies belong to one shop’s team', () => {
    const qr = service.addQuickReply(appDb, merchantA(), f.shopA, 'Votre commande est prête.');
    expect(service.listQuickReplies(appDb, f.shopA).map((q) => q.body)).toContain('Votre commande est prête.');
    expect(() => service.deleteQuickReply(appDb, merchantB(), qr)).toThrow('not_found');
    expect(() => service.addQuickReply(appDb, merchantB(), f.shopA, 'x')).toThrow('not_found');
    service.deleteQuickReply(appDb, merchantA(), qr);
    expect(service.listQuickReplies(appDb, f.shopA)).toEqual([]);
  });
});

describe('stream replay', () => {
  it('replays what a device missed after Last-Event-ID, in order, for both of its sides', async () => {
    const before = service.latestMessageId(appDb);
    const id = (await start(citizen(), { shopId: f.shopB, body: 'un' })).body.id;
    service.postMessage(appDb, merchantB(), id, { clientId: crypto.randomUUID(), body: 'deux' });
    service.postMessage(appDb, citizen(), id, { clientId: crypto.randomUUID(), body: 'trois' });
    const replay = service.replaySince(appDb, f.citizen, before);
    expect(replay.map((e) => (e.data.message as { body: string }).body)).toEqual(['un', 'deux', 'trois']);
    expect(replay.map((e) => e.id)).toEqual([...replay.map((e) => e.id)].sort((a, b) => a - b));
    expect(service.replaySince(appDb, f.merchantB, before).every((e) => e.data.as === 'shop')).toBe(true);
    expect(service.replaySince(appDb, f.merchantA, before)).toEqual([]);
  });
});
