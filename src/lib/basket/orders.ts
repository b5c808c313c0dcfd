/**
 * The customer's view of an order (`GET /api/orders/[id]`, `GET /api/orders`), as the device
 * shows it: the timeline of each shop's part, what can still be done, what to refill a basket
 * with. Pure, for the pages and the unit tests.
 */
import { encode } from 'uqr';
import type { ImageDescriptor } from '$lib/images/limits';

export type PartStatus = 'placed' | 'accepted' | 'ready' | 'collected' | 'refused' | 'cancelled' | 'expired';

export interface OrderLine {
  productId: string | null;
  name: string;
  unit_price_cents: number;
  qty: number;
}

export interface OrderPart {
  shopId: string;
  shop_name: string;
  shop_slug: string;
  status: PartStatus;
  reason: string;
  pickupCode: string | null;
  fulfilment: 'pickup' | 'delivery';
  slot: string | null;
  slot_end: string | null;
  delivery: {
    address: Record<string, string> | null;
    fee_cents: number;
    /** The shop's « photo de livraison », served privately under `base`. */
    photo?: (ImageDescriptor & { base: string }) | null;
  } | null;
  subtotal_cents: number;
  lines: OrderLine[];
  timeline: { status: PartStatus; at: string }[];
  /** A refused or cancelled part paid online: given back (`refunded`) or about to be (`pending`). */
  refund?: { status: 'refunded' | 'pending'; amount_cents: number; at: string | null } | null;
}

export interface Order {
  id: string;
  created_at: string;
  payment: { method: 'pickup' | 'online'; status: string; expires_at: string | null };
  total_cents: number;
  parts: OrderPart[];
}

/** The happy path every part walks. */
export const PART_STEPS = ['placed', 'accepted', 'ready', 'collected'] as const;
export type PartStep = (typeof PART_STEPS)[number];

export interface TimelineEntry {
  status: PartStatus;
  state: 'done' | 'current' | 'todo' | 'ended';
  /** When it happened (ISO), for done, current and ended steps. */
  at: string | null;
}

/**
 * The steps to draw for a part: placed → accepted → ready → collected, each done, current or to
 * come; a part refused, cancelled or expired stops at the step it reached, then shows how it ended.
 */
export function partTimeline(part: Pick<OrderPart, 'status' | 'timeline'>): TimelineEntry[] {
  const at = new Map(part.timeline.map((t) => [t.status, t.at]));
  const ended = part.status === 'refused' || part.status === 'cancelled' || part.status === 'expired';
  if (ended) {
    const reached = PART_STEPS.filter((s) => at.has(s));
    const steps: TimelineEntry[] = (reached.length > 0 ? reached : ['placed' as const]).map((s) => ({ status: s, state: 'done', at: at.get(s) ?? null }));
    steps.push({ status: part.status, state: 'ended', at: at.get(part.status) ?? null });
    return steps;
  }
  const current = PART_STEPS.indexOf(part.status as PartStep);
  return PART_STEPS.map((s, i) => ({
    status: s,
    state: i < current ? 'done' : i === current ? (s === 'collected' ? 'done' : 'current') : 'todo',
    at: i <= current ? (at.get(s) ?? null) : null
  }));
}

/** A customer may cancel a part until the shop accepts it. */
export function cancellable(part: Pick<OrderPart, 'status'>): boolean {
  return part.status === 'placed';
}

/** The code is shown while the part waits to be collected. */
export function showsCode(part: Pick<OrderPart, 'status' | 'pickupCode'>): boolean {
  return part.pickupCode !== null && (part.status === 'placed' || part.status === 'accepted' || part.status === 'ready');
}

/** Whether anything can still change (worth refreshing the page for). */
export function isOpen(order: Pick<Order, 'parts'>): boolean {
  return order.parts.some((p) => p.status === 'placed' || p.status === 'accepted' || p.status === 'ready');
}

/** The lines to put back in a basket for "Commander à nouveau" (products that still exist). */
export function reorderLines(order: Pick<Order, 'parts'>): { productId: string; qty: number }[] {
  const qty = new Map<string, number>();
  for (const part of order.parts) for (const line of part.lines) if (line.productId) qty.set(line.productId, (qty.get(line.productId) ?? 0) + line.qty);
  return [...qty].map(([productId, n]) => ({ productId, qty: n }));
}

/** Parts whose status changed between two copies of an order, for a live announcement. */
export function changedParts(before: Order, after: Order): OrderPart[] {
  const was = new Map(before.parts.map((p) => [p.shopId, p.status]));
  return after.parts.filter((p) => was.has(p.shopId) && was.get(p.shopId) !== p.status);
}

/** The QR code of a pickup code as one SVG path (drawn on the device; no image is fetched). */
export function qrPath(text: string): { size: number; d: string } {
  const qr = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  qr.data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < row.length && row[x + run]) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  });
  return { size: qr.size, d };
}

/** A minimal check that an API answer is an order (the page trusts its own server, but not blindly). */
export function isOrder(value: unknown): value is Order {
  const o = value as Partial<Order> | null;
  return !!o && typeof o.id === 'string' && Array.isArray(o.parts) && typeof o.total_cents === 'number';
}
