import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../../src/lib/catalog/lookup';
import type { CatalogItem } from '../../src/lib/catalog/types';
import {
  acceptChanges,
  addToBasket,
  countUnits,
  emptyBasket,
  MAX_QTY,
  orderLines,
  qtyOf,
  refill,
  removeFromBasket,
  removeShop,
  reviewBasket,
  setQty,
  type Basket
} from '../../src/lib/basket/basket';
import { parseStoredBasket } from '../../src/lib/basket/basket-schema';
import { makeProduct, makeShop } from '../fixtures/synthetic-items';

const baker = makeShop(1, { title: 'Boulangerie du Taur', click_and_collect: true });
const books = makeShop(2, { title: 'La Plume', click_and_collect: true });
const florist = makeShop(3, { title: 'Pétales', click_and_collect: true });
const bread = makeProduct(10, baker, { title: 'Pain de campagne', price_cents: 320, stock: 12 });
const croissant = makeProduct(11, baker, { title: 'Croissant', price_cents: 110, stock: 3 });
const novel = makeProduct(20, books, { title: 'Roman', price_cents: 2150, stock: 1 });
const bouquet = makeProduct(30, florist, { title: 'Bouquet', price_cents: 3500, stock: 0 });

const index = (items: CatalogItem[]) => indexCatalog({ version: 1, themes: [], items });
const catalog = index([baker, books, florist, bread, croissant, novel, bouquet]);

function filled(): Basket {
  let b = emptyBasket();
  b = addToBasket(b, bread, 2).basket;
  b = addToBasket(b, novel, 1).basket;
  b = addToBasket(b, croissant, 3).basket;
  return b;
}

describe('adding and changing quantities', () => {
  it('adds lines in order and merges a product added twice', () => {
    let b = emptyBasket();
    b = addToBasket(b, bread, 2).basket;
    const again = addToBasket(b, bread, 3);
    expect(again.added).toBe(3);
    expect(again.qty).toBe(5);
    expect(again.basket.lines.map((l) => [l.productId, l.qty])).toEqual([['product-10', 5]]);
    expect(countUnits(again.basket)).toBe(5);
  });

  it('never adds beyond the stock, and says how many it could add', () => {
    let r = addToBasket(emptyBasket(), croissant, 2);
    expect(r.added).toBe(2);
    r = addToBasket(r.basket, croissant, 5);
    expect(r.added).toBe(1);
    expect(r.qty).toBe(3);
    const none = addToBasket(r.basket, croissant, 1);
    expect(none.added).toBe(0);
    expect(none.basket).toBe(r.basket);
    const soldOut = addToBasket(emptyBasket(), bouquet, 1);
    expect(soldOut.added).toBe(0);
    expect(soldOut.basket.lines).toEqual([]);
  });

  it('caps one line at MAX_QTY whatever the stock', () => {
    const plenty = makeProduct(12, baker, { stock: 5000 });
    expect(addToBasket(emptyBasket(), plenty, 500).qty).toBe(MAX_QTY);
  });

  it('remembers what the device showed when the line was added', () => {
    const b = addToBasket(emptyBasket(), novel, 1).basket;
    expect(b.lines[0].seen).toEqual({ title: 'Roman', price_cents: 2150, shop: 'shop-2', shop_name: 'La Plume' });
  });

  it('sets, caps and removes with setQty', () => {
    const b = filled();
    expect(qtyOf(setQty(b, 'product-10', 7, bread), 'product-10')).toBe(7);
    expect(qtyOf(setQty(b, 'product-11', 9, croissant), 'product-11')).toBe(3);
    expect(qtyOf(setQty(b, 'product-10', 0, bread), 'product-10')).toBe(0);
    expect(setQty(b, 'product-10', -4, bread).lines).toHaveLength(2);
    // A product the catalog no longer has can only go down.
    expect(qtyOf(setQty(b, 'product-10', 9, null), 'product-10')).toBe(2);
    expect(qtyOf(setQty(b, 'product-10', 1, null), 'product-10')).toBe(1);
    expect(setQty(b, 'product-99', 3, bread)).toBe(b);
  });

  it('removes a line, a shop, everything', () => {
    const b = filled();
    expect(removeFromBasket(b, 'product-20').lines.map((l) => l.productId)).toEqual(['product-10', 'product-11']);
    expect(removeShop(b, 'shop-1').lines.map((l) => l.productId)).toEqual(['product-20']);
    expect(removeFromBasket(b, 'product-99')).toBe(b);
  });

  it('never changes the basket it was given', () => {
    const b = filled();
    const copy = structuredClone(b);
    addToBasket(b, bread, 1);
    setQty(b, 'product-10', 5, bread);
    removeFromBasket(b, 'product-20');
    expect(b).toEqual(copy);
  });
});

describe('review against the catalog copy', () => {
  it('groups lines by shop in the order shops were added, with subtotals and a total', () => {
    const review = reviewBasket(filled(), catalog);
    expect(review.groups.map((g) => [g.shopName, g.count, g.subtotal_cents])).toEqual([
      ['Boulangerie du Taur', 5, 2 * 320 + 3 * 110],
      ['La Plume', 1, 2150]
    ]);
    expect(review.groups[0].lines.map((l) => l.title)).toEqual(['Pain de campagne', 'Croissant']);
    expect(review.total_cents).toBe(640 + 330 + 2150);
    expect(review.count).toBe(6);
    expect(review.changed).toEqual([]);
    expect(review.orderable).toBe(true);
  });

  it('uses the current price and tells what it was', () => {
    const b = filled();
    const dearer = index([baker, books, { ...bread, price_cents: 350 }, croissant, novel]);
    const review = reviewBasket(b, dearer);
    const line = review.groups[0].lines[0];
    expect(line.unit_cents).toBe(350);
    expect(line.subtotal_cents).toBe(700);
    expect(line.changes).toEqual([{ kind: 'price', from: 320, to: 350 }]);
    expect(review.changed.map((l) => l.productId)).toEqual(['product-10']);
    expect(review.total_cents).toBe(700 + 330 + 2150);
  });

  it('lowers quantities to the stock left, marks sold-out and gone products', () => {
    const b = filled();
    const later = index([baker, books, bread, { ...croissant, stock: 1 }, { ...novel, stock: 0 }]);
    const review = reviewBasket(b, later);
    const [pain, croiss] = review.groups[0].lines;
    expect(pain.changes).toEqual([]);
    expect(croiss.qty).toBe(1);
    expect(croiss.storedQty).toBe(3);
    expect(croiss.changes).toEqual([{ kind: 'fewer', from: 3, to: 1 }]);
    const roman = review.groups[1].lines[0];
    expect(roman.qty).toBe(0);
    expect(roman.changes).toEqual([{ kind: 'sold-out' }]);
    expect(review.groups[1].orderable).toBe(false);
    expect(review.total_cents).toBe(640 + 110);

    const gone = reviewBasket(b, index([baker, books, croissant, novel]));
    expect(gone.groups[0].lines[0]).toMatchObject({ title: 'Pain de campagne', qty: 0, product: null, changes: [{ kind: 'gone' }] });
  });

  it('warns about a shop that left the catalog or stopped click & collect', () => {
    const b = filled();
    const review = reviewBasket(b, index([{ ...baker, click_and_collect: false }, bread, croissant, novel]));
    expect(review.groups[0].warnings).toEqual(['no-click-collect']);
    expect(review.groups[0].orderable).toBe(false);
    expect(review.groups[1].warnings).toEqual(['shop-gone']);
    expect(review.groups[1].shopName).toBe('La Plume');
    expect(review.orderable).toBe(false);
    expect(review.total_cents).toBe(0);
    // A shop delivering without click & collect still takes orders.
    const delivering = { ...baker, click_and_collect: false, delivery: { fee_cents: 500, postcodes: ['31000'] } };
    expect(reviewBasket(b, index([delivering, bread, croissant])).groups[0].warnings).toEqual([]);
  });

  it('shows the stored lines as they were while no catalog copy is available', () => {
    const review = reviewBasket(filled(), null);
    expect(review.groups.map((g) => g.shopName)).toEqual(['Boulangerie du Taur', 'La Plume']);
    expect(review.total_cents).toBe(640 + 330 + 2150);
    expect(review.changed).toEqual([]);
  });

  it('accepting the changes stores the current prices and quantities and drops what cannot be had', () => {
    const later = index([baker, books, { ...bread, price_cents: 300 }, { ...croissant, stock: 1 }, { ...novel, stock: 0 }]);
    const accepted = acceptChanges(filled(), later);
    expect(accepted.lines.map((l) => [l.productId, l.qty, l.seen.price_cents])).toEqual([
      ['product-10', 2, 300],
      ['product-11', 1, 110]
    ]);
    expect(reviewBasket(accepted, later).changed).toEqual([]);
  });

  it('builds the order lines of the shops that take orders', () => {
    const review = reviewBasket(filled(), catalog);
    expect(orderLines(review)).toEqual([
      { productId: 'product-10', qty: 2 },
      { productId: 'product-11', qty: 3 },
      { productId: 'product-20', qty: 1 }
    ]);
    expect(orderLines(review, new Set(['shop-2']))).toEqual([{ productId: 'product-20', qty: 1 }]);
  });

  it('refills from a past order, capped by today’s stock', () => {
    const r = refill(emptyBasket(), [
      { productId: 'product-11', qty: 5 },
      { productId: 'product-20', qty: 1 },
      { productId: 'product-404', qty: 1 }
    ], catalog);
    expect(r.basket.lines.map((l) => [l.productId, l.qty])).toEqual([
      ['product-11', 3],
      ['product-20', 1]
    ]);
    expect(r.added).toBe(4);
    expect(r.missing).toEqual(['product-11', 'product-404']);
  });
});

describe('stored copy', () => {
  it('reads back what was stored', () => {
    const b = filled();
    expect(parseStoredBasket(JSON.parse(JSON.stringify(b)))).toEqual(b);
  });

  it('refuses what is not a basket', () => {
    for (const value of [null, 'basket', [], { v: 2, lines: [] }, { lines: [] }, { v: 1, lines: {} }]) {
      expect(parseStoredBasket(value)).toBeNull();
    }
  });

  it('drops bad lines, keeps the good ones and merges duplicates', () => {
    const good = filled().lines[0];
    const stored = {
      v: 1,
      lines: [
        good,
        { ...good, productId: 'event-3' },
        { ...good, productId: 'product-7', qty: 0 },
        { ...good, productId: 'product-8', qty: 1.5 },
        { ...good, productId: 'product-9', seen: { ...good.seen, shop: 'nope' } },
        { ...good, extra: true },
        { ...good, qty: 4 }
      ]
    };
    const parsed = parseStoredBasket(stored);
    expect(parsed?.lines).toEqual([{ ...good, qty: 6 }]);
  });
});

describe('the badge counter', () => {
  it('reads the same storage key and event as the store', async () => {
    const keys = await import('../../src/lib/basket/keys');
    const count = await import('../../src/lib/basket/basket-count.svelte');
    expect(count.COUNT_STORAGE_KEY).toBe(keys.BASKET_STORAGE_KEY);
    expect(count.COUNT_CHANGED_EVENT).toBe(keys.BASKET_CHANGED_EVENT);
  });
});
