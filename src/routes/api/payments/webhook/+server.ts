import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { jsonError } from '$lib/server/http/json-error';
import { paymentProvider, WebhookSignatureError } from '$lib/server/payments';
import { applyPaymentEvent, payOutShops } from '$lib/server/orders/payment';
import { refundSoon } from '$lib/server/orders/refunds';
import { sendOrderConfirmation } from '$lib/server/mail/order-confirmation';

/**
 * The online payment provider's notifications. Signature checked on the raw body; each event id
 * applied once (a repeated delivery answers 200 and changes nothing); payouts to the shops after
 * the payment is recorded, retried on the provider's next delivery if they failed (500); every
 * notification also retries the refunds still due (see orders/refunds.ts).
 */
export const POST: RequestHandler = async ({ request }) => {
  const provider = paymentProvider('online');
  if (!provider?.readWebhook) return jsonError(404, 'not_found', 'No online payment provider here.');
  const raw = await request.text();
  if (raw.length > 512 * 1024) return jsonError(413, 'too_large', 'The body is too large.');
  let outcome;
  try {
    outcome = provider.readWebhook(raw, request.headers.get('stripe-signature'));
  } catch (error) {
    if (error instanceof WebhookSignatureError) return jsonError(400, 'bad_signature', 'The signature does not match.');
    throw error;
  }
  const database = db();
  const applied = applyPaymentEvent(database, outcome);
  if (outcome.orderId && outcome.status === 'paid') {
    // The order is confirmed now: its one email (if SMTP is configured and it was not sent yet), not waited for.
    void sendOrderConfirmation(database, outcome.orderId, { origin: process.env.ORIGIN ?? new URL(request.url).origin });
    try {
      await payOutShops(database, provider, outcome.orderId);
    } catch (error) {
      console.error('[placette] payout failed, left for the next delivery', error instanceof Error ? error.message : error);
      return jsonError(500, 'payout_failed', 'Payouts will be retried.');
    }
  }
  // Refunds still due (a part refused while the payment was under way, an earlier failure): now.
  await refundSoon(database, provider);
  return json({ received: true, duplicate: !applied }, { headers: { 'cache-control': 'no-store' } });
};
