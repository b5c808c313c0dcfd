import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signInAt, waitForServiceWorker } from './support/app';
import { deliverPush, localPushService, shownNotifications } from './support/push';
import { startServer, type RunningServer } from './support/server';
import { floristProducts, nextFloristSlot } from './support/orders';
import { startPushEndpoint } from '../support/push-endpoint';
import type { PersonalPayload } from '../../src/lib/schemas/push';

/**
 * Personal push (Mon compte → « Notifications de mes commandes et messages »), end to end: the
 * switch on the account page in Chromium, the built server sending real encrypted, VAPID-signed
 * pushes to a push endpoint on loopback that decrypts them (tests/support/push-endpoint.ts), and
 * the real service worker showing what it received.
 *
 * The one stand-in: Chromium cannot reach its vendor's push service here (and refuses the Push
 * API in Playwright's contexts), so the page's `PushManager` hands out a subscription of the
 * local endpoint (same shape as the browser's, real keys) instead of asking Google for one.
 * Own server (ports 4400+, its push requests trust the local endpoint's certificate): these
 * tests write.
 */
let server: RunningServer;
let push: Awaited<ReturnType<typeof startPushEndpoint>>;

test.describe.configure({ mode: 'serial' });
test.use({ serviceWorkers: 'allow', locale: 'fr-FR' });

const SHOTS = join(process.env.PLACETTE_E2E_SHOTS || tmpdir(), 'placette-personal-push');
const PHONE = { width: 390, height: 844 };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

test.beforeAll(async ({}, testInfo) => {
  push = await startPushEndpoint();
  const dir = mkdtempSync(join(tmpdir(), 'placette-push-ca-'));
  const ca = join(dir, 'push-endpoint.pem');
  writeFileSync(ca, push.certificate);
  server = await startServer(4400 + testInfo.parallelIndex, { env: { NODE_EXTRA_CA_CERTS: ca } });
});
test.afterAll(async () => {
  await server?.stop();
  await push?.close();
});

function deviceRows(email: string): { endpoint: string; session_id: string }[] {
  const sqlite = new Database(server.database, { readonly: true, fileMustExist: true });
  try {
    return sqlite
      .prepare(`SELECT a.endpoint, a.session_id FROM account_push_subscriptions a JOIN users u ON u.id = a.user_id WHERE u.email = ?`)
      .all(email) as { endpoint: string; session_id: string }[];
  } finally {
    sqlite.close();
  }
}

/** The pushes the local endpoint decrypted for this subscriber. */
const pushesTo = (name: string): PersonalPayload[] => push.received.filter((r) => r.subscriber === name).map((r) => JSON.parse(r.plaintext) as PersonalPayload);

const toggle = (page: Page) => page.getByRole('switch', { name: 'Notifications de mes commandes et messages' });
const panel = (page: Page) => page.locator('section[aria-labelledby="notif-title"]');

async function openAccount(page: Page, state: 'on' | 'off' | 'denied' | 'unsupported'): Promise<void> {
  await page.goto(`${server.origin}/account`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(panel(page)).toHaveAttribute('data-state', state);
}

async function axe(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('main').withTags(TAGS).analyze();
  expect(results.violations.map((v) => ({ rule: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })), `axe: ${what}`).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  await panel(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function florist(page: Page) {
  const { shop, products } = await floristProducts(page.request, server.origin, 2);
  return { shop, product: products[0] };
}

const nextSlot = (page: Page) => nextFloristSlot(page.request, server.origin);

/**
 * After a pause, the server may be closing an idle keep-alive connection just as a request reuses
 * it (ECONNRESET). A harmless GET, retried, goes first, so the POST that follows is sent once.
 */
async function warm(request: APIRequestContext): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await request.get(`${server.origin}/api/health`);
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

async function newContext(browser: Browser, options: { permission?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'fr-FR', serviceWorkers: 'allow' });
  if (options.permission) await context.grantPermissions(['notifications'], { origin: server.origin });
  return context;
}

test('the switch turns order and message notifications on for this device; a part marked ready and a new message reach it', async ({ browser }) => {
  test.setTimeout(120_000);
  const citizenDevice = push.subscriber('citizen-phone');
  const merchantDevice = push.subscriber('florist-phone');

  const citizenContext = await newContext(browser, { permission: true });
  await localPushService(citizenContext, citizenDevice);
  const citizen = await citizenContext.newPage();
  await signInAt(citizen, server.origin, 'habitant@placette.test', '/account');
  await waitForServiceWorker(citizen);

  // Off until turned on, with the permission already granted.
  await openAccount(citizen, 'off');
  await expect(toggle(citizen)).toHaveAttribute('aria-checked', 'false');
  await expect(panel(citizen).getByRole('status')).toHaveText('Désactivées sur cet appareil.');
  await axe(citizen, 'switch off');
  await shot(citizen, 'account-notifications-off-390');

  await toggle(citizen).click();
  await expect(toggle(citizen)).toHaveAttribute('aria-checked', 'true');
  await expect(panel(citizen).getByRole('status')).toHaveText('Activées sur cet appareil.');
  await axe(citizen, 'switch on');
  await shot(citizen, 'account-notifications-on-390');
  // The browser subscribed with this server's public key; the server holds this device, for this session.
  const { public_key } = (await (await citizen.request.get(`${server.origin}/api/push/key`)).json()) as { public_key: string };
  expect(await citizen.evaluate(() => localStorage.getItem('test.push-service'))).toBe(public_key);
  expect(deviceRows('habitant@placette.test')).toEqual([{ endpoint: citizenDevice.endpoint, session_id: expect.any(String) }]);
  // A reload shows it on; the anonymous daily digest (Préférences) stays off: a separate opt-in.
  await openAccount(citizen, 'on');
  await citizen.goto(`${server.origin}/preferences`);
  await expect(citizen.getByText('Notifications désactivées.')).toBeVisible();
  // The browser has one subscription for both: the digest on then off leaves this one on.
  await citizen.getByRole('button', { name: 'Activer les notifications' }).click();
  await expect(citizen.getByText('Notifications activées sur cet appareil.')).toBeVisible();
  await citizen.getByRole('button', { name: 'Désactiver les notifications' }).click();
  await expect(citizen.getByText('Notifications désactivées.')).toBeVisible();
  expect(await citizen.evaluate(() => localStorage.getItem('test.push-service')), 'the browser subscription is still there').not.toBeNull();
  await openAccount(citizen, 'on');
  expect(deviceRows('habitant@placette.test')).toHaveLength(1);

  // The citizen orders at the florist; the florist marks the part ready on her board.
  const { shop, product } = await florist(citizen);
  const placed = await citizen.request.post(`${server.origin}/api/orders`, {
    headers: { 'idempotency-key': randomUUID() },
    data: { lines: [{ productId: product.id, qty: 1 }], fulfilment: { [shop.id]: { type: 'pickup', slot: await nextSlot(citizen) } }, payment: 'pickup' }
  });
  expect(placed.status(), await placed.text()).toBe(201);
  const order = (await placed.json()) as { id: string };
  expect(pushesTo(citizenDevice.name), 'placing an order is not notified').toEqual([]);

  const merchantContext = await newContext(browser);
  const merchant = await merchantContext.newPage();
  await merchant.setViewportSize({ width: 1280, height: 900 });
  await signInAt(merchant, server.origin, 'fleuriste@placette.test', '/merchant/orders');
  await merchant.getByRole('link', { name: 'Ouvrir le tableau de Pétales & Briques' }).click();
  const card = merchant.locator('article.card', { hasText: `Commande ${order.id.slice(0, 6).toUpperCase()}` });
  await card.getByRole('button', { name: 'Accepter' }).click();
  await expect(merchant.getByText('Commande acceptée.')).toBeVisible();
  await card.getByRole('button', { name: 'Marquer prête' }).click();
  await expect(merchant.locator('section.column', { has: merchant.getByRole('heading', { level: 2, name: /^Prêtes/ }) }).locator('article.card', { hasText: 'Habitant' })).toBeVisible();

  const ready: PersonalPayload = { v: 1, type: 'order-ready', shop: 'Pétales & Briques', url: `/orders/${order.id}` };
  await expect.poll(() => pushesTo(citizenDevice.name), { message: 'the push reaches the customer’s device' }).toEqual([ready]);
  const received = push.received.find((r) => r.subscriber === citizenDevice.name)!;
  expect(received.headers['content-encoding']).toBe('aes128gcm');
  expect(received.headers.authorization).toContain(public_key);

  // The service worker shows exactly what the push carried, in French, opening the order.
  await citizen.goto(`${server.origin}/account`);
  const cdp = await citizenContext.newCDPSession(citizen);
  await deliverPush(cdp, `${server.origin}/service-worker.js`, received.plaintext);
  await expect.poll(async () => (await shownNotifications(citizen)).length).toBe(1);
  const [shown] = await shownNotifications(citizen);
  expect(shown).toMatchObject({ title: 'Votre commande chez Pétales & Briques est prête', body: 'Touchez pour ouvrir votre commande.', lang: 'fr', data: { url: `/orders/${order.id}` } });
  await cdp.detach();

  // Messages. The florist's phone has the switch on too, and no page of hers is open.
  const merchantApi = merchantContext.request;
  await warm(merchantApi);
  const subscribed = await merchantApi.post(`${server.origin}/api/account/push-subscriptions`, {
    data: { endpoint: merchantDevice.endpoint, expirationTime: null, keys: { p256dh: merchantDevice.p256dh, auth: merchantDevice.auth } }
  });
  expect(subscribed.status()).toBe(201);
  await merchant.close();

  await warm(citizen.request);
  const started = await citizen.request.post(`${server.origin}/api/conversations`, { data: { shopId: shop.id, body: 'Pouvez-vous ajouter un mot : « Joyeux anniversaire Lucie » ?' } });
  expect(started.status()).toBe(201);
  const { id: conversation } = (await started.json()) as { id: number };
  const toShop: PersonalPayload = { v: 1, type: 'message', to: 'shop', shop: 'Pétales & Briques', url: `/merchant/messages/${conversation}` };
  await expect.poll(() => pushesTo(merchantDevice.name), { message: 'the florist is told' }).toEqual([toShop]);
  expect(push.received.find((r) => r.subscriber === merchantDevice.name)!.plaintext, 'never the text').not.toContain('Lucie');

  // Her answer while the customer has Placette open: it shows live there, no push.
  const reply = (body: string) => merchantApi.post(`${server.origin}/api/conversations/${conversation}/messages`, { data: { clientId: randomUUID(), body } });
  expect((await reply('Bien sûr !')).status()).toBe(201);
  // A later push the other way proves the server got past that one.
  expect((await citizen.request.post(`${server.origin}/api/conversations/${conversation}/messages`, { data: { clientId: randomUUID(), body: 'Merci' } })).status()).toBe(201);
  await expect.poll(() => pushesTo(merchantDevice.name).length).toBe(2);
  await citizen.waitForTimeout(300);
  expect(pushesTo(citizenDevice.name), 'no push while the customer’s app is open; never for their own messages').toEqual([ready]);

  // Placette closed on the customer's phone: her next answer is pushed.
  await citizen.close();
  const toCitizen: PersonalPayload = { v: 1, type: 'message', to: 'citizen', shop: 'Pétales & Briques', url: `/messages/${conversation}` };
  await expect
    .poll(
      async () => {
        // The server notices the closed stream within moments; each try is a new answer.
        if (!pushesTo(citizenDevice.name).some((p) => p.type === 'message')) expect((await reply('C’est prêt demain.')).status()).toBe(201);
        return pushesTo(citizenDevice.name).filter((p) => p.type === 'message').slice(0, 1);
      },
      { intervals: [300, 500, 1000], timeout: 15_000 }
    )
    .toEqual([toCitizen]);

  // Turning the switch off deletes the device's row; signing out does too.
  const again = await citizenContext.newPage();
  await openAccount(again, 'on');
  await toggle(again).click();
  await expect(toggle(again)).toHaveAttribute('aria-checked', 'false');
  await expect(panel(again).getByRole('status')).toHaveText('Désactivées sur cet appareil.');
  expect(deviceRows('habitant@placette.test')).toEqual([]);
  expect(await again.evaluate(() => localStorage.getItem('test.push-service')), 'the browser subscription ended too').toBeNull();

  await toggle(again).click();
  await expect(toggle(again)).toHaveAttribute('aria-checked', 'true');
  expect(deviceRows('habitant@placette.test')).toHaveLength(1);
  await again.getByRole('button', { name: 'Se déconnecter' }).first().click();
  await again.waitForURL(`${server.origin}/`);
  expect(deviceRows('habitant@placette.test'), 'signing out of the device removes it').toEqual([]);
  await citizenContext.close();
  await merchantContext.close();
});

test('the switch says why it cannot be used: blocked by the browser, or no push support', async ({ browser }) => {
  test.setTimeout(60_000);
  // Blocked: the person refused notifications for this site.
  const blocked = await newContext(browser);
  const page = await blocked.newPage();
  await signInAt(page, server.origin, 'habitant@placette.test', '/account');
  // Playwright only grants; the browser's own setting says "block" through DevTools.
  const { targetInfo } = await (await blocked.newCDPSession(page)).send('Target.getTargetInfo');
  const browserSession = await browser.newBrowserCDPSession();
  await browserSession.send('Browser.setPermission', {
    permission: { name: 'notifications' },
    setting: 'denied',
    origin: server.origin,
    browserContextId: targetInfo.browserContextId
  });
  expect(await page.evaluate(() => Notification.permission)).toBe('denied');
  await openAccount(page, 'denied');
  await expect(toggle(page)).toBeDisabled();
  await expect(toggle(page)).toHaveAttribute('aria-checked', 'false');
  await expect(panel(page).getByRole('status')).toContainText('Bloquées par votre navigateur pour ce site.');
  await axe(page, 'blocked');
  await shot(page, 'account-notifications-blocked-390');
  await blocked.close();

  // Unsupported: a browser without the Push API.
  const old = await newContext(browser);
  await old.addInitScript(() => {
    delete (window as unknown as { PushManager?: unknown }).PushManager;
  });
  const oldPage = await old.newPage();
  await signInAt(oldPage, server.origin, 'habitant@placette.test', '/account');
  await openAccount(oldPage, 'unsupported');
  await expect(toggle(oldPage)).toBeDisabled();
  await expect(panel(oldPage).getByRole('status')).toContainText('Ce navigateur ne permet pas les notifications');
  await axe(oldPage, 'unsupported');
  await shot(oldPage, 'account-notifications-unsupported-390');

  // On a desktop, in dark mode.
  await oldPage.setViewportSize({ width: 1280, height: 900 });
  await oldPage.emulateMedia({ colorScheme: 'dark' });
  await openAccount(oldPage, 'unsupported');
  await axe(oldPage, 'unsupported, dark');
  await shot(oldPage, 'account-notifications-unsupported-1280-dark');
  await old.close();
});
