import Stripe from 'stripe';
import type { PaymentOutcome, PaymentProvider, PaymentRequest, PayoutRequest, RefundRequest } from './provider';
import { WebhookSignatureError } from './provider';

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  /** Minutes an unpaid order holds its stock (≥ 31: Stripe keeps a Checkout Session open 30 min at least). */
  holdMinutes: number;
  /** Only for tests: a local fake of the API. */
  api?: { host: string; port: number; protocol: 'http' | 'https' };
}

/** From the environment (see README, "Online payment"); null when not configured: online payment is then not offered. */
export function stripeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StripeConfig | null {
  const secretKey = env.STRIPE_SECRET_KEY;
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET;
  if (!secretKey || !webhookSecret) return null;
  const holdMinutes = Math.max(35, Number(env.PLACETTE_PAYMENT_HOLD_MINUTES) || 35);
  const host = env.STRIPE_API_HOST;
  return {
    secretKey,
    webhookSecret,
    holdMinutes,
    ...(host ? { api: { host, port: Number(env.STRIPE_API_PORT) || 443, protocol: env.STRIPE_API_PROTOCOL === 'http' ? 'http' : 'https' } } : {})
  };
}

const outcomes: Record<string, PaymentOutcome['status']> = {
  'checkout.session.completed': 'paid',
  'checkout.session.async_payment_succeeded': 'paid',
  'checkout.session.async_payment_failed': 'failed',
  'checkout.session.expired': 'expired'
};

/**
 * Online payment with Stripe, for a marketplace: the platform takes one payment for the whole
 * basket (a Checkout Session), then transfers each shop its share to its connected account
 * ("separate charges and transfers", grouped by the order id). The official SDK does the HTTP.
 */
export function stripeProvider(config: StripeConfig): PaymentProvider {
  const stripe = new Stripe(config.secretKey, { maxNetworkRetries: 2, timeout: 15_000, ...(config.api ?? {}) });
  // The session closes before the order's hold ends: no payment can land on an expired order.
  const sessionMinutes = config.holdMinutes - 4;
  return {
    id: 'stripe',
    method: 'online',
    initialStatus: 'pending',
    holdMinutes: config.holdMinutes,

    async startPayment(request: PaymentRequest) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          currency: 'eur',
          line_items: request.parts.map((part) => ({
            quantity: 1,
            price_data: { currency: 'eur', unit_amount: part.amountCents, product_data: { name: part.shopName } }
          })),
          client_reference_id: request.orderId,
          metadata: { order_id: request.orderId },
          payment_intent_data: { transfer_group: request.orderId, metadata: { order_id: request.orderId } },
          success_url: request.returnUrl,
          cancel_url: request.returnUrl,
          expires_at: Math.floor(Date.now() / 1000) + sessionMinutes * 60
        },
        { idempotencyKey: `checkout-${request.orderId}` }
      );
      if (!session.url) throw new Error('Stripe returned no payment page');
      return { redirectUrl: session.url, ref: session.id };
    },

    readWebhook(rawBody: string, signature: string | null): PaymentOutcome {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature ?? '', config.webhookSecret);
      } catch {
        throw new WebhookSignatureError('bad signature');
      }
      const status = outcomes[event.type] ?? null;
      const object = event.data.object as { object?: string; metadata?: Record<string, string> | null; payment_status?: string; payment_intent?: string | { id: string } | null };
      const orderId = object.object === 'checkout.session' ? (object.metadata?.order_id ?? null) : null;
      // A completed session with a delayed method (SEPA…) is not paid yet: wait for async_payment_succeeded.
      const paid = status === 'paid' && event.type === 'checkout.session.completed' && object.payment_status !== 'paid' ? null : status;
      const intent = typeof object.payment_intent === 'string' ? object.payment_intent : (object.payment_intent?.id ?? null);
      return { eventId: event.id, type: event.type, orderId, status: orderId ? paid : null, paymentIntent: orderId && paid === 'paid' ? intent : null };
    },

    async payout(request: PayoutRequest) {
      const transfer = await stripe.transfers.create(
        { amount: request.amountCents, currency: 'eur', destination: request.account, transfer_group: request.orderId, metadata: { order_id: request.orderId } },
        { idempotencyKey: `payout-${request.partId}` }
      );
      return { ref: transfer.id };
    },

    async refund(request: RefundRequest) {
      // The session's PaymentIntent, when the "paid" notification did not carry it.
      const intent = request.paymentIntent ?? (await stripe.checkout.sessions.retrieve(request.paymentRef)).payment_intent;
      const id = typeof intent === 'string' ? intent : intent?.id;
      if (!id) throw new Error('no PaymentIntent to refund');
      // Made already by an attempt whose answer was lost? Stripe forgets idempotency keys after
      // 24 h, so a later retry looks for the part's refund before making one.
      const made = await findMadeFor(stripe.refunds.list({ payment_intent: id, limit: 100 }), request.partId, (r) => r.status !== 'failed' && r.status !== 'canceled');
      if (made) return { ref: made.id };
      const refund = await stripe.refunds.create(
        { payment_intent: id, amount: request.amountCents, reason: 'requested_by_customer', metadata: { order_id: request.orderId, part_id: String(request.partId) } },
        { idempotencyKey: `refund-${request.partId}` }
      );
      if (refund.status === 'failed' || refund.status === 'canceled') throw new Error(`refund ${refund.status}`);
      return { ref: refund.id };
    },

    async reversePayout(request) {
      // Taken back already by an attempt whose answer was lost (same reason as for refunds)?
      const made = await findMadeFor(stripe.transfers.listReversals(request.payoutRef, { limit: 100 }), request.partId);
      if (made) return { ref: made.id };
      // The whole transfer: it was this part's share, nothing else.
      const reversal = await stripe.transfers.createReversal(request.payoutRef, { metadata: { order_id: request.orderId, part_id: String(request.partId) } }, { idempotencyKey: `reversal-${request.partId}` });
      return { ref: reversal.id };
    }
  };
}

/**
 * The object (refund, transfer reversal) an earlier attempt made for this order part, found by the
 * `part_id` it was given in its metadata, going through every page of the list.
 */
async function findMadeFor<T extends { id: string; metadata: Stripe.Metadata | null }>(
  list: AsyncIterable<T>,
  partId: number,
  usable: (item: T) => boolean = () => true
): Promise<T | null> {
  for await (const item of list) {
    if (item.metadata?.part_id === String(partId) && usable(item)) return item;
  }
  return null;
}
