import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from './support/server';
import { PREFS_KEY, prefs, signInAt } from './support/app';

/**
 * The whole way in for a new shop: a shopkeeper applies at /merchant/join (placing the shop on
 * the map), the community manager approves it at /curator, and a citizen's phone that already
 * held the catalog picks the shop up with a `?since=` sync (a delta, not the whole catalog
 * again), without the page being reloaded. Its own server (ports 4310+): it writes.
 */
let server: RunningServer;

test.beforeAll(async ({}, testInfo) => {
  server = await startServer(4310 + testInfo.parallelIndex);
});
test.afterAll(async () => {
  await server?.stop();
});

test('a shop applies, the curator approves it, and a citizen’s device finds it after a ?since= sync', async ({ browser }) => {
  const origin = server.origin;
  const shopName = 'Zelliges de Ouarzazate';

  // A citizen's phone, already holding the catalog (first visit: one full download).
  const citizen = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await citizen.addInitScript(([key, value]) => localStorage.getItem(key) ?? localStorage.setItem(key, value), [PREFS_KEY, JSON.stringify(prefs())] as const);
  const catalogCalls: string[] = [];
  citizen.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/catalog') catalogCalls.push(url.search);
  });
  const phone = await citizen.newPage();
  await phone.goto(`${origin}/search`);
  await expect(phone.getByLabel('Que cherchez-vous ?')).toBeEnabled();
  await expect.poll(() => catalogCalls).toEqual(['']);
  await phone.getByLabel('Que cherchez-vous ?').fill('Ouarzazate');
  await expect(phone.getByRole('heading', { level: 2, name: /Aucun résultat pour « Ouarzazate »|Résultats : \d+/ })).toBeAttached();
  await expect(phone.getByRole('link', { name: new RegExp(shopName) })).toHaveCount(0);
  // Marks this document: it must still be the same one when the shop shows up.
  await phone.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // The shopkeeper applies, placing the shop with the map.
  const office = await browser.newContext();
  const page = await office.newPage();
  await page.goto(`${origin}/merchant/join`);
  await page.locator('input[name="email"]').fill('zelliges@example.test');
  await page.locator('input[name="password"]').fill('des carreaux de terre émaillée');
  await page.locator('input[name="shopName"]').fill(shopName);
  await page.locator('select[name="category"]').selectOption('artisanat');
  await page.locator('textarea[name="description"]').fill('Zelliges taillés à la main, tables et fontaines en mosaïque.');
  await page.locator('input[name="address"]').fill('3 rue du Taur, Toulouse');
  const map = page.getByRole('application', { name: 'Carte pour placer votre commerce' });
  await expect(map).toHaveAttribute('aria-busy', 'false');
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 - 30);
  await expect(page.locator('input[name="lat"]')).not.toHaveValue('');
  const lat = Number(await page.locator('input[name="lat"]').inputValue());
  const lng = Number(await page.locator('input[name="lng"]').inputValue());
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await page.waitForURL(`${origin}/merchant`);
  await expect(page.locator('section.shop', { has: page.getByRole('heading', { name: shopName }) }).getByText('En attente de validation')).toBeVisible();

  // The community manager approves it from the queue.
  await page.request.post(`${origin}/logout`, { headers: { origin } });
  await signInAt(page, origin, 'curateur@placette.test', '/curator');
  await page.getByRole('button', { name: `Valider : ${shopName}` }).click();
  await expect(page.locator('.form-alert')).toContainText('Commerce validé');
  await office.close();

  // The phone comes back online: it asks only for what changed since its copy.
  await phone.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect.poll(() => catalogCalls).toEqual(['', expect.stringMatching(/^\?since=\d+$/)]);
  await phone.getByLabel('Que cherchez-vous ?').fill('Zelliges Ouarzazate');
  const hit = phone.getByRole('link', { name: new RegExp(shopName) }).first();
  await expect(hit).toBeVisible();
  expect(await phone.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // Its page (an in-app navigation) has the position picked on the map.
  await hit.click();
  await expect(phone.getByRole('heading', { level: 1, name: shopName })).toBeVisible();
  expect(await phone.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  const item = (await (await fetch(`${origin}/api/catalog`)).json()) as { items: { kind: string; title: string; lat: number; lng: number }[] };
  expect(item.items.find((i) => i.kind === 'shop' && i.title === shopName)).toMatchObject({ lat, lng });
  expect(catalogCalls.filter((c) => c === '')).toHaveLength(1);
  await citizen.close();
});
