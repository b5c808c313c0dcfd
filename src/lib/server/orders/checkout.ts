import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { orderLines, orderParts, orders, products, shops, type DeliveryAddress } from '../db/schema';
import { recordCatalogChanges } from '../catalog/log';
import { platformOpen } from '../curation/launch';
import { paymentProvider } from '../payments';
import { catalogId, parseCatalogId } from '$lib/catalog/types';
import { findSlot } from '$lib/orders/slots';
import type { OrderRequest } from '$lib/schemas/orders';
import { newOrderId, newPickupCode } from './codes';
import { bookedInSlot, slotShop } from './shop-slots';
import { orderView, type OrderView } from './view';

/** A reason to refuse a checkout that depends on the state of the shops (HTTP 409). */
export type CheckoutConflict =
  | { error: 'out_of_stock'; productIds: string[] }
  | { error: 'price_changed'; productIds: string[]; prices: Record<string, number> }
  | { error: 'slot_unavailable'; shopIds: string[] }
  | { error: 'pickup_unavailable'; shopIds: string[] }
  | { error: 'delivery_unavailable'; shopIds: string[] }
  | { error: 'payment_unavailable' };

export type CheckoutResult =
  | { kind: 'created'; order: OrderView }
  /** The same Idempotency-Key with the same request: the order made the first time. */
  | { kind: 'replayed'; order: OrderView }
  /** The same Idempotency-Key with a different request (HTTP 422). */
  | { kind: 'key_reused' }
  | { kind: 'conflict'; conflict: CheckoutConflict }
  /** The body is well-formed but does not match the basket (HTTP 400). */
  | { kind: 'invalid'; message: string };

class Conflict extends Error {
  constructor(readonly conflict: CheckoutConflict) {
    super(conflict.error);
  }
}

/** JSON with sorted keys: two requests that mean the same thing hash the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(body: OrderRequest): string {
  return createHash('sha256').update(canonical(body)).digest('base64url');
}

/** The shop row fields checkout needs. */
const shopColumns = {
  id: shops.id,
  name: shops.name,
  status: shops.status,
  clickAndCollect: shops.clickAndCollect,
  openingHours: shops.openingHours,
  closedDates: shops.closedDates,
  slotMinutes: shops.slotMinutes,
  slotCapacity: shops.slotCapacity,
  prepMinutes: shops.prepMinutes,
  delivery: shops.delivery,
  deliveryPostcodes: shops.deliveryPostcodes,
  deliveryFeeCents: shops.deliveryFeeCents
};

interface Input {
  userId: number;
  idempotencyKey: string;
  body: OrderRequest;
  now?: Date;
}

/**
 * Places an order: re-checks every price and stock, every slot and delivery zone, reserves the
 * stock and writes the order, its parts and lines — all in ONE synchronous `BEGIN IMMEDIATE`
 * transaction (no await anywhere inside: nobody can read the stock between our check and our
 * write, in this process or another). Either everything is written or nothing is.
 */
export function placeOrder(database: Db, input: Input): CheckoutResult {
  const { userId, idempotencyKey, body } = input;
  const now = input.now ?? new Date();
  const hash = requestHash(body);
  const provider = paymentProvider(body.payment);

  const previous = () =>
    database
      .select({ id: orders.id, requestHash: orders.requestHash })
      .from(orders)
      .where(and(eq(orders.userId, userId), eq(orders.idempotencyKey, idempotencyKey)))
      .get();

  type Outcome = Exclude<CheckoutResult, { kind: 'created' | 'replayed' }> | { kind: 'created'; id: string } | { kind: 'replayed'; id: string };
  const run = database.$client.transaction((): Outcome => {
    // Inside the write lock: a concurrent retry with the same key sees the first order.
    const before = previous();
    if (before) return before.requestHash === hash ? { kind: 'replayed', id: before.id } : { kind: 'key_reused' };
    if (!provider) throw new Conflict({ error: 'payment_unavailable' });

    // Products, with their shops; anything not on sale now counts as out of stock.
    const wanted = new Map(body.lines.map((l) => [parseCatalogId(l.productId)!.n, l]));
    const open = platformOpen(database);
    const rows = database
      .select({ id: products.id, name: products.name, priceCents: products.priceCents, stock: products.stock, visible: products.visible, shop: shopColumns })
      .from(products)
      .innerJoin(shops, eq(shops.id, products.shopId))
      .where(inArray(products.id, [...wanted.keys()]))
      .all();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const unavailable: string[] = [];
    const repriced: Record<string, number> = {};
    for (const [id, line] of wanted) {
      const row = byId.get(id);
      if (!row || !row.visible || row.shop.status !== 'approved' || !open || row.stock < line.qty) unavailable.push(line.productId);
      else if (line.price_cents !== undefined && line.price_cents !== row.priceCents) repriced[line.productId] = row.priceCents;
    }
    if (unavailable.length) throw new Conflict({ error: 'out_of_stock', productIds: unavailable.sort() });
    if (Object.keys(repriced).length) throw new Conflict({ error: 'price_changed', productIds: Object.keys(repriced).sort(), prices: repriced });

    // One part per shop, each with its fulfilment.
    const byShop = new Map<number, { shop: (typeof rows)[number]['shop']; lines: { row: (typeof rows)[number]; qty: number }[] }>();
    for (const [id, line] of wanted) {
      const row = byId.get(id)!;
      const group = byShop.get(row.shop.id) ?? { shop: row.shop, lines: [] };
      group.lines.push({ row, qty: line.qty });
      byShop.set(row.shop.id, group);
    }
    const shopIds = [...byShop.keys()].map((id) => catalogId('shop', id));
    const given = Object.keys(body.fulfilment);
    const missing = shopIds.filter((id) => !given.includes(id));
    const extra = given.filter((id) => !shopIds.includes(id));
    if (missing.length) return { kind: 'invalid', message: `fulfilment: missing for ${missing.sort().join(', ')}` };
    if (extra.length) return { kind: 'invalid', message: `fulfilment: no product from ${extra.sort().join(', ')} in the lines` };

    const nowMs = now.getTime();
    const plans: {
      shopId: number;
      fulfilment: 'pickup' | 'delivery';
      slot: { start: string; end: string } | null;
      address: DeliveryAddress | null;
      feeCents: number;
      subtotalCents: number;
      lines: { row: (typeof rows)[number]; qty: number }[];
    }[] = [];
    const noSlot: string[] = [];
    const noPickup: string[] = [];
    const noDelivery: string[] = [];
    for (const [shopId, { shop, lines }] of byShop) {
      const ref = catalogId('shop', shopId);
      const choice = body.fulfilment[ref];
      const subtotalCents = lines.reduce((sum, l) => sum + l.row.priceCents * l.qty, 0);
      if (choice.type === 'pickup') {
        if (!shop.clickAndCollect) {
          noPickup.push(ref);
          continue;
        }
        const startMs = Date.parse(choice.slot);
        const slot = findSlot(slotShop(shop), startMs, nowMs);
        if (!slot || bookedInSlot(database, shopId, slot.start) >= shop.slotCapacity) {
          noSlot.push(ref);
          continue;
        }
        plans.push({ shopId, fulfilment: 'pickup', slot: { start: slot.start, end: slot.end }, address: null, feeCents: 0, subtotalCents, lines });
      } else {
        if (!shop.delivery || !shop.deliveryPostcodes.includes(choice.address.postcode)) {
          noDelivery.push(ref);
          continue;
        }
        plans.push({ shopId, fulfilment: 'delivery', slot: null, address: choice.address, feeCents: shop.deliveryFeeCents, subtotalCents, lines });
      }
    }
    if (noPickup.length) throw new Conflict({ error: 'pickup_unavailable', shopIds: noPickup.sort() });
    if (noDelivery.length) throw new Conflict({ error: 'delivery_unavailable', shopIds: noDelivery.sort() });
    if (noSlot.length) throw new Conflict({ error: 'slot_unavailable', shopIds: noSlot.sort() });

    // Reserve: a conditional update per product, checked by its row count.
    const short: string[] = [];
    for (const [id, line] of wanted) {
      const { changes } = database
        .update(products)
        .set({ stock: sql`${products.stock} - ${line.qty}`, reserved: sql`${products.reserved} + ${line.qty}` })
        .where(and(eq(products.id, id), sql`${products.stock} >= ${line.qty}`))
        .run();
      if (changes !== 1) short.push(line.productId);
    }
    if (short.length) throw new Conflict({ error: 'out_of_stock', productIds: short.sort() });

    const id = newOrderId();
    const createdAt = now.toISOString();
    const totalCents = plans.reduce((sum, p) => sum + p.subtotalCents + p.feeCents, 0);
    database
      .insert(orders)
      .values({
        id,
        userId,
        idempotencyKey,
        requestHash: hash,
        paymentMethod: provider.method,
        paymentStatus: provider.initialStatus,
        totalCents,
        createdAt,
        expiresAt: provider.holdMinutes ? new Date(nowMs + provider.holdMinutes * 60_000).toISOString() : null
      })
      .run();
    for (const plan of plans.sort((a, b) => a.shopId - b.shopId)) {
      const part = database
        .insert(orderParts)
        .values({
          orderId: id,
          shopId: plan.shopId,
          pickupCode: newPickupCode(),
          fulfilment: plan.fulfilment,
          slotStart: plan.slot?.start ?? null,
          slotEnd: plan.slot?.end ?? null,
          deliveryAddress: plan.address,
          deliveryFeeCents: plan.feeCents,
          subtotalCents: plan.subtotalCents,
          placedAt: createdAt
        })
        .returning({ id: orderParts.id })
        .get();
      database
        .insert(orderLines)
        .values(plan.lines.map((l) => ({ partId: part.id, productId: l.row.id, name: l.row.name, unitPriceCents: l.row.priceCents, qty: l.qty })))
        .run();
    }
    // The catalog shows the new stock: devices get it with their next `?since=`.
    recordCatalogChanges(
      database,
      [...wanted.keys()].map((n) => catalogId('product', n)),
      'upsert'
    );
    return { kind: 'created', id };
  });

  // A retry of a checkout already made answers without taking the write lock.
  const known = previous();
  if (known) return known.requestHash === hash ? { kind: 'replayed', order: orderView(database, known.id)! } : { kind: 'key_reused' };
  let outcome: Outcome;
  try {
    outcome = run.immediate();
  } catch (e) {
    if (e instanceof Conflict) return { kind: 'conflict', conflict: e.conflict };
    throw e;
  }
  // Read back after the commit, outside the lock.
  if (outcome.kind === 'created') return { kind: 'created', order: orderView(database, outcome.id)! };
  if (outcome.kind === 'replayed') return { kind: 'replayed', order: orderView(database, outcome.id)! };
  return outcome;
}
