import { z } from 'zod';

const base64url = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, 'must be base64url');

// Push services are always https; anything else would let a caller make the server post to
// arbitrary local addresses.
const endpointUrl = z.url({ protocol: /^https$/ }).max(2048);

/**
 * A PushSubscription as the browser serialises it (`subscription.toJSON()`). `oldEndpoint`: the
 * subscription it renews (the service worker's `pushsubscriptionchange`), whose row it replaces.
 */
export const pushSubscriptionSchema = z.object({
  endpoint: endpointUrl,
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: base64url.min(80).max(100),
    auth: base64url.min(16).max(32)
  }),
  oldEndpoint: endpointUrl.optional()
});

export const pushUnsubscribeSchema = z.object({ endpoint: endpointUrl });

/** The broadcast digest: identical for every subscriber; the device words it. */
export interface DigestPayload {
  v: 1;
  type: 'digest';
  city: string;
  items: { id: string; kind: 'deal' | 'event'; title: string; themes: string[]; shop_name?: string }[];
}

/**
 * A personal notification (Mon compte → « Notifications de mes commandes et messages »): sent to
 * one account's devices, carrying only what the notification shows and where a tap leads. The
 * device words it in its own language. A message notification names the shop, never the
 * message's text nor the customer: it may show on a locked screen.
 */
export type PersonalPayload =
  | { v: 1; type: 'order-ready'; shop: string; url: string }
  | { v: 1; type: 'message'; to: 'citizen' | 'shop'; shop: string; url: string };
