import { createHash } from 'node:crypto';
import { fdatasync, fdatasyncSync, openSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Db } from '../db';
import type { DeliveryAddress, WeeklyHours } from '../db/schema';
import { paymentProvider } from '../payments';
import type { PaymentProvider } from '../payments/provider';
import { catalogId, parseCatalogId } from '$lib/catalog/types';
import { findSlot } from '$lib/orders/slots';
import type { OrderRequest } from '$lib/schemas/orders';
import { newOrderId, newPickupCode } from './codes';
import { orderView, type OrderPartView, type OrderView } from './view';

/** A reason to refuse a checkout that depends on the state of the shops (HTTP 409). */
export type CheckoutConflict =
  | { error: 'out_of_stock'; productIds: string[] }
  | { error: 'price_changed'; productIds: string[]; prices: Record<string, number> }
  | { error: 'slot_unavailable'; shopIds: string[] }
  | { error: 'pickup_unavailable'; shopIds: string[] }
  | { error: 'delivery_unavailable'; shopIds: string[] }
  | { error: 'payment_unavailable' };

export type CheckoutResult =
  | { kind: 'created'; order: OrderView }
  /** The same Idempotency-Key with the same request: the order made the first time. */
  | { kind: 'replayed'; order: OrderView }
  /** The same Idempotency-Key with a different request (HTTP 422). */
  | { kind: 'key_reused' }
  | { kind: 'conflict'; conflict: CheckoutConflict }
  /** The body is well-formed but does not match the basket (HTTP 400). */
  | { kind: 'invalid'; message: string };

export interface CheckoutInput {
  userId: number;
  idempotencyKey: string;
  body: OrderRequest;
  now?: Date;
}

class Conflict extends Error {
  constructor(readonly conflict: CheckoutConflict) {
    super(conflict.error);
  }
}

/** JSON with sorted keys: two requests that mean the same thing hash the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(body: OrderRequest): string {
  return createHash('sha256').update(canonical(body)).digest('base64url');
}

// ---------------------------------------------------------------------------------------------
// Statements of the hot path, prepared once per connection (the query builder would build and
// prepare each of them again for every checkout; at a thousand checkouts a second it shows).

const OPEN_OR_COLLECTED = `('placed','accepted','ready','collected')`;

function prepare(sqlite: Database.Database) {
  return {
    previous: sqlite.prepare<[number, string], { id: string; requestHash: string | null }>(
      'SELECT id, request_hash AS requestHash FROM orders WHERE user_id = ? AND idempotency_key = ?'
    ),
    platformOpen: sqlite.prepare<[], string>(`SELECT value FROM settings WHERE key = 'platform_open'`).pluck(),
    product: sqlite.prepare<[number], ProductRow>(
      `SELECT p.id, p.name, p.price_cents AS priceCents, p.stock, p.visible,
              s.id AS shopId, s.slug AS shopSlug, s.name AS shopName, s.status AS shopStatus, s.click_and_collect AS clickAndCollect,
              s.opening_hours AS openingHours, s.closed_dates AS closedDates, s.slot_minutes AS slotMinutes,
              s.slot_capacity AS slotCapacity, s.prep_minutes AS prepMinutes, s.delivery,
              s.delivery_postcodes AS deliveryPostcodes, s.delivery_fee_cents AS deliveryFeeCents
         FROM products p JOIN shops s ON s.id = p.shop_id WHERE p.id = ?`
    ),
    // Bounded by the capacity: a slot's index entries are read up to that many, never more.
    slotHeld: sqlite
      .prepare<[number, string, number], number>(
        `SELECT count(*) FROM (SELECT 1 FROM order_parts WHERE shop_id = ? AND slot_start = ? AND status IN ${OPEN_OR_COLLECTED} LIMIT ?)`
      )
      .pluck(),
    reserve: sqlite.prepare<[number, number, number, number]>(
      'UPDATE products SET stock = stock - ?, reserved = reserved + ? WHERE id = ? AND stock >= ?'
    ),
    insertOrder: sqlite.prepare(
      `INSERT INTO orders (id, user_id, idempotency_key, request_hash, payment_method, payment_status, total_cents, created_at, expires_at)
       VALUES (@id, @userId, @key, @hash, @method, @status, @total, @createdAt, @expiresAt)`
    ),
    insertPart: sqlite
      .prepare(
        `INSERT INTO order_parts (order_id, shop_id, pickup_code, fulfilment, slot_start, slot_end, delivery_address, delivery_fee_cents, subtotal_cents, placed_at)
         VALUES (@orderId, @shopId, @code, @fulfilment, @slotStart, @slotEnd, @address, @fee, @subtotal, @placedAt) RETURNING id`
      )
      .pluck(),
    insertLine: sqlite.prepare('INSERT INTO order_lines (part_id, product_id, name, unit_price_cents, qty) VALUES (?, ?, ?, ?, ?)'),
    journal: sqlite.prepare(`INSERT INTO catalog_log (item_id, op) VALUES (?, 'upsert')`)
  };
}

interface ProductRow {
  id: number;
  name: string;
  priceCents: number;
  stock: number;
  visible: number;
  shopId: number;
  shopSlug: string;
  shopName: string;
  shopStatus: string;
  clickAndCollect: number;
  openingHours: string;
  closedDates: string;
  slotMinutes: number;
  slotCapacity: number;
  prepMinutes: number;
  delivery: number;
  deliveryPostcodes: string;
  deliveryFeeCents: number;
}

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
function stmts(sqlite: Database.Database) {
  let s = statements.get(sqlite);
  if (!s) statements.set(sqlite, (s = prepare(sqlite)));
  return s;
}

// ---------------------------------------------------------------------------------------------

type Written = Exclude<CheckoutResult, { kind: 'created' | 'replayed' }> | { kind: 'created'; order: OrderView } | { kind: 'replayed'; id: string };

/**
 * The checkout itself: re-checks every price and stock, every slot and delivery zone, reserves
 * the stock and writes the order, its parts and lines. Synchronous from the first read to the
 * last write (no await can slip in); the caller runs it inside `BEGIN IMMEDIATE`.
 */
function write(sqlite: Database.Database, input: CheckoutInput, hash: string, provider: PaymentProvider | null): Written {
  const s = stmts(sqlite);
  const { userId, idempotencyKey, body } = input;
  const now = input.now ?? new Date();
  const nowMs = now.getTime();

  // Inside the write lock: a concurrent retry with the same key sees the first order.
  const before = s.previous.get(userId, idempotencyKey);
  if (before) return before.requestHash === hash ? { kind: 'replayed', id: before.id } : { kind: 'key_reused' };
  if (!provider) throw new Conflict({ error: 'payment_unavailable' });

  // Products and their shops; anything not on sale now counts as out of stock.
  const open = s.platformOpen.get() === 'true';
  const lines = body.lines.map((line) => ({ line, row: s.product.get(parseCatalogId(line.productId)!.n) }));
  const unavailable: string[] = [];
  const repriced: Record<string, number> = {};
  for (const { line, row } of lines) {
    if (!row || !row.visible || row.shopStatus !== 'approved' || !open || row.stock < line.qty) unavailable.push(line.productId);
    else if (line.price_cents !== undefined && line.price_cents !== row.priceCents) repriced[line.productId] = row.priceCents;
  }
  if (unavailable.length) throw new Conflict({ error: 'out_of_stock', productIds: unavailable.sort() });
  if (Object.keys(repriced).length) throw new Conflict({ error: 'price_changed', productIds: Object.keys(repriced).sort(), prices: repriced });

  // One part per shop, each with its fulfilment.
  const byShop = new Map<number, { shop: ProductRow; lines: { row: ProductRow; qty: number }[] }>();
  for (const { line, row } of lines) {
    const group = byShop.get(row!.shopId) ?? { shop: row!, lines: [] };
    group.lines.push({ row: row!, qty: line.qty });
    byShop.set(row!.shopId, group);
  }
  const shopRefs = [...byShop.keys()].map((id) => catalogId('shop', id));
  const given = Object.keys(body.fulfilment);
  const missing = shopRefs.filter((id) => !given.includes(id));
  const extra = given.filter((id) => !shopRefs.includes(id));
  if (missing.length) return { kind: 'invalid', message: `fulfilment: missing for ${missing.sort().join(', ')}` };
  if (extra.length) return { kind: 'invalid', message: `fulfilment: no product from ${extra.sort().join(', ')} in the lines` };

  interface Plan {
    shop: ProductRow;
    lines: { row: ProductRow; qty: number }[];
    fulfilment: 'pickup' | 'delivery';
    slot: { start: string; end: string } | null;
    address: DeliveryAddress | null;
    feeCents: number;
    subtotalCents: number;
  }
  const plans: Plan[] = [];
  const noSlot: string[] = [];
  const noPickup: string[] = [];
  const noDelivery: string[] = [];
  for (const [shopId, { shop, lines: shopLines }] of [...byShop].sort((a, b) => a[0] - b[0])) {
    const ref = catalogId('shop', shopId);
    const choice = body.fulfilment[ref];
    const subtotalCents = shopLines.reduce((sum, l) => sum + l.row.priceCents * l.qty, 0);
    const base = { shop, lines: shopLines, subtotalCents };
    if (choice.type === 'pickup') {
      if (!shop.clickAndCollect) {
        noPickup.push(ref);
        continue;
      }
      const slotShop = {
        hours: JSON.parse(shop.openingHours) as WeeklyHours,
        closedDates: JSON.parse(shop.closedDates) as string[],
        slotMinutes: shop.slotMinutes,
        slotCapacity: shop.slotCapacity,
        prepMinutes: shop.prepMinutes
      };
      const slot = findSlot(slotShop, Date.parse(choice.slot), nowMs);
      if (!slot || s.slotHeld.get(shopId, slot.start, shop.slotCapacity)! >= shop.slotCapacity) {
        noSlot.push(ref);
        continue;
      }
      plans.push({ ...base, fulfilment: 'pickup', slot: { start: slot.start, end: slot.end }, address: null, feeCents: 0 });
    } else {
      if (!shop.delivery || !(JSON.parse(shop.deliveryPostcodes) as string[]).includes(choice.address.postcode)) {
        noDelivery.push(ref);
        continue;
      }
      plans.push({ ...base, fulfilment: 'delivery', slot: null, address: choice.address, feeCents: shop.deliveryFeeCents });
    }
  }
  if (noPickup.length) throw new Conflict({ error: 'pickup_unavailable', shopIds: noPickup.sort() });
  if (noDelivery.length) throw new Conflict({ error: 'delivery_unavailable', shopIds: noDelivery.sort() });
  if (noSlot.length) throw new Conflict({ error: 'slot_unavailable', shopIds: noSlot.sort() });

  // Reserve: a conditional update per product, checked by its row count.
  const short: string[] = [];
  for (const { line, row } of lines) {
    if (s.reserve.run(line.qty, line.qty, row!.id, line.qty).changes !== 1) short.push(line.productId);
  }
  if (short.length) throw new Conflict({ error: 'out_of_stock', productIds: short.sort() });

  const id = newOrderId();
  const createdAt = now.toISOString();
  const totalCents = plans.reduce((sum, p) => sum + p.subtotalCents + p.feeCents, 0);
  const expiresAt = provider.holdMinutes ? new Date(nowMs + provider.holdMinutes * 60_000).toISOString() : null;
  s.insertOrder.run({ id, userId, key: idempotencyKey, hash, method: provider.method, status: provider.initialStatus, total: totalCents, createdAt, expiresAt });
  const parts: OrderPartView[] = [];
  for (const plan of plans) {
    const code = newPickupCode();
    const partId = s.insertPart.get({
      orderId: id,
      shopId: plan.shop.shopId,
      code,
      fulfilment: plan.fulfilment,
      slotStart: plan.slot?.start ?? null,
      slotEnd: plan.slot?.end ?? null,
      address: plan.address ? JSON.stringify(plan.address) : null,
      fee: plan.feeCents,
      subtotal: plan.subtotalCents,
      placedAt: createdAt
    }) as number;
    for (const l of plan.lines) s.insertLine.run(partId, l.row.id, l.row.name, l.row.priceCents, l.qty);
    parts.push({
      shopId: catalogId('shop', plan.shop.shopId),
      shop_name: plan.shop.shopName,
      shop_slug: plan.shop.shopSlug,
      status: 'placed',
      reason: '',
      pickupCode: code,
      fulfilment: plan.fulfilment,
      slot: plan.slot?.start ?? null,
      slot_end: plan.slot?.end ?? null,
      delivery: plan.fulfilment === 'delivery' ? { address: plan.address, fee_cents: plan.feeCents, photo: null } : null,
      subtotal_cents: plan.subtotalCents,
      lines: plan.lines.map((l) => ({ productId: catalogId('product', l.row.id), name: l.row.name, unit_price_cents: l.row.priceCents, qty: l.qty })),
      timeline: [{ status: 'placed', at: createdAt }],
      refund: null
    });
  }
  // The catalog shows the new stock: devices get it with their next `?since=`.
  for (const { row } of lines) s.journal.run(catalogId('product', row!.id));
  const order: OrderView = {
    id,
    created_at: createdAt,
    payment: { method: provider.method, status: provider.initialStatus, expires_at: expiresAt, redirect_url: null },
    total_cents: totalCents,
    parts
  };
  return { kind: 'created', order };
}

/** One checkout, in its own transaction (a savepoint when called inside a batch). */
function attempt(database: Db, input: CheckoutInput): CheckoutResult {
  const sqlite = database.$client;
  const hash = requestHash(input.body);
  const provider = paymentProvider(input.body.payment);
  let written: Written;
  try {
    written = sqlite.transaction(() => write(sqlite, input, hash, provider)).immediate();
  } catch (e) {
    if (e instanceof Conflict) return { kind: 'conflict', conflict: e.conflict };
    throw e;
  }
  if (written.kind === 'replayed') return { kind: 'replayed', order: orderView(database, written.id)! };
  return written;
}

/**
 * Places an order: everything is checked and written in ONE synchronous `BEGIN IMMEDIATE`
 * transaction (no await anywhere inside: nobody can read the stock between our check and our
 * write, in this process or another). Either everything is written or nothing is.
 */
export function placeOrder(database: Db, input: CheckoutInput): CheckoutResult {
  // A retry of a checkout already made answers without taking the write lock.
  const known = stmts(database.$client).previous.get(input.userId, input.idempotencyKey);
  if (known) return known.requestHash === requestHash(input.body) ? { kind: 'replayed', order: orderView(database, known.id)! } : { kind: 'key_reused' };
  return attempt(database, input);
}

/**
 * Several checkouts in one transaction, each in its own savepoint (one conflict undoes only its
 * own checkout), committed together: with `synchronous=FULL` a commit waits for the disk, and
 * one wait for many orders is what lets durability and throughput go together ("group commit").
 * Each checkout still reads and writes the stock with nothing in between.
 */
export function placeOrders(database: Db, inputs: CheckoutInput[]): (CheckoutResult | { kind: 'error'; error: unknown })[] {
  if (inputs.length === 1) return [placeOrder(database, inputs[0])];
  return database.$client
    .transaction(() =>
      inputs.map((input) => {
        try {
          // Already inside the write lock: `write` looks for a previous order with this key itself.
          return attempt(database, input);
        } catch (error) {
          return { kind: 'error' as const, error };
        }
      })
    )
    .immediate();
}

type Waiting = { input: CheckoutInput; timing?: CheckoutTiming; resolve: (r: CheckoutResult) => void; reject: (e: unknown) => void };
const queues = new WeakMap<Db, Waiting[]>();

/**
 * The fsync of group commit, off the event loop. With `synchronous=FULL`, SQLite's COMMIT waits
 * for the disk and better-sqlite3 waits with the event loop stopped: no request is read or
 * answered meanwhile. So a batch of checkouts commits with `synchronous=NORMAL` (SQLite writes
 * the WAL frames, and the transaction is whole or absent after any crash), then the WAL file is
 * fsynced on libuv's thread pool, and only then does any caller get its answer: an order
 * answered `201` is on disk exactly as with FULL. Batches committed while a sync runs share the
 * next one. A lone checkout with no sync running syncs on the event loop (see `flush`). Every
 * other write of the application still commits with FULL.
 */
class WalSync {
  private waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private busy = false;
  private fd: number | null = null;
  constructor(private readonly path: string) {}

  /**
   * Resolves once everything written to the WAL before the call is on disk. `alone`: the batch is
   * one checkout, so no other is waiting to be read; with no sync running, it syncs right here on
   * the event loop (blocking it for the sync, 0.3–0.5 ms typically) instead of on the thread pool,
   * whose hand-offs between threads (and, on a virtual machine, between sleeping virtual CPUs) add
   * about 1–2 ms to the slowest percent. Busier moments batch, and keep the event loop free.
   */
  flush(alone = false): Promise<void> {
    if (alone && !this.busy) {
      try {
        fdatasyncSync(this.file());
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      // A sync already running may have started before our frames were written: wait for the next.
      if (!this.busy) this.run();
    });
  }

  private run() {
    const batch = this.waiting;
    this.waiting = [];
    this.busy = true;
    const done = (error: unknown) => {
      this.busy = false;
      for (const w of batch) (error ? w.reject(error) : w.resolve());
      if (this.waiting.length) this.run();
    };
    let fd: number;
    try {
      fd = this.file();
    } catch (error) {
      done(error);
      return;
    }
    fdatasync(fd, done);
  }

  /** The WAL exists while this connection is open in WAL mode (SQLite removes it only when the
   * last connection closes); a checkpoint truncates or rewrites it, never replaces it. */
  private file(): number {
    return (this.fd ??= openSync(this.path, 'r'));
  }
}

interface Durability {
  sync: WalSync;
  relaxed: Database.Statement;
  full: Database.Statement;
}
const durability = new WeakMap<Database.Database, Durability | null>();

/** How a batch is made durable: null when its COMMIT already is (or nothing is to be): in memory, not WAL, not FULL. */
function deferredSync(sqlite: Database.Database): Durability | null {
  let d = durability.get(sqlite);
  if (d === undefined) {
    const wal = !sqlite.memory && String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
    const full = Number(sqlite.pragma('synchronous', { simple: true })) === 2;
    d = wal && full ? { sync: new WalSync(`${sqlite.name}-wal`), relaxed: sqlite.prepare('PRAGMA synchronous = NORMAL'), full: sqlite.prepare('PRAGMA synchronous = FULL') } : null;
    durability.set(sqlite, d);
  }
  return d;
}

/** How long a checkout waited for the disk (its batch's WAL sync), for the Server-Timing header. */
export interface CheckoutTiming {
  diskMs: number;
}

/**
 * The endpoint's way in: checkouts that arrive while the event loop is busy are written and
 * committed together at its next turn; each caller gets its own answer once the commit is on
 * disk. `timing`, when given, receives the time spent waiting for the disk.
 */
export function placeOrderSoon(database: Db, input: CheckoutInput, timing?: CheckoutTiming): Promise<CheckoutResult> {
  return new Promise((resolve, reject) => {
    const queue = queues.get(database);
    if (queue) {
      queue.push({ input, timing, resolve, reject });
      return;
    }
    queues.set(database, [{ input, timing, resolve, reject }]);
    setImmediate(() => {
      const batch = queues.get(database)!;
      queues.delete(database);
      const deferred = deferredSync(database.$client);
      let results: ReturnType<typeof placeOrders>;
      try {
        if (deferred) deferred.relaxed.run();
        try {
          results = placeOrders(
            database,
            batch.map((b) => b.input)
          );
        } finally {
          if (deferred) deferred.full.run();
        }
      } catch (error) {
        for (const b of batch) b.reject(error);
        return;
      }
      const answer = () => results.forEach((result, i) => (result.kind === 'error' ? batch[i].reject(result.error) : batch[i].resolve(result)));
      if (!deferred) answer();
      else {
        const flushing = performance.now();
        deferred.sync.flush(batch.length === 1).then(
          () => {
            const diskMs = performance.now() - flushing;
            for (const b of batch) if (b.timing) b.timing.diskMs = diskMs;
            answer();
          },
          (error: unknown) => {
            for (const b of batch) b.reject(error);
          }
        );
      }
    });
  });
}
