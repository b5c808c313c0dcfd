import type { PaymentMethod, PaymentStatus } from '../db/schema';

/** What an online provider needs to take the payment of a committed order. */
export interface PaymentRequest {
  orderId: string;
  totalCents: number;
  /** One amount per shop (its lines and delivery fee), shown on the payment page and paid out to it. */
  parts: { shopName: string; amountCents: number }[];
  /** Where the provider sends the customer back (the order page). */
  returnUrl: string;
}

/** A provider's verdict on a payment, from a verified webhook. */
export interface PaymentOutcome {
  /** The provider's event id: each is applied once. */
  eventId: string;
  type: string;
  /** Null for an event about no order of ours (it is acknowledged and ignored). */
  orderId: string | null;
  status: Extract<PaymentStatus, 'paid' | 'failed' | 'expired'> | null;
  /** The charge a "paid" notification is about (Stripe: the PaymentIntent), kept for refunds. */
  paymentIntent?: string | null;
}

/** One shop's share of a paid order, sent to its connected account. */
export interface PayoutRequest {
  orderId: string;
  partId: number;
  account: string;
  amountCents: number;
}

/** One refused or cancelled part of a paid order, given back to the customer. */
export interface RefundRequest {
  orderId: string;
  partId: number;
  /** The provider's reference of the payment (`orders.payment_ref`) and, when known, of its charge. */
  paymentRef: string;
  paymentIntent: string | null;
  amountCents: number;
}

/** A webhook whose signature does not check out (HTTP 400). */
export class WebhookSignatureError extends Error {}

/**
 * A way to pay for an order. `pay-at-pickup` (the default, always there) and an online provider
 * when the operator configures one. Checkout is synchronous and provider-free: the order and its
 * stock are committed first, then an online provider is asked for a payment page; a payment that
 * never completes expires and releases the stock.
 */
export interface PaymentProvider {
  readonly id: string;
  /** The choice a customer makes in `POST /api/orders` (`payment`). */
  readonly method: PaymentMethod;
  /** The payment status of a new order. */
  readonly initialStatus: PaymentStatus;
  /** For online payment: minutes an unpaid order holds its stock before it expires. */
  readonly holdMinutes?: number;
  /** Online only: starts the payment, returns the page to send the customer to and the provider's reference. */
  startPayment?(request: PaymentRequest): Promise<{ redirectUrl: string; ref: string }>;
  /** Online only: checks a webhook's signature (else throws WebhookSignatureError) and reads it. */
  readWebhook?(rawBody: string, signature: string | null): PaymentOutcome;
  /** Online only: pays a shop its share of a paid order (idempotent per part). */
  payout?(request: PayoutRequest): Promise<{ ref: string }>;
  /** Online only: refunds one part's amount to the customer (idempotent per part). */
  refund?(request: RefundRequest): Promise<{ ref: string }>;
  /** Online only: takes back from the shop the transfer `payoutRef` made for a part now refunded (idempotent per part). */
  reversePayout?(request: { orderId: string; partId: number; payoutRef: string }): Promise<{ ref: string }>;
}
