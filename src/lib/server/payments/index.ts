import type { PaymentMethod } from '../db/schema';
import { payAtPickup } from './pay-at-pickup';
import type { PaymentProvider } from './provider';
import { stripeConfigFromEnv, stripeProvider } from './stripe';

export type { PaymentProvider, PaymentOutcome, PaymentRequest, PayoutRequest } from './provider';
export { WebhookSignatureError } from './provider';

let online: PaymentProvider | null = null;

/** Installs (or removes, with null) the online provider; the app does it at start from its configuration. */
export function setOnlineProvider(provider: PaymentProvider | null): void {
  online = provider;
}

/** The provider for a customer's choice, or null when that choice is not offered here. */
export function paymentProvider(method: PaymentMethod): PaymentProvider | null {
  if (method === 'pickup') return payAtPickup;
  return online;
}

/** The choices offered on this instance, for the checkout page (`GET /api/payments`). */
export function paymentMethods(): PaymentMethod[] {
  return online ? ['pickup', 'online'] : ['pickup'];
}

/** At start: the online provider the environment configures (STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET), if any. */
export function configurePayments(env: NodeJS.ProcessEnv = process.env): void {
  const stripe = stripeConfigFromEnv(env);
  setOnlineProvider(stripe ? stripeProvider(stripe) : null);
}
