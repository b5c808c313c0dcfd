import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { placeOrder } from '../../src/lib/server/orders/checkout';
import { acceptPart, cancelPart, collectPart, endUnpaidOrder, expireDueOrders, markPaid, markReady, refusePart } from '../../src/lib/server/orders/transitions';
import { saveProduct } from '../../src/lib/server/merchant/products';
import { setOnlineProvider } from '../../src/lib/server/payments';
import { orderParts, products, shops } from '../../src/lib/server/db/schema';
import type { OrderRequest } from '../../src/lib/schemas/orders';
import { firstSlot, ordersFixture, stockLedger } from '../support/orders-fixture';
import { refundsDue } from '../../src/lib/server/orders/refunds';

/**
 * Property: whatever customers and shops do — checkouts (some too big), cancellations, refusals,
 * acceptance, collection, online payments that succeed, fail or expire, the shop changing its
 * stock — every product keeps `stock + reserved + sold == stock_in`, `reserved` equals the units
 * of open parts, `sold` the units collected, stock never goes below zero, and the stock a
 * simple model predicts is the stock the database holds. And the refunds due are exactly the
 * refused or cancelled parts of orders paid online (cancelling a paid part is allowed, and
 * refunding moves money, never stock).
 */
const START = new Date('2026-12-02T08:00:00Z');

const productKey = fc.constantFrom('bread', 'cake', 'book', 'bouquet') as fc.Arbitrary<'bread' | 'cake' | 'book' | 'bouquet'>;
const action = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('checkout' as const),
      user: fc.nat(1),
      lines: fc.uniqueArray(fc.record({ p: productKey, qty: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 4, selector: (l) => l.p }),
      online: fc.boolean()
    })
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constantFrom('accept' as const, 'ready' as const, 'collect' as const, 'refuse' as const, 'cancel' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constantFrom('pay' as const, 'fail' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('time' as const), minutes: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restock' as const), p: productKey, stock: fc.nat(12) }) }
);

describe('stock + reserved + sold == initial, whatever happens', () => {
  it('holds for random sequences of checkouts and order steps', () => {
    setOnlineProvider({ id: 'test', method: 'online', initialStatus: 'pending', holdMinutes: 30 });
    try {
      fc.assert(
        fc.property(fc.array(action, { minLength: 1, maxLength: 40 }), (actions) => {
          const f = ordersFixture(undefined, { bread: 6, cake: 3, book: 4, bouquet: 2 });
          f.db.update(shops).set({ slotCapacity: 1000, clickAndCollect: true }).run();
          const ids = { bread: f.bread, cake: f.cake, book: f.book, bouquet: f.bouquet };
          const shopOf = { bread: f.shopA, cake: f.shopA, book: f.shopB, bouquet: f.florist };
          const slots = new Map([f.shopA, f.shopB, f.florist].map((s) => [s, firstSlot(f.db, s, START.getTime() + 3 * 86_400_000)]));
          const expected = new Map<number, number>(Object.values(ids).map((id) => [id, f.db.select({ s: products.stock }).from(products).where(eq(products.id, id)).get()!.s]));
          const linesOf = (partId: number) => f.db.$client.prepare('SELECT product_id AS id, qty FROM order_lines WHERE part_id = ?').all(partId) as { id: number; qty: number }[];
          const restock = (partId: number) => linesOf(partId).forEach((l) => expected.set(l.id, expected.get(l.id)! + l.qty));
          let now = START;
          const users = [f.citizen, f.other];
          let key = 0;

          for (const a of actions) {
            const parts = f.db.select().from(orderParts).all();
            const part = 'pick' in a && parts.length ? parts[a.pick % parts.length] : null;
            switch (a.t) {
              case 'checkout': {
                const body: OrderRequest = {
                  lines: a.lines.map((l) => ({ productId: `product-${ids[l.p]}`, qty: l.qty })),
                  fulfilment: Object.fromEntries([...new Set(a.lines.map((l) => shopOf[l.p]))].map((s) => [`shop-${s}`, { type: 'pickup' as const, slot: slots.get(s)! }])),
                  payment: a.online ? 'online' : 'pickup'
                };
                const before = new Map(expected);
                const result = placeOrder(f.db, { userId: users[a.user], idempotencyKey: `k${key++}`, body, now });
                const enough = a.lines.every((l) => before.get(ids[l.p])! >= l.qty);
                expect(result.kind).toBe(enough ? 'created' : 'conflict');
                if (result.kind === 'created') for (const l of a.lines) expected.set(ids[l.p], expected.get(ids[l.p])! - l.qty);
                break;
              }
              case 'accept':
                if (part) acceptPart(f.db, part.shopId, part.id, now);
                break;
              case 'ready':
                if (part) markReady(f.db, part.shopId, part.id, now);
                break;
              case 'collect':
                if (part) collectPart(f.db, part.shopId, part.id, part.pickupCode ?? '', now);
                break;
              case 'refuse':
                if (part && refusePart(f.db, part.shopId, part.id, 'Plus en stock', now).ok) restock(part.id);
                break;
              case 'cancel': {
                if (!part) break;
                const owner = f.db.$client.prepare('SELECT user_id FROM orders WHERE id = ?').pluck().get(part.orderId) as number;
                if (cancelPart(f.db, owner, part.orderId, `shop-${part.shopId}`, now).ok) restock(part.id);
                break;
              }
              case 'pay':
                if (part) markPaid(f.db, part.orderId);
                break;
              case 'fail': {
                if (!part) break;
                const open = f.db.select().from(orderParts).where(eq(orderParts.orderId, part.orderId)).all().filter((p) => ['placed', 'accepted', 'ready'].includes(p.status));
                if (endUnpaidOrder(f.db, part.orderId, 'failed', now)) open.forEach((p) => restock(p.id));
                break;
              }
              case 'time': {
                now = new Date(now.getTime() + a.minutes * 60_000);
                const pending = f.db.$client
                  .prepare(`SELECT p.id FROM order_parts p JOIN orders o ON o.id = p.order_id WHERE o.payment_status = 'pending' AND o.expires_at <= ? AND p.status IN ('placed','accepted','ready')`)
                  .pluck()
                  .all(now.toISOString()) as number[];
                expireDueOrders(f.db, now);
                pending.forEach(restock);
                break;
              }
              case 'restock': {
                const id = ids[a.p];
                const row = f.db.select().from(products).where(eq(products.id, id)).get()!;
                saveProduct(f.db, shopOf[a.p], id, { name: row.name, description: '', price: row.priceCents, stock: a.stock, visible: true, themes: [] });
                expected.set(id, a.stock);
                break;
              }
            }
            for (const row of stockLedger(f.db)) {
              if (!expected.has(row.id)) continue;
              expect(row.stock).toBeGreaterThanOrEqual(0);
              expect(row.stock + row.reserved + row.sold).toBe(row.stockIn);
              expect(row.reserved).toBe(row.openLines);
              expect(row.sold).toBe(row.soldLines);
              expect(row.stock).toBe(expected.get(row.id));
            }
            const owed = f.db.$client
              .prepare(`SELECT p.id FROM order_parts p JOIN orders o ON o.id = p.order_id WHERE o.payment_status = 'paid' AND p.status IN ('refused','cancelled') ORDER BY p.id`)
              .pluck()
              .all();
            expect(refundsDue(f.db, { limit: 1000 }).map((d) => d.partId)).toEqual(owed);
          }
          f.db.$client.close();
        }),
        { numRuns: 100 }
      );
    } finally {
      setOnlineProvider(null);
    }
  }, 120_000);
});
