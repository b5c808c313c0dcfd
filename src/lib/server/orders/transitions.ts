import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { orderLines, orderParts, orders, products, openPartStatuses, type OrderPartStatus, type PaymentStatus } from '../db/schema';
import { recordCatalogChanges } from '../catalog/log';
import { catalogId, parseCatalogId } from '$lib/catalog/types';
import { normalisePickupCode } from './codes';
import { partViews, type OrderPartView } from './view';
import { notifyPartReady } from '../push/personal';

type Writer = Pick<Db, 'select' | 'update' | 'insert'>;

/**
 * Order part life cycle. Each step is one synchronous `BEGIN IMMEDIATE` transaction with a
 * conditional update on the part's status, so two clicks (or two staff members) never apply
 * the same step twice, and the stock moves with it:
 *
 *   placed ──accept──► accepted ──ready──► ready ──collect (code)──► collected   reserved → sold
 *     │  └─────────────ready──────────────▲   │
 *     ├── cancel (customer, before acceptance) ──► cancelled                     reserved → stock
 *     ├── refuse (shop, with a reason, until collected) ──► refused             reserved → stock
 *     │     (paid online, refused or cancelled: refunded after the step, see refunds.ts)
 *     └── expire (online payment never completed) ──► expired                   reserved → stock
 */
export type StepError =
  /** No such part for this shop or customer. */
  | 'not_found'
  /** The part is not in a status this step applies to (e.g. cancelling an accepted part). */
  | 'wrong_status'
  /** The pickup code does not match. */
  | 'wrong_code'
  /** Online payment not confirmed yet: the shop cannot prepare or hand over. */
  | 'payment_pending'
  /** Being paid online (the payment page is open): a part cannot be cancelled on its own until the payment ends. */
  | 'paid_online';

export type StepResult = { ok: true; part: OrderPartView } | { ok: false; error: StepError; status?: OrderPartStatus };

export const stepFrom = {
  accept: ['placed'],
  ready: ['placed', 'accepted'],
  refuse: ['placed', 'accepted', 'ready'],
  collect: ['accepted', 'ready'],
  cancel: ['placed'],
  expire: ['placed', 'accepted', 'ready']
} as const satisfies Record<string, readonly OrderPartStatus[]>;

const releasing = new Set<OrderPartStatus>(['refused', 'cancelled', 'expired']);

/** Puts a part's units back on sale (reserved → stock) and journals the products for the catalog. */
function release(tx: Writer, partId: number): void {
  const lines = tx.select({ productId: orderLines.productId, qty: orderLines.qty }).from(orderLines).where(eq(orderLines.partId, partId)).all();
  const touched: string[] = [];
  for (const { productId, qty } of lines) {
    if (productId === null) continue;
    tx.update(products)
      .set({ stock: sql`${products.stock} + ${qty}`, reserved: sql`${products.reserved} - ${qty}` })
      .where(eq(products.id, productId))
      .run();
    touched.push(catalogId('product', productId));
  }
  if (touched.length) recordCatalogChanges(tx, touched, 'upsert');
}

/** A collected part's units are sold (reserved → sold); what is on sale does not change. */
function sell(tx: Writer, partId: number): void {
  for (const { productId, qty } of tx.select({ productId: orderLines.productId, qty: orderLines.qty }).from(orderLines).where(eq(orderLines.partId, partId)).all()) {
    if (productId === null) continue;
    tx.update(products)
      .set({ reserved: sql`${products.reserved} - ${qty}`, sold: sql`${products.sold} + ${qty}` })
      .where(eq(products.id, productId))
      .run();
  }
}

/** Moves one part to `to` if it is in one of `from`, with its stock. Call inside an immediate transaction. */
function move(tx: Writer, partId: number, from: readonly OrderPartStatus[], to: OrderPartStatus, at: string, reason?: string): boolean {
  const stamp =
    to === 'accepted' ? { acceptedAt: at } : to === 'ready' ? { readyAt: at, acceptedAt: sql`coalesce(${orderParts.acceptedAt}, ${at})` } : { closedAt: at };
  const { changes } = tx
    .update(orderParts)
    .set({ status: to, ...stamp, ...(reason !== undefined ? { reason } : {}) })
    .where(and(eq(orderParts.id, partId), inArray(orderParts.status, [...from])))
    .run();
  if (changes !== 1) return false;
  if (releasing.has(to)) release(tx, partId);
  else if (to === 'collected') sell(tx, partId);
  return true;
}

interface PartRef {
  partId: number;
  /** The shop acting (merchant steps) … */
  shopId?: number;
  /** … or the customer (cancel). */
  userId?: number;
}

function findPart(tx: Writer, ref: PartRef) {
  const row = tx
    .select({ id: orderParts.id, shopId: orderParts.shopId, status: orderParts.status, code: orderParts.pickupCode, userId: orders.userId, paymentStatus: orders.paymentStatus })
    .from(orderParts)
    .innerJoin(orders, eq(orders.id, orderParts.orderId))
    .where(eq(orderParts.id, ref.partId))
    .get();
  if (!row) return null;
  if (ref.shopId !== undefined && row.shopId !== ref.shopId) return null;
  if (ref.userId !== undefined && row.userId !== ref.userId) return null;
  return row;
}

type Step = keyof typeof stepFrom;
const target: Record<Step, OrderPartStatus> = {
  accept: 'accepted',
  ready: 'ready',
  refuse: 'refused',
  collect: 'collected',
  cancel: 'cancelled',
  expire: 'expired'
};

function step(database: Db, ref: PartRef, name: Step, options: { reason?: string; code?: string; now?: Date } = {}): StepResult {
  const at = (options.now ?? new Date()).toISOString();
  const result = database.$client
    .transaction((): Exclude<StepResult, { ok: true }> | { ok: true } => {
      const part = findPart(database, ref);
      if (!part) return { ok: false, error: 'not_found' };
      const from: readonly OrderPartStatus[] = stepFrom[name];
      if (!from.includes(part.status)) return { ok: false, error: 'wrong_status', status: part.status };
      if ((name === 'accept' || name === 'ready' || name === 'collect') && part.paymentStatus === 'pending') return { ok: false, error: 'payment_pending', status: part.status };
      // Paid online: cancelling is fine, the part is refunded after the step (orders/refunds.ts).
      if (name === 'cancel' && part.paymentStatus === 'pending') return { ok: false, error: 'paid_online', status: part.status };
      if (name === 'collect' && (!part.code || normalisePickupCode(options.code ?? '') !== part.code)) return { ok: false, error: 'wrong_code', status: part.status };
      if (!move(database, part.id, from, target[name], at, options.reason)) return { ok: false, error: 'wrong_status' };
      return { ok: true };
    })
    .immediate();
  if (!result.ok) return result;
  const [view] = partViews(database, { partIds: [ref.partId] });
  const { orderId: _o, partId: _p, ...part } = view;
  return { ok: true, part };
}

/** Merchant steps, for a part of one of the shop's orders. */
export const acceptPart = (database: Db, shopId: number, partId: number, now?: Date) => step(database, { partId, shopId }, 'accept', { now });
/** Marks a part ready; once committed, the customer's devices are told (personal push, if on), never holding this up. */
export function markReady(database: Db, shopId: number, partId: number, now?: Date): StepResult {
  const result = step(database, { partId, shopId }, 'ready', { now });
  if (result.ok) notifyPartReady(database, partId);
  return result;
}
export const refusePart = (database: Db, shopId: number, partId: number, reason: string, now?: Date) => step(database, { partId, shopId }, 'refuse', { reason, now });
export const collectPart = (database: Db, shopId: number, partId: number, code: string, now?: Date) => step(database, { partId, shopId }, 'collect', { code, now });

/** The customer cancels their part at a shop (`shopRef` "shop-3") before the shop accepts it. */
export function cancelPart(database: Db, userId: number, orderId: string, shopRef: string, now?: Date): StepResult {
  const shopId = parseCatalogId(shopRef);
  if (!shopId || shopId.kind !== 'shop') return { ok: false, error: 'not_found' };
  const part = database
    .select({ id: orderParts.id })
    .from(orderParts)
    .where(and(eq(orderParts.orderId, orderId), eq(orderParts.shopId, shopId.n)))
    .get();
  if (!part) return { ok: false, error: 'not_found' };
  return step(database, { partId: part.id, userId }, 'cancel', { reason: 'Annulée par le client.', now });
}

/**
 * Ends an order whose online payment did not go through: the payment gets `status` and every open
 * part expires, releasing its stock. Idempotent: only a `pending` order moves.
 */
export function endUnpaidOrder(database: Db, orderId: string, status: Extract<PaymentStatus, 'failed' | 'expired'>, now = new Date()): boolean {
  const ended = database.$client
    .transaction(() => {
      const { changes } = database
        .update(orders)
        .set({ paymentStatus: status })
        .where(and(eq(orders.id, orderId), eq(orders.paymentStatus, 'pending')))
        .run();
      if (changes !== 1) return false;
      const reason = status === 'failed' ? 'Le paiement n’a pas abouti.' : 'Le paiement n’a pas été fait à temps.';
      closeOpenParts(database, [orderId], 'expired', reason, now);
      return true;
    })
    .immediate();
  return ended;
}

/**
 * Closes every open part of the given orders as `to` (cancelled, expired) with a reason,
 * releasing their stock. Call inside a transaction.
 */
export function closeOpenParts(tx: Writer, orderIds: string[], to: 'cancelled' | 'expired', reason: string, now = new Date()): number {
  if (orderIds.length === 0) return 0;
  const open = tx
    .select({ id: orderParts.id })
    .from(orderParts)
    .where(and(inArray(orderParts.orderId, orderIds), inArray(orderParts.status, [...openPartStatuses])))
    .all();
  let n = 0;
  for (const part of open) if (move(tx, part.id, openPartStatuses, to, now.toISOString(), reason)) n++;
  return n;
}

/** Online payment confirmed: the shops may prepare. Idempotent. */
export function markPaid(database: Db, orderId: string): boolean {
  const paid =
    database
      .update(orders)
      .set({ paymentStatus: 'paid', expiresAt: null })
      .where(and(eq(orders.id, orderId), eq(orders.paymentStatus, 'pending')))
      .run().changes === 1;
  return paid;
}

/**
 * Expires the unpaid online orders whose time is up. Called on demand (before a checkout, when an
 * order or a shop's board is read), like scheduled content: no timer to run or stop.
 * One indexed SELECT that usually finds nothing.
 */
export function expireDueOrders(database: Db, now = new Date()): number {
  let due = dueStatements.get(database.$client);
  if (!due) {
    due = database.$client.prepare<[string], string>(`SELECT id FROM orders WHERE payment_status = 'pending' AND expires_at <= ?`).pluck();
    dueStatements.set(database.$client, due);
  }
  let n = 0;
  for (const id of due.all(now.toISOString())) if (endUnpaidOrder(database, id, 'expired', now)) n++;
  return n;
}

/** Prepared once per connection: this runs before every checkout. */
const dueStatements = new WeakMap<Db['$client'], import('better-sqlite3').Statement<[string], string>>();
