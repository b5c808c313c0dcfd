import type { Locator, Page } from '@playwright/test';
import { expect, test, type DemoCatalog, type Item } from './support/fixtures';
import { openFeed, prefs, readDeviceStore, recordRequests, seedPrefs, waitForServiceWorker } from './support/app';
import { basketOf, readBasket, seedBasket } from './support/basket';
/** French typography: a no-break space before « : ; ! ? » (as the app writes them). */
const NBSP = '\u00a0';

/**
 * The citizen's basket: kept on the device (localStorage), across shops, reloads and the
 * network going away; nothing is sent to the server while filling it.
 */

const NNBSP = '\u202f';
/** 1250 → "12,50 €" as the app writes prices in French. */
function euros(cents: number): string {
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return `${whole},${String(cents % 100).padStart(2, '0')}${NNBSP}€`;
}

type ShopItem = Item & { click_and_collect?: boolean };

/** Shops taking orders, each with a product that has at least `minStock` in stock. */
function orderableProducts(catalog: DemoCatalog, count: number, minStock = 4): Item[] {
  const shops = new Map(catalog.ofKind('shop').map((s) => [s.id, s as ShopItem]));
  const picked: Item[] = [];
  for (const product of catalog.ofKind('product')) {
    if ((product.stock ?? 0) < minStock || !shops.get(product.shop!)?.click_and_collect) continue;
    if (picked.some((p) => p.shop === product.shop)) continue;
    picked.push(product);
    if (picked.length === count) return picked;
  }
  throw new Error('not enough shops taking orders in the demo');
}

const badge = (page: Page) => page.getByTestId('basket-count');
const addControl = (page: Page, productId: string) => page.locator(`[data-testid="add-to-basket"][data-product-id="${productId}"]`);
const line = (page: Page, productId: string) => page.locator(`[data-testid="basket-line"][data-product-id="${productId}"]`);
const qtyField = (row: Locator) => row.getByRole('spinbutton');

test.beforeEach(async ({ context }) => {
  await seedPrefs(context, prefs());
});

test('a basket filled from three shops: quantities, badge, reload, stock cap, removal; nothing sent', async ({ page, context, catalog }) => {
  const products = orderableProducts(catalog, 3);
  const requests = recordRequests(context);

  let units = 0;
  for (const [k, product] of products.entries()) {
    await page.goto(`/shops/${product.shop_slug}`);
    const control = addControl(page, product.id);
    const qty = k + 1;
    for (let i = 1; i < qty; i++) await control.getByRole('button', { name: `Un de plus${NBSP}: ${product.title}` }).click();
    await expect(qtyField(control)).toHaveValue(String(qty));
    await control.getByRole('button', { name: 'Ajouter au panier' }).click();
    units += qty;
    // Announced politely, and the badge counts every unit.
    await expect(control.getByRole('status')).toContainText(`${qty} × ${product.title} ajouté au panier`);
    await expect(badge(page)).toHaveText(String(units));
    await expect(page.getByTestId('basket-link')).toHaveAttribute('aria-label', units === 1 ? `Panier${NBSP}: 1 article` : `Panier${NBSP}: ${units} articles`);
    await expect(control.getByText(`Dans votre panier${NBSP}: ${qty}`)).toBeVisible();
  }

  // Filling the basket sent nothing: only page loads, their assets and the shared catalog.
  const sent = requests.filter((r) => r.method !== 'GET' || r.postData !== null || /product-\d+/.test(r.url));
  expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([]);

  await page.reload();
  await expect(badge(page)).toHaveText(String(units));

  await page.getByTestId('basket-link').click();
  await expect(page).toHaveURL(/\/basket$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Votre panier' })).toBeVisible();
  const groups = page.getByTestId('basket-shop');
  await expect(groups).toHaveCount(3);
  for (const [k, product] of products.entries()) {
    const group = groups.nth(k);
    await expect(group.getByRole('heading', { level: 2 })).toHaveText(product.shop_name!);
    await expect(qtyField(line(page, product.id))).toHaveValue(String(k + 1));
    await expect(group.getByTestId('shop-subtotal')).toHaveText(euros(product.price_cents! * (k + 1)));
  }
  const total = (qtys: number[]) => euros(products.reduce((sum, p, k) => sum + p.price_cents! * qtys[k], 0));
  await expect(page.getByTestId('basket-total')).toHaveText(total([1, 2, 3]));

  // A stepper changes the quantity, the subtotal and the total at once.
  await line(page, products[0].id).getByRole('button', { name: `Un de plus${NBSP}: ${products[0].title}` }).click();
  await expect(line(page, products[0].id).getByTestId('line-subtotal')).toHaveText(euros(products[0].price_cents! * 2));
  await expect(page.getByTestId('basket-total')).toHaveText(total([2, 2, 3]));
  await expect(badge(page)).toHaveText(String(units + 1));

  // Typing more than the stock keeps the quantity at what is left.
  const capped = Math.min(products[1].stock!, 99);
  await qtyField(line(page, products[1].id)).fill('999');
  await qtyField(line(page, products[1].id)).press('Tab');
  await expect(qtyField(line(page, products[1].id))).toHaveValue(String(capped));
  await expect(page.getByTestId('basket-total')).toHaveText(total([2, capped, 3]));
  await expect(line(page, products[1].id).getByRole('button', { name: `Un de plus${NBSP}: ${products[1].title}` })).toBeDisabled();

  // Removing a line removes its shop when it was the only one, and says so.
  await line(page, products[2].id).getByRole('button', { name: `Retirer ${products[2].title} du panier` }).click();
  await expect(groups).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: `${products[2].title} retiré du panier.` })).toBeAttached();
  await expect(page.getByTestId('basket-total')).toHaveText(total([2, capped, 0]));
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  const stored = await readBasket(page);
  expect(stored?.lines.map((l) => [l.productId, l.qty])).toEqual([
    [products[0].id, 2],
    [products[1].id, capped]
  ]);

  // Emptying asks for a confirmation, then points to the shops.
  await page.getByRole('button', { name: 'Vider le panier' }).click();
  await page.getByRole('button', { name: `Confirmer${NBSP}: tout retirer` }).click();
  await expect(page.getByTestId('basket-empty')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Découvrir les commerces' })).toHaveAttribute('href', '/explore/shop');
  await expect(badge(page)).toHaveCount(0);
  expect(requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`)).toEqual([]);
});

test('the item page of a product adds to the basket too, never beyond the stock', async ({ page, catalog }) => {
  const product = catalog.ofKind('product').find((p) => p.stock === 1 || p.stock === 2) ?? orderableProducts(catalog, 1)[0];
  const stock = product.stock!;
  await page.goto(`/items/${product.id}`);
  const control = addControl(page, product.id);
  await qtyField(control).fill(String(stock + 5));
  await qtyField(control).press('Tab');
  await expect(qtyField(control)).toHaveValue(String(stock));
  await control.getByRole('button', { name: 'Ajouter au panier' }).click();
  await expect(control.getByText(`Dans votre panier${NBSP}: ${stock}`)).toBeVisible();
  await control.getByRole('button', { name: 'Ajouter au panier' }).click();
  await expect(control.getByRole('status')).toHaveText(`Tout le stock de ${product.title} est déjà dans votre panier.`);
  expect((await readBasket(page))?.lines).toEqual([
    { productId: product.id, qty: stock, seen: { title: product.title, price_cents: product.price_cents, shop: product.shop, shop_name: product.shop_name } }
  ]);
});

test('a shop that does not take orders shows why instead of the button', async ({ page, catalog }) => {
  const shop = catalog.ofKind('shop').find((s) => !(s as ShopItem).click_and_collect && catalog.ofKind('product').some((p) => p.shop === s.id && p.stock! > 0));
  test.skip(!shop, 'every demo shop takes orders');
  await page.goto(`/shops/${shop!.slug}`);
  const control = page.getByTestId('add-to-basket').first();
  await expect(control).toContainText('Cette boutique ne prend pas de commandes en ligne pour le moment.');
  await expect(control.getByRole('button', { name: 'Ajouter au panier' })).toHaveCount(0);
});

test('prices and stock are re-checked against the latest catalog copy, with a clear message', async ({ page, context, catalog }) => {
  const [dearer, scarce] = orderableProducts(catalog, 2, 2);
  const basket = basketOf([
    [dearer, 1],
    [scarce, Math.min(scarce.stock! + 3, 99)]
  ]);
  basket.lines[0].seen.price_cents = dearer.price_cents! - 50;
  await seedBasket(context, basket);
  await page.goto('/basket');
  const changes = page.getByTestId('basket-changes');
  await expect(changes).toContainText(`${dearer.title}${NBSP}: le prix est passé de ${euros(dearer.price_cents! - 50)} à ${euros(dearer.price_cents!)}.`);
  await expect(changes).toContainText(`${scarce.title}${NBSP}: il n’en reste que ${scarce.stock} (vous en aviez mis ${Math.min(scarce.stock! + 3, 99)}).`);
  // What is shown and counted is what can be ordered now.
  await expect(qtyField(line(page, scarce.id))).toHaveValue(String(scarce.stock));
  await expect(page.getByTestId('basket-total')).toHaveText(euros(dearer.price_cents! + scarce.price_cents! * scarce.stock!));
  await changes.getByRole('button', { name: 'Mettre le panier à jour' }).click();
  await expect(changes).toHaveCount(0);
  const stored = await readBasket(page);
  expect(stored?.lines.map((l) => [l.qty, l.seen.price_cents])).toEqual([
    [1, dearer.price_cents],
    [scarce.stock, scarce.price_cents]
  ]);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the basket works without the network and survives an offline reload', async ({ page, context, catalog }) => {
    const products = orderableProducts(catalog, 3);
    await seedBasket(context, basketOf(products.map((p) => [p, 1])));
    await openFeed(page);
    await expect.poll(async () => !!(await readDeviceStore(page, 'placette.catalog'))).toBe(true);
    await waitForServiceWorker(page);
    await page.goto('/basket');
    await expect(page.getByTestId('basket-shop')).toHaveCount(3);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('basket-shop')).toHaveCount(3);
    await expect(page.getByText(`Hors ligne${NBSP}: votre panier reste sur cet appareil.`)).toBeVisible();

    await line(page, products[0].id).getByRole('button', { name: `Un de plus${NBSP}: ${products[0].title}` }).click();
    await line(page, products[1].id).getByRole('button', { name: `Retirer ${products[1].title} du panier` }).click();
    await expect(page.getByTestId('basket-shop')).toHaveCount(2);
    await expect(page.getByTestId('basket-total')).toHaveText(euros(products[0].price_cents! * 2 + products[2].price_cents!));

    await page.reload();
    await expect(page.getByTestId('basket-shop')).toHaveCount(2);
    await expect(qtyField(line(page, products[0].id))).toHaveValue('2');
    await expect(badge(page)).toHaveText('3');
    await context.setOffline(false);
  });
});
