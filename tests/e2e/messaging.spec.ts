import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startServer, type RunningServer } from './support/server';
import { jpegFixture, SECRET } from '../support/image-fixtures';
import { findMetadata } from '../support/image-metadata';
import exifr from 'exifr';

/**
 * Messaging with two people at once: a citizen writes to the florist from its shop page, the
 * florist (fleuriste@placette.test) sees it arrive live in the shop inbox and answers with a
 * photo, the citizen sees the answer live; a message written offline waits on the device and is
 * delivered once when the connection returns; block and report; a merchant cannot start a
 * conversation. Its own server (port 4280 + parallelIndex).
 */
const PASSWORD = 'placette-demo';
const FLORIST = 'fleuriste@placette.test';
const CITIZEN = 'habitant@placette.test';
const SHOP = 'petales-et-briques';

let server: RunningServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, info) => {
  test.setTimeout(90_000);
  server = await startServer(4280 + info.parallelIndex);
});

test.afterAll(async () => {
  await server?.stop();
});

async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.origin, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/account$/);
  return { context, page };
}

const thread = (page: Page) => page.getByTestId('thread');

test('citizen writes from the shop page, the florist sees it live and answers with a photo, seen live', async ({ browser }) => {
  test.setTimeout(120_000);
  const florist = await signedIn(browser, FLORIST);
  await florist.page.goto('/merchant/messages');
  await expect(florist.page.getByRole('heading', { level: 1 })).toContainText('Messagerie de la boutique');

  // The citizen starts signed out: the shop page's button asks to sign in, then comes back.
  const citizenContext = await browser.newContext({ baseURL: server.origin, viewport: { width: 390, height: 844 } });
  const citizen = await citizenContext.newPage();
  const streamRequests: string[] = [];
  citizen.on('request', (r) => r.url().includes('/api/messages') && streamRequests.push(r.url()));
  await citizen.goto(`/shops/${SHOP}`);
  await expect(citizen.getByRole('heading', { level: 1 })).toBeVisible();
  await citizen.waitForLoadState('networkidle');
  expect(streamRequests, 'an anonymous page opens no message stream').toEqual([]);
  await citizen.getByTestId('write-to-shop').click();
  await expect(citizen).toHaveURL(/\/login\?next=/);
  await citizen.getByLabel('Adresse e-mail').fill(CITIZEN);
  await citizen.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
  await citizen.getByRole('button', { name: 'Se connecter' }).click();
  await expect(citizen).toHaveURL(/\/messages\/new\?shop=/);
  await expect(citizen.getByRole('heading', { level: 1 })).toContainText('Pétales');
  const question = `Bonjour, un bouquet de pivoines pour samedi ? ${Date.now()}`;
  await citizen.getByLabel('Votre message').fill(question);
  await citizen.getByRole('button', { name: 'Envoyer' }).click();
  await expect(citizen).toHaveURL(/\/messages\/\d+$/);
  await expect(thread(citizen)).toContainText(question);
  const conversationId = citizen.url().split('/').pop()!;

  // The florist's open inbox shows it without a reload, with an unread count.
  const row = florist.page.locator(`a[data-conversation-id="${conversationId}"]`);
  await expect(row).toContainText(question);
  await expect(row.getByTestId('unread')).toContainText('1');
  await row.click();
  await expect(thread(florist.page)).toContainText(question);

  // Reply with a phone photo carrying GPS and camera EXIF.
  const jpeg = await jpegFixture({ width: 1200, height: 900, privateMetadata: true });
  expect((await exifr.gps(jpeg))?.latitude, 'the fixture carries GPS').toBeGreaterThan(43);
  await florist.page.getByLabel('Votre message').fill('Voici votre bouquet !');
  await florist.page.locator('input[type=file][name=photo]').setInputFiles({ name: 'IMG_2024.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await florist.page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(thread(florist.page).locator('li').last()).toContainText('Voici votre bouquet !');

  // The citizen's open thread shows the answer and the photo, live.
  const answer = thread(citizen).locator('li', { hasText: 'Voici votre bouquet !' });
  await expect(answer).toBeVisible();
  const img = answer.locator('img');
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  const src = await img.getAttribute('src');
  expect(src).toMatch(new RegExp(`^/api/conversations/${conversationId}/photos/[a-z2-7]{26}-\\d+\\.(webp|avif)$`));
  const photo = await citizenContext.request.get(src!);
  expect(photo.status()).toBe(200);
  expect(photo.headers()['cache-control']).toMatch(/^private/);
  expect(await findMetadata(await photo.body(), Object.values(SECRET))).toEqual([]);
  expect(await exifr.gps(await photo.body()).catch(() => undefined)).toBeFalsy();
  // Nobody else gets it: not signed in, another merchant, or the public /media route.
  expect((await fetch(`${server.origin}${src}`)).status).toBe(401);
  expect((await fetch(`${server.origin}/media/${src!.split('/').pop()}`)).status).toBe(404);

  await florist.context.close();
  await citizenContext.close();
});

test('a message written offline is queued on the device and delivered once when back online', async ({ browser }) => {
  test.setTimeout(120_000);
  const citizen = await signedIn(browser, CITIZEN);
  const florist = await signedIn(browser, FLORIST);
  await citizen.page.goto('/messages');
  await citizen.page.locator('a[data-conversation-id]').first().click();
  await expect(citizen.page).toHaveURL(/\/messages\/\d+$/);
  await expect(thread(citizen.page)).toBeVisible();
  const conversationId = citizen.page.url().split('/').pop()!;
  await florist.page.goto(`/merchant/messages/${conversationId}`);
  await expect(thread(florist.page)).toBeVisible();

  await citizen.context.setOffline(true);
  const first = `Hors ligne 1 — ${Date.now()}`;
  const second = `Hors ligne 2 — ${Date.now()}`;
  for (const text of [first, second]) {
    await citizen.page.getByLabel('Votre message').fill(text);
    await citizen.page.getByRole('button', { name: 'Envoyer' }).click();
  }
  await expect(citizen.page.getByTestId('pending')).toHaveCount(2);
  await expect(citizen.page.getByTestId('pending').first()).toHaveText('En attente d’envoi');
  // Nothing leaves while offline.
  await citizen.page.waitForTimeout(1500);
  await expect(thread(florist.page)).not.toContainText(first);

  await citizen.context.setOffline(false);
  await expect(thread(florist.page)).toContainText(second, { timeout: 20_000 });
  await expect(citizen.page.getByTestId('pending')).toHaveCount(0, { timeout: 20_000 });
  // Exactly once each, in the order written, on both sides (after a reload too).
  for (const page of [florist.page, citizen.page]) {
    await page.reload();
    const texts = await thread(page).locator('li .body').allTextContents();
    expect(texts.filter((t) => t === first)).toHaveLength(1);
    expect(texts.filter((t) => t === second)).toHaveLength(1);
    expect(texts.indexOf(first)).toBeLessThan(texts.indexOf(second));
  }
  await citizen.context.close();
  await florist.context.close();
});

test('block and report; a merchant cannot start a conversation', async ({ browser }) => {
  test.setTimeout(90_000);
  const citizen = await signedIn(browser, CITIZEN);
  const florist = await signedIn(browser, FLORIST);
  const shopId = ((await (await citizen.context.request.get(`/api/shops/${SHOP}`)).json()) as { shop: { id: string } }).shop.id;

  // No cold contact: the API refuses a merchant, whatever the shop.
  const cold = await florist.context.request.post('/api/conversations', { data: { shopId, body: 'Promo pour tous nos clients !' } });
  expect(cold.status()).toBe(403);
  await florist.page.goto(`/messages/new?shop=${shopId}`);
  await expect(florist.page.getByText('seuls les habitants écrivent en premier')).toBeVisible();
  await expect(florist.page.getByLabel('Votre message')).toHaveCount(0);

  await citizen.page.goto('/messages');
  await citizen.page.locator('a[data-conversation-id]').first().click();
  await expect(citizen.page).toHaveURL(/\/messages\/\d+$/);
  const conversationId = citizen.page.url().split('/').pop()!;
  await citizen.page.getByText('Signaler la conversation ·').click();
  await citizen.page.getByRole('button', { name: 'Bloquer la boutique' }).click();
  await expect(citizen.page.getByText('Vous avez bloqué cette boutique')).toBeVisible();
  const refused = await florist.context.request.post(`/api/conversations/${conversationId}/messages`, { data: { clientId: crypto.randomUUID(), body: 'Relance' } });
  expect(refused.status()).toBe(403);
  await florist.page.goto(`/merchant/messages/${conversationId}`);
  await expect(florist.page.getByText('Ce client a bloqué votre boutique')).toBeVisible();
  await expect(florist.page.getByLabel('Votre message')).toHaveCount(0);

  // Report, choosing one message: the community manager sees that one only.
  const details = citizen.page.locator('details.more');
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await citizen.page.getByText('Signaler la conversation ·').click();
  await details.getByRole('checkbox', { name: 'Voici votre bouquet !' }).check();
  await details.getByLabel('Raison du signalement').fill('Photo sans rapport');
  await details.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(citizen.page.getByText('le signalement a été transmis')).toBeVisible();

  const curator = await signedIn(browser, 'curateur@placette.test');
  await curator.page.goto('/curator/reports');
  const report = curator.page.locator('li', { hasText: 'Photo sans rapport' });
  await expect(report).toContainText('Voici votre bouquet !');
  await expect(report).not.toContainText('pivoines');
  await curator.context.close();
  await citizen.context.close();
  await florist.context.close();
});
