import { and, asc, eq, gte, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { orderParts, orders, type PaymentMethod } from '../db/schema';
import { readSetting, writeSetting } from '../settings';
import { addDays, parisInstant } from '$lib/catalog/hours';

/**
 * The platform's commission on what the shops sell through it, in basis points (1 % = 100).
 * An operator setting edited on /admin; 0 % until someone sets it.
 */
export const COMMISSION_SETTING = 'platform_commission_bps';
export const MAX_COMMISSION_BPS = 5000;

export function commissionBps(database: Pick<Db, 'select'>): number {
  const value = readSetting<number>(database, COMMISSION_SETTING);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COMMISSION_BPS ? value : 0;
}

export function setCommissionBps(database: Pick<Db, 'insert'>, bps: number): void {
  if (!Number.isInteger(bps) || bps < 0 || bps > MAX_COMMISSION_BPS) throw new RangeError('commission out of range');
  writeSetting(database, COMMISSION_SETTING, bps);
}

/** Commission on an amount, rounded to the nearest cent (half up). */
export function commissionOn(cents: number, bps: number): number {
  return Math.floor((cents * bps + 5000) / 10000);
}

export interface PayoutRow {
  orderId: string;
  /** When it was collected (or delivered): the sale's date. */
  collectedAt: string;
  fulfilment: 'pickup' | 'delivery';
  payment: PaymentMethod;
  /** Lines plus the delivery fee. */
  amountCents: number;
  commissionCents: number;
}

export interface PayoutReport {
  from: string;
  to: string;
  bps: number;
  rows: PayoutRow[];
  orders: number;
  grossCents: number;
  commissionCents: number;
  netCents: number;
  /** Of the gross: taken at the counter ("payer au retrait") and paid online through the platform. */
  atCounterCents: number;
  onlineCents: number;
  /** What the platform owes the shop for online payments, minus the whole commission (may be negative). */
  dueToShopCents: number;
  /**
   * Parts paid online, then refused or cancelled, refunded to the customer in the period: not
   * sales (never in the figures above); the transfer already made to the shop, if any, was taken back.
   */
  refunds: RefundRow[];
  refundedCents: number;
}

export interface RefundRow {
  orderId: string;
  refundedAt: string;
  amountCents: number;
  /** The shop had been paid its share and the transfer was reversed (else it was never paid out). */
  reversed: boolean;
}

/**
 * A shop's sales between two Paris dates (inclusive): the parts collected or delivered in that
 * period, each with its amount and the platform's commission at the current rate.
 */
export function payoutReport(database: Db, shopId: number, from: string, to: string, bps = commissionBps(database)): PayoutReport {
  const start = new Date(parisInstant(from, 0)).toISOString();
  const end = new Date(parisInstant(addDays(to, 1), 0)).toISOString();
  const parts = database
    .select({
      orderId: orderParts.orderId,
      closedAt: orderParts.closedAt,
      fulfilment: orderParts.fulfilment,
      subtotal: orderParts.subtotalCents,
      fee: orderParts.deliveryFeeCents,
      payment: orders.paymentMethod
    })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .where(and(eq(orderParts.shopId, shopId), eq(orderParts.status, 'collected'), gte(orderParts.closedAt, start), lt(orderParts.closedAt, end)))
    .orderBy(asc(orderParts.closedAt), asc(orderParts.id))
    .all();
  const rows: PayoutRow[] = parts.map((p) => {
    const amountCents = p.subtotal + p.fee;
    return { orderId: p.orderId, collectedAt: p.closedAt!, fulfilment: p.fulfilment, payment: p.payment, amountCents, commissionCents: commissionOn(amountCents, bps) };
  });
  const sum = (f: (r: PayoutRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const grossCents = sum((r) => r.amountCents);
  const commissionCents = sum((r) => r.commissionCents);
  const onlineCents = sum((r) => (r.payment === 'online' ? r.amountCents : 0));
  const refunds: RefundRow[] = database
    .select({ orderId: orderParts.orderId, refundedAt: orderParts.refundedAt, amountCents: orderParts.refundCents, reversal: orderParts.reversalRef })
    .from(orderParts)
    .where(and(eq(orderParts.shopId, shopId), isNotNull(orderParts.refundRef), gte(orderParts.refundedAt, start), lt(orderParts.refundedAt, end)))
    .orderBy(asc(orderParts.refundedAt), asc(orderParts.id))
    .all()
    .map((r) => ({ orderId: r.orderId, refundedAt: r.refundedAt!, amountCents: r.amountCents ?? 0, reversed: r.reversal !== null }));
  return {
    from,
    to,
    bps,
    rows,
    orders: rows.length,
    grossCents,
    commissionCents,
    netCents: grossCents - commissionCents,
    atCounterCents: grossCents - onlineCents,
    onlineCents,
    dueToShopCents: onlineCents - commissionCents,
    refunds,
    refundedCents: refunds.reduce((sum, r) => sum + r.amountCents, 0)
  };
}
