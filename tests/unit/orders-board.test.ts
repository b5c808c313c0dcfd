import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { placeOrder } from '../../src/lib/server/orders/checkout';
import { acceptPart, collectPart, markReady, refusePart, cancelPart } from '../../src/lib/server/orders/transitions';
import { attachDeliveryPhoto, openCounts, orderPhotoFor, preparationList, shopBoard } from '../../src/lib/server/orders/board';
import { commissionBps, commissionOn, payoutReport, setCommissionBps } from '../../src/lib/server/orders/payouts';
import { orderView } from '../../src/lib/server/orders/view';
import { saveOrderSettings } from '../../src/lib/server/merchant/shop-settings';
import { commissionSchema, orderSettingsSchema, payoutPeriodSchema } from '../../src/lib/schemas/order-settings';
import { orderParts, shopMembers, shops } from '../../src/lib/server/db/schema';
import type { OrderRequest } from '../../src/lib/schemas/orders';
import { firstSlot, ordersFixture, type OrdersFixture } from '../support/orders-fixture';

const NOW = new Date('2026-12-02T09:00:00Z'); // Wednesday 10:00 in Paris
const photo = (id: string) => ({ id, width: 640, height: 480, widths: [320, 640] as (320 | 640)[], formats: ['avif', 'webp'] as ('avif' | 'webp')[] });
const PHOTO_A = 'a'.repeat(26);
const PHOTO_B = 'b'.repeat(26);

function order(f: OrdersFixture, key: string, lines: OrderRequest['lines'], fulfilment: OrderRequest['fulfilment'], userId = f.citizen, now = NOW) {
  const result = placeOrder(f.db, { userId, idempotencyKey: key, body: { lines, fulfilment, payment: 'pickup' }, now });
  if (result.kind !== 'created') throw new Error(`checkout: ${JSON.stringify(result)}`);
  return result.order;
}

const partIdOf = (f: OrdersFixture, orderId: string, shopId: number) =>
  f.db
    .select({ id: orderParts.id })
    .from(orderParts)
    .where(and(eq(orderParts.orderId, orderId), eq(orderParts.shopId, shopId)))
    .get()!.id;

function breadOrder(f: OrdersFixture, key: string, qty = 1, skip = 0, userId = f.citizen) {
  return order(f, key, [{ productId: `product-${f.bread}`, qty }], { [`shop-${f.shopA}`]: { type: 'pickup', slot: firstSlot(f.db, f.shopA, NOW.getTime(), skip) } }, userId);
}

const address = { name: 'Habitant', line: '3 rue des Fleurs', postcode: '31000', city: 'Toulouse', phone: '06 12 34 56 78' };
function bouquetOrder(f: OrdersFixture, key: string) {
  return order(f, key, [{ productId: `product-${f.bouquet}`, qty: 1 }], { [`shop-${f.florist}`]: { type: 'delivery', address } });
}

describe('orders board', () => {
  it('shows open parts and those closed today; its version moves with every step and only then', () => {
    const f = ordersFixture();
    const empty = shopBoard(f.db, f.shopA, NOW);
    expect(empty.parts).toEqual([]);
    const first = breadOrder(f, 'k1');
    const withOne = shopBoard(f.db, f.shopA, NOW);
    expect(withOne.parts.map((p) => [p.orderId, p.status, p.customer])).toEqual([[first.id, 'placed', 'Habitant']]);
    expect(withOne.version).not.toBe(empty.version);
    // Nothing changed: same version (a poll answers 304).
    expect(shopBoard(f.db, f.shopA, NOW).version).toBe(withOne.version);
    // Another shop's order does not move this board.
    order(f, 'k-b', [{ productId: `product-${f.book}`, qty: 1 }], { [`shop-${f.shopB}`]: { type: 'pickup', slot: firstSlot(f.db, f.shopB, NOW.getTime()) } });
    expect(shopBoard(f.db, f.shopA, NOW).version).toBe(withOne.version);

    const part = withOne.parts[0].partId;
    expect(acceptPart(f.db, f.shopA, part, NOW).ok).toBe(true);
    const accepted = shopBoard(f.db, f.shopA, NOW);
    expect(accepted.version).not.toBe(withOne.version);
    expect(accepted.parts[0].status).toBe('accepted');
    expect(markReady(f.db, f.shopA, part, NOW).ok).toBe(true);
    // The board never carries the code: the shop checks the one the customer shows.
    expect(accepted.parts[0]).not.toHaveProperty('pickupCode');
    const code = first.parts[0].pickupCode!;
    expect(collectPart(f.db, f.shopA, part, code.toLowerCase(), NOW).ok).toBe(true);
    // Collected today: still on the board (done column), not tomorrow.
    expect(shopBoard(f.db, f.shopA, NOW).parts.map((p) => p.status)).toEqual(['collected']);
    expect(shopBoard(f.db, f.shopA, new Date(NOW.getTime() + 86_400_000)).parts).toEqual([]);
  });

  it('counts open parts per shop for the overview', () => {
    const f = ordersFixture();
    const a = breadOrder(f, 'k1');
    breadOrder(f, 'k2', 1, 1);
    acceptPart(f.db, f.shopA, partIdOf(f, a.id, f.shopA), NOW);
    const counts = openCounts(f.db, [f.shopA, f.shopB]);
    expect(counts.get(f.shopA)).toEqual({ placed: 1, accepted: 1, ready: 0 });
    expect(counts.get(f.shopB)).toEqual({ placed: 0, accepted: 0, ready: 0 });
  });
});

describe('preparation list', () => {
  it('groups a day by slot in time order with totals per product; refused and cancelled parts drop out', () => {
    const f = ordersFixture();
    const slot1 = firstSlot(f.db, f.shopA, NOW.getTime());
    const slot2 = firstSlot(f.db, f.shopA, NOW.getTime(), 2); // capacity 2: the third free place is the next slot
    const a = order(f, 'k1', [{ productId: `product-${f.bread}`, qty: 2 }, { productId: `product-${f.cake}`, qty: 1 }], { [`shop-${f.shopA}`]: { type: 'pickup', slot: slot1 } });
    order(f, 'k2', [{ productId: `product-${f.bread}`, qty: 3 }], { [`shop-${f.shopA}`]: { type: 'pickup', slot: slot1 } }, f.other);
    const c = order(f, 'k3', [{ productId: `product-${f.cake}`, qty: 1 }], { [`shop-${f.shopA}`]: { type: 'pickup', slot: slot2 } });
    const d = order(f, 'k4', [{ productId: `product-${f.bread}`, qty: 1 }], { [`shop-${f.shopA}`]: { type: 'pickup', slot: slot2 } }, f.other);
    expect(refusePart(f.db, f.shopA, partIdOf(f, d.id, f.shopA), 'Plus de pain', NOW).ok).toBe(true);
    expect(slot2 > slot1).toBe(true);

    const date = slot1.slice(0, 10);
    const list = preparationList(f.db, f.shopA, date);
    expect(list.map((g) => g.slot)).toEqual([slot1, slot2]);
    expect(list[0].totals).toEqual([
      { name: 'Gâteau', qty: 1 },
      { name: 'Pain', qty: 5 }
    ]);
    expect(list[0].parts).toHaveLength(2);
    expect(list[0].parts.map((p) => p.orderId)).toContain(a.id);
    expect(list[1].totals).toEqual([{ name: 'Gâteau', qty: 1 }]);
    expect(list[1].parts.map((p) => p.orderId)).toEqual([c.id]);
    // Another day: nothing.
    expect(preparationList(f.db, f.shopA, '2027-01-05')).toEqual([]);
  });

  it('lists the day’s deliveries after the slots', () => {
    const f = ordersFixture();
    const o = bouquetOrder(f, 'k1');
    const list = preparationList(f.db, f.florist, NOW.toISOString().slice(0, 10));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ slot: null, totals: [{ name: 'Bouquet', qty: 1 }] });
    expect(list[0].parts[0]).toMatchObject({ orderId: o.id, delivery: { address, fee_cents: 590, photo: null } });
  });
});

describe('photo de livraison', () => {
  it('attaches to an accepted delivery part only, replaces the previous one and shows on the customer’s order', () => {
    const f = ordersFixture();
    const o = bouquetOrder(f, 'k1');
    const part = partIdOf(f, o.id, f.florist);
    expect(attachDeliveryPhoto(f.db, f.florist, part, photo(PHOTO_A))).toEqual({ ok: false, error: 'wrong_status' });
    expect(attachDeliveryPhoto(f.db, f.shopA, part, photo(PHOTO_A))).toEqual({ ok: false, error: 'not_found' });
    acceptPart(f.db, f.florist, part, NOW);
    expect(attachDeliveryPhoto(f.db, f.florist, part, photo(PHOTO_A))).toEqual({ ok: true, previous: null });
    expect(attachDeliveryPhoto(f.db, f.florist, part, photo(PHOTO_B))).toEqual({ ok: true, previous: photo(PHOTO_A) });
    const view = orderView(f.db, o.id)!;
    expect(view.parts[0].delivery?.photo).toEqual({ ...photo(PHOTO_B), base: `/api/orders/${o.id}/photos/` });

    const pickup = breadOrder(f, 'k2');
    const pickupPart = partIdOf(f, pickup.id, f.shopA);
    acceptPart(f.db, f.shopA, pickupPart, NOW);
    expect(attachDeliveryPhoto(f.db, f.shopA, pickupPart, photo(PHOTO_A))).toEqual({ ok: false, error: 'not_delivery' });
  });

  it('is for the order’s customer and the shop’s members only', () => {
    const f = ordersFixture();
    const florist = f.db.insert(shopMembers).values({ shopId: f.florist, userId: f.merchantB, role: 'staff' }).returning().get();
    expect(florist.userId).toBe(f.merchantB);
    const o = bouquetOrder(f, 'k1');
    const part = partIdOf(f, o.id, f.florist);
    acceptPart(f.db, f.florist, part, NOW);
    attachDeliveryPhoto(f.db, f.florist, part, photo(PHOTO_A));
    expect(orderPhotoFor(f.db, o.id, PHOTO_A, f.citizen)?.id).toBe(PHOTO_A);
    expect(orderPhotoFor(f.db, o.id, PHOTO_A, f.merchantB)?.id).toBe(PHOTO_A);
    expect(orderPhotoFor(f.db, o.id, PHOTO_A, f.other)).toBeNull();
    expect(orderPhotoFor(f.db, o.id, PHOTO_A, f.merchantA)).toBeNull();
    expect(orderPhotoFor(f.db, o.id, PHOTO_B, f.citizen)).toBeNull();
    expect(orderPhotoFor(f.db, 'x'.repeat(16), PHOTO_A, f.citizen)).toBeNull();
  });
});

describe('payout report', () => {
  it('counts the parts collected in the period with the commission (0 % by default)', () => {
    const f = ordersFixture();
    const a = breadOrder(f, 'k1', 2);
    const b = breadOrder(f, 'k2', 1, 1);
    const c = breadOrder(f, 'k3', 1, 2);
    const collect = (id: string, at: Date) => {
      const p = partIdOf(f, id, f.shopA);
      const code = orderView(f.db, id)!.parts[0].pickupCode!;
      expect(acceptPart(f.db, f.shopA, p, NOW).ok).toBe(true);
      expect(collectPart(f.db, f.shopA, p, code, at).ok).toBe(true);
    };
    collect(a.id, new Date('2026-12-02T10:00:00Z'));
    collect(b.id, new Date('2026-12-31T23:30:00Z')); // 1 January in Paris: next period
    expect(cancelPart(f.db, f.citizen, c.id, `shop-${f.shopA}`, NOW).ok).toBe(true);

    expect(commissionBps(f.db)).toBe(0);
    const december = payoutReport(f.db, f.shopA, '2026-12-01', '2026-12-31');
    expect(december).toMatchObject({ orders: 1, grossCents: 500, commissionCents: 0, netCents: 500, atCounterCents: 500, onlineCents: 0, bps: 0 });
    expect(december.rows).toEqual([{ orderId: a.id, collectedAt: '2026-12-02T10:00:00.000Z', fulfilment: 'pickup', payment: 'pickup', amountCents: 500, commissionCents: 0 }]);

    setCommissionBps(f.db, 250);
    const both = payoutReport(f.db, f.shopA, '2026-12-01', '2027-01-01');
    expect(both).toMatchObject({ orders: 2, grossCents: 750, bps: 250, commissionCents: 13 + 6, netCents: 750 - 19, dueToShopCents: -19 });
    expect(payoutReport(f.db, f.shopB, '2026-12-01', '2027-01-01').orders).toBe(0);
  });

  it('rounds the commission half up and keeps the rate within bounds', () => {
    expect(commissionOn(500, 250)).toBe(13); // 12.5 → 13
    expect(commissionOn(3500, 0)).toBe(0);
    expect(commissionOn(3333, 1000)).toBe(333);
    const f = ordersFixture();
    expect(() => setCommissionBps(f.db, 5001)).toThrow(RangeError);
    expect(() => setCommissionBps(f.db, -1)).toThrow(RangeError);
  });
});

describe('forms of the orders area', () => {
  const valid = { clickAndCollect: 'on', slotMinutes: '30', slotCapacity: '3', prepMinutes: '60', delivery: 'on', deliveryPostcodes: '31300, 31000 31000', deliveryFee: '5,90' };

  it('reads the slot and delivery settings', () => {
    expect(orderSettingsSchema.parse(valid)).toEqual({ clickAndCollect: true, slotMinutes: 30, slotCapacity: 3, prepMinutes: 60, delivery: true, deliveryPostcodes: ['31000', '31300'], deliveryFeeCents: 590 });
    expect(orderSettingsSchema.parse({ slotMinutes: '15', slotCapacity: '1', prepMinutes: '0' })).toMatchObject({ clickAndCollect: false, delivery: false, deliveryPostcodes: [], deliveryFeeCents: 0 });
  });

  it('refuses what checkout could not use, with a code per field', () => {
    const issues = (input: Record<string, string>) => {
      const r = orderSettingsSchema.safeParse(input);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    expect(issues({ ...valid, slotMinutes: '17' })).toEqual({ slotMinutes: 'slot_length_invalid' });
    expect(issues({ ...valid, slotCapacity: '0' })).toEqual({ slotCapacity: 'slot_capacity_invalid' });
    expect(issues({ ...valid, slotCapacity: '2.5' })).toEqual({ slotCapacity: 'slot_capacity_invalid' });
    expect(issues({ ...valid, prepMinutes: '5000' })).toEqual({ prepMinutes: 'prep_invalid' });
    expect(issues({ ...valid, deliveryPostcodes: '3100' })).toEqual({ deliveryPostcodes: 'postcodes_invalid' });
    expect(issues({ ...valid, deliveryPostcodes: '' })).toEqual({ deliveryPostcodes: 'postcodes_required' });
    expect(issues({ ...valid, deliveryFee: '150' })).toEqual({ deliveryFee: 'fee_invalid' });
    expect(issues({ ...valid, deliveryFee: 'gratuit' })).toEqual({ deliveryFee: 'fee_invalid' });
  });

  it('saves them: checkout then offers delivery to the new zone only', () => {
    const f = ordersFixture();
    expect(saveOrderSettings(f.db, f.shopA, orderSettingsSchema.parse({ ...valid, deliveryPostcodes: '31500', deliveryFee: '2' }))).toBe(true);
    const row = f.db.select().from(shops).where(eq(shops.id, f.shopA)).get()!;
    expect(row).toMatchObject({ slotMinutes: 30, slotCapacity: 3, prepMinutes: 60, delivery: true, deliveryPostcodes: ['31500'], deliveryFeeCents: 200 });
    const lines = [{ productId: `product-${f.bread}`, qty: 1 }];
    const refused = placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'd1', body: { lines, fulfilment: { [`shop-${f.shopA}`]: { type: 'delivery', address } }, payment: 'pickup' }, now: NOW });
    expect(refused).toMatchObject({ kind: 'conflict', conflict: { error: 'delivery_unavailable' } });
    const placed = placeOrder(f.db, { userId: f.citizen, idempotencyKey: 'd2', body: { lines, fulfilment: { [`shop-${f.shopA}`]: { type: 'delivery', address: { ...address, postcode: '31500' } } }, payment: 'pickup' }, now: NOW });
    expect(placed.kind === 'created' && placed.order.total_cents).toBe(250 + 200);
    expect(saveOrderSettings(f.db, 999, orderSettingsSchema.parse(valid))).toBe(false);
  });

  it('reads a commission in percent and a payout period', () => {
    expect(commissionSchema.parse({ commission: '2,5' })).toEqual({ commission: 250 });
    expect(commissionSchema.parse({ commission: '0' })).toEqual({ commission: 0 });
    expect(commissionSchema.parse({ commission: '12.75 %' })).toEqual({ commission: 1275 });
    expect(commissionSchema.safeParse({ commission: '51' }).success).toBe(false);
    expect(commissionSchema.safeParse({ commission: '-1' }).success).toBe(false);
    expect(payoutPeriodSchema.safeParse({ from: '2026-12-01', to: '2026-11-30' }).error?.issues[0].message).toBe('period_order');
    expect(payoutPeriodSchema.safeParse({ from: '2025-01-01', to: '2026-12-31' }).error?.issues[0].message).toBe('period_too_long');
    expect(payoutPeriodSchema.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
  });
});

describe('account deletion', () => {
  it('erases the delivery photos of the customer’s orders and returns their ids for the files', async () => {
    const { deleteAccount } = await import('../../src/lib/server/accounts/data');
    const f = ordersFixture();
    const o = bouquetOrder(f, 'k1');
    const part = partIdOf(f, o.id, f.florist);
    acceptPart(f.db, f.florist, part, NOW);
    attachDeliveryPhoto(f.db, f.florist, part, photo(PHOTO_A));
    expect(deleteAccount(f.db, f.citizen)).toEqual([PHOTO_A]);
    expect(f.db.select({ photo: orderParts.deliveryPhoto }).from(orderParts).where(eq(orderParts.id, part)).get()).toEqual({ photo: null });
  });
});
