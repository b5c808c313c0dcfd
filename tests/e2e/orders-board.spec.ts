import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import type { Catalog } from './support/fixtures';
import { startServer, type RunningServer } from './support/server';
import { signInAt } from './support/app';
import { floristProducts, nextFloristSlot } from './support/orders';
import { jpegFixture } from '../support/image-fixtures';

/**
 * The merchant's side of orders: the live board, its steps, the preparation list, the delivery
 * photo, the sales report and the pickup/delivery settings. Orders are placed through the API
 * (`POST /api/orders`) by the demo citizen, signed in in another browser context. Own server
 * (ports 4330+; the orders API spec has 4320): these tests write.
 */
let server: RunningServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  server = await startServer(4330 + testInfo.parallelIndex);
});
test.afterAll(async () => {
  await server?.stop();
});

/** Outside test-results (which every run empties), to be looked at after the run. */
const SHOTS = join(process.env.PLACETTE_E2E_SHOTS || tmpdir(), 'placette-orders-board');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const signIn = (page: Page, email: string, next = '/merchant') => signInAt(page, server.origin, email, next);

async function catalog(request: APIRequestContext): Promise<Catalog> {
  return (await (await request.get(`${server.origin}/api/catalog`)).json()) as Catalog;
}

const florist = (request: APIRequestContext) => floristProducts(request, server.origin, 3);

async function stockOf(request: APIRequestContext, productId: string): Promise<number> {
  return (await catalog(request)).items.find((i) => i.id === productId)!.stock!;
}

const nextSlot = (request: APIRequestContext) => nextFloristSlot(request, server.origin);

interface Placed {
  id: string;
  parts: { shopId: string; pickupCode: string; slot: string | null }[];
}

/** The demo citizen orders through the API, with an Idempotency-Key, from their signed-in context. */
async function citizenOrders(browser: Browser, lines: { productId: string; qty: number }[], fulfilment: 'pickup' | 'delivery' = 'pickup'): Promise<Placed> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'habitant@placette.test', '/account');
  const { shop } = await florist(page.request);
  const choice =
    fulfilment === 'pickup'
      ? { type: 'pickup', slot: await nextSlot(page.request) }
      : { type: 'delivery', address: { name: 'Camille Habitant', line: '12 rue des Filatiers', postcode: '31000', city: 'Toulouse', phone: '06 12 34 56 78', instructions: 'Interphone 3B' } };
  const response = await page.request.post(`${server.origin}/api/orders`, {
    headers: { 'idempotency-key': randomUUID() },
    data: { lines, fulfilment: { [shop.id]: choice }, payment: 'pickup' }
  });
  expect(response.status(), await response.text()).toBe(201);
  const order = (await response.json()) as Placed;
  await context.close();
  return order;
}

function column(page: Page, name: RegExp) {
  return page.locator('section.column', { has: page.getByRole('heading', { level: 2, name }) });
}
const card = (page: Page, orderId: string) => page.locator('article.card', { hasText: `Commande ${orderId.slice(0, 6).toUpperCase()}` });

async function openBoard(page: Page): Promise<void> {
  await signIn(page, 'fleuriste@placette.test', '/merchant/orders');
  await page.getByRole('link', { name: 'Ouvrir le tableau de Pétales & Briques' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Commandes' })).toBeVisible();
  await expect(page.getByText('En direct')).toBeVisible();
}

test('a new order appears on the florist’s board without a reload; she accepts, marks it ready and checks the customer’s code', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(DESKTOP);
  await openBoard(page);
  // The sound cue is off until she turns it on; the choice stays on this device.
  const sound = page.getByRole('button', { name: 'Son' });
  await expect(sound).toHaveAttribute('aria-pressed', 'false');
  await sound.click();
  await expect(sound).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => localStorage.getItem('placette.board.sound'))).toBe('on');

  // A marker that a reload would wipe.
  await page.evaluate(() => ((window as unknown as { boardMarker: number }).boardMarker = 42));
  const { products } = await florist(page.request);
  const [bouquet, vase] = products;
  const order = await citizenOrders(browser, [
    { productId: bouquet.id, qty: 2 },
    { productId: vase.id, qty: 1 }
  ]);
  const code = order.parts[0].pickupCode;

  const fresh = column(page, /^Nouvelles/).locator('article.card', { hasText: 'Habitant' });
  await expect(fresh).toBeVisible({ timeout: 15_000 });
  await expect(fresh.getByText('Nouvelle', { exact: true })).toBeVisible();
  await expect(fresh.getByText(`2 × ${bouquet.title}`)).toBeVisible();
  await expect(fresh.getByText(/Retrait · /)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Nouvelle commande (1) : Habitant' })).toBeAttached();
  expect(await page.evaluate(() => (window as unknown as { boardMarker?: number }).boardMarker)).toBe(42);
  // The board never shows the customer's code.
  await expect(page.getByText(code)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/board-desktop-new.png`, fullPage: true });

  await card(page, order.id).getByRole('button', { name: 'Accepter' }).click();
  await expect(column(page, /^Acceptées/).locator('article.card', { hasText: 'Habitant' })).toBeVisible();
  await expect(page.getByText('Commande acceptée.')).toBeVisible();
  await card(page, order.id).getByRole('button', { name: 'Marquer prête' }).click();
  const ready = column(page, /^Prêtes/).locator('article.card', { hasText: 'Habitant' });
  await expect(ready).toBeVisible();

  // A wrong code is refused next to the field, what was typed stays; the right one hands it over.
  const codeField = ready.getByLabel('Code du client');
  await codeField.fill('ZZZ-ZZZ');
  await ready.getByRole('button', { name: 'Remise au client' }).click();
  await expect(ready.getByText('Ce code ne correspond pas à cette commande.')).toBeVisible();
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');
  await expect(codeField).toHaveValue('ZZZ-ZZZ');
  await page.screenshot({ path: `${SHOTS}/board-desktop-wrong-code.png`, fullPage: true });
  await codeField.fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
  await ready.getByRole('button', { name: 'Remise au client' }).click();
  await expect(page.getByText('Commande remise. Merci !')).toBeVisible();
  await expect(column(page, /^Terminées/).locator('article.card', { hasText: 'Habitant' }).getByText(/^Remise · /)).toBeVisible();

  // The customer's order page data follows.
  const context = await browser.newContext();
  const citizen = await context.newPage();
  await signIn(citizen, 'habitant@placette.test', '/account');
  const view = (await (await citizen.request.get(`${server.origin}/api/orders/${order.id}`)).json()) as { parts: { status: string; timeline: { status: string }[] }[] };
  expect(view.parts[0].status).toBe('collected');
  expect(view.parts[0].timeline.map((s) => s.status)).toEqual(['placed', 'accepted', 'ready', 'collected']);
  await context.close();
});

test('a refusal needs a reason, works without JavaScript and puts the stock back in the catalog', async ({ browser }) => {
  test.setTimeout(60_000);
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const page = await noJs.newPage();
  await signIn(page, 'fleuriste@placette.test', '/merchant/orders');
  const { products } = await florist(page.request);
  const product = products[2] ?? products[0];
  const before = await stockOf(page.request, product.id);
  const order = await citizenOrders(browser, [{ productId: product.id, qty: 2 }]);
  expect(await stockOf(page.request, product.id)).toBe(before - 2);

  await page.getByRole('link', { name: 'Ouvrir le tableau de Pétales & Briques' }).click();
  // Without JavaScript the board offers a refresh link instead of the live badge.
  await expect(page.getByRole('link', { name: 'Actualiser' })).toBeVisible();
  const part = card(page, order.id);
  await part.getByText('Refuser la commande…').click();
  await part.getByRole('button', { name: 'Refuser et remettre en vente' }).click();
  await expect(card(page, order.id).getByText('Expliquez en quelques mots pourquoi')).toBeVisible();
  await card(page, order.id).getByLabel('Raison du refus (le client la verra)').fill('Plus de renoncules aujourd’hui, désolée !');
  await card(page, order.id).getByRole('button', { name: 'Refuser et remettre en vente' }).click();
  await expect(page.getByText('Commande refusée, articles remis en vente.')).toBeVisible();
  await expect(column(page, /^Terminées/).locator('article.card', { hasText: order.id.slice(0, 6).toUpperCase() }).getByText('Plus de renoncules')).toBeVisible();
  expect(await stockOf(page.request, product.id)).toBe(before);
  await noJs.close();
});

test('a delivery shows its address; the photo de livraison reaches the customer, and only them and the shop', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(PHONE);
  await openBoard(page);
  const { products } = await florist(page.request);
  const order = await citizenOrders(browser, [{ productId: products[0].id, qty: 1 }], 'delivery');
  const part = card(page, order.id);
  await expect(part).toBeVisible({ timeout: 15_000 });
  await expect(part.getByText('12 rue des Filatiers')).toBeVisible();
  await expect(part.getByText('Interphone 3B')).toBeVisible();
  await expect(part.getByText('dont livraison')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/board-phone-delivery.png`, fullPage: true });
  await part.getByRole('button', { name: 'Accepter' }).click();
  await expect(column(page, /^Acceptées/).locator('article.card', { hasText: order.id.slice(0, 6).toUpperCase() })).toBeVisible();

  // A file that is no image is refused next to the field.
  await card(page, order.id).getByLabel('Photo de livraison').setInputFiles({ name: 'bouquet.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a picture') });
  await card(page, order.id).getByRole('button', { name: 'Envoyer la photo au client' }).click();
  await expect(card(page, order.id).getByLabel('Photo de livraison')).toHaveAttribute('aria-invalid', 'true');
  await card(page, order.id).getByLabel('Photo de livraison').setInputFiles({ name: 'bouquet.jpg', mimeType: 'image/jpeg', buffer: await jpegFixture({ width: 900, height: 700 }) });
  await card(page, order.id).getByRole('button', { name: 'Envoyer la photo au client' }).click();
  const image = card(page, order.id).getByRole('img', { name: 'Photo de livraison de la commande de Habitant' });
  await expect(image).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/board-phone-photo.png`, fullPage: true });
  // A board full of cards, forms and a photo passes axe (WCAG 2.1 AA) too.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);

  // The customer's order carries it; its files answer to them and the shop, privately.
  const context = await browser.newContext();
  const citizen = await context.newPage();
  await signIn(citizen, 'habitant@placette.test', '/account');
  const view = (await (await citizen.request.get(`${server.origin}/api/orders/${order.id}`)).json()) as {
    parts: { delivery: { photo: { id: string; base: string; widths: number[] } } }[];
  };
  const photo = view.parts[0].delivery.photo;
  expect(photo.base).toBe(`/api/orders/${order.id}/photos/`);
  const url = `${server.origin}${photo.base}${photo.id}-${photo.widths[0]}.webp`;
  const mine = await citizen.request.get(url);
  expect(mine.status()).toBe(200);
  expect(mine.headers()['content-type']).toBe('image/webp');
  expect(mine.headers()['cache-control']).toMatch(/^private/);
  expect((await page.request.get(url)).status()).toBe(200);
  await context.close();

  const strangers = await browser.newContext();
  const stranger = await strangers.newPage();
  expect((await stranger.request.get(url)).status()).toBe(401);
  // Never under the public /media, whatever the name.
  expect((await stranger.request.get(`${server.origin}/media/${photo.id}-${photo.widths[0]}.webp`)).status()).toBe(404);
  await signIn(stranger, 'libraire@placette.test');
  expect((await stranger.request.get(url)).status()).toBe(404);
  await strangers.close();
});

test('the preparation list groups the day by slot and prints without the app around it', async ({ page, browser }) => {
  await page.setViewportSize(DESKTOP);
  const { products } = await florist(page.request);
  const order = await citizenOrders(browser, [{ productId: products[1].id, qty: 3 }]);
  const date = new Date(order.parts[0].slot!).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  await signIn(page, 'fleuriste@placette.test', `/merchant/shops/${order.parts[0].shopId.split('-')[1]}/orders/print?date=${date}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Liste de préparation' })).toBeVisible();
  const group = page.locator('section.group', { hasText: `Commande ${order.id.slice(0, 6).toUpperCase()}` });
  await expect(group.getByRole('table', { name: 'À préparer pour ce créneau' }).getByRole('row', { name: new RegExp(`^\\d+ ${products[1].title}`) })).toBeVisible();
  await expect(group.getByText(`3 × ${products[1].title}`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/print-screen.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.topbar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/print-media.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // A date that is not one is explained next to the field.
  await page.goto(page.url().replace(/date=[^&]*/, 'date=2026-02-30'));
  await expect(page.getByText('Saisissez une date valide.')).toBeVisible();
});

test('the sales report counts the collected order; the admin’s commission applies', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, 'fleuriste@placette.test', '/merchant/orders');
  await page.getByRole('link', { name: 'Relevé des ventes' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Relevé des ventes' })).toBeVisible();
  const summary = (label: string) => page.locator('dl.summary div', { hasText: label }).locator('dd');
  await expect(summary('Commandes')).toHaveText('1');
  await expect(summary('Ventes')).toHaveText('129,00\u202f€');
  await expect(page.locator('dl.summary div', { hasText: 'Commission (0 %)' })).toBeVisible();
  const reportUrl = page.url();
  await page.getByLabel('Du').fill('2026-12-31');
  await page.getByLabel('Au').fill('2026-01-01');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByText('La fin doit être après le début.')).toBeVisible();

  // The operator's admin sets a 2.5 % commission on /admin (a percentage, checked inline).
  execFileSync('npx', ['tsx', 'scripts/admin-create.ts', '--email', 'admin-board@example.org'], {
    input: 'placette-demo',
    env: { ...process.env, DATABASE_URL: server.database },
    stdio: ['pipe', 'ignore', 'inherit']
  });
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin-board@example.org', '/admin');
  await admin.getByLabel('Commission de la plateforme (%)').fill('60');
  await admin.locator('form[action="?/commission"]').getByRole('button').click();
  await expect(admin.getByText('Saisissez un pourcentage entre 0 et 50')).toBeVisible();
  await admin.getByLabel('Commission de la plateforme (%)').fill('2,5');
  await admin.locator('form[action="?/commission"]').getByRole('button').click();
  await expect(admin.getByLabel('Commission de la plateforme (%)')).toHaveValue('2,5');
  await adminContext.close();

  await page.goto(reportUrl);
  await expect(page.locator('dl.summary div', { hasText: 'Commission (2,5 %)' }).locator('dd')).toHaveText('3,23\u202f€');
  await expect(summary('Net pour la boutique')).toHaveText('125,77\u202f€');
  await expect(page.getByText('Commission à régler à la plateforme : 3,23')).toBeVisible();
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `${SHOTS}/payouts-desktop.png`, fullPage: true });
});

test('pickup and delivery settings are checked field by field and used by checkout', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, 'fleuriste@placette.test', '/merchant/orders');
  await page.getByRole('link', { name: 'Retrait et livraison' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Retrait et livraison' })).toBeVisible();
  await expect(page.getByLabel('Codes postaux livrés')).toHaveValue('31000, 31300, 31400, 31500');
  await page.getByLabel('Commandes par créneau').fill('0');
  await page.getByLabel('Codes postaux livrés').fill('31000, 3130');
  await page.getByLabel('Frais de livraison (€)').fill('7,50');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Un nombre entier entre 1 et 50.')).toBeVisible();
  await expect(page.getByText('Des codes postaux à 5 chiffres')).toBeVisible();
  await expect(page.getByLabel('Codes postaux livrés')).toHaveValue('31000, 3130');
  await page.screenshot({ path: `${SHOTS}/settings-phone-errors.png`, fullPage: true });
  await page.getByLabel('Commandes par créneau').fill('5');
  await page.getByLabel('Codes postaux livrés').fill('31000 31200');
  await page.getByLabel('Durée d’un créneau').selectOption('15');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Réglages de retrait et de livraison enregistrés.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Codes postaux livrés')).toHaveValue('31000, 31200');
  await expect(page.getByLabel('Frais de livraison (€)')).toHaveValue('7,50');
  // The slots API follows: 15-minute slots, 5 orders each.
  const slot = await nextSlot(page.request);
  const date = new Date(slot).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  const { slots } = (await (await page.request.get(`${server.origin}/api/shops/petales-et-briques/slots?date=${date}`)).json()) as { slots: { start: string; end: string; left: number }[] };
  expect(Date.parse(slots[0].end) - Date.parse(slots[0].start)).toBe(15 * 60_000);
  expect(Math.max(...slots.map((s) => s.left))).toBe(5);
});
