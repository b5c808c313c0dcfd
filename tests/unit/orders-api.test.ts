import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { orders } from '../../src/lib/server/db/schema';
import { firstSlot, ordersFixture, type OrdersFixture } from '../support/orders-fixture';
import { callEndpoint as call, endpointEvent as event, testUser as user, type Handler, type TestUser as User } from '../support/endpoint';

/** The orders endpoints, called as SvelteKit calls them, on the app's (in-memory) database. */

let f: OrdersFixture;
let appDb: Db;
const route: Record<string, Record<string, Handler>> = {};

beforeAll(async () => {
  process.env.DATABASE_URL = ':memory:';
  appDb = (await import('$lib/server/db')).db();
  f = ordersFixture(appDb);
  route.slots = (await import('../../src/routes/api/shops/[slug]/slots/+server')) as never;
  route.orders = (await import('../../src/routes/api/orders/+server')) as never;
  route.order = (await import('../../src/routes/api/orders/[id]/+server')) as never;
  route.cancel = (await import('../../src/routes/api/orders/[id]/parts/[shopId]/cancel/+server')) as never;
  route.board = (await import('../../src/routes/api/merchant/shops/[id]/orders/+server')) as never;
  route.step = (await import('../../src/routes/api/merchant/shops/[id]/orders/[partId]/+server')) as never;
  route.payments = (await import('../../src/routes/api/payments/+server')) as never;
});

const checkout = (body: unknown, key: string | null = crypto.randomUUID(), who: User | null = user(f.citizen)) =>
  call(route.orders.POST, event('/api/orders', { method: 'POST', body, user: who, headers: key === null ? {} : { 'idempotency-key': key } }));

function basket() {
  return {
    lines: [
      { productId: `product-${f.bread}`, qty: 1 },
      { productId: `product-${f.book}`, qty: 1 }
    ],
    fulfilment: {
      [`shop-${f.shopA}`]: { type: 'pickup', slot: firstSlot(appDb, f.shopA) },
      [`shop-${f.shopB}`]: { type: 'pickup', slot: firstSlot(appDb, f.shopB) }
    },
    payment: 'pickup'
  };
}

describe('GET /api/shops/[id]/slots', () => {
  const slots = (shop: string, query: string) => call(route.slots.GET, event(`/api/shops/${shop}/slots${query}`, { params: { slug: shop } }));

  it('lists the slots of a day by the shop catalog id (or slug), the same for everyone, no cookie', async () => {
    const date = firstSlot(appDb, f.shopA);
    const parisDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(date));
    const byId = await slots(`shop-${f.shopA}`, `?date=${parisDate}`);
    expect(byId.status).toBe(200);
    expect(byId.headers.get('set-cookie')).toBeNull();
    expect(byId.body.slots.length).toBeGreaterThan(0);
    expect(byId.body.slots[0]).toEqual({ start: expect.any(String), end: expect.any(String), left: 2 });
    expect(byId.body.slots.map((s: { start: string }) => s.start)).toContain(date);
    expect((await slots('boulangerie-a', `?date=${parisDate}`)).body).toEqual(byId.body);
    // The florist has no click & collect: no slot.
    expect((await slots(`shop-${f.florist}`, `?date=${parisDate}`)).body).toEqual({ slots: [] });
  });

  it.each([['', 'missing'], ['?date=2026-02-30', 'not a day'], ['?date=26-12-01', 'short'], ['?date=2026-12-01&date=2026-12-02', 'twice'], ['?date=2026-12-01&x=1', 'unknown parameter']])(
    'answers 400 JSON for a bad query (%s: %s)',
    async (query) => {
      const r = await slots(`shop-${f.shopA}`, query);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toMatch(/invalid_date|unknown_parameter/);
    }
  );

  it('answers 404 for an unknown shop', async () => {
    for (const ref of ['shop-999', 'product-1', 'nope']) expect((await slots(ref, '?date=2026-12-01')).status).toBe(404);
  });
});

describe('POST /api/orders', () => {
  it('asks who is ordering (401) and for an Idempotency-Key (400)', async () => {
    expect((await checkout(basket(), 'k', null)).status).toBe(401);
    const noKey = await checkout(basket(), null);
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.code).toBe('idempotency_key_required');
  });

  it('refuses an invalid body with every zod issue in the message', async () => {
    const r = await checkout({ lines: [{ productId: 'x', qty: 0 }], fulfilment: {}, payment: 'cash' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_body');
    expect(r.body.error.message).toContain('lines.0.productId');
    expect(r.body.error.message).toContain('lines.0.qty');
    expect(r.body.error.message).toContain('payment');
    expect(r.body.error.issues.length).toBeGreaterThanOrEqual(3);
    expect((await checkout('{oops')).status).toBe(400);
    const missingShop = await checkout({ ...basket(), fulfilment: { [`shop-${f.shopA}`]: basket().fulfilment[`shop-${f.shopA}`] } });
    expect(missingShop.status).toBe(400);
  });

  it('201 with the contract shape; same key and body → the same order; another body → 422', async () => {
    const key = crypto.randomUUID();
    const body = basket();
    const first = await checkout(body, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: expect.any(String), total_cents: 250 + 2090 });
    expect(first.body.parts).toEqual([
      expect.objectContaining({ shopId: `shop-${f.shopA}`, status: 'placed', pickupCode: expect.stringMatching(/^[A-Z2-9]{6}$/), slot: body.fulfilment[`shop-${f.shopA}`].slot }),
      expect.objectContaining({ shopId: `shop-${f.shopB}`, status: 'placed', pickupCode: expect.any(String), slot: body.fulfilment[`shop-${f.shopB}`].slot })
    ]);
    const count = appDb.select().from(orders).all().length;
    const again = await checkout(body, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(appDb.select().from(orders).all()).toHaveLength(count);
    const other = await checkout({ ...body, lines: [{ productId: `product-${f.bread}`, qty: 2 }, body.lines[1]] }, key);
    expect(other.status).toBe(422);
  });

  it('409 out_of_stock names the products', async () => {
    const r = await checkout({ ...basket(), lines: [{ productId: `product-${f.cake}`, qty: 4 }, { productId: `product-${f.book}`, qty: 1 }] });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ error: 'out_of_stock', productIds: [`product-${f.cake}`] });
  });
});

describe('GET /api/orders/[id] and cancelling', () => {
  it('shows an order to its owner only, with its timeline', async () => {
    const created = (await checkout(basket())).body;
    const get = (who: User | null) => call(route.order.GET, event(`/api/orders/${created.id}`, { user: who, params: { id: created.id } }));
    const mine = await get(user(f.citizen));
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual(created);
    expect(mine.body.parts[0].timeline).toEqual([{ status: 'placed', at: created.created_at }]);
    expect((await get(user(f.other))).status).toBe(404);
    expect((await get(user(f.merchantA, 'merchant'))).status).toBe(404);
    expect((await get(null)).status).toBe(401);
    const list = await call(route.orders.GET, event('/api/orders', { user: user(f.citizen) }));
    expect(list.body.orders.map((o: { id: string }) => o.id)).toContain(created.id);
  });

  it('the owner cancels a part before the shop accepts it', async () => {
    const created = (await checkout(basket())).body;
    const cancel = (who: User, shop: string) => call(route.cancel.POST, event(`/api/orders/${created.id}/parts/${shop}/cancel`, { method: 'POST', user: who, params: { id: created.id, shopId: shop } }));
    expect((await cancel(user(f.other), `shop-${f.shopA}`)).status).toBe(404);
    const done = await cancel(user(f.citizen), `shop-${f.shopA}`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ shopId: `shop-${f.shopA}`, status: 'cancelled' });
    expect((await cancel(user(f.citizen), `shop-${f.shopA}`)).status).toBe(409);
  });
});

describe('merchant endpoints', () => {
  it('a shop member sees and moves its parts; others get 404, anonymous visitors are sent to sign in', async () => {
    const created = (await checkout(basket())).body;
    const board = (who: User | null, shopId: number) => call(route.board.GET, event(`/api/merchant/shops/${shopId}/orders`, { user: who, params: { id: String(shopId) } }));
    const mine = await board(user(f.merchantA, 'merchant'), f.shopA);
    expect(mine.status).toBe(200);
    const part = mine.body.parts.find((p: { orderId: string }) => p.orderId === created.id);
    expect(part).toMatchObject({ shopId: `shop-${f.shopA}`, status: 'placed' });
    // The customer shows the code; the shop's API never hands it out.
    expect(part).not.toHaveProperty('pickupCode');
    expect((await board(user(f.merchantB, 'merchant'), f.shopA)).status).toBe(404);
    expect((await board(user(f.citizen), f.shopA)).status).toBe(404);
    expect((await board(null, f.shopA)).status).toBe(303);

    const act = (who: User, body: unknown, shopId = f.shopA) =>
      call(route.step.POST, event(`/api/merchant/shops/${shopId}/orders/${part.partId}`, { method: 'POST', body, user: who, params: { id: String(shopId), partId: String(part.partId) } }));
    const a = user(f.merchantA, 'merchant');
    expect((await act(user(f.merchantB, 'merchant'), { action: 'accept' })).status).toBe(404);
    expect((await act(user(f.merchantB, 'merchant'), { action: 'accept' }, f.shopB)).status).toBe(404); // not a part of shop B
    expect((await act(a, { action: 'accept' })).body.status).toBe('accepted');
    expect((await act(a, { action: 'accept' })).status).toBe(409);
    expect((await act(a, { action: 'refuse', reason: '' })).status).toBe(400);
    expect((await act(a, { action: 'ready' })).body.status).toBe('ready');
    expect((await act(a, { action: 'collect', code: 'ZZZZZZ' })).status).toBe(422);
    const code = created.parts.find((p: { shopId: string }) => p.shopId === `shop-${f.shopA}`).pickupCode;
    const collected = await act(a, { action: 'collect', code });
    expect(collected.body).not.toHaveProperty('pickupCode');
    expect(collected.body.timeline.map((s: { status: string }) => s.status)).toEqual(['placed', 'accepted', 'ready', 'collected']);
  });
});

describe('GET /api/payments', () => {
  it('offers payment at pickup without a provider', async () => {
    expect((await call(route.payments.GET, event('/api/payments'))).body).toEqual({ methods: ['pickup'] });
  });
});
