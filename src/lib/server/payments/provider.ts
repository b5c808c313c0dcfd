import type { PaymentMethod, PaymentStatus } from '../db/schema';

/** What an online provider needs to take the payment of a committed order. */
export interface PaymentRequest {
  orderId: string;
  totalCents: number;
  /** One amount per shop, for split payouts. */
  parts: { shopId: number; amountCents: number }[];
  /** Where the provider sends the customer back (the order page). */
  returnUrl: string;
}

/** A provider's verdict on a payment, from a verified webhook. */
export interface PaymentOutcome {
  /** The provider's event id: each is applied once. */
  eventId: string;
  orderId: string;
  status: Extract<PaymentStatus, 'paid' | 'failed' | 'expired'>;
}

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
  /** Online only: checks a webhook's signature and reads it; null for an event that concerns no order. */
  readWebhook?(rawBody: string, signature: string | null): Promise<PaymentOutcome | null>;
}
