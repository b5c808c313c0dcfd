import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Stripe from 'stripe';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { startServer, type RunningServer } from './support/server';
import { signInAt } from './support/app';
import { floristProducts, nextFloristSlot } from './support/orders';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/**
 * Online payment, refunds and the one confirmation email, end to end: the built app with Stripe
 * configured against a local fake of its API (the real SDK does the HTTP) and SMTP against a
 * real SMTP server (smtp-server), both started here on loopback. The demo citizen pays online,
 * Stripe's signed notification confirms it; the florist refuses one order, the citizen cancels
 * another on the order page: both are refunded and shown « Remboursé ». Own server (ports 4450+).
 */
let server: RunningServer;
let stripe: FakeStripe;
let smtp: SmtpSink;
const WEBHOOK_SECRET = 'whsec_e2e_refunds';
const signer = new Stripe('sk_test_signer');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  stripe = await startFakeStripe();
  smtp = await startSmtpSink();
  server = await startServer(4450 + testInfo.parallelIndex, {
    env: {
      STRIPE_SECRET_KEY: 'sk_test_e2e',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(stripe.port),
      STRIPE_API_PROTOCOL: 'http',
      PLACETTE_SMTP_URL: smtp.url,
      PLACETTE_MAIL_FROM: 'Placette <commandes@placette.test>'
    }
  });
});
test.afterAll(async () => {
  await server?.stop();
  await stripe?.close();
  await smtp?.close();
});

const SHOTS = join(process.env.PLACETTE_E2E_SHOTS || tmpdir(), 'placette-refunds');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const signIn = (page: Page, email: string, next: string) => signInAt(page, server.origin, email, next);

const florist = (request: APIRequestContext) => floristProducts(request, server.origin, 2);

const nextSlot = (request: APIRequestContext) => nextFloristSlot(request, server.origin);

/** Stripe tells the app the payment went through (a signed notification, as Stripe signs them). */
async function stripeNotifies(request: APIRequestContext, type: string, object: Record<string, unknown>): Promise<void> {
  const payload = JSON.stringify({ id: `evt_${randomUUID()}`, object: 'event', type, data: { object } });
  const response = await request.post(`${server.origin}/api/payments/webhook`, {
    headers: { 'stripe-signature': signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }), 'content-type': 'application/json' },
    data: payload
  });
  expect(response.status(), await response.text()).toBe(200);
}

interface Placed {
  id: string;
  total_cents: number;
  payment: { status: string; redirect_url: string | null };
}

/** The demo citizen (signed in on `page`) pays one product online at the florist; Stripe confirms it. */
async function paidOrder(page: Page, productIndex: number): Promise<Placed> {
  const { shop, products } = await florist(page.request);
  const product = products[productIndex % products.length];
  const response = await page.request.post(`${server.origin}/api/orders`, {
    headers: { 'idempotency-key': randomUUID() },
    data: { lines: [{ productId: product.id, qty: 1 }], fulfilment: { [shop.id]: { type: 'pickup', slot: await nextSlot(page.request) } }, payment: 'online' }
  });
  expect(response.status(), await response.text()).toBe(201);
  const order = (await response.json()) as Placed;
  expect(order.payment).toMatchObject({ status: 'pending', redirect_url: expect.stringMatching(/^https:\/\/checkout\.stripe\.test\//) });
  await stripeNotifies(page.request, 'checkout.session.completed', {
    id: 'cs_e2e',
    object: 'checkout.session',
    payment_status: 'paid',
    payment_intent: `pi_${order.id}`,
    metadata: { order_id: order.id }
  });
  return order;
}

async function citizen(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'habitant@placette.test', '/account');
  return page;
}

const euros = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}\u202f€`;

test('paid online, refused by the florist: refunded once, « Remboursé » on the order page, one confirmation email and no other', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const customer = await citizen(browser);
  const mailsBefore = smtp.mails.length;
  const order = await paidOrder(customer, 0);

  // The confirmation arrives once the payment is confirmed.
  const [mail] = (await smtp.waitFor(mailsBefore + 1)).slice(mailsBefore);
  expect(mail.envelopeTo).toEqual(['habitant@placette.test']);
  expect(mail.parsed.subject).toBe(`Votre commande ${order.id.toUpperCase()} est confirmée`);
  expect(mail.parsed.text).toContain(`${server.origin}/orders/${order.id}`);
  expect(mail.parsed.text).toContain('Pétales & Briques');
  // What the customer's mail app shows (its HTML, with nothing remote to load).
  const letter = await browser.newPage({ viewport: PHONE, javaScriptEnabled: false });
  const remote: string[] = [];
  letter.on('request', (r) => void (r.url().startsWith('data:') || r.url() === 'about:blank' || remote.push(r.url())));
  await letter.setContent(mail.parsed.html as string);
  await letter.screenshot({ path: join(SHOTS, 'confirmation-email-phone.png'), fullPage: true });
  expect(remote).toEqual([]);
  await letter.close();

  // The florist refuses it on her board.
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'fleuriste@placette.test', '/merchant/orders');
  await page.getByRole('link', { name: 'Ouvrir le tableau de Pétales & Briques' }).click();
  const card = page.locator('article.card', { hasText: `Commande ${order.id.slice(0, 6).toUpperCase()}` });
  await card.getByText('Refuser la commande…').click();
  await card.getByLabel('Raison du refus (le client la verra)').fill('Plus de renoncules aujourd’hui, désolée !');
  await card.getByRole('button', { name: 'Refuser et remettre en vente' }).click();
  await expect(page.getByText('Commande refusée, articles remis en vente.')).toBeVisible();
  await expect.poll(() => stripe.refunds.filter((r) => r.payment_intent === `pi_${order.id}`).length).toBe(1);
  expect(stripe.refunds.find((r) => r.payment_intent === `pi_${order.id}`)!.amount).toBe(order.total_cents);
  // Her board says the customer got the money back, in the words of the customer's page.
  await expect(card.getByTestId('part-refund')).toHaveAttribute('data-refund', 'refunded');
  await expect(card.getByTestId('part-refund')).toHaveText(`Remboursé\u00a0: ${euros(order.total_cents)} sur la carte qui a payé.`);
  await page.setViewportSize(PHONE);
  await card.getByTestId('part-refund').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(SHOTS, 'board-refunded-phone.png') });
  const boardAxe = await new AxeBuilder({ page }).include('article.card').analyze();
  expect(boardAxe.violations.map((v) => v.id)).toEqual([]);

  // The customer sees the refusal, its reason and the refund.
  for (const [name, size] of [
    ['phone', PHONE],
    ['desktop', DESKTOP]
  ] as const) {
    await customer.setViewportSize(size);
    await customer.goto(`${server.origin}/orders/${order.id}`);
    const part = customer.getByTestId('order-part');
    await expect(part).toHaveAttribute('data-status', 'refused');
    await expect(part.getByTestId('part-refund')).toHaveText(`Remboursé\u00a0: ${euros(order.total_cents)} sur la carte qui a payé.`);
    await expect(part.getByText('Plus de renoncules')).toBeVisible();
    await customer.screenshot({ path: join(SHOTS, `order-refunded-${name}.png`), fullPage: true });
  }
  const axe = await new AxeBuilder({ page: customer }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // Nothing else by email: the refusal shows on the page only.
  await customer.waitForTimeout(500);
  expect(smtp.mails.length).toBe(mailsBefore + 1);
  await customer.context().close();
});

test('the customer cancels a part paid online before the florist accepts it: refunded on the spot', async ({ browser }) => {
  test.setTimeout(90_000);
  const customer = await citizen(browser);
  const order = await paidOrder(customer, 1);
  await customer.setViewportSize(PHONE);
  await customer.goto(`${server.origin}/orders/${order.id}`);
  const part = customer.getByTestId('order-part');
  await expect(part.getByText('Possible tant que la boutique ne l’a pas acceptée ; le montant est remboursé sur votre carte.')).toBeVisible();
  // A click before the page is interactive (a busy machine) does nothing: click again until it asks to confirm.
  await expect(async () => {
    await part.getByRole('button', { name: 'Annuler cette partie' }).click({ timeout: 2000 });
    await expect(part.getByRole('button', { name: 'Confirmer l’annulation' })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await part.getByRole('button', { name: 'Confirmer l’annulation' }).click();
  await expect(part).toHaveAttribute('data-status', 'cancelled');
  await expect(part.getByTestId('part-refund')).toHaveAttribute('data-refund', 'refunded');
  await expect(part.getByTestId('part-refund')).toContainText(euros(order.total_cents));
  expect(stripe.refunds.filter((r) => r.payment_intent === `pi_${order.id}`)).toHaveLength(1);
  await customer.screenshot({ path: join(SHOTS, 'order-cancelled-refunded-phone.png'), fullPage: true });
  await customer.context().close();
});

test('a refund Stripe refuses for now shows « Remboursement en attente », then goes through with the next notification', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const customer = await citizen(browser);
  const order = await paidOrder(customer, 2);
  stripe.failNext(3);
  const cancel = await customer.request.post(`${server.origin}/api/orders/${order.id}/parts/${(await florist(customer.request)).shop.id}/cancel`);
  expect(cancel.status()).toBe(200);
  expect(await cancel.json()).toMatchObject({ status: 'cancelled', refund: { status: 'pending', amount_cents: order.total_cents } });

  await customer.setViewportSize(PHONE);
  await customer.goto(`${server.origin}/orders/${order.id}`);
  const refund = customer.getByTestId('part-refund');
  await expect(refund).toHaveAttribute('data-refund', 'pending');
  await expect(refund).toContainText('Remboursement en attente');
  await customer.screenshot({ path: join(SHOTS, 'order-refund-pending-phone.png'), fullPage: true });

  // The florist's board shows the cancelled part waiting for its refund…
  await page.setViewportSize(PHONE);
  await signIn(page, 'fleuriste@placette.test', '/merchant/orders');
  await page.getByRole('link', { name: 'Ouvrir le tableau de Pétales & Briques' }).click();
  const card = page.locator('article.card', { hasText: `Commande ${order.id.slice(0, 6).toUpperCase()}` });
  await expect(card.getByText('Annulée par le client')).toBeVisible();
  await expect(card.getByTestId('part-refund')).toHaveAttribute('data-refund', 'pending');
  await expect(card.getByTestId('part-refund')).toHaveText(`Remboursement en attente\u00a0: ${euros(order.total_cents)}. Il est relancé automatiquement, rien à faire de votre côté.`);
  await card.getByTestId('part-refund').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(SHOTS, 'board-refund-pending-phone.png') });

  // Any later notification from Stripe retries it.
  await stripeNotifies(customer.request, 'charge.updated', { id: 'ch_1', object: 'charge' });
  await customer.reload();
  await expect(customer.getByTestId('part-refund')).toHaveAttribute('data-refund', 'refunded');
  expect(stripe.refunds.filter((r) => r.payment_intent === `pi_${order.id}`)).toHaveLength(1);
  await customer.context().close();
  // …and, live (no reload), the refund once it went through.
  await expect(card.getByTestId('part-refund')).toHaveAttribute('data-refund', 'refunded', { timeout: 15_000 });
  await expect(card.getByTestId('part-refund')).toContainText(`Remboursé\u00a0: ${euros(order.total_cents)}`);

  // The florist's sales report lists the refunds, outside the sales.
  await page.getByRole('link', { name: 'Relevé des ventes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Relevé des ventes' })).toBeVisible();
  const report = page.url();
  for (const [name, size] of [
    ['phone', PHONE],
    ['desktop', DESKTOP]
  ] as const) {
    await page.setViewportSize(size);
    await page.goto(report);
    const refunds = page.getByTestId('payout-refunds');
    await expect(refunds.getByRole('heading', { name: 'Remboursements' })).toBeVisible();
    await expect(refunds.locator('tbody tr')).toHaveCount(3);
    await page.screenshot({ path: join(SHOTS, `payouts-refunds-${name}.png`), fullPage: true });
  }
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
