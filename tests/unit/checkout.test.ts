import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { indexCatalog } from '../../src/lib/catalog/lookup';
import { addToBasket, emptyBasket, reviewBasket } from '../../src/lib/basket/basket';
import { attemptKey, buildOrder, deliveryOffer, parseSlots, pickupDates, readOutcome } from '../../src/lib/basket/checkout';
import { cancellable, changedParts, isOpen, partTimeline, qrPath, reorderLines, showsCode, type Order, type OrderPart } from '../../src/lib/basket/orders';
import { makeProduct, makeShop } from '../fixtures/synthetic-items';

const baker = makeShop(1, { title: 'Boulangerie', click_and_collect: true });
const florist = makeShop(3, { title: 'Pétales', click_and_collect: true });
const closed = makeShop(4, { title: 'Fermée', click_and_collect: false });
const bread = makeProduct(10, baker, { price_cents: 320, stock: 12 });
const bouquet = makeProduct(30, florist, { price_cents: 3500, stock: 4 });
const candle = makeProduct(40, closed, { price_cents: 900, stock: 4 });
const index = indexCatalog({ version: 1, themes: [], items: [baker, florist, closed, bread, bouquet, candle] });

function review() {
  let b = emptyBasket();
  b = addToBasket(b, bread, 2).basket;
  b = addToBasket(b, bouquet, 1).basket;
  b = addToBasket(b, candle, 1).basket;
  return reviewBasket(b, index);
}

describe('pickup dates and slots', () => {
  it('lists Paris dates from today, across a month end and the clock change', () => {
    expect(pickupDates(new Date('2026-10-24T22:30:00Z'), 4)).toEqual(['2026-10-25', '2026-10-26', '2026-10-27', '2026-10-28']);
    expect(pickupDates(new Date('2026-11-30T12:00:00Z'), 2)).toEqual(['2026-11-30', '2026-12-01']);
    expect(pickupDates(new Date())).toHaveLength(14);
  });

  it('reads the slots answer, sorted, dropping malformed entries', () => {
    expect(
      parseSlots({
        slots: [
          { start: '2026-11-27T10:15:00.000Z', end: '2026-11-27T10:30:00.000Z', left: 0 },
          { start: '2026-11-27T10:00:00.000Z', end: '2026-11-27T10:15:00.000Z', left: 3 },
          { start: 'soon', end: 'later', left: 1 },
          { start: '2026-11-27T11:00:00.000Z', end: '2026-11-27T11:15:00.000Z' }
        ]
      })
    ).toEqual([
      { start: '2026-11-27T10:00:00.000Z', end: '2026-11-27T10:15:00.000Z', left: 3 },
      { start: '2026-11-27T10:15:00.000Z', end: '2026-11-27T10:30:00.000Z', left: 0 }
    ]);
    expect(parseSlots({ error: 'nope' })).toBeNull();
    expect(parseSlots(null)).toBeNull();
  });

  it('reads a shop’s delivery offer when the catalog has one', () => {
    expect(deliveryOffer(baker)).toBeNull();
    expect(deliveryOffer({ ...florist, delivery: null })).toBeNull();
    expect(deliveryOffer({ ...florist, delivery: { fee_cents: 590, postcodes: ['31000', 31200] } } as never)).toEqual({ fee_cents: 590, postcodes: ['31000'] });
  });
});

describe('the order request', () => {
  it('sends the lines of the shops taking orders, with the price shown, and one fulfilment per shop', () => {
    const built = buildOrder(
      review(),
      {
        'shop-1': { type: 'pickup', date: '2026-11-27', slot: '2026-11-27T10:00:00.000Z' },
        'shop-3': { type: 'delivery', address: { name: ' Léa ', line: '3 rue du Taur', postcode: '31000', city: 'Toulouse', phone: ' ' } }
      },
      'pickup'
    );
    expect(built).toEqual({
      ok: true,
      body: {
        lines: [
          { productId: 'product-10', qty: 2, price_cents: 320 },
          { productId: 'product-30', qty: 1, price_cents: 3500 }
        ],
        fulfilment: {
          'shop-1': { type: 'pickup', slot: '2026-11-27T10:00:00.000Z' },
          'shop-3': { type: 'delivery', address: { name: 'Léa', line: '3 rue du Taur', postcode: '31000', city: 'Toulouse' } }
        },
        payment: 'pickup'
      }
    });
  });

  it('says what is missing before sending anything', () => {
    const built = buildOrder(review(), { 'shop-3': { type: 'delivery', address: { line: '3 rue du Taur', postcode: '310' } } }, 'online');
    expect(built).toEqual({
      ok: false,
      problems: [
        { shopId: 'shop-1', field: 'slot', code: 'slot_required' },
        { shopId: 'shop-3', field: 'name', code: 'required' },
        { shopId: 'shop-3', field: 'city', code: 'required' },
        { shopId: 'shop-3', field: 'postcode', code: 'postcode_invalid' }
      ]
    });
    const outside = buildOrder(
      review(),
      { 'shop-1': { type: 'pickup', date: 'x', slot: 's' }, 'shop-3': { type: 'delivery', address: { name: 'L', line: 'l', postcode: '75001', city: 'Paris' } } },
      'pickup',
      { 'shop-3': { fee_cents: 0, postcodes: ['31000'] } }
    );
    expect(outside.ok ? [] : outside.problems).toEqual([{ shopId: 'shop-3', field: 'postcode', code: 'postcode_not_served' }]);
  });

  it('keeps one Idempotency-Key per attempt: the same for a retry, a new one when the order changed', () => {
    let n = 0;
    const next = () => `key-${++n}`;
    const first = attemptKey(null, '{"a":1}', next);
    expect(first.key).toBe('key-1');
    expect(attemptKey(first, '{"a":1}', next)).toBe(first);
    expect(attemptKey(first, '{"a":2}', next).key).toBe('key-2');
  });
});

describe('reading the answer', () => {
  it('tells a placed order, a stock or price conflict, a sign-out and a failure apart', () => {
    expect(readOutcome(201, { id: 'abc', parts: [], total_cents: 0 })).toEqual({ kind: 'placed', id: 'abc' });
    expect(readOutcome(200, { id: 'abc' })).toEqual({ kind: 'placed', id: 'abc' });
    expect(readOutcome(409, { error: 'out_of_stock', productIds: ['product-10', 3] })).toEqual({ kind: 'out_of_stock', productIds: ['product-10'] });
    expect(readOutcome(409, { error: 'price_changed', productIds: ['product-10'], prices: { 'product-10': 350 } })).toEqual({
      kind: 'price_changed',
      productIds: ['product-10'],
      prices: { 'product-10': 350 }
    });
    expect(readOutcome(409, { error: 'slot_unavailable', shopIds: ['shop-3'] })).toEqual({ kind: 'shop_conflict', error: 'slot_unavailable', shopIds: ['shop-3'] });
    expect(readOutcome(409, { error: 'payment_unavailable' })).toEqual({ kind: 'payment_unavailable' });
    expect(readOutcome(401, { error: { code: 'unauthenticated' } })).toEqual({ kind: 'signed_out' });
    expect(readOutcome(500, null)).toEqual({ kind: 'failed', status: 500, message: '' });
    expect(readOutcome(422, { error: { code: 'idempotency_key_reused', message: 'used' } })).toEqual({ kind: 'failed', status: 422, message: 'used' });
  });

  it('puts a 400’s issues next to the shop and field they are about', () => {
    const outcome = readOutcome(400, {
      error: {
        code: 'invalid_body',
        message: '…',
        issues: [
          { path: ['fulfilment', 'shop-3', 'address', 'postcode'], message: 'a French postcode has 5 digits' },
          { path: ['fulfilment', 'shop-1', 'slot'], message: 'Invalid ISO datetime' },
          { path: ['payment'], message: 'Invalid option' }
        ]
      }
    });
    expect(outcome).toEqual({
      kind: 'invalid',
      message: '…',
      issues: [
        { shopId: 'shop-3', field: 'postcode', message: 'a French postcode has 5 digits' },
        { shopId: 'shop-1', field: 'slot', message: 'Invalid ISO datetime' },
        { shopId: null, field: null, message: 'Invalid option' }
      ]
    });
    // A service's refusal is one sentence naming the shop.
    expect(readOutcome(400, { error: { code: 'invalid_body', message: 'fulfilment: slot not offered for shop-3' } })).toMatchObject({
      issues: [{ shopId: 'shop-3', field: null }]
    });
  });
});

const part = (over: Partial<OrderPart>): OrderPart => ({
  shopId: 'shop-1',
  shop_name: 'Boulangerie',
  shop_slug: 'boulangerie',
  status: 'placed',
  reason: '',
  pickupCode: 'K7RM4Q',
  fulfilment: 'pickup',
  slot: '2026-11-27T10:00:00.000Z',
  slot_end: '2026-11-27T10:15:00.000Z',
  delivery: null,
  subtotal_cents: 640,
  lines: [{ productId: 'product-10', name: 'Pain', unit_price_cents: 320, qty: 2 }],
  timeline: [{ status: 'placed', at: '2026-11-26T08:00:00.000Z' }],
  ...over
});

describe('the order page', () => {
  it('draws each part’s timeline: done, current, to come', () => {
    expect(partTimeline(part({})).map((s) => s.state)).toEqual(['current', 'todo', 'todo', 'todo']);
    const ready = part({
      status: 'ready',
      timeline: [
        { status: 'placed', at: 'a' },
        { status: 'accepted', at: 'b' },
        { status: 'ready', at: 'c' }
      ]
    });
    expect(partTimeline(ready)).toEqual([
      { status: 'placed', state: 'done', at: 'a' },
      { status: 'accepted', state: 'done', at: 'b' },
      { status: 'ready', state: 'current', at: 'c' },
      { status: 'collected', state: 'todo', at: null }
    ]);
    const collected = part({ status: 'collected', timeline: [...ready.timeline, { status: 'collected', at: 'd' }] });
    expect(partTimeline(collected).every((s) => s.state === 'done')).toBe(true);
  });

  it('ends a refused or cancelled part where it stopped, with how it ended', () => {
    const refused = part({ status: 'refused', reason: 'Rupture', timeline: [{ status: 'placed', at: 'a' }, { status: 'refused', at: 'b' }] });
    expect(partTimeline(refused)).toEqual([
      { status: 'placed', state: 'done', at: 'a' },
      { status: 'refused', state: 'ended', at: 'b' }
    ]);
    expect(cancellable(refused)).toBe(false);
    expect(showsCode(refused)).toBe(false);
  });

  it('lets the customer cancel only before the shop accepts, and shows the code until collection', () => {
    expect(cancellable(part({}))).toBe(true);
    expect(cancellable(part({ status: 'accepted' }))).toBe(false);
    expect(showsCode(part({ status: 'ready' }))).toBe(true);
    expect(showsCode(part({ status: 'collected' }))).toBe(false);
  });

  it('knows when an order can still change, what changed, and what to re-order', () => {
    const order: Order = {
      id: 'o1',
      created_at: '2026-11-26T08:00:00.000Z',
      payment: { method: 'pickup', status: 'due_at_pickup', expires_at: null },
      total_cents: 0,
      parts: [part({}), part({ shopId: 'shop-3', status: 'cancelled', lines: [{ productId: 'product-10', name: 'Pain', unit_price_cents: 320, qty: 1 }, { productId: null, name: 'Retiré', unit_price_cents: 1, qty: 1 }] })]
    };
    expect(isOpen(order)).toBe(true);
    expect(isOpen({ parts: [part({ status: 'collected' })] })).toBe(false);
    expect(reorderLines(order)).toEqual([{ productId: 'product-10', qty: 3 }]);
    const later = { ...order, parts: [part({ status: 'accepted' }), order.parts[1]] };
    expect(changedParts(order, later).map((p) => p.shopId)).toEqual(['shop-1']);
  });

  it('draws the QR code of a pickup code module for module', () => {
    const { size, d } = qrPath('K7RM4Q');
    const qr = encode('K7RM4Q', { ecc: 'M', border: 2 });
    expect(size).toBe(qr.size);
    // Re-draw the path into a grid and compare with the encoder's modules.
    const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
    for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) for (let i = 0; i < Number(run); i++) grid[Number(y)][Number(x) + i] = true;
    expect(grid).toEqual(qr.data);
  });
});
