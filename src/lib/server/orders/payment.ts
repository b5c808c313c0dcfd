import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { orderParts, orders, paymentEvents, shops } from '../db/schema';
import { commissionBps, commissionOn } from './payouts';
import type { PaymentOutcome, PaymentProvider } from '../payments';
import { endUnpaidOrder, markPaid } from './transitions';
import type { OrderView } from './view';

/**
 * Online payment around a committed order: the stock is already reserved when the provider is
 * asked for a payment page (never inside the checkout transaction: no network call holds the
 * write lock). If the provider cannot be reached, the order fails and its stock is released.
 */
export async function startOnlinePayment(database: Db, provider: PaymentProvider, order: OrderView, origin: string): Promise<OrderView> {
  try {
    const { redirectUrl, ref } = await provider.startPayment!({
      orderId: order.id,
      totalCents: order.total_cents,
      parts: order.parts.map((part) => ({ shopName: part.shop_name, amountCents: part.subtotal_cents + (part.delivery?.fee_cents ?? 0) })),
      returnUrl: `${origin}/orders/${order.id}`
    });
    database.update(orders).set({ paymentRef: ref, paymentUrl: redirectUrl }).where(eq(orders.id, order.id)).run();
    return { ...order, payment: { ...order.payment, redirect_url: redirectUrl } };
  } catch (error) {
    endUnpaidOrder(database, order.id, 'failed');
    throw error;
  }
}

/**
 * Applies a verified provider notification once: the event id is recorded in the same
 * transaction as its effect (paid → the shops may prepare; failed or expired → the parts expire
 * and the stock goes back on sale). Returns false for an event seen before.
 */
export function applyPaymentEvent(database: Db, outcome: PaymentOutcome, now = new Date()): boolean {
  return database.$client
    .transaction(() => {
      const inserted = database
        .insert(paymentEvents)
        .values({ id: outcome.eventId, type: outcome.type, orderId: outcome.orderId, receivedAt: now.toISOString() })
        .onConflictDoNothing()
        .run();
      if (inserted.changes !== 1) return false;
      if (outcome.orderId && outcome.status === 'paid') {
        markPaid(database, outcome.orderId);
        if (outcome.paymentIntent) database.update(orders).set({ paymentIntent: outcome.paymentIntent }).where(and(eq(orders.id, outcome.orderId), isNull(orders.paymentIntent))).run();
      }
      else if (outcome.orderId && (outcome.status === 'failed' || outcome.status === 'expired')) endUnpaidOrder(database, outcome.orderId, outcome.status, now);
      return true;
    })
    .immediate();
}

/**
 * Sends each shop of a paid order its share (lines and delivery fee, less the platform's commission: see payouts.ts) once:
 * parts already paid out, refused or cancelled, and shops without a connected account are
 * skipped. Safe to call again (after a provider error, or for a repeated notification).
 */
export async function payOutShops(database: Db, provider: PaymentProvider, orderId: string): Promise<number> {
  if (!provider.payout) return 0;
  const order = database.select({ status: orders.paymentStatus }).from(orders).where(eq(orders.id, orderId)).get();
  if (order?.status !== 'paid') return 0;
  const due = database
    .select({ partId: orderParts.id, subtotal: orderParts.subtotalCents, fee: orderParts.deliveryFeeCents, account: shops.paymentAccount })
    .from(orderParts)
    .innerJoin(shops, eq(shops.id, orderParts.shopId))
    .where(and(eq(orderParts.orderId, orderId), isNull(orderParts.payoutRef), inArray(orderParts.status, ['placed', 'accepted', 'ready', 'collected'])))
    .all();
  const bps = commissionBps(database);
  let n = 0;
  for (const part of due) {
    if (!part.account) continue;
    const { ref } = await provider.payout({ orderId, partId: part.partId, account: part.account, amountCents: part.subtotal + part.fee - commissionOn(part.subtotal + part.fee, bps) });
    database.update(orderParts).set({ payoutRef: ref }).where(eq(orderParts.id, part.partId)).run();
    n++;
  }
  return n;
}
