import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { orderParts, orders, paymentEvents, products, shops } from '../../src/lib/server/db/schema';
import { setOnlineProvider, paymentMethods } from '../../src/lib/server/payments';
import { stripeConfigFromEnv, stripeProvider } from '../../src/lib/server/payments/stripe';
import { commissionOn, payoutReport, setCommissionBps } from '../../src/lib/server/orders/payouts';
import { refundsDue, settleRefunds } from '../../src/lib/server/orders/refunds';
import { paymentProvider } from '../../src/lib/server/payments';
import { orderView } from '../../src/lib/server/orders/view';
import { parisClock } from '../../src/lib/catalog/hours';
import { firstSlot, ordersFixture, stockLedger, type OrdersFixture } from '../support/orders-fixture';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe';

/**
 * Online payment with the real Stripe SDK against a local fake of Stripe's HTTP API (started
 * here, loopback only), and webhooks signed the way Stripe signs them.
 */
const WEBHOOK_SECRET = 'whsec_test_placette';
type Handler = (event: unknown) => Response | Promise<Response>;

let fake: FakeStripe;
let calls: FakeStripe['calls'];
let refunds: FakeStripe['refunds'];
let reversals: FakeStripe['reversals'];
let f: OrdersFixture;
let appDb: Db;
let checkout: Handler;
let webhook: Handler;
let partAction: Handler;
let cancel: Handler;
const signer = new Stripe('sk_test_signer');

beforeAll(async () => {
  fake = await startFakeStripe();
  ({ calls, refunds, reversals } = fake);
  const port = fake.port;

  process.env.DATABASE_URL = ':memory:';
  appDb = (await import('$lib/server/db')).db();
  f = ordersFixture(appDb, { bread: 100, cake: 3, book: 100, bouquet: 4 });
  appDb.update(shops).set({ paymentAccount: 'acct_shopA' }).where(eq(shops.id, f.shopA)).run();
  appDb.update(shops).set({ paymentAccount: 'acct_shopB' }).where(eq(shops.id, f.shopB)).run();
  setCommissionBps(appDb, 500);
  const config = stripeConfigFromEnv({
    STRIPE_SECRET_KEY: 'sk_test_placette',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(port),
    STRIPE_API_PROTOCOL: 'http'
  })!;
  setOnlineProvider(stripeProvider({ ...config, api: { ...config.api!, protocol: 'http' } }));
  checkout = (await import('../../src/routes/api/orders/+server')).POST as unknown as Handler;
  webhook = (await import('../../src/routes/api/payments/webhook/+server')).POST as unknown as Handler;
  partAction = (await import('../../src/routes/api/merchant/shops/[id]/orders/[partId]/+server')).POST as unknown as Handler;
  cancel = (await import('../../src/routes/api/orders/[id]/parts/[shopId]/cancel/+server')).POST as unknown as Handler;
});

afterAll(async () => {
  setOnlineProvider(null);
  await fake.close();
});

async function order(key = crypto.randomUUID()) {
  const url = new URL('http://placette.test/api/orders');
  const request = new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({
      lines: [
        { productId: `product-${f.bread}`, qty: 2 },
        { productId: `product-${f.book}`, qty: 1 }
      ],
      fulfilment: {
        [`shop-${f.shopA}`]: { type: 'pickup', slot: firstSlot(appDb, f.shopA) },
        [`shop-${f.shopB}`]: { type: 'pickup', slot: firstSlot(appDb, f.shopB) }
      },
      payment: 'online'
    })
  });
  const response = await checkout({ request, url, locals: { user: { id: f.citizen, role: 'citizen' }, session: {} }, params: {} });
  return { status: response.status, body: await response.json() };
}

function event(type: string, orderId: string, extra: Record<string, unknown> = {}, id = `evt_${crypto.randomUUID()}`) {
  return JSON.stringify({ id, object: 'event', type, data: { object: { id: 'cs_test', object: 'checkout.session', metadata: { order_id: orderId }, payment_status: 'paid', ...extra } } });
}

async function notify(payload: string, signature = signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET })) {
  const request = new Request('http://placette.test/api/payments/webhook', { method: 'POST', headers: { 'stripe-signature': signature, 'content-type': 'application/json' }, body: payload });
  const response = await webhook({ request });
  return { status: response.status, body: await response.json() };
}

const status = (id: string) => appDb.select({ s: orders.paymentStatus }).from(orders).where(eq(orders.id, id)).get()!.s;

describe('Stripe', () => {
  it('is offered only when configured', () => {
    expect(stripeConfigFromEnv({})).toBeNull();
    expect(stripeConfigFromEnv({ STRIPE_SECRET_KEY: 'sk' })).toBeNull();
    expect(paymentMethods()).toEqual(['pickup', 'online']);
  });

  it('reserves the stock, opens a Checkout Session for the basket and answers its page', async () => {
    const before = calls.length;
    const { status: code, body } = await order();
    expect(code).toBe(201);
    expect(body.payment).toMatchObject({ method: 'online', status: 'pending', redirect_url: expect.stringMatching(/^https:\/\/checkout\.stripe\.test\//) });
    const call = calls[before];
    expect(call.path).toBe('/v1/checkout/sessions');
    expect(call.idempotencyKey).toBe(`checkout-${body.id}`);
    expect(call.form.get('metadata[order_id]')).toBe(body.id);
    expect(call.form.get('payment_intent_data[transfer_group]')).toBe(body.id);
    expect(call.form.get('success_url')).toBe(`http://placette.test/orders/${body.id}`);
    const amounts = [call.form.get('line_items[0][price_data][unit_amount]'), call.form.get('line_items[1][price_data][unit_amount]')].map(Number);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(body.total_cents);
    expect(Number(call.form.get('expires_at')) * 1000).toBeLessThan(Date.parse(body.payment.expires_at));
  });

  it('a paid session marks the order paid and pays each shop its share once, however often Stripe repeats it', async () => {
    const { body } = await order();
    const payload = event('checkout.session.completed', body.id);
    const before = calls.length;
    expect(await notify(payload)).toEqual({ status: 200, body: { received: true, duplicate: false } });
    expect(status(body.id)).toBe('paid');
    const transfers = calls.slice(before).filter((c) => c.path === '/v1/transfers');
    expect(transfers.map((t) => [t.form.get('destination'), Number(t.form.get('amount')), t.form.get('transfer_group')])).toEqual([
      // Less the platform's 5 % commission.
      ['acct_shopA', 500 - commissionOn(500, 500), body.id],
      ['acct_shopB', 2090 - commissionOn(2090, 500), body.id]
    ]);
    expect(await notify(payload)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(calls.slice(before).filter((c) => c.path === '/v1/transfers')).toHaveLength(2);
    expect(appDb.select().from(paymentEvents).where(eq(paymentEvents.orderId, body.id)).all()).toHaveLength(1);
    expect(appDb.select({ ref: orderParts.payoutRef }).from(orderParts).where(eq(orderParts.orderId, body.id)).all().every((p) => p.ref?.startsWith('tr_'))).toBe(true);
  });

  it('a payout that fails is retried on the next delivery of the event', async () => {
    const { body } = await order();
    const payload = event('checkout.session.completed', body.id);
    fake.failNext(3);
    expect((await notify(payload)).status).toBe(500);
    expect(status(body.id)).toBe('paid');
    expect((await notify(payload)).body).toEqual({ received: true, duplicate: true });
    expect(appDb.select({ ref: orderParts.payoutRef }).from(orderParts).where(eq(orderParts.orderId, body.id)).all().every((p) => p.ref)).toBe(true);
  });

  it('an expired or failed payment releases the stock', async () => {
    const bread = () => appDb.select({ stock: products.stock }).from(products).where(eq(products.id, f.bread)).get()!.stock;
    const { body } = await order();
    const held = bread();
    expect((await notify(event('checkout.session.expired', body.id, { payment_status: 'unpaid' }))).status).toBe(200);
    expect(status(body.id)).toBe('expired');
    expect(bread()).toBe(held + 2);
    const second = (await order()).body;
    await notify(event('checkout.session.async_payment_failed', second.id, { payment_status: 'unpaid' }));
    expect(status(second.id)).toBe('failed');
    // A late "paid" for an expired order changes nothing.
    await notify(event('checkout.session.completed', second.id));
    expect(status(second.id)).toBe('failed');
    for (const row of stockLedger(appDb)) expect(row.stock + row.reserved + row.sold).toBe(row.stockIn);
  });

  it('a delayed payment method is paid only when Stripe says it succeeded', async () => {
    const { body } = await order();
    await notify(event('checkout.session.completed', body.id, { payment_status: 'unpaid' }));
    expect(status(body.id)).toBe('pending');
    await notify(event('checkout.session.async_payment_succeeded', body.id));
    expect(status(body.id)).toBe('paid');
  });

  it('refuses a notification without a valid signature, and changes nothing', async () => {
    const { body } = await order();
    const payload = event('checkout.session.completed', body.id);
    expect((await notify(payload, 't=1,v1=deadbeef')).status).toBe(400);
    expect((await notify(payload, signer.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' }))).status).toBe(400);
    expect(status(body.id)).toBe('pending');
  });

  it('when Stripe cannot be reached, the order fails, the stock is released and the customer is told (502)', async () => {
    const bread = () => appDb.select({ stock: products.stock }).from(products).where(eq(products.id, f.bread)).get()!.stock;
    const before = bread();
    fake.failNext(3);
    const answer = await order();
    expect(answer.status).toBe(502);
    expect(answer.body.error.code).toBe('payment_provider_error');
    expect(bread()).toBe(before);
  });
});

/** A shop member's step on a part, through the merchant API. */
async function shopStep(shopId: number, merchant: number, partId: number, body: Record<string, unknown>) {
  const url = new URL(`http://placette.test/api/merchant/shops/${shopId}/orders/${partId}`);
  const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const response = await partAction({ request, url, params: { id: String(shopId), partId: String(partId) }, locals: { user: { id: merchant, role: 'merchant' }, session: {} } });
  return { status: response.status, body: await response.json() };
}

/** The customer cancels their part at a shop, through the API. */
async function customerCancel(orderId: string, shopId: number) {
  const response = await cancel({ params: { id: orderId, shopId: `shop-${shopId}` }, locals: { user: { id: f.citizen, role: 'citizen' }, session: {} } });
  return { status: response.status, body: await response.json() };
}

const partOf = (orderId: string, shopId: number) => appDb.select().from(orderParts).where(eq(orderParts.orderId, orderId)).all().find((p) => p.shopId === shopId)!;
const refundsOfPart = (partId: number) => refunds.filter((r) => r.metadata.part_id === String(partId));
const ledgerHolds = () => {
  for (const row of stockLedger(appDb)) {
    expect(row.stock + row.reserved + row.sold).toBe(row.stockIn);
    expect(row.reserved).toBe(row.openLines);
  }
};

/** An order of bread (shop A, 500) and a book (shop B, 2090), paid online; the shops have been paid their shares. */
async function paidOrder(intent: string | null = `pi_${crypto.randomUUID().slice(0, 8)}`) {
  const { body } = await order();
  expect((await notify(event('checkout.session.completed', body.id, intent ? { payment_intent: intent } : {}))).status).toBe(200);
  expect(status(body.id)).toBe('paid');
  return { id: body.id as string, intent };
}

describe('refunds of parts paid online', () => {
  it('a part the shop refuses is refunded once, its transfer to the shop reversed, its stock back on sale, however often the refusal is sent', async () => {
    const { id, intent } = await paidOrder();
    const part = partOf(id, f.shopA);
    expect(part.payoutRef).toMatch(/^tr_/);
    const bread = () => appDb.select({ stock: products.stock }).from(products).where(eq(products.id, f.bread)).get()!.stock;
    const before = bread();

    const refused = await shopStep(f.shopA, f.merchantA, part.id, { action: 'refuse', reason: 'Four en panne' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', reason: 'Four en panne', refund: { status: 'refunded', amount_cents: 500 } });
    expect(bread()).toBe(before + 2);
    expect(refundsOfPart(part.id)).toEqual([expect.objectContaining({ amount: 500, payment_intent: intent })]);
    const call = calls.find((c) => c.path === '/v1/refunds' && c.form.get('metadata[part_id]') === String(part.id))!;
    expect(call.idempotencyKey).toBe(`refund-${part.id}`);
    expect(reversals.filter((r) => r.transfer === part.payoutRef)).toHaveLength(1);
    expect(calls.find((c) => c.path === `/v1/transfers/${part.payoutRef}/reversals`)!.idempotencyKey).toBe(`reversal-${part.id}`);

    // Again (a double click, a second member): nothing more is refunded.
    expect((await shopStep(f.shopA, f.merchantA, part.id, { action: 'refuse', reason: 'Four en panne' })).status).toBe(409);
    expect(await settleRefunds(appDb, paymentProvider('online'))).toEqual({ refunded: 0, reversed: 0, failed: 0 });
    expect(refundsOfPart(part.id)).toHaveLength(1);
    expect(bread()).toBe(before + 2);

    // The customer sees it; the other shop's part is untouched.
    const view = orderView(appDb, id)!;
    expect(view.parts.find((p) => p.shopId === `shop-${f.shopA}`)!.refund).toMatchObject({ status: 'refunded', amount_cents: 500, at: expect.any(String) });
    expect(view.parts.find((p) => p.shopId === `shop-${f.shopB}`)!.refund).toBeNull();
    ledgerHolds();
  });

  it('the payout report lists the refund and counts it in no sale', async () => {
    const { id } = await paidOrder();
    const partA = partOf(id, f.shopA);
    const partB = partOf(id, f.shopB);
    const today = parisClock(new Date()).date;
    const reportBefore = payoutReport(appDb, f.shopB, today, today);
    expect((await shopStep(f.shopB, f.merchantB, partB.id, { action: 'refuse', reason: 'Épuisé' })).body.refund.status).toBe('refunded');
    // Shop A's part is accepted and collected: a sale.
    expect((await shopStep(f.shopA, f.merchantA, partA.id, { action: 'accept' })).status).toBe(200);
    expect((await shopStep(f.shopA, f.merchantA, partA.id, { action: 'collect', code: partA.pickupCode })).status).toBe(200);

    const report = payoutReport(appDb, f.shopB, today, today);
    expect(report.refunds.length).toBe(reportBefore.refunds.length + 1);
    expect(report.refunds.at(-1)).toMatchObject({ orderId: id, amountCents: 2090, reversed: true });
    expect(report.refundedCents - reportBefore.refundedCents).toBe(2090);
    expect(report.grossCents).toBe(reportBefore.grossCents);
    expect(report.dueToShopCents).toBe(reportBefore.dueToShopCents);
    expect(report.rows.some((r) => r.orderId === id)).toBe(false);
    const reportA = payoutReport(appDb, f.shopA, today, today);
    expect(reportA.rows.filter((r) => r.orderId === id)).toEqual([expect.objectContaining({ amountCents: 500, payment: 'online' })]);
    expect(reportA.refunds.some((r) => r.orderId === id)).toBe(false);
  });

  it('the customer cancels a paid part before the shop accepts it: refunded; an accepted part cannot be cancelled', async () => {
    const { id } = await paidOrder(null);
    const partA = partOf(id, f.shopA);
    expect((await shopStep(f.shopB, f.merchantB, partOf(id, f.shopB).id, { action: 'accept' })).status).toBe(200);
    const cancelled = await customerCancel(id, f.shopA);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', refund: { status: 'refunded', amount_cents: 500 } });
    // The notification carried no PaymentIntent: the adapter read it from the session.
    expect(refundsOfPart(partA.id)).toEqual([expect.objectContaining({ amount: 500, payment_intent: expect.stringMatching(/^pi_of_cs_test_/) })]);
    expect((await customerCancel(id, f.shopB)).body.error.code).toBe('wrong_status');
    expect((await customerCancel(id, f.shopA)).status).toBe(409);
    expect(refundsOfPart(partA.id)).toHaveLength(1);
    ledgerHolds();
  });

  it('while the online payment is under way the customer cannot cancel a part (409 paid_online)', async () => {
    const { body } = await order();
    const answer = await customerCancel(body.id, f.shopA);
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('paid_online');
    expect(partOf(body.id, f.shopA).status).toBe('placed');
  });

  it('a refund Stripe does not take stays "pending" on the order page and goes through on the next notification, once', async () => {
    const { id } = await paidOrder();
    const part = partOf(id, f.shopA);
    fake.failNext(3); // the refund call and its two retries
    const refused = await shopStep(f.shopA, f.merchantA, part.id, { action: 'refuse', reason: 'Fermé' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', refund: { status: 'pending', amount_cents: 500, at: null } });
    expect(refundsDue(appDb, { orderId: id }).map((d) => d.partId)).toEqual([part.id]);
    expect(refundsOfPart(part.id)).toHaveLength(0);

    // Any later notification (here one about nothing of ours) retries what is due.
    const other = JSON.stringify({ id: `evt_${crypto.randomUUID()}`, object: 'event', type: 'charge.refunded', data: { object: { id: 'ch_1', object: 'charge' } } });
    expect((await notify(other)).status).toBe(200);
    expect(orderView(appDb, id)!.parts.find((p) => p.shopId === `shop-${f.shopA}`)!.refund).toMatchObject({ status: 'refunded', amount_cents: 500 });
    expect(refundsOfPart(part.id)).toHaveLength(1);
    expect(reversals.filter((r) => r.transfer === part.payoutRef)).toHaveLength(1);
    // Two attempts at once (two processes): still one refund.
    appDb.update(orderParts).set({ refundRef: null }).where(eq(orderParts.id, part.id)).run();
    await Promise.all([settleRefunds(appDb, paymentProvider('online')), settleRefunds(appDb, paymentProvider('online'))]);
    expect(refundsOfPart(part.id)).toHaveLength(1);
    expect(refundsDue(appDb, { orderId: id })).toEqual([]);
  });

  it('a refund or reversal made by an attempt whose answer was lost is found again after Stripe forgot the idempotency key: made once', async () => {
    const { id, intent } = await paidOrder();
    const partA = partOf(id, f.shopA);
    const partB = partOf(id, f.shopB);
    // Shop A refuses: Stripe makes the refund, but no answer comes back, to the call nor to the SDK's retries.
    fake.loseAnswers(10, /^\/v1\/refunds$/);
    expect((await shopStep(f.shopA, f.merchantA, partA.id, { action: 'refuse', reason: 'Fermé' })).body).toMatchObject({ refund: { status: 'pending' } });
    fake.loseAnswers(0);
    expect(refundsOfPart(partA.id)).toHaveLength(1);
    expect(partOf(id, f.shopA).refundRef).toBeNull();
    // More than 24 hours later, Stripe no longer knows the key. Shop B refuses; the attempt that
    // follows settles what is due for the order: shop A's refund (found, not made again), shop B's
    // refund, and both transfer reversals, made, whose answers are lost too.
    fake.forgetIdempotencyKeys();
    fake.loseAnswers(20, /\/reversals$/);
    expect((await shopStep(f.shopB, f.merchantB, partB.id, { action: 'refuse', reason: 'Épuisé' })).body).toMatchObject({ refund: { status: 'refunded' } });
    fake.loseAnswers(0);
    expect(partOf(id, f.shopA).refundRef).toBe(refundsOfPart(partA.id)[0].id);
    expect(reversals.filter((r) => r.transfer === partB.payoutRef)).toHaveLength(1);
    expect(partOf(id, f.shopB).reversalRef).toBeNull();
    expect(refundsDue(appDb, { orderId: id }).map((d) => d.partId)).toEqual([partA.id, partB.id]);

    // Another day, the keys forgotten again: the next attempt finds both reversals.
    fake.forgetIdempotencyKeys();
    expect(await settleRefunds(appDb, paymentProvider('online'), { orderId: id })).toEqual({ refunded: 0, reversed: 2, failed: 0 });
    expect(refundsOfPart(partA.id)).toEqual([expect.objectContaining({ amount: 500, payment_intent: intent })]);
    expect(partOf(id, f.shopA).refundRef).toBe(refundsOfPart(partA.id)[0].id);
    expect(reversals.filter((r) => r.transfer === partA.payoutRef)).toHaveLength(1);
    expect(reversals.filter((r) => r.transfer === partB.payoutRef)).toHaveLength(1);
    expect(partOf(id, f.shopB).reversalRef).toBe(reversals.find((r) => r.transfer === partB.payoutRef)!.id);
    expect(refundsOfPart(partB.id)).toHaveLength(1);
    expect(refundsDue(appDb, { orderId: id })).toEqual([]);
    // It looked before making: the lists were read with the payment and the transfer they are about.
    expect(calls.some((c) => c.method === 'GET' && c.path.startsWith(`/v1/refunds?`) && c.path.includes(`payment_intent=${intent}`))).toBe(true);
    expect(calls.some((c) => c.method === 'GET' && c.path.startsWith(`/v1/transfers/${partB.payoutRef}/reversals`))).toBe(true);
  });

  it('finds a part\'s refund past the first page of the payment\'s refunds', async () => {
    const { id, intent } = await paidOrder();
    const part = partOf(id, f.shopA);
    // 120 other refunds on the same payment, made after this part's (Stripe lists newest first).
    fake.loseAnswers(10, /^\/v1\/refunds$/);
    await shopStep(f.shopA, f.merchantA, part.id, { action: 'refuse', reason: 'Fermé' });
    fake.loseAnswers(0);
    const [made] = refundsOfPart(part.id);
    for (let i = 0; i < 120; i++) refunds.push({ id: `re_other_${i}`, object: 'refund', status: 'succeeded', amount: 1, payment_intent: intent, metadata: { part_id: `other-${i}` } });
    fake.forgetIdempotencyKeys();
    await settleRefunds(appDb, paymentProvider('online'), { orderId: id });
    expect(refundsOfPart(part.id)).toHaveLength(1);
    expect(partOf(id, f.shopA).refundRef).toBe(made.id);
    expect(calls.some((c) => c.method === 'GET' && c.path.includes('starting_after='))).toBe(true);
  });

  it('a part refused while the payment was under way is refunded when the payment lands, and never paid out', async () => {
    const { body } = await order();
    const part = partOf(body.id, f.shopA);
    expect((await shopStep(f.shopA, f.merchantA, part.id, { action: 'refuse', reason: 'Plus de pain' })).body).toMatchObject({ status: 'refused', refund: null });
    expect(refundsOfPart(part.id)).toHaveLength(0);
    await notify(event('checkout.session.completed', body.id, { payment_intent: 'pi_late' }));
    const after = partOf(body.id, f.shopA);
    expect(after.payoutRef).toBeNull();
    expect(after.refundRef).toMatch(/^re_/);
    expect(refundsOfPart(part.id)).toEqual([expect.objectContaining({ amount: 500, payment_intent: 'pi_late' })]);
    expect(partOf(body.id, f.shopB).payoutRef).toMatch(/^tr_/);
  });
});
