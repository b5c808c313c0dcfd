import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test, type DemoCatalog, type Item } from './support/fixtures';
import { prefs, seedPrefs } from './support/app';
import { basketOf, readBasket, seedBasket } from './support/basket';
import { AccountPages } from './pages/account';
import { mainServer } from './support/paths';
/** French typography: a no-break space before « : ; ! ? » (as the app writes them). */
const NBSP = '\u00a0';

/**
 * From the basket on the device to the order page: sign-in on the way, a pickup slot per shop,
 * pay at pickup, one order whatever the clicks, a code per shop, the timeline moving live.
 */

const PASSWORD = 'placette-demo';
type ShopItem = Item & { click_and_collect?: boolean };

/** A product with some stock from each shop (by slug), in that order. */
function productsOf(catalog: DemoCatalog, slugs: string[], minStock = 3): Item[] {
  return slugs.map((slug) => {
    const product = catalog.ofKind('product').find((p) => p.shop_slug === slug && (p.stock ?? 0) >= minStock);
    if (!product) throw new Error(`no product with stock at ${slug}`);
    return product;
  });
}

/** Three shops taking click & collect, the florist and the bookseller (demo merchants) first. */
function threeShops(catalog: DemoCatalog): string[] {
  const cc = catalog.ofKind('shop').filter((s) => (s as ShopItem).click_and_collect);
  const slugs = ['petales-et-briques', 'la-plume-du-taur'].filter((slug) => cc.some((s) => s.slug === slug));
  for (const shop of cc) {
    if (slugs.length === 3) break;
    if (!slugs.includes(shop.slug!) && catalog.ofKind('product').some((p) => p.shop === shop.id && (p.stock ?? 0) >= 3)) slugs.push(shop.slug!);
  }
  return slugs;
}

const shopSection = (page: Page, shopId: string) => page.locator(`[data-testid="checkout-shop"][data-shop-id="${shopId}"]`);

/** Picks the first free pickup slot offered for a shop. */
async function chooseFirstSlot(section: Locator): Promise<void> {
  const slots = section.getByTestId('slots');
  await expect(slots).toHaveAttribute('aria-busy', 'false');
  const free = slots.locator('input[type="radio"]:not([disabled])').first();
  await free.check();
  await expect(free).toBeChecked();
}

async function orderIds(request: APIRequestContext): Promise<string[]> {
  const response = await request.get('/api/orders');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { orders: { id: string }[] }).orders.map((o) => o.id);
}

async function merchantApi(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, email: string): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({ baseURL: mainServer.origin, extraHTTPHeaders: { origin: mainServer.origin } });
  const response = await api.post('/login', { form: { email, password: PASSWORD }, headers: { accept: 'text/html' }, maxRedirects: 0 });
  expect(response.status(), `sign-in of ${email}`).toBe(303);
  return api;
}

/** axe (WCAG 2.1 AA) on the page as it is now. */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

test.use({ viewport: { width: 390, height: 844 } });
// One after the other: the out-of-stock test buys up a product the first test may have in its basket.
test.describe.configure({ mode: 'default' });

test.beforeEach(async ({ context }) => {
  await seedPrefs(context, prefs());
});

test('habitant fills a basket from three shops, picks slots, pays at pickup and follows the order live', async ({ page, context, catalog, playwright }) => {
  test.setTimeout(90_000);
  const slugs = threeShops(catalog);
  expect(slugs).toHaveLength(3);
  const products = productsOf(catalog, slugs);
  await seedBasket(context, basketOf(products.map((p, k) => [p, k + 1])));

  await test.step('the basket asks to sign in, and comes back intact', async () => {
    await page.goto('/basket');
    await page.getByRole('link', { name: 'Commander' }).click();
    await expect(page).toHaveURL(/\/login\?next=%2Fcheckout$/);
    await page.getByLabel('Adresse e-mail').fill('habitant@placette.test');
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/checkout$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Commander' })).toBeVisible();
    await expect(page.getByTestId('checkout-shop')).toHaveCount(3);
  });

  await test.step('nothing is sent until every shop has a slot', async () => {
    const before = await orderIds(page.request);
    await page.getByRole('button', { name: /^Confirmer la commande/ }).click();
    await expect(page.getByRole('alert')).toHaveText(`Il manque quelques choix${NBSP}: voyez les messages ci-dessous.`);
    for (const p of products) await expect(shopSection(page, p.shop!).getByText('Choisissez un créneau de retrait.')).toBeVisible();
    expect(await orderIds(page.request)).toEqual(before);
    await expectAccessible(page);
  });

  let orderId = '';
  await test.step('one slot per shop, pay at pickup, a double click makes one order', async () => {
    for (const p of products) await chooseFirstSlot(shopSection(page, p.shop!));
    await expect(page.getByRole('radio', { name: /Payer au retrait/ })).toBeChecked();
    const total = products.reduce((sum, p, k) => sum + p.price_cents! * (k + 1), 0);
    const before = await orderIds(page.request);
    const submit = page.getByRole('button', { name: /^Confirmer la commande/ });
    await expect(submit).toContainText(String(Math.floor(total / 100)));
    await submit.dblclick();
    await expect(page).toHaveURL(/\/orders\/[a-z2-7]{16}\?placed=1$/);
    orderId = /\/orders\/([a-z2-7]{16})/.exec(page.url())![1];
    const after = await orderIds(page.request);
    expect(after.filter((id) => !before.includes(id))).toEqual([orderId]);
  });

  await test.step('the order page: a part per shop with its slot, code and QR code; the basket is empty', async () => {
    await expect(page.getByRole('heading', { level: 1, name: `Merci, votre commande est envoyée${NBSP}!` })).toBeVisible();
    const parts = page.getByTestId('order-part');
    await expect(parts).toHaveCount(3);
    const codes = new Set<string>();
    for (const p of products) {
      const part = page.locator(`[data-testid="order-part"][data-shop-id="${p.shop}"]`);
      await expect(part.getByRole('heading', { level: 2 })).toHaveText(p.shop_name!);
      await expect(part.getByTestId('part-status')).toHaveText('Envoyée');
      await expect(part.getByText(/^Retrait\u00a0: /)).toBeVisible();
      const code = (await part.getByTestId('pickup-code').innerText()).replace(/\s/g, '');
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
      codes.add(code);
      await expect(part.getByRole('img', { name: `QR code du code de retrait ${code}` })).toBeVisible();
    }
    expect(codes.size).toBe(3);
    await expectAccessible(page);
    expect((await readBasket(page))?.lines).toEqual([]);
    await expect(page.getByTestId('basket-count')).toHaveCount(0);
  });

  await test.step('the florist accepts and marks ready: the page follows without a reload', async () => {
    const florist = products.find((p) => p.shop_slug === 'petales-et-briques');
    test.skip(!florist, 'the demo florist does not take click & collect');
    const api = await merchantApi(playwright, 'fleuriste@placette.test');
    const shopN = florist!.shop!.split('-')[1];
    const board = await api.get(`/api/merchant/shops/${shopN}/orders`);
    const part = ((await board.json()) as { parts: { partId: number; orderId: string }[] }).parts.find((p) => p.orderId === orderId)!;
    expect((await api.post(`/api/merchant/shops/${shopN}/orders/${part.partId}`, { data: { action: 'accept' } })).status()).toBe(200);
    const section = page.locator(`[data-testid="order-part"][data-shop-id="${florist!.shop}"]`);
    await expect(section.getByTestId('part-status')).toHaveText('Acceptée');
    await expect(page.getByTestId('order-announcement')).toHaveText(`${florist!.shop_name}${NBSP}: Acceptée`);
    // Accepted: no cancelling any more.
    await expect(section.getByRole('button', { name: 'Annuler cette partie' })).toHaveCount(0);
    expect((await api.post(`/api/merchant/shops/${shopN}/orders/${part.partId}`, { data: { action: 'ready' } })).status()).toBe(200);
    await expect(section.getByTestId('part-headline')).toHaveText(`Prête${NBSP}: vous pouvez passer la retirer`);
    await api.dispose();
  });

  await test.step('a part not accepted yet can be cancelled', async () => {
    const last = products[2];
    const section = page.locator(`[data-testid="order-part"][data-shop-id="${last.shop}"]`);
    await section.getByRole('button', { name: 'Annuler cette partie' }).click();
    await section.getByRole('button', { name: 'Confirmer l’annulation' }).click();
    await expect(section.getByTestId('part-status')).toHaveText('Annulée');
    await expect(section.getByTestId('pickup-code')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: `Votre commande chez ${last.shop_name} est annulée.` })).toBeVisible();
  });

  await test.step('past orders: « Commander à nouveau » fills the basket again', async () => {
    await page.goto('/orders');
    const summary = page.locator(`[data-testid="order-summary"][data-order-id="${orderId}"]`);
    await expect(summary).toBeVisible();
    await summary.getByRole('button', { name: 'Commander à nouveau' }).click();
    await expect(page).toHaveURL(/\/basket$/);
    await expect(page.getByTestId('basket-shop')).toHaveCount(3);
    const stored = await readBasket(page);
    const byId = (a: [string, number], b: [string, number]) => a[0].localeCompare(b[0]);
    expect(stored?.lines.map((l): [string, number] => [l.productId, l.qty]).sort(byId)).toEqual(products.map((p, k): [string, number] => [p.id, k + 1]).sort(byId));
  });
});

test('out of stock at checkout: the lines are marked and the basket shows what is left', async ({ page, context, catalog }) => {
  const email = `rupture-${Date.now()}@example.org`;
  // Not the product the three-shop test buys (the specs share one server and run in parallel).
  const shop = threeShops(catalog)[1];
  const [taken] = productsOf(catalog, [shop]);
  const product = catalog.ofKind('product').filter((p) => p.shop_slug === shop && p.id !== taken.id && (p.stock ?? 0) >= 2).at(-1)!;
  await seedBasket(context, basketOf([[product, 2]]));
  await new AccountPages(page).signUp(email, 'une phrase de passe solide 42');
  await expect(page).toHaveURL(/\/account$/);
  await page.goto('/checkout');
  await chooseFirstSlot(shopSection(page, product.shop!));

  // Meanwhile someone else buys all but one (the device's catalog copy does not know yet).
  const stock = ((await (await page.request.get('/api/catalog')).json()) as { items: Item[] }).items.find((i) => i.id === product.id)!.stock!;
  const slots = (await (await page.request.get(`/api/shops/${product.shop}/slots?date=${new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10)}`)).json()) as { slots: { start: string; left: number }[] };
  const otherSlot = slots.slots.find((s) => s.left > 0);
  test.skip(!otherSlot, 'no free slot for the other customer');
  const other = await page.request.post('/api/orders', {
    headers: { 'idempotency-key': `other-${Date.now()}`, origin: mainServer.origin },
    data: { lines: [{ productId: product.id, qty: stock - 1 }], fulfilment: { [product.shop!]: { type: 'pickup', slot: otherSlot!.start } }, payment: 'pickup' }
  });
  expect(other.status()).toBe(201);

  await page.getByRole('button', { name: /^Confirmer la commande/ }).click();
  await expect(page.getByRole('alert')).toContainText(`Plus assez de stock pour${NBSP}: ${product.title}.`);
  const line = shopSection(page, product.shop!).locator(`li[data-product-id="${product.id}"]`);
  await expect(line).toContainText('1 ×');
  await expect(line.getByText('Plus assez de stock')).toBeVisible();
  expect((await readBasket(page))?.lines.map((l) => l.qty)).toEqual([1]);
  await expect(page).toHaveURL(/\/checkout$/);
});

test('someone else’s order is not found, and a signed-out visitor is sent to sign in', async ({ page, browser }) => {
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  const response = await visitor.goto('/checkout');
  expect(response?.url()).toMatch(/\/login\?next=%2Fcheckout$/);
  await anonymous.close();
  await new AccountPages(page).signUp(`curieux-${Date.now()}@example.org`, 'une phrase de passe solide 42');
  await expect(page).toHaveURL(/\/account$/);
  const other = await page.goto('/orders/aaaaaaaaaaaaaaaa');
  expect(other?.status()).toBe(404);
  await page.goto('/orders');
  await expect(page.getByRole('heading', { level: 2, name: 'Aucune commande pour l’instant' })).toBeVisible();
});
