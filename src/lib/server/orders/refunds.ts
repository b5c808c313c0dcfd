import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { orderParts, orders } from '../db/schema';
import type { PaymentProvider } from '../payments';
import { partViews, type OrderPartView } from './view';

/**
 * Refunds of online payments, one part at a time.
 *
 * A part of an order paid online that the shop refuses, or the customer cancels before the shop
 * accepts it, is given back: its lines and delivery fee, to the card that paid (the stock is
 * released by the step itself, in its transaction, as for any refused part). Nothing is stored
 * to say a refund is due: it is due while a refused or cancelled part of a paid online order has
 * no refund reference (or, when the shop had already been paid its share, no reversal of that
 * transfer). So a step needs no network call inside its transaction, and a refund that fails
 * stays due — "remboursement en attente" on the order page — until a later attempt succeeds.
 *
 * Attempts: right after the refusal or cancellation (the answer waits a few seconds at most),
 * on every payment notification the provider sends, and when the server starts. The provider
 * receives an idempotency key per part (`refund-<part id>`, `reversal-<part id>`), so two
 * attempts at once (two clicks, two processes) still refund once. Stripe keeps those keys 24 h
 * only: an attempt whose answer was lost and that is retried later is caught by the adapter,
 * which first looks for a refund (reversal) carrying the part's id in its metadata.
 */

/** Parts whose refund (or the reversal of the shop's transfer) is still to be made. */
export function refundsDue(database: Pick<Db, 'select'>, where: { orderId?: string; limit?: number } = {}) {
  return database
    .select({
      partId: orderParts.id,
      orderId: orderParts.orderId,
      amountCents: sql<number>`${orderParts.subtotalCents} + ${orderParts.deliveryFeeCents}`,
      refundRef: orderParts.refundRef,
      payoutRef: orderParts.payoutRef,
      paymentRef: orders.paymentRef,
      paymentIntent: orders.paymentIntent
    })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .where(
      and(
        eq(orders.paymentMethod, 'online'),
        eq(orders.paymentStatus, 'paid'),
        inArray(orderParts.status, ['refused', 'cancelled']),
        or(isNull(orderParts.refundRef), and(isNotNull(orderParts.payoutRef), isNull(orderParts.reversalRef))),
        where.orderId ? eq(orderParts.orderId, where.orderId) : undefined
      )
    )
    .orderBy(orderParts.id)
    .limit(where.limit ?? 50)
    .all();
}

export interface SettleResult {
  refunded: number;
  reversed: number;
  /** Parts still due after this attempt (the provider failed). */
  failed: number;
}

/**
 * Makes the refunds (and transfer reversals) that are due, once each. Never throws: a failure
 * is logged without any personal data and left for the next attempt.
 */
export async function settleRefunds(database: Db, provider: PaymentProvider | null, where: { orderId?: string } = {}, now = () => new Date()): Promise<SettleResult> {
  const result: SettleResult = { refunded: 0, reversed: 0, failed: 0 };
  if (!provider?.refund) return result;
  for (const due of refundsDue(database, where)) {
    try {
      if (!due.refundRef) {
        if (!due.paymentRef) throw new Error('no payment reference');
        const { ref } = await provider.refund({ orderId: due.orderId, partId: due.partId, paymentRef: due.paymentRef, paymentIntent: due.paymentIntent, amountCents: due.amountCents });
        database
          .update(orderParts)
          .set({ refundRef: ref, refundCents: due.amountCents, refundedAt: now().toISOString() })
          .where(and(eq(orderParts.id, due.partId), isNull(orderParts.refundRef)))
          .run();
        result.refunded++;
      }
      if (due.payoutRef && provider.reversePayout) {
        const { ref } = await provider.reversePayout({ orderId: due.orderId, partId: due.partId, payoutRef: due.payoutRef });
        database.update(orderParts).set({ reversalRef: ref }).where(eq(orderParts.id, due.partId)).run();
        result.reversed++;
      }
    } catch (error) {
      result.failed++;
      // The part id only: it names no one.
      console.error(`[placette] refund of order part ${due.partId} failed, retried later:`, error instanceof Error ? error.message : 'unknown error');
    }
  }
  return result;
}

/**
 * After a refusal or a cancellation (of `orderId`), or a payment notification (every refund due):
 * tries now, waiting at most `waitMs` (the attempt goes on in the background past that), so the
 * answer usually already says "Remboursé" and a slow provider never holds a request long.
 */
export async function refundSoon(database: Db, provider: PaymentProvider | null, orderId?: string, waitMs = 5000): Promise<void> {
  if (!provider?.refund) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([settleRefunds(database, provider, orderId ? { orderId } : {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
}

/** The order a part belongs to (for the routes that know the part only). */
export function orderOfPart(database: Pick<Db, 'select'>, partId: number): string | null {
  return database.select({ orderId: orderParts.orderId }).from(orderParts).where(eq(orderParts.id, partId)).get()?.orderId ?? null;
}

/** A part as the step answers it, read again once its refund was tried. */
export function partNow(database: Pick<Db, 'select'>, partId: number): OrderPartView {
  const [{ orderId: _o, partId: _p, ...part }] = partViews(database, { partIds: [partId] });
  return part;
}
