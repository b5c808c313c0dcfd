import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { eq } from 'drizzle-orm';
import { placeOrder, requestHash } from '../../src/lib/server/orders/checkout';
import { acceptPart, cancelPart, collectPart, endUnpaidOrder, expireDueOrders, markPaid, markReady, refusePart } from '../../src/lib/server/orders/transitions';
import { orderView } from '../../src/lib/server/orders/view';
import { shopOrders } from '../../src/lib/server/orders/shop-orders';
import { exportAccount, deleteAccount } from '../../src/lib/server/accounts/data';
import { newPickupCode, normalisePickupCode, PICKUP_CODE_ALPHABET } from '../../src/lib/server/orders/codes';
import { setOnlineProvider } from '../../src/lib/server/payments';
import { catalogDelta, catalogSnapshot } from '../../src/lib/server/catalog/snapshot';
import { currentCatalogVersion } from '../../src/lib/server/catalog/log';
import { saveProduct } from '../../src/lib/server/merchant/products';
import { orderParts, orders, products, shops } from '../../src/lib/server/db/schema';
import type { OrderRequest } from '../../src/lib/schemas/orders';
import { orderRequestSchema } from '../../src/lib/schemas/orders';
import { firstSlot, ordersFixture, stockLedger } from '../support/orders-fixture';

const NOW = new Date('2026-12-02T09:00:00Z'); // Wednesday 10:00 in Paris

function basket(f: ReturnType<typeof ordersFixture>, over: Partial<OrderRequest> = {}): OrderRequest {
  return {
    lines: [
      { productId: `product-${f.bread}`, qty: 2 },
      { productId: `product-${f.book}`, qty: 1 }
    ],
    fulfilment: {
      [`shop-${f.shopA}`]: { type: 'pickup', slot: firstSlot(f.db, f.shopA, NOW.getTime()) },
      [`shop-${f.shopB}`]: { type: 'pickup', slot: firstSlot(f.db, f.shopB, NOW.getTime()) }
    },
    payment: 'pickup',
    ...over
  };
}

function stock(f: ReturnType<typeof ordersFixture>, id: number) {
  return f.db.select({ stock: products.stock, reserved: products.reserved, sold: products.sold }).from(products).where(eq(products.id, id)).get()!;
}

function ledgerHolds(f: ReturnType<typeof ordersFixture>) {
  for (const row of stockLedger(f.db)) {
    expect(row.stock + row.reserved + row.sold, `product ${row.id}`).toBe(row.stockIn);
    expect(row.reserved).toBe(row.openLines);
    expect(row.sold).toBe(row.soldLines);
    expect(row.stock).toBeGreaterThanOrEqual(0);
  }
}

describe('checkout', () => {
  it('places one order with a part per shop, reserves the stock and bumps the catalog', () => {
    const f = ordersFixture();
    const before = currentCatalogVersion(f.db);
    const result = placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'k1', body: basket(f), now: NOW });
    expect(result.kind).toBe('created');
    if (result.kind !== 'created') return;
    const order = result.order;
    expect(order.id).toMatch(/^[a-z2-7]{16}$/);
    expect(order.total_cents).toBe(2 * 250 + 2090);
    expect(order.payment).toEqual({ method: 'pickup', status: 'due_at_pickup', expires_at: null, redirect_url: null });
    expect(order.parts.map((p) => [p.shopId, p.status])).toEqual([
      [`shop-${f.shopA}`, 'placed'],
      [`shop-${f.shopB}`, 'placed']
    ]);
    for (const part of order.parts) {
      expect(part.pickupCode).toMatch(new RegExp(`^[${PICKUP_CODE_ALPHABET}]{6}$`));
      expect(part.slot).toBe(firstSlot(f.db, f.shopA, NOW.getTime()));
      expect(part.timeline).toEqual([{ status: 'placed', at: NOW.toISOString() }]);
    }
    expect(order.parts[0].lines).toEqual([{ productId: `product-${f.bread}`, name: 'Pain', unit_price_cents: 250, qty: 2 }]);
    expect(stock(f, f.bread)).toEqual({ stock: 8, reserved: 2, sold: 0 });
    expect(stock(f, f.book)).toEqual({ stock: 4, reserved: 1, sold: 0 });
    ledgerHolds(f);

    // Devices holding the previous version get the new stock.
    const delta = catalogDelta(f.db, before);
    expect(delta.version).toBeGreaterThan(before);
    const bread = delta.upserts.find((i) => i.id === `product-${f.bread}`);
    expect(bread).toMatchObject({ kind: 'product', stock: 8, shopId: `shop-${f.shopA}`, shop: `shop-${f.shopA}`, price_cents: 250 });
  });

  it('the same key and body returns the same order; a different body is refused', () => {
    const f = ordersFixture();
    const body = basket(f);
    const first = placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'same', body, now: NOW });
    const again = placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'same', body: JSON.parse(JSON.stringify(body)), now: NOW });
    expect(again.kind).toBe('replayed');
    if (first.kind !== 'created' || again.kind !== 'replayed') return;
    expect(again.order.id).toBe(first.order.id);
    expect(f.db.select().from(orders).all()).toHaveLength(1);
    expect(stock(f, f.bread).stock).toBe(8);
    expect(placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'same', body: { ...body, lines: [{ productId: `product-${f.bread}`, qty: 3 }] }, now: NOW }).kind).toBe('key_reused');
    // Keys belong to one account: someone else's same key is a new order.
    expect(placeOrder(f.db, { userId: f.other, idempotencyKey: 'same', body, now: NOW }).kind).toBe('created');
  });

  it('hashes requests independently of key order', () => {
    const f = ordersFixture();
    const body = basket(f);
    const reordered = { payment: body.payment, fulfilment: body.fulfilment, lines: body.lines.map((l) => ({ qty: l.qty, productId: l.productId })) };
    expect(requestHash(reordered)).toBe(requestHash(body));
  });

  it('refuses what is out of stock, hidden or unknown, naming every product, and writes nothing', () => {
    const f = ordersFixture();
    const version = currentCatalogVersion(f.db);
    const body = basket(f, {
      lines: [
        { productId: `product-${f.bread}`, qty: 11 },
        { productId: `product-${f.cake}`, qty: 1 },
        { productId: `product-${f.hidden}`, qty: 1 },
        { productId: 'product-999', qty: 1 }
      ],
      fulfilment: { [`shop-${f.shopA}`]: { type: 'pickup', slot: firstSlot(f.db, f.shopA, NOW.getTime()) } }
    });
    const result = placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'k', body, now: NOW });
    expect(result).toEqual({ kind: 'conflict', conflict: { error: 'out_of_stock', productIds: [`product-${f.bread}`, `product-${f.hidden}`, 'product-999'].sort() } });
    expect(f.db.select().from(orders).all()).toHaveLength(0);
    expect(stock(f, f.cake)).toEqual({ stock: 3, reserved: 0, sold: 0 });
    expect(currentCatalogVersion(f.db)).toBe(version);
  });

  it('re-checks prices the basket showed', () => {
    const f = ordersFixture();
    const body = basket(f, { lines: [{ productId: `product-${f.bread}`, qty: 1, price_cents: 200 }], fulfilment: { [`shop-${f.shopA}`]: { type: 'pickup', slot: firstSlot(f.db, f.shopA, NOW.getTime()) } } });
    expect(placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'k', body, now: NOW })).toEqual({
      kind: 'conflict',
      conflict: { error: 'price_changed', productIds: [`product-${f.bread}`], prices: { [`product-${f.bread}`]: 250 } }
    });
  });

  it('checks the fulfilment of every shop: missing, extra, slot off the grid, full slot, no click & collect', () => {
    const f = ordersFixture();
    const slotA = firstSlot(f.db, f.shopA, NOW.getTime());
    const lineA = [{ productId: `product-${f.bread}`, qty: 1 }];
    const place = (body: OrderRequest, key: string, userId = f.citizen) => placeOrder(f.db, { userId, idempotencyKey: key, body, now: NOW });
    expect(place(basket(f, { fulfilment: { [`shop-${f.shopA}`]: { type: 'pickup', slot: slotA } } }), 'a')).toMatchObject({ kind: 'invalid', message: expect.stringContaining(`shop-${f.shopB}`) });
    expect(place(basket(f, { lines: lineA }), 'b')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('no product from') });
    const offGrid = new Date(Date.parse(slotA) + 5 * 60_000).toISOString();
    expect(place({ lines: lineA, fulfilment: { [`shop-${f.shopA}`]: { type: 'pickup', slot: offGrid } }, payment: 'pickup' }, 'c')).toEqual({ kind: 'conflict', conflict: { error: 'slot_unavailable', shopIds: [`shop-${f.shopA}`] } });
    // Capacity 2: two orders fill the slot, the third is refused.
    const inSlot = { lines: lineA, fulfilment: { [`shop-${f.shopA}`]: { type: 'pickup' as const, slot: slotA } }, payment: 'pickup' as const };
    expect(place(inSlot, 'd1').kind).toBe('created');
    expect(place(inSlot, 'd2').kind).toBe('created');
    expect(place(inSlot, 'd3')).toEqual({ kind: 'conflict', conflict: { error: 'slot_unavailable', shopIds: [`shop-${f.shopA}`] } });
    // The florist delivers only.
    const bouquet = [{ productId: `product-${f.bouquet}`, qty: 1 }];
    expect(place({ lines: bouquet, fulfilment: { [`shop-${f.florist}`]: { type: 'pickup', slot: slotA } }, payment: 'pickup' }, 'e')).toEqual({
      kind: 'conflict',
      conflict: { error: 'pickup_unavailable', shopIds: [`shop-${f.florist}`] }
    });
    ledgerHolds(f);
  });

  it('delivers within the zone with the fee, refuses outside it', () => {
    const f = ordersFixture();
    const address = { name: 'Habitant', line: '3 rue du Taur', postcode: '31000', city: 'Toulouse' };
    const body: OrderRequest = { lines: [{ productId: `product-${f.bouquet}`, qty: 1 }], fulfilment: { [`shop-${f.florist}`]: { type: 'delivery', address } }, payment: 'pickup' };
    const result = placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'k', body, now: NOW });
    if (result.kind !== 'created') throw new Error(result.kind);
    expect(result.order.total_cents).toBe(3500 + 590);
    expect(result.order.parts[0]).toMatchObject({ fulfilment: 'delivery', slot: null, delivery: { address, fee_cents: 590 }, subtotal_cents: 3500 });
    const far = { ...body, fulfilment: { [`shop-${f.florist}`]: { type: 'delivery' as const, address: { ...address, postcode: '75001' } } } };
    expect(placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'k2', body: far, now: NOW })).toEqual({
      kind: 'conflict',
      conflict: { error: 'delivery_unavailable', shopIds: [`shop-${f.florist}`] }
    });
  });

  it('offers online payment only with a provider', () => {
    const f = ordersFixture();
    expect(placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'k', body: basket(f, { payment: 'online' }), now: NOW })).toEqual({
      kind: 'conflict',
      conflict: { error: 'payment_unavailable' }
    });
  });

  it('refuses everything while the platform is closed', () => {
    const f = ordersFixture();
    f.db.$client.prepare(`UPDATE settings SET value = 'false' WHERE key = 'platform_open'`).run();
    expect(placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'k', body: basket(f), now: NOW })).toMatchObject({ kind: 'conflict', conflict: { error: 'out_of_stock' } });
  });
});

describe('order steps', () => {
  function placed() {
    const f = ordersFixture();
    const result = placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'k', body: basket(f), now: NOW });
    if (result.kind !== 'created') throw new Error(result.kind);
    const parts = f.db.select().from(orderParts).all();
    const partA = parts.find((p) => p.shopId === f.shopA)!;
    const partB = parts.find((p) => p.shopId === f.shopB)!;
    return { f, order: result.order, partA, partB };
  }
  const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

  it('placed → accepted → ready → collected with the code; stock reserved then sold; a timeline', () => {
    const { f, order, partA } = placed();
    expect(acceptPart(f.db, f.shopA, partA.id, later(1))).toMatchObject({ ok: true, part: { status: 'accepted' } });
    expect(acceptPart(f.db, f.shopA, partA.id, later(2))).toEqual({ ok: false, error: 'wrong_status', status: 'accepted' });
    expect(markReady(f.db, f.shopA, partA.id, later(3))).toMatchObject({ ok: true, part: { status: 'ready' } });
    expect(collectPart(f.db, f.shopA, partA.id, 'WRONG1', later(4))).toEqual({ ok: false, error: 'wrong_code', status: 'ready' });
    const typed = ` ${partA.pickupCode!.slice(0, 3).toLowerCase()}-${partA.pickupCode!.slice(3)} `;
    const done = collectPart(f.db, f.shopA, partA.id, typed, later(5));
    expect(done).toMatchObject({ ok: true, part: { status: 'collected' } });
    expect(stock(f, f.bread)).toEqual({ stock: 8, reserved: 0, sold: 2 });
    const view = orderView(f.db, order.id)!;
    expect(view.parts[0].timeline.map((s) => [s.status, s.at])).toEqual([
      ['placed', NOW.toISOString()],
      ['accepted', later(1).toISOString()],
      ['ready', later(3).toISOString()],
      ['collected', later(5).toISOString()]
    ]);
    ledgerHolds(f);
  });

  it('another shop cannot touch a part; ready straight from placed records acceptance', () => {
    const { f, partA } = placed();
    expect(acceptPart(f.db, f.shopB, partA.id)).toEqual({ ok: false, error: 'not_found' });
    expect(collectPart(f.db, f.shopA, partA.id, partA.pickupCode!)).toEqual({ ok: false, error: 'wrong_status', status: 'placed' });
    const ready = markReady(f.db, f.shopA, partA.id, later(2));
    expect(ready.ok && ready.part.timeline.map((s) => s.status)).toEqual(['placed', 'accepted', 'ready']);
  });

  it('refusal with a reason restocks; the customer sees the reason', () => {
    const { f, order, partB } = placed();
    expect(refusePart(f.db, f.shopB, partB.id, 'Rupture chez le fournisseur', later(1))).toMatchObject({ ok: true, part: { status: 'refused', reason: 'Rupture chez le fournisseur' } });
    expect(stock(f, f.book)).toEqual({ stock: 5, reserved: 0, sold: 0 });
    expect(orderView(f.db, order.id)!.parts[1]).toMatchObject({ status: 'refused', reason: 'Rupture chez le fournisseur' });
    expect(refusePart(f.db, f.shopB, partB.id, 'encore')).toMatchObject({ ok: false, error: 'wrong_status' });
    ledgerHolds(f);
  });

  it('the customer cancels before acceptance only; the stock goes back on sale and the slot frees up', () => {
    const { f, order, partA } = placed();
    expect(cancelPart(f.db, f.other, order.id, `shop-${f.shopB}`)).toEqual({ ok: false, error: 'not_found' });
    expect(cancelPart(f.db, f.citizen, order.id, `shop-${f.shopB}`, later(1))).toMatchObject({ ok: true, part: { status: 'cancelled' } });
    expect(stock(f, f.book).stock).toBe(5);
    acceptPart(f.db, f.shopA, partA.id);
    expect(cancelPart(f.db, f.citizen, order.id, `shop-${f.shopA}`)).toEqual({ ok: false, error: 'wrong_status', status: 'accepted' });
    expect(cancelPart(f.db, f.citizen, order.id, 'shop-999')).toEqual({ ok: false, error: 'not_found' });
    ledgerHolds(f);
  });

  it('the shop board lists its own parts with the customer name, not the email', () => {
    const { f } = placed();
    const board = shopOrders(f.db, f.shopA, { statuses: ['placed', 'accepted', 'ready'] });
    expect(board).toHaveLength(1);
    expect(board[0]).toMatchObject({ shopId: `shop-${f.shopA}`, customer: 'Habitant', payment: { method: 'pickup' } });
    expect(JSON.stringify(board)).not.toContain('@example.org');
    expect(shopOrders(f.db, f.shopA, { date: board[0].slot!.slice(0, 10) })).toHaveLength(1);
    expect(shopOrders(f.db, f.florist)).toHaveLength(0);
  });
});

describe('online payment (a stand-in provider)', () => {
  it('holds the stock until paid, or releases it when the payment fails or expires', () => {
    setOnlineProvider({ id: 'test', method: 'online', initialStatus: 'pending', holdMinutes: 30 });
    try {
      const f = ordersFixture();
      const place = (key: string) => {
        const r = placeOrder(f.db, { userId: f.citizen, idempotencyKey: key, body: basket(f, { payment: 'online' }), now: NOW });
        if (r.kind !== 'created') throw new Error(r.kind);
        return r.order;
      };
      const paid = place('1');
      expect(paid.payment).toEqual({ method: 'online', status: 'pending', expires_at: new Date(NOW.getTime() + 30 * 60_000).toISOString(), redirect_url: null });
      const partId = f.db.select().from(orderParts).where(eq(orderParts.orderId, paid.id)).all()[0].id;
      expect(acceptPart(f.db, f.shopA, partId)).toMatchObject({ ok: false, error: 'payment_pending' });
      expect(cancelPart(f.db, f.citizen, paid.id, `shop-${f.shopA}`)).toMatchObject({ ok: false, error: 'paid_online' });
      expect(markPaid(f.db, paid.id)).toBe(true);
      expect(markPaid(f.db, paid.id)).toBe(false);
      expect(acceptPart(f.db, f.shopA, partId).ok).toBe(true);

      const failed = place('2');
      expect(endUnpaidOrder(f.db, failed.id, 'failed')).toBe(true);
      expect(endUnpaidOrder(f.db, failed.id, 'failed')).toBe(false);
      expect(orderView(f.db, failed.id)!.parts.map((p) => p.status)).toEqual(['expired', 'expired']);

      place('3');
      expect(stock(f, f.bread)).toEqual({ stock: 6, reserved: 4, sold: 0 });
      expect(expireDueOrders(f.db, new Date(NOW.getTime() + 29 * 60_000))).toBe(0);
      expect(expireDueOrders(f.db, new Date(NOW.getTime() + 31 * 60_000))).toBe(1);
      expect(stock(f, f.bread)).toEqual({ stock: 8, reserved: 2, sold: 0 });
      ledgerHolds(f);
    } finally {
      setOnlineProvider(null);
    }
  });
});

describe('merchant stock edits keep the ledger', () => {
  it('setting the stock while units are reserved moves stock_in by the difference', () => {
    const f = ordersFixture();
    placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'k', body: basket(f), now: NOW });
    saveProduct(f.db, f.shopA, f.bread, { name: 'Pain', description: '', price: 250, stock: 20, visible: true, themes: [] });
    expect(stock(f, f.bread)).toEqual({ stock: 20, reserved: 2, sold: 0 });
    ledgerHolds(f);
  });
});

describe('accounts and orders', () => {
  it('exports the orders, and deletion cancels open parts and anonymises the rest', () => {
    const f = ordersFixture();
    const result = placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'k', body: basket(f), now: NOW });
    if (result.kind !== 'created') throw new Error(result.kind);
    const [partA] = f.db.select().from(orderParts).where(eq(orderParts.shopId, f.shopA)).all();
    markReady(f.db, f.shopA, partA.id);
    collectPart(f.db, f.shopA, partA.id, partA.pickupCode!);
    expect(exportAccount(f.db, f.citizen)!.orders).toEqual([orderView(f.db, result.order.id)]);

    deleteAccount(f.db, f.citizen);
    const order = f.db.select().from(orders).where(eq(orders.id, result.order.id)).get()!;
    expect(order).toMatchObject({ userId: null, idempotencyKey: null, requestHash: null, totalCents: result.order.total_cents });
    expect(order.anonymisedAt).not.toBeNull();
    const parts = f.db.select().from(orderParts).where(eq(orderParts.orderId, order.id)).all();
    expect(parts.map((p) => [p.status, p.pickupCode, p.deliveryAddress])).toEqual([
      ['collected', null, null],
      ['cancelled', null, null]
    ]);
    expect(stock(f, f.book)).toEqual({ stock: 5, reserved: 0, sold: 0 });
    expect(stock(f, f.bread)).toEqual({ stock: 8, reserved: 0, sold: 2 });
    ledgerHolds(f);
  });
});

describe('codes and schema', () => {
  it('pickup codes use the unambiguous alphabet evenly', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) for (const c of newPickupCode()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe([...PICKUP_CODE_ALPHABET].sort().join(''));
    for (const n of counts.values()) expect(n).toBeGreaterThan(450); // 18,000 / 31 ≈ 580
    expect(normalisePickupCode(' k7r-m4q ')).toBe('K7RM4Q');
  });

  it('the request schema names every problem', () => {
    const parsed = orderRequestSchema.safeParse({ lines: [{ productId: 'shop-1', qty: 0 }, { productId: 'product-1', qty: 1 }, { productId: 'product-1', qty: 1 }], fulfilment: { x: { type: 'drone' } }, payment: 'cash' });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['lines.0.productId', 'lines.0.qty', 'payment']));
  });

  it('the catalog snapshot carries shopId on products', () => {
    const f = ordersFixture();
    const bread = catalogSnapshot(f.db).snapshot.items.find((i) => i.id === `product-${f.bread}`);
    expect(bread).toMatchObject({ shopId: `shop-${f.shopA}`, stock: 10, price_cents: 250 });
  });
});

describe('checkouts committed together', () => {
  it('each checkout of a batch stands alone: a conflict undoes only its own writes', async () => {
    const { placeOrders, placeOrderSoon } = await import('../../src/lib/server/orders/checkout');
    const f = ordersFixture();
    const slot = firstSlot(f.db, f.shopB, NOW.getTime());
    const one = (qty: number) => ({ lines: [{ productId: `product-${f.book}`, qty }], fulfilment: { [`shop-${f.shopB}`]: { type: 'pickup' as const, slot } }, payment: 'pickup' as const });
    const results = placeOrders(f.db, [
      { userId: f.citizen, idempotencyKey: 'a', body: one(1), now: NOW },
      { userId: f.citizen, idempotencyKey: 'b', body: one(9), now: NOW },
      { userId: f.other, idempotencyKey: 'c', body: one(1), now: NOW },
      { userId: f.other, idempotencyKey: 'c', body: one(1), now: NOW }
    ]);
    expect(results.map((r) => r.kind)).toEqual(['created', 'conflict', 'created', 'replayed']);
    expect(stock(f, f.book)).toEqual({ stock: 3, reserved: 2, sold: 0 });
    expect(f.db.select().from(orders).all()).toHaveLength(2);
    ledgerHolds(f);
    // The endpoint's path: concurrent calls share one commit and each gets its own answer.
    const answers = await Promise.all([placeOrderSoon(f.db, { userId: f.citizen, idempotencyKey: 'd', body: basket(f, { lines: [{ productId: `product-${f.cake}`, qty: 2 }], fulfilment: { [`shop-${f.shopA}`]: { type: 'pickup', slot: firstSlot(f.db, f.shopA, NOW.getTime()) } } }), now: NOW }), placeOrderSoon(f.db, { userId: f.other, idempotencyKey: 'e', body: basket(f, { lines: [{ productId: `product-${f.cake}`, qty: 2 }], fulfilment: { [`shop-${f.shopA}`]: { type: 'pickup', slot: firstSlot(f.db, f.shopA, NOW.getTime()) } } }), now: NOW })]);
    expect(answers.map((a) => a.kind)).toEqual(['created', 'conflict']);
    expect(stock(f, f.cake)).toEqual({ stock: 1, reserved: 2, sold: 0 });
  });

  it('on a database file, a batch is answered once its WAL is on disk, and other writes keep synchronous=FULL', async () => {
    const { placeOrderSoon } = await import('../../src/lib/server/orders/checkout');
    const dir = mkdtempSync(join(tmpdir(), 'placette-group-commit-'));
    try {
      const file = join(dir, 'shop.db');
      const f = ordersFixture(openDatabase(file));
      const sqlite = f.db.$client;
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
      // Capacity is no limit here (the cake's 3 units are).
      f.db.update(shops).set({ slotCapacity: 10 }).where(eq(shops.id, f.shopA)).run();
      const slot = firstSlot(f.db, f.shopA, NOW.getTime());
      const one = (userId: number, key: string, qty: number) =>
        placeOrderSoon(f.db, { userId, idempotencyKey: key, body: basket(f, { lines: [{ productId: `product-${f.cake}`, qty }], fulfilment: { [`shop-${f.shopA}`]: { type: 'pickup', slot } } }), now: NOW });
      // Two batches in a row, each answered after its own sync.
      const first = await Promise.all([one(f.citizen, 'g1', 1), one(f.other, 'g2', 1)]);
      const second = await Promise.all([one(f.citizen, 'g3', 1), one(f.other, 'g4', 1), one(f.citizen, 'g1', 1)]);
      expect(second[1]).toMatchObject({ kind: 'conflict', conflict: { error: 'out_of_stock' } });
      expect([...first, ...second].map((a) => a.kind)).toEqual(['created', 'created', 'created', 'conflict', 'replayed']);
      // The connection is back to FULL for every other write.
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
      // Another connection (another process) sees exactly the answered orders.
      const other = openDatabase(file);
      expect(other.select().from(orders).all().map((o) => o.idempotencyKey).sort()).toEqual(['g1', 'g2', 'g3']);
      expect(other.select({ stock: products.stock }).from(products).where(eq(products.id, f.cake)).get()).toEqual({ stock: 0 });
      other.$client.close();
      sqlite.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
