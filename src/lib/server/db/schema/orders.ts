import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import type { ImageDescriptor } from '$lib/images/limits';
import { products, shops } from './market';

export const paymentMethods = ['pickup', 'online'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/**
 * `due_at_pickup`: "Payer au retrait", each shop is paid at the counter. `pending`: an online
 * payment was started and not confirmed yet (the order expires if it never is). `paid`, `failed`,
 * `expired`: what the provider told us (a failed or expired payment releases the stock).
 */
export const paymentStatuses = ['due_at_pickup', 'pending', 'paid', 'failed', 'expired'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/**
 * One checkout: one basket, one payment, any number of shops. The public id is random (an order
 * page URL reveals neither how many orders the platform takes nor anyone else's order).
 */
export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    /** Null once the customer's account is deleted: the sale stays in the shops' books, anonymous. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The client's `Idempotency-Key` and the SHA-256 of the request it came with. */
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    paymentMethod: text('payment_method', { enum: paymentMethods }).notNull(),
    paymentStatus: text('payment_status', { enum: paymentStatuses }).notNull(),
    /** The provider's reference (checkout session) for online payments. */
    paymentRef: text('payment_ref'),
    /** The provider's payment page, so a retried checkout can send the customer back to it. */
    paymentUrl: text('payment_url'),
    /** Lines plus delivery fees, in euro cents. */
    totalCents: integer('total_cents').notNull(),
    createdAt: text('created_at').notNull(),
    /** Unpaid online orders are released at this time. */
    expiresAt: text('expires_at'),
    /** When the customer's account was deleted and the personal parts were blanked. */
    anonymisedAt: text('anonymised_at'),
    /** Online payment: the provider's charge (Stripe PaymentIntent) a refund is taken from, from the "paid" notification. */
    paymentIntent: text('payment_intent'),
    /** The language of the customer's checkout (`fr`, `en`), for the confirmation email of an order paid later online. */
    locale: text('locale'),
    /**
     * When the one confirmation email was handed to the SMTP server (claimed just before sending:
     * never a second one, even for a replayed checkout, a repeated notification or another process).
     */
    emailSentAt: text('email_sent_at')
  },
  (t) => [
    uniqueIndex('orders_idempotency_idx').on(t.userId, t.idempotencyKey),
    index('orders_user_idx').on(t.userId, t.createdAt),
    index('orders_expiry_idx').on(t.paymentStatus, t.expiresAt)
  ]
);

export const orderPartStatuses = ['placed', 'accepted', 'ready', 'collected', 'refused', 'cancelled', 'expired'] as const;
export type OrderPartStatus = (typeof orderPartStatuses)[number];
/** Statuses whose lines still hold stock (reserved); `collected` sold it, the others released it. */
export const openPartStatuses = ['placed', 'accepted', 'ready'] as const satisfies readonly OrderPartStatus[];

export interface DeliveryAddress {
  name: string;
  line: string;
  postcode: string;
  city: string;
  phone?: string;
  instructions?: string;
}

/** What one shop prepares for one order: a pickup slot or a delivery, its own status and code. */
export const orderParts = sqliteTable(
  'order_parts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** Shops are never deleted (they are suspended): their orders stay in the books. */
    shopId: integer('shop_id')
      .notNull()
      .references(() => shops.id),
    status: text('status', { enum: orderPartStatuses }).notNull().default('placed'),
    /** Why a part was refused or cancelled, shown to the customer. */
    reason: text('reason').notNull().default(''),
    /** Shown to the customer (and as a QR code on the device); the shop checks it at the counter. */
    pickupCode: text('pickup_code'),
    fulfilment: text('fulfilment', { enum: ['pickup', 'delivery'] }).notNull(),
    /** Pickup slot, ISO instants (UTC). */
    slotStart: text('slot_start'),
    slotEnd: text('slot_end'),
    deliveryAddress: text('delivery_address', { mode: 'json' }).$type<DeliveryAddress>(),
    deliveryFeeCents: integer('delivery_fee_cents').notNull().default(0),
    /**
     * "Photo de livraison": what the shop delivered, stored with the 'private' images and served
     * only to the order's customer and the shop's members (GET /api/orders/[id]/photos/[file]).
     */
    deliveryPhoto: text('delivery_photo', { mode: 'json' }).$type<ImageDescriptor>(),
    /** Sum of the lines (without the delivery fee). */
    subtotalCents: integer('subtotal_cents').notNull(),
    placedAt: text('placed_at').notNull(),
    acceptedAt: text('accepted_at'),
    readyAt: text('ready_at'),
    /** When it was collected, refused, cancelled or expired. */
    closedAt: text('closed_at'),
    /** Online payment: the provider's transfer of this part's amount to the shop. */
    payoutRef: text('payout_ref'),
    /**
     * Online payment, refused or cancelled part: the provider's refund of its amount to the
     * customer, what it was and when. While a paid part is closed without it, the refund is due
     * ("remboursement en attente", retried: see orders/refunds.ts).
     */
    refundRef: text('refund_ref'),
    refundCents: integer('refund_cents'),
    refundedAt: text('refunded_at'),
    /** The reversal of `payoutRef` when the shop had already been paid its share of a refunded part. */
    reversalRef: text('reversal_ref')
  },
  (t) => [
    index('order_parts_order_idx').on(t.orderId),
    index('order_parts_slot_idx').on(t.shopId, t.slotStart),
    index('order_parts_shop_status_idx').on(t.shopId, t.status)
  ]
);

/** A product as it was ordered: name and unit price are copied, so later edits change nothing. */
export const orderLines = sqliteTable(
  'order_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partId: integer('part_id')
      .notNull()
      .references(() => orderParts.id, { onDelete: 'cascade' }),
    productId: integer('product_id').references(() => products.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    qty: integer('qty').notNull()
  },
  (t) => [index('order_lines_part_idx').on(t.partId), index('order_lines_product_idx').on(t.productId)]
);


/**
 * Payment provider notifications already applied, by the provider's event id: a notification
 * sent twice (providers retry) changes nothing the second time.
 */
export const paymentEvents = sqliteTable('payment_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  orderId: text('order_id'),
  receivedAt: text('received_at').notNull()
});
