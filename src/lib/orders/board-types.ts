import type { ImageDescriptor } from '$lib/images/limits';

/** One shop's part of an order as the merchant's pages get it (client-safe mirror of the server's view, without the pickup code). */
export interface BoardPart {
  partId: number;
  orderId: string;
  customer: string;
  status: 'placed' | 'accepted' | 'ready' | 'collected' | 'refused' | 'cancelled' | 'expired';
  reason: string;
  fulfilment: 'pickup' | 'delivery';
  slot: string | null;
  slot_end: string | null;
  delivery: {
    address: { name: string; line: string; postcode: string; city: string; phone?: string; instructions?: string } | null;
    fee_cents: number;
    photo: (ImageDescriptor & { base: string }) | null;
  } | null;
  subtotal_cents: number;
  lines: { productId: string | null; name: string; unit_price_cents: number; qty: number }[];
  timeline: { status: string; at: string }[];
  payment: { method: 'pickup' | 'online'; status: 'due_at_pickup' | 'pending' | 'paid' | 'failed' | 'expired' };
  /** A refused or cancelled part paid online: given back to the customer (`refunded`) or about to be (`pending`). */
  refund: { status: 'refunded' | 'pending'; amount_cents: number; at: string | null } | null;
}

/** What a board action answers (success or failure), for the card it was about. */
export interface BoardActionResult {
  step?: 'accept' | 'ready' | 'refuse' | 'collect' | 'photo';
  part?: number | null;
  done?: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}
