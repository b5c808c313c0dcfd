import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import Stripe from 'stripe';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { orderParts, orders, paymentEvents, products, shops } from '../../src/lib/server/db/schema';
import { setOnlineProvider, paymentMethods } from '../../src/lib/server/payments';
import { stripeConfigFromEnv, stripeProvider } from '../../src/lib/server/payments/stripe';
import { commissionOn, setCommissionBps } from '../../src/lib/server/orders/payouts';
import { firstSlot, ordersFixture, stockLedger, type OrdersFixture } from '../support/orders-fixture';

/**
 * Online payment with the real Stripe SDK against a local fake of Stripe's HTTP API (started
 * here, loopback only), and webhooks signed the way Stripe signs them.
 */
const WEBHOOK_SECRET = 'whsec_test_placette';
type Handler = (event: unknown) => Response | Promise<Response>;

interface Call {
  path: string;
  idempotencyKey: string | undefined;
  form: URLSearchParams;
}
const calls: Call[] = [];
let fake: Server;
/** The fake answers 500 to this many next calls (the SDK retries twice). */
let failures = 0;
let f: OrdersFixture;
let appDb: Db;
let checkout: Handler;
let webhook: Handler;
const signer = new Stripe('sk_test_signer');

beforeAll(async () => {
  fake = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      calls.push({ path: req.url ?? '', idempotencyKey: req.headers['idempotency-key'] as string | undefined, form });
      res.setHeader('content-type', 'application/json');
      if (failures > 0) {
        failures--;
        res.statusCode = 500;
        res.end(JSON.stringify({ error: { type: 'api_error', message: 'down' } }));
        return;
      }
      const n = calls.length;
      if (req.url === '/v1/checkout/sessions') res.end(JSON.stringify({ id: `cs_test_${n}`, object: 'checkout.session', url: `https://checkout.stripe.test/c/pay/cs_test_${n}` }));
      else if (req.url === '/v1/transfers') res.end(JSON.stringify({ id: `tr_${n}`, object: 'transfer', amount: Number(form.get('amount')) }));
      else {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'unknown' } }));
      }
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  const port = (fake.address() as { port: number }).port;

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
});

afterAll(async () => {
  setOnlineProvider(null);
  await new Promise((resolve) => fake.close(resolve));
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
    failures = 3;
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
    failures = 3;
    const answer = await order();
    expect(answer.status).toBe(502);
    expect(answer.body.error.code).toBe('payment_provider_error');
    expect(bread()).toBe(before);
  });
});
