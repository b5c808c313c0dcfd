import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { apiUser } from '$lib/server/http/api-user';
import { jsonError } from '$lib/server/http/json-error';
import { readJsonBody } from '$lib/server/http/json-body';
import { idempotencyKeySchema, orderRequestSchema } from '$lib/schemas/orders';
import { placeOrderSoon, type CheckoutTiming } from '$lib/server/orders/checkout';
import { customerOrders } from '$lib/server/orders/account-data';
import { expireDueOrders } from '$lib/server/orders/transitions';
import { startOnlinePayment } from '$lib/server/orders/payment';
import { paymentProvider } from '$lib/server/payments';
import { currentMailer } from '$lib/server/mail';
import { emailLocale, rememberEmailLocale, sendOrderConfirmation } from '$lib/server/mail/order-confirmation';

const noStore = { 'cache-control': 'no-store' };

/**
 * Checkout: one basket, any number of shops, one payment choice (see README, "Orders API").
 * Requires a signed-in account and an `Idempotency-Key` header: retrying with the same key and
 * body returns the same order, never a second one.
 */
export const POST: RequestHandler = async ({ request, locals, url }) => {
  const started = performance.now();
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  const key = idempotencyKeySchema.safeParse(request.headers.get('idempotency-key') ?? '');
  if (!key.success) return jsonError(400, 'idempotency_key_required', key.error.issues[0].message, { issues: key.error.issues.map((i) => ({ path: ['Idempotency-Key'], message: i.message })) });
  const body = await readJsonBody(request, orderRequestSchema, 64 * 1024);
  if (!body.ok) return body.response;

  const database = db();
  expireDueOrders(database);
  const checkoutTiming: CheckoutTiming = { diskMs: 0 };
  const result = await placeOrderSoon(database, { userId: auth.user.id, idempotencyKey: key.data, body: body.data }, checkoutTiming);
  // Online payment: the order and its stock are committed; now ask the provider for its page.
  if (result.kind === 'created' && result.order.payment.method === 'online') {
    try {
      result.order = await startOnlinePayment(database, paymentProvider('online')!, result.order, url.origin);
    } catch (error) {
      console.error('[placette] payment provider unreachable', error instanceof Error ? error.message : error);
      return jsonError(502, 'payment_provider_error', 'The payment provider did not answer; the order was cancelled and nothing was charged.');
    }
  }
  // The one confirmation email (SMTP configured only), after the answer: never waited for here.
  // To pay at pickup it goes now (a replay finds it claimed); paid online it goes with the payment.
  if ((result.kind === 'created' || result.kind === 'replayed') && currentMailer()) {
    const locale = emailLocale(request.headers.get('accept-language'));
    if (result.order.payment.method === 'online') {
      if (result.kind === 'created') rememberEmailLocale(database, result.order.id, locale);
    } else {
      void sendOrderConfirmation(database, result.order.id, { origin: process.env.ORIGIN ?? url.origin, locale });
    }
  }
  // How long the checkout took in the handler (body read, transaction, answer), and how much of
  // that was waiting for the disk to confirm the commit: the benchmark reads both.
  const timing = { 'server-timing': `checkout;dur=${(performance.now() - started).toFixed(2)}, disk;dur=${checkoutTiming.diskMs.toFixed(2)}` };
  switch (result.kind) {
    case 'created':
    case 'replayed':
      return json(result.order, {
        status: result.kind === 'created' ? 201 : 200,
        headers: { ...noStore, ...timing, location: `/orders/${result.order.id}`, ...(result.kind === 'replayed' ? { 'idempotent-replayed': 'true' } : {}) }
      });
    case 'key_reused':
      return jsonError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request.');
    case 'invalid':
      return jsonError(400, 'invalid_body', result.message);
    case 'conflict':
      return json(result.conflict, { status: 409, headers: { ...noStore, ...timing } });
  }
};

/** The signed-in customer's orders, newest first. */
export const GET: RequestHandler = ({ locals }) => {
  const auth = apiUser(locals);
  if (!auth.ok) return auth.response;
  const database = db();
  expireDueOrders(database);
  return json({ orders: customerOrders(database, auth.user.id) }, { headers: noStore });
};
