import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { orders, shops } from '../../src/lib/server/db/schema';
import { setMailer, smtpMailer, mailConfigFromEnv } from '../../src/lib/server/mail';
import { setOnlineProvider, type PaymentOutcome } from '../../src/lib/server/payments';
import { freePort } from '../support/app-server';
import { firstSlot, ordersFixture, type OrdersFixture } from '../support/orders-fixture';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/**
 * The order confirmation email, through a real SMTP server (smtp-server, on loopback) and the
 * real nodemailer transport: the checkout and webhook handlers called as SvelteKit calls them,
 * on the app's (in-memory) database.
 */
type Handler = (event: unknown) => Response | Promise<Response>;

let f: OrdersFixture;
let appDb: Db;
let sink: SmtpSink;
let checkoutHandler: Handler;
let webhookHandler: Handler;
const ORIGIN = 'https://placette.example';

beforeAll(async () => {
  process.env.DATABASE_URL = ':memory:';
  process.env.ORIGIN = ORIGIN;
  appDb = (await import('$lib/server/db')).db();
  f = ordersFixture(appDb, { bread: 100, cake: 3, book: 100, bouquet: 10 });
  appDb.update(shops).set({ name: 'Boulangerie <Fournil> & Fils', address: '3 place du Plot, Le Puy-en-Velay' }).where(eq(shops.id, f.shopA)).run();
  appDb.update(shops).set({ name: 'Librairie des Halles' }).where(eq(shops.id, f.shopB)).run();
  sink = await startSmtpSink();
  checkoutHandler = (await import('../../src/routes/api/orders/+server')).POST as unknown as Handler;
  webhookHandler = (await import('../../src/routes/api/payments/webhook/+server')).POST as unknown as Handler;
});

afterEach(() => {
  setMailer(null);
  setOnlineProvider(null);
  vi.restoreAllMocks();
});

afterAll(async () => {
  await sink.close();
  delete process.env.ORIGIN;
});

const mailTo = (url: string) => setMailer(smtpMailer({ url, from: 'Placette <commandes@placette.example>' }));

function body(payment: 'pickup' | 'online' = 'pickup', withDelivery = false) {
  return {
    lines: [
      { productId: `product-${f.bread}`, qty: 2 },
      { productId: `product-${f.book}`, qty: 1 },
      ...(withDelivery ? [{ productId: `product-${f.bouquet}`, qty: 1 }] : [])
    ],
    fulfilment: {
      [`shop-${f.shopA}`]: { type: 'pickup', slot: firstSlot(appDb, f.shopA) },
      [`shop-${f.shopB}`]: { type: 'pickup', slot: firstSlot(appDb, f.shopB) },
      ...(withDelivery ? { [`shop-${f.florist}`]: { type: 'delivery', address: { name: 'Camille', line: '5 rue des Lilas', postcode: '31000', city: 'Toulouse' } } } : {})
    },
    payment
  };
}

async function checkout(payload: unknown, key = crypto.randomUUID(), language?: string) {
  const url = new URL('http://127.0.0.1:3000/api/orders');
  const request = new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, ...(language ? { 'accept-language': language } : {}) },
    body: JSON.stringify(payload)
  });
  const response = await checkoutHandler({ request, url, params: {}, locals: { user: { id: f.citizen, role: 'citizen' }, session: {} } });
  return { status: response.status, body: await response.json() };
}

/** Nothing more arrives within `ms`. */
async function quiet(ms = 600) {
  const before = sink.mails.length;
  await new Promise((r) => setTimeout(r, ms));
  return sink.mails.length - before;
}

const sentAt = (id: string) => appDb.select({ at: orders.emailSentAt }).from(orders).where(eq(orders.id, id)).get()!.at;

describe('order confirmation email', () => {
  it('is configured by PLACETTE_SMTP_URL and PLACETTE_MAIL_FROM; absent, nothing is sent and checkout works', async () => {
    expect(mailConfigFromEnv({})).toBeNull();
    expect(mailConfigFromEnv({ PLACETTE_SMTP_URL: 'smtp://u:p@mail.example:587', ORIGIN: 'https://guide.example.org' })).toEqual({
      url: 'smtp://u:p@mail.example:587',
      from: 'Placette <no-reply@guide.example.org>'
    });
    const before = sink.mails.length;
    const { status, body: order } = await checkout(body());
    expect(status).toBe(201);
    expect(await quiet(300)).toBe(0);
    expect(sink.mails.length).toBe(before);
    expect(sentAt(order.id)).toBeNull();
  });

  it('one email per order, in English when the checkout asked for it, with each shop, slot, address, code, total and the order link; a replay sends none', async () => {
    mailTo(sink.url);
    const key = crypto.randomUUID();
    const before = sink.mails.length;
    const payload = body('pickup', true);
    const { status, body: order } = await checkout(payload, key, 'en');
    expect(status).toBe(201);
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail.envelopeTo).toEqual(['habitant@example.org']);
    expect(mail.envelopeFrom).toBe('commandes@placette.example');
    const number = order.id.toUpperCase();
    expect(mail.parsed.subject).toBe(`Your order ${number} is confirmed`);
    const text = mail.parsed.text!;
    const a = order.parts.find((p: { shopId: string }) => p.shopId === `shop-${f.shopA}`);
    const b = order.parts.find((p: { shopId: string }) => p.shopId === `shop-${f.shopB}`);
    const florist = order.parts.find((p: { shopId: string }) => p.shopId === `shop-${f.florist}`);
    for (const expected of [
      number,
      'Boulangerie <Fournil> & Fils',
      'Librairie des Halles',
      'Address: 3 place du Plot, Le Puy-en-Velay',
      `Pickup code: ${a.pickupCode}`,
      `Pickup code: ${b.pickupCode}`,
      'Delivery to: Camille, 5 rue des Lilas, 31000 Toulouse',
      '2 × Pain — €5.00',
      'Delivery fee — €5.90',
      `Total: €${(order.total_cents / 100).toFixed(2)} (to pay at each shop when collecting)`,
      `${ORIGIN}/orders/${order.id}`,
      'This is the only email sent for this order'
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/Pickup on \w+day \d+ \w+, from \d+(:\d\d)? [ap]m to \d+(:\d\d)? [ap]m/);
    expect(florist.pickupCode === null || text.includes(florist.pickupCode)).toBe(true);

    // The HTML: the same facts, escaped, no image, no remote resource, one link (the order).
    const html = mail.parsed.html as string;
    expect(html).toContain('Boulangerie &#60;Fournil&#62; &#38; Fils');
    expect(html).not.toContain('<Fournil>');
    expect(html).toContain(`<strong>Pickup code: ${a.pickupCode}</strong>`);
    expect(html).not.toMatch(/<img|<link|<script|url\(|src=/i);
    expect([...html.matchAll(/https?:\/\/[^\s"<]+/g)].map((m) => m[0])).toEqual([`${ORIGIN}/orders/${order.id}`, `${ORIGIN}/orders/${order.id}`]);
    expect(mail.parsed.attachments).toHaveLength(0);
    expect(sentAt(order.id)).toEqual(expect.any(String));

    // The same checkout again (a retry on a bad network): the same order, no second email.
    const replay = await checkout(payload, key, 'en');
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(order.id);
    expect(await quiet()).toBe(0);
  });

  it('is in French by default', async () => {
    mailTo(sink.url);
    const before = sink.mails.length;
    const { body: order } = await checkout(body());
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail.parsed.subject).toBe(`Votre commande ${order.id.toUpperCase()} est confirmée`);
    expect(mail.parsed.text).toContain('Code de retrait\u00a0: ');
    expect(mail.parsed.text).toMatch(/Retrait le \w+ \d+ \w+, de \d+\u00a0h(\u00a0\d\d)? à \d+\u00a0h(\u00a0\d\d)?/);
    expect(mail.parsed.text).toContain('à régler dans chaque boutique au retrait');
  });

  it('paid online: no email when the order is placed, one when the payment succeeds, none for a repeated notification', async () => {
    mailTo(sink.url);
    setOnlineProvider({
      id: 'test',
      method: 'online',
      initialStatus: 'pending',
      holdMinutes: 35,
      startPayment: async () => ({ redirectUrl: 'https://pay.example/session', ref: 'cs_1' }),
      readWebhook: (raw) => JSON.parse(raw) as PaymentOutcome
    });
    const before = sink.mails.length;
    const { status, body: order } = await checkout(body('online'), crypto.randomUUID(), 'en');
    expect(status).toBe(201);
    expect(await quiet(400)).toBe(0);
    const paid: PaymentOutcome = { eventId: 'evt_paid_1', type: 'checkout.session.completed', orderId: order.id, status: 'paid', paymentIntent: 'pi_1' };
    const notify = async () => (await webhookHandler({ request: new Request('http://127.0.0.1:3000/api/payments/webhook', { method: 'POST', body: JSON.stringify(paid) }) })).status;
    expect(await notify()).toBe(200);
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    // The language chosen at checkout, kept until the payment.
    expect(mail.parsed.subject).toBe(`Your order ${order.id.toUpperCase()} is confirmed`);
    expect(mail.parsed.text).toContain('(paid online)');
    expect(await notify()).toBe(200);
    expect(await quiet()).toBe(0);
  });

  it('SMTP down: the checkout still answers 201, the failure is logged with no personal data, and nothing is retried', async () => {
    mailTo(`smtp://127.0.0.1:${await freePort()}`);
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    const { status, body: order } = await checkout(body());
    expect(status).toBe(201);
    await vi.waitFor(() => expect(logged.some((l) => l.includes('order confirmation email not sent'))).toBe(true), { timeout: 10_000 });
    const line = logged.find((l) => l.includes('order confirmation email not sent'))!;
    expect(line).toMatch(/not sent: [A-Z_]+/);
    for (const personal of ['habitant@example.org', 'Habitant', order.id, order.parts[0].pickupCode, 'Boulangerie']) expect(logged.join('\n')).not.toContain(personal);
    // Claimed before the attempt: a later replay does not send it after all (at most one, ever).
    expect(sentAt(order.id)).toEqual(expect.any(String));
  });
});
