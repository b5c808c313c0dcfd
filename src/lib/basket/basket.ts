/**
 * The basket, on the device only: lines of { productId, qty } plus what the device showed when
 * each line was last confirmed (title, price, shop), so that the basket can say what changed in
 * the catalog since. Everything here is pure; the store (basket-store.svelte.ts) keeps it in
 * localStorage and nothing is sent to the server until checkout.
 */
import type { CatalogIndex } from '$lib/catalog/lookup';
import type { ProductItem, ShopItem } from '$lib/catalog/types';

/** "product-12" */
export const productIdPattern = /^product-[1-9][0-9]{0,9}$/;
/** "shop-3" */
export const basketShopIdPattern = /^shop-[1-9][0-9]{0,9}$/;
/** Most units of one product in a basket, whatever the stock. */
export const MAX_QTY = 99;
/** Most distinct products in a basket. */
export const MAX_LINES = 200;

export interface SeenProduct {
  title: string;
  price_cents: number;
  /** Catalog id of the shop ("shop-3"). */
  shop: string;
  shop_name: string;
}

export interface BasketLine {
  productId: string;
  qty: number;
  /** The product as the device showed it when the line was added or last confirmed. */
  seen: SeenProduct;
}

export interface Basket {
  v: 1;
  lines: BasketLine[];
}

export function emptyBasket(): Basket {
  return { v: 1, lines: [] };
}

export function seenOf(product: ProductItem): SeenProduct {
  return { title: product.title, price_cents: product.price_cents, shop: product.shop, shop_name: product.shop_name };
}

/** How many units of a product can be in the basket: its stock, at most MAX_QTY. */
export function maxQty(product: Pick<ProductItem, 'stock'>): number {
  return Math.max(0, Math.min(MAX_QTY, Math.floor(product.stock)));
}

function clampQty(qty: number, max: number): number {
  if (!Number.isFinite(qty)) return 0;
  return Math.max(0, Math.min(max, Math.floor(qty)));
}

/** Units in the basket (the badge's number). */
export function countUnits(basket: Basket): number {
  return basket.lines.reduce((sum, line) => sum + line.qty, 0);
}

export function qtyOf(basket: Basket, productId: string): number {
  return basket.lines.find((l) => l.productId === productId)?.qty ?? 0;
}

export interface AddResult {
  basket: Basket;
  /** Units actually added (less than asked when the stock caps it; 0 when nothing could be). */
  added: number;
  /** The line's quantity after the change. */
  qty: number;
}

/** Adds `qty` units of a product, never beyond its stock (or MAX_QTY). Returns a new basket. */
export function addToBasket(basket: Basket, product: ProductItem, qty = 1): AddResult {
  if (!productIdPattern.test(product.id)) throw new RangeError(`invalid product id: ${product.id}`);
  const max = maxQty(product);
  const i = basket.lines.findIndex((l) => l.productId === product.id);
  const before = i === -1 ? 0 : basket.lines[i].qty;
  const after = clampQty(before + clampQty(qty, MAX_QTY), max);
  const added = Math.max(0, after - before);
  if (added === 0) return { basket, added: 0, qty: before };
  if (i === -1 && basket.lines.length >= MAX_LINES) return { basket, added: 0, qty: 0 };
  const line: BasketLine = { productId: product.id, qty: after, seen: seenOf(product) };
  const lines = i === -1 ? [...basket.lines, line] : basket.lines.map((l, j) => (j === i ? line : l));
  return { basket: { ...basket, lines }, added, qty: after };
}

/**
 * Sets a line's quantity (0 removes it), capped by the product's stock when the catalog has it.
 * A product the device does not know any more can only go down.
 */
export function setQty(basket: Basket, productId: string, qty: number, product?: ProductItem | null): Basket {
  const i = basket.lines.findIndex((l) => l.productId === productId);
  if (i === -1) return basket;
  const current = basket.lines[i];
  const max = product ? maxQty(product) : current.qty;
  const next = clampQty(qty, max);
  if (next === 0) return removeFromBasket(basket, productId);
  if (next === current.qty) return basket;
  const line: BasketLine = { ...current, qty: next };
  return { ...basket, lines: basket.lines.map((l, j) => (j === i ? line : l)) };
}

export function removeFromBasket(basket: Basket, productId: string): Basket {
  const lines = basket.lines.filter((l) => l.productId !== productId);
  return lines.length === basket.lines.length ? basket : { ...basket, lines };
}

/** Removes every line of one shop. */
export function removeShop(basket: Basket, shopId: string): Basket {
  return { ...basket, lines: basket.lines.filter((l) => l.seen.shop !== shopId) };
}

/** The lines of a past order, put back in the basket (capped by today's stock; unknown products skipped). */
export function refill(basket: Basket, lines: { productId: string; qty: number }[], index: CatalogIndex): { basket: Basket; added: number; missing: string[] } {
  let next = basket;
  let added = 0;
  const missing: string[] = [];
  for (const { productId, qty } of lines) {
    const product = index.byId.get(productId);
    if (!product || product.kind !== 'product') {
      missing.push(productId);
      continue;
    }
    const result = addToBasket(next, product, qty);
    if (result.added < qty) missing.push(productId);
    next = result.basket;
    added += result.added;
  }
  return { basket: next, added, missing };
}

// ---------------------------------------------------------------------------------------------
// The basket against the latest catalog copy

export type LineChange =
  /** The product left the catalog (hidden, deleted, or its shop was suspended). */
  | { kind: 'gone' }
  | { kind: 'sold-out' }
  /** Less stock than the line asks for: the quantity is lowered to what is left. */
  | { kind: 'fewer'; from: number; to: number }
  | { kind: 'price'; from: number; to: number };

export interface ReviewedLine {
  productId: string;
  product: ProductItem | null;
  title: string;
  /** The quantity that can be ordered now (the stored one, capped by the stock). */
  qty: number;
  /** The stored quantity. */
  storedQty: number;
  /** The most the stepper offers. */
  max: number;
  unit_cents: number;
  subtotal_cents: number;
  changes: LineChange[];
}

export type ShopWarning =
  /** The shop is no longer in the catalog (suspended or closed down). */
  | 'shop-gone'
  /** The shop has turned click & collect off (and offers no delivery). */
  | 'no-click-collect';

export interface ShopGroup {
  shopId: string;
  shop: ShopItem | null;
  shopName: string;
  lines: ReviewedLine[];
  /** Units that can be ordered. */
  count: number;
  subtotal_cents: number;
  warnings: ShopWarning[];
  /** Whether this shop's part can be ordered (some units, shop in the catalog and taking orders). */
  orderable: boolean;
}

export interface BasketReview {
  groups: ShopGroup[];
  /** Units that can be ordered, over the shops that take orders. */
  count: number;
  total_cents: number;
  /** Lines whose price, stock or availability changed since they were added or confirmed. */
  changed: ReviewedLine[];
  /** At least one shop part can be ordered. */
  orderable: boolean;
}

/** Whether a shop takes orders from the app (click & collect, or delivery once shops offer it). */
export function takesOrders(shop: ShopItem): boolean {
  return shop.click_and_collect || !!shop.delivery;
}

/**
 * Checks every line against the device's catalog copy: current price, stock left, products and
 * shops gone. Groups lines by shop (in the order shops were first added) with subtotals.
 */
export function reviewBasket(basket: Basket, index: CatalogIndex | null): BasketReview {
  const groups = new Map<string, ShopGroup>();
  const changed: ReviewedLine[] = [];
  for (const line of basket.lines) {
    const found = index?.byId.get(line.productId);
    const product = found && found.kind === 'product' ? found : null;
    const shopId = product?.shop ?? line.seen.shop;
    let group = groups.get(shopId);
    if (!group) {
      const shopFound = index?.byId.get(shopId);
      const shop = shopFound && shopFound.kind === 'shop' ? shopFound : null;
      const warnings: ShopWarning[] = [];
      if (index && !shop) warnings.push('shop-gone');
      else if (shop && !takesOrders(shop)) warnings.push('no-click-collect');
      group = {
        shopId,
        shop,
        shopName: shop?.title ?? product?.shop_name ?? line.seen.shop_name,
        lines: [],
        count: 0,
        subtotal_cents: 0,
        warnings,
        orderable: false
      };
      groups.set(shopId, group);
    }
    const reviewed = reviewLine(line, product, index !== null);
    group.lines.push(reviewed);
    group.count += reviewed.qty;
    group.subtotal_cents += reviewed.subtotal_cents;
    if (reviewed.changes.length > 0) changed.push(reviewed);
  }
  const list = [...groups.values()];
  let count = 0;
  let total = 0;
  for (const group of list) {
    group.orderable = group.count > 0 && group.warnings.length === 0;
    if (group.orderable) {
      count += group.count;
      total += group.subtotal_cents;
    }
  }
  return { groups: list, count, total_cents: total, changed, orderable: list.some((g) => g.orderable) };
}

function reviewLine(line: BasketLine, product: ProductItem | null, known: boolean): ReviewedLine {
  const changes: LineChange[] = [];
  if (!product) {
    // Without any catalog copy yet, the line is shown as it was stored, without judging it.
    if (known) changes.push({ kind: 'gone' });
    const qty = known ? 0 : line.qty;
    return {
      productId: line.productId,
      product: null,
      title: line.seen.title,
      qty,
      storedQty: line.qty,
      max: line.qty,
      unit_cents: line.seen.price_cents,
      subtotal_cents: qty * line.seen.price_cents,
      changes
    };
  }
  const max = maxQty(product);
  const qty = Math.min(line.qty, max);
  if (max === 0) changes.push({ kind: 'sold-out' });
  else if (qty < line.qty) changes.push({ kind: 'fewer', from: line.qty, to: qty });
  if (product.price_cents !== line.seen.price_cents) changes.push({ kind: 'price', from: line.seen.price_cents, to: product.price_cents });
  return {
    productId: line.productId,
    product,
    title: product.title,
    qty,
    storedQty: line.qty,
    max,
    unit_cents: product.price_cents,
    subtotal_cents: qty * product.price_cents,
    changes
  };
}

/**
 * The basket once the changes are accepted: quantities lowered to the stock, current prices
 * and titles remembered, sold-out and gone products removed.
 */
export function acceptChanges(basket: Basket, index: CatalogIndex): Basket {
  const lines: BasketLine[] = [];
  for (const line of basket.lines) {
    const found = index.byId.get(line.productId);
    if (!found || found.kind !== 'product') continue;
    const qty = Math.min(line.qty, maxQty(found));
    if (qty === 0) continue;
    lines.push({ productId: line.productId, qty, seen: seenOf(found) });
  }
  return { ...basket, lines };
}

/** The `lines` of `POST /api/orders` for the shops that take orders. */
export function orderLines(review: BasketReview, shopIds?: Set<string>): { productId: string; qty: number }[] {
  return review.groups
    .filter((g) => g.orderable && (!shopIds || shopIds.has(g.shopId)))
    .flatMap((g) => g.lines.filter((l) => l.qty > 0).map((l) => ({ productId: l.productId, qty: l.qty })));
}
