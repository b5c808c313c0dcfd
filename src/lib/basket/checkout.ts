/**
 * Checkout, on the device: what the page sends to `POST /api/orders` and how it reads the
 * answer. Pure (no DOM, no fetch) so it is unit-tested in Node.
 */
import { addDays, parisClock } from '$lib/catalog/hours';
import type { ShopItem } from '$lib/catalog/types';
import type { BasketReview } from './basket';

/** How many days ahead the date chooser offers (the slots API knows the shop's own limit). */
export const PICKUP_DAYS = 14;

/** Paris dates "YYYY-MM-DD" from today, for the pickup date chooser. */
export function pickupDates(now: Date, days = PICKUP_DAYS): string[] {
  const today = parisClock(now).date;
  return Array.from({ length: days }, (_, i) => addDays(today, i));
}

export interface PickupSlot {
  start: string;
  end: string;
  left: number;
}

/** The slots API's answer, or null when it is not one. */
export function parseSlots(value: unknown): PickupSlot[] | null {
  const slots = (value as { slots?: unknown } | null)?.slots;
  if (!Array.isArray(slots)) return null;
  const out: PickupSlot[] = [];
  for (const s of slots) {
    const { start, end, left } = (s ?? {}) as Record<string, unknown>;
    if (typeof start !== 'string' || typeof end !== 'string' || typeof left !== 'number') continue;
    if (Number.isNaN(Date.parse(start)) || Number.isNaN(Date.parse(end))) continue;
    out.push({ start, end, left: Math.max(0, Math.floor(left)) });
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

export interface DeliveryOffer {
  fee_cents: number;
  /** Postcodes served; empty: the shop did not restrict them. */
  postcodes: string[];
}

/** Delivery as a shop offers it in the catalog (`delivery: { fee_cents, postcodes } | null`), or null. */
export function deliveryOffer(shop: ShopItem | null): DeliveryOffer | null {
  const raw: unknown = shop?.delivery;
  if (!raw || typeof raw !== 'object') return null;
  const { fee_cents, postcodes } = raw as Record<string, unknown>;
  return {
    fee_cents: typeof fee_cents === 'number' && fee_cents >= 0 ? fee_cents : 0,
    postcodes: Array.isArray(postcodes) ? postcodes.filter((p): p is string => typeof p === 'string') : []
  };
}

export interface DeliveryAddress {
  name: string;
  line: string;
  postcode: string;
  city: string;
  phone?: string;
  instructions?: string;
}

export type FulfilmentDraft =
  | { type: 'pickup'; date: string; slot: string | null }
  | { type: 'delivery'; address: Partial<DeliveryAddress> };

export type Fulfilment = { type: 'pickup'; slot: string } | { type: 'delivery'; address: DeliveryAddress };

export type PaymentChoice = 'pickup' | 'online';

export interface OrderBody {
  lines: { productId: string; qty: number; price_cents: number }[];
  fulfilment: Record<string, Fulfilment>;
  payment: PaymentChoice;
}

/** A problem found before sending, to show next to the field. */
export interface DraftProblem {
  shopId: string;
  field: 'slot' | 'name' | 'line' | 'postcode' | 'city';
  code: 'slot_required' | 'required' | 'postcode_invalid' | 'postcode_not_served';
}

/**
 * The request body for the shops that can be ordered from, or the problems to fix first
 * (a slot not chosen, an address field missing).
 */
export function buildOrder(
  review: BasketReview,
  drafts: Record<string, FulfilmentDraft | undefined>,
  payment: PaymentChoice,
  offers: Record<string, DeliveryOffer | null> = {}
): { ok: true; body: OrderBody } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const fulfilment: Record<string, Fulfilment> = {};
  const lines: OrderBody['lines'] = [];
  for (const group of review.groups) {
    if (!group.orderable) continue;
    const draft = drafts[group.shopId];
    if (!draft || draft.type === 'pickup') {
      if (!draft?.slot) problems.push({ shopId: group.shopId, field: 'slot', code: 'slot_required' });
      else fulfilment[group.shopId] = { type: 'pickup', slot: draft.slot };
    } else {
      const a = draft.address;
      const address: DeliveryAddress = {
        name: (a.name ?? '').trim(),
        line: (a.line ?? '').trim(),
        postcode: (a.postcode ?? '').trim(),
        city: (a.city ?? '').trim()
      };
      const phone = a.phone?.trim();
      const instructions = a.instructions?.trim();
      if (phone) address.phone = phone;
      if (instructions) address.instructions = instructions;
      for (const field of ['name', 'line', 'city'] as const) if (!address[field]) problems.push({ shopId: group.shopId, field, code: 'required' });
      const served = offers[group.shopId]?.postcodes ?? [];
      if (!/^[0-9]{5}$/.test(address.postcode)) problems.push({ shopId: group.shopId, field: 'postcode', code: address.postcode ? 'postcode_invalid' : 'required' });
      else if (served.length > 0 && !served.includes(address.postcode)) problems.push({ shopId: group.shopId, field: 'postcode', code: 'postcode_not_served' });
      fulfilment[group.shopId] = { type: 'delivery', address };
    }
    for (const line of group.lines) if (line.qty > 0) lines.push({ productId: line.productId, qty: line.qty, price_cents: line.unit_cents });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, body: { lines, fulfilment, payment } };
}

/**
 * The Idempotency-Key of an attempt: the same for a retry of the same order (a double click, a
 * lost answer), a new one as soon as anything in the order changed.
 */
export function attemptKey(previous: { key: string; body: string } | null, body: string, newKey: () => string): { key: string; body: string } {
  return previous && previous.body === body ? previous : { key: newKey(), body };
}

export interface OrderPartSummary {
  shopId: string;
  status: string;
  pickupCode: string | null;
  slot: string | null;
}

/** What the answer of `POST /api/orders` means for the page. */
export type CheckoutOutcome =
  | { kind: 'placed'; id: string }
  | { kind: 'out_of_stock'; productIds: string[] }
  | { kind: 'price_changed'; productIds: string[]; prices: Record<string, number> }
  /** A shop's slot is full, or it stopped click & collect or delivery (for that address) meanwhile. */
  | { kind: 'shop_conflict'; error: 'slot_unavailable' | 'pickup_unavailable' | 'delivery_unavailable'; shopIds: string[] }
  | { kind: 'payment_unavailable' }
  | { kind: 'invalid'; message: string; issues: { shopId: string | null; field: string | null; message: string }[] }
  | { kind: 'signed_out' }
  | { kind: 'failed'; status: number; message: string };

export function readOutcome(status: number, body: unknown): CheckoutOutcome {
  const b = (body ?? {}) as Record<string, unknown>;
  if ((status === 200 || status === 201) && typeof b.id === 'string') return { kind: 'placed', id: b.id };
  if (status === 409 && b.error === 'out_of_stock' && Array.isArray(b.productIds)) {
    return { kind: 'out_of_stock', productIds: b.productIds.filter((id): id is string => typeof id === 'string') };
  }
  if (status === 409 && b.error === 'price_changed' && Array.isArray(b.productIds)) {
    const prices: Record<string, number> = {};
    for (const [id, cents] of Object.entries((b.prices ?? {}) as Record<string, unknown>)) if (typeof cents === 'number') prices[id] = cents;
    return { kind: 'price_changed', productIds: b.productIds.filter((id): id is string => typeof id === 'string'), prices };
  }
  if (status === 409 && (b.error === 'slot_unavailable' || b.error === 'pickup_unavailable' || b.error === 'delivery_unavailable') && Array.isArray(b.shopIds)) {
    return { kind: 'shop_conflict', error: b.error, shopIds: b.shopIds.filter((id): id is string => typeof id === 'string') };
  }
  if (status === 409 && b.error === 'payment_unavailable') return { kind: 'payment_unavailable' };
  if (status === 401) return { kind: 'signed_out' };
  const error = (b.error ?? {}) as { message?: unknown; issues?: unknown };
  const message = typeof error.message === 'string' ? error.message : '';
  if (status === 400) {
    const issues: { shopId: string | null; field: string | null; message: string }[] = [];
    const list = Array.isArray(error.issues) ? (error.issues as { path?: unknown; message?: unknown }[]) : [];
    for (const issue of list) {
      const path = Array.isArray(issue.path) ? issue.path.map(String) : [];
      const text = typeof issue.message === 'string' ? issue.message : message;
      issues.push(issueAt(path, text));
    }
    if (issues.length === 0 && message) {
      // A service refusal comes as one sentence ("fulfilment: missing for shop-3"): find the shop in it.
      for (const part of message.split('; ')) issues.push(issueAt(part.split(':')[0].split('.'), part, /shop-[1-9][0-9]*/.exec(part)?.[0] ?? null));
    }
    return { kind: 'invalid', message, issues };
  }
  return { kind: 'failed', status, message };
}

function issueAt(path: string[], message: string, shopHint: string | null = null): { shopId: string | null; field: string | null; message: string } {
  if (path[0] === 'fulfilment' && path[1] && /^shop-/.test(path[1])) {
    const field = path[2] === 'address' ? (path[3] ?? 'address') : (path[2] ?? 'slot');
    return { shopId: path[1], field, message };
  }
  return { shopId: shopHint, field: null, message };
}
