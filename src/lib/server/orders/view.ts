import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { orderLines, orderParts, orders, shops, type DeliveryAddress, type OrderPartStatus, type PaymentMethod, type PaymentStatus } from '../db/schema';
import { catalogId } from '$lib/catalog/types';
import type { ImageDescriptor } from '$lib/images/limits';

type Reader = Pick<Db, 'select'>;

export interface TimelineStep {
  status: OrderPartStatus;
  at: string;
}

export interface OrderLineView {
  /** Catalog id of the product ("product-12"); null if it no longer exists. */
  productId: string | null;
  name: string;
  unit_price_cents: number;
  qty: number;
}

/** One shop's part of an order, as the customer (and that shop) sees it. */
export interface OrderPartView {
  shopId: string;
  shop_name: string;
  shop_slug: string;
  status: OrderPartStatus;
  /** Why it was refused or cancelled. */
  reason: string;
  pickupCode: string | null;
  fulfilment: 'pickup' | 'delivery';
  /** Start of the pickup slot (ISO), null for a delivery. */
  slot: string | null;
  slot_end: string | null;
  delivery: { address: DeliveryAddress | null; fee_cents: number; photo: DeliveryPhotoView | null } | null;
  subtotal_cents: number;
  lines: OrderLineView[];
  /** placed → accepted → ready → collected, or the step that ended it (refused, cancelled, expired). */
  timeline: TimelineStep[];
  /**
   * A refused or cancelled part of an order paid online: its amount given back to the card
   * (`refunded`, with when), or still to be (`pending`, "remboursement en attente"). Null otherwise.
   */
  refund: RefundView | null;
}

export interface RefundView {
  status: 'refunded' | 'pending';
  amount_cents: number;
  at: string | null;
}

/** The refund of a part, from its row and its order's payment. */
export function refundOf(
  part: Pick<PartRow, 'status' | 'subtotalCents' | 'deliveryFeeCents' | 'refundRef' | 'refundCents' | 'refundedAt'>,
  payment: { method: PaymentMethod; status: PaymentStatus }
): RefundView | null {
  if (part.refundRef) return { status: 'refunded', amount_cents: part.refundCents ?? part.subtotalCents + part.deliveryFeeCents, at: part.refundedAt };
  if (payment.method !== 'online' || payment.status !== 'paid' || (part.status !== 'refused' && part.status !== 'cancelled')) return null;
  return { status: 'pending', amount_cents: part.subtotalCents + part.deliveryFeeCents, at: null };
}

/**
 * The "photo de livraison" the shop attached: its variants are served by `base` + variant file
 * name (`<id>-<width>.<avif|webp>`), to the order's customer and the shop's members only.
 */
export interface DeliveryPhotoView extends ImageDescriptor {
  base: string;
}

/** Where an order's private photos are served (see src/routes/api/orders/[id]/photos). */
export const orderPhotoBase = (orderId: string) => `/api/orders/${orderId}/photos/`;

export interface OrderView {
  id: string;
  created_at: string;
  /** `redirect_url`: the provider's payment page while an online payment is pending. */
  payment: { method: PaymentMethod; status: PaymentStatus; expires_at: string | null; redirect_url: string | null };
  total_cents: number;
  parts: OrderPartView[];
}

type PartRow = typeof orderParts.$inferSelect;

export function timeline(part: Pick<PartRow, 'status' | 'placedAt' | 'acceptedAt' | 'readyAt' | 'closedAt'>): TimelineStep[] {
  const steps: TimelineStep[] = [{ status: 'placed', at: part.placedAt }];
  if (part.acceptedAt) steps.push({ status: 'accepted', at: part.acceptedAt });
  if (part.readyAt) steps.push({ status: 'ready', at: part.readyAt });
  if (part.closedAt) steps.push({ status: part.status, at: part.closedAt });
  return steps;
}

/** Parts of the given orders with their shop and lines, ready to show. */
export function partViews(database: Reader, where: { orderIds?: string[]; partIds?: number[] }): (OrderPartView & { orderId: string; partId: number })[] {
  const condition = where.orderIds ? inArray(orderParts.orderId, where.orderIds) : inArray(orderParts.id, where.partIds ?? []);
  const parts = database
    .select({ part: orderParts, shopName: shops.name, shopSlug: shops.slug, method: orders.paymentMethod, paid: orders.paymentStatus })
    .from(orderParts)
    .innerJoin(shops, eq(shops.id, orderParts.shopId))
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .where(condition)
    .orderBy(asc(orderParts.id))
    .all();
  if (parts.length === 0) return [];
  const lines = database
    .select()
    .from(orderLines)
    .where(
      inArray(
        orderLines.partId,
        parts.map((p) => p.part.id)
      )
    )
    .orderBy(asc(orderLines.id))
    .all();
  return parts.map(({ part, shopName, shopSlug, method, paid }) => ({
    orderId: part.orderId,
    partId: part.id,
    shopId: catalogId('shop', part.shopId),
    shop_name: shopName,
    shop_slug: shopSlug,
    status: part.status,
    reason: part.reason,
    pickupCode: part.pickupCode,
    fulfilment: part.fulfilment,
    slot: part.slotStart,
    slot_end: part.slotEnd,
    delivery:
      part.fulfilment === 'delivery'
        ? { address: part.deliveryAddress, fee_cents: part.deliveryFeeCents, photo: part.deliveryPhoto ? { ...part.deliveryPhoto, base: orderPhotoBase(part.orderId) } : null }
        : null,
    subtotal_cents: part.subtotalCents,
    lines: lines
      .filter((l) => l.partId === part.id)
      .map((l) => ({ productId: l.productId === null ? null : catalogId('product', l.productId), name: l.name, unit_price_cents: l.unitPriceCents, qty: l.qty })),
    timeline: timeline(part),
    refund: refundOf(part, { method, status: paid })
  }));
}

/** The whole order, or null. Callers check who may see it. */
export function orderView(database: Reader, id: string): OrderView | null {
  const order = database.select().from(orders).where(eq(orders.id, id)).get();
  if (!order) return null;
  return {
    id: order.id,
    created_at: order.createdAt,
    payment: { method: order.paymentMethod, status: order.paymentStatus, expires_at: order.expiresAt, redirect_url: order.paymentStatus === 'pending' ? order.paymentUrl : null },
    total_cents: order.totalCents,
    parts: partViews(database, { orderIds: [id] }).map(({ orderId: _o, partId: _p, ...part }) => part)
  };
}

/** The owner of an order (null when anonymised or unknown). */
export function orderOwner(database: Reader, id: string): number | null {
  return database.select({ userId: orders.userId }).from(orders).where(eq(orders.id, id)).get()?.userId ?? null;
}
