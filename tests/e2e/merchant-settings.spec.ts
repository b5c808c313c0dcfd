import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Catalog } from './support/fixtures';
import { signInAt } from './support/app';
import { startServer, type RunningServer } from './support/server';
import { jpegFixture } from '../support/image-fixtures';

/**
 * The shop settings page, deals and staff invitations. These tests write to the database, so
 * they run against their own server (ports 4230+; the merchant spec uses 4210+).
 */
let server: RunningServer;

test.beforeAll(async ({}, testInfo) => {
  server = await startServer(4230 + testInfo.parallelIndex);
});
test.afterAll(async () => {
  await server?.stop();
});

const signIn = (page: Page, email: string, next = '/merchant') => signInAt(page, server.origin, email, next);

function floristSection(page: Page) {
  return page.locator('section.shop', { has: page.getByRole('heading', { level: 2, name: /Pétales/ }) });
}

async function floristShopId(browser: Browser): Promise<string> {
  const page = await browser.newPage();
  await signIn(page, 'fleuriste@placette.test');
  const href = await floristSection(page).getByRole('link', { name: 'Produits' }).getAttribute('href');
  await page.close();
  return /\/merchant\/shops\/(\d+)\//.exec(href ?? '')![1];
}

test('a florist edits her hours and description; the public page and the catalog show them', async ({ page, browser }) => {
  await signIn(page, 'fleuriste@placette.test');
  await floristSection(page).getByRole('link', { name: 'Page de la boutique' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Page de la boutique' })).toBeVisible();

  // A closing time before the opening one is explained next to its day; what was typed stays.
  await page.getByLabel('lundi').fill('19:00–09:00');
  await page.getByRole('button', { name: 'Enregistrer la page' }).click();
  await expect(page.getByText('L’heure de fin doit être après l’heure de début.')).toBeVisible();
  await expect(page.getByLabel('lundi')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('lundi')).toHaveValue('19:00–09:00');

  const description = 'Fleurs de saison cueillies autour de Toulouse.\n\nNos **renoncules** arrivent du Tarn chaque mardi.';
  await page.getByLabel('lundi').fill('8h30-12h30, 14h-19h');
  await page.getByLabel('dimanche').fill('');
  await page.getByLabel('Description de la boutique').fill(description);
  await page.getByRole('button', { name: 'Enregistrer la page' }).click();
  await expect(page.getByText('Page de la boutique enregistrée.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('lundi')).toHaveValue('08:30–12:30, 14:00–19:00');

  // The catalog devices sync from carries the Markdown source, as plain text.
  const catalog = (await (await page.request.get(`${server.origin}/api/catalog`)).json()) as Catalog;
  const shop = catalog.items.find((i) => i.kind === 'shop' && 'slug' in i && i.slug === 'petales-et-briques');
  expect(shop).toMatchObject({
    description,
    hours: expect.objectContaining({ '1': [['08:30', '12:30'], ['14:00', '19:00']] })
  });
  expect((shop as { hours: Record<string, unknown> }).hours['7']).toBeUndefined();

  // A visitor's device (a fresh browser) syncs and shows the new text.
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`${server.origin}/shops/petales-et-briques`);
  await expect(visitorPage.getByText('Nos **renoncules** arrivent du Tarn chaque mardi.')).toBeVisible();
  await visitor.close();
});

test('a florist places her shop on the map (a click, then the arrow keys); typed coordinates outside the city are refused', async ({ page }) => {
  await signIn(page, 'fleuriste@placette.test');
  await floristSection(page).getByRole('link', { name: 'Page de la boutique' }).click();
  const map = page.getByRole('application', { name: 'Carte pour placer votre commerce' });
  await expect(map).toHaveAttribute('aria-busy', 'false');
  const lat = page.locator('input[name="lat"]');
  const lng = page.locator('input[name="lng"]');
  const before = { lat: Number(await lat.inputValue()), lng: Number(await lng.inputValue()) };

  // The map opens on the shop: a click up and to the right of it moves the pin north-east.
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2 + 80, box.y + box.height / 2 - 50);
  await expect.poll(async () => Number(await lng.inputValue())).toBeGreaterThan(before.lng);
  const clicked = { lat: Number(await lat.inputValue()), lng: Number(await lng.inputValue()) };
  expect(clicked.lat).toBeGreaterThan(before.lat);
  // At zoom 16.5, 80 px is about 100 m: the point is near, not across town.
  expect(clicked.lng - before.lng).toBeLessThan(0.003);
  await expect(page.getByRole('status').filter({ hasText: 'Épingle placée' })).toContainText(clicked.lat.toFixed(5));

  // The keyboard moves it 10 m a press (Shift: 100 m).
  await map.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(async () => Number(await lat.inputValue())).toBeCloseTo(clicked.lat - 20 / 111_320, 5);
  const picked = { lat: Number(await lat.inputValue()), lng: Number(await lng.inputValue()) };
  expect(picked.lng).toBeCloseTo(clicked.lng - 100 / (111_320 * Math.cos((clicked.lat * Math.PI) / 180)), 5);

  // Typed far away (Paris), the position is refused next to the field and nothing is saved.
  await lat.fill('48,8566');
  await page.getByRole('button', { name: 'Enregistrer la page' }).click();
  await expect(page.getByText('Ce point est hors du territoire de la plateforme')).toBeVisible();
  await expect(lat).toHaveAttribute('aria-invalid', 'true');

  // Typing the picked latitude back puts the pin there again; saving keeps the picked point.
  await lat.fill(String(picked.lat));
  await page.getByRole('button', { name: 'Enregistrer la page' }).click();
  await expect(page.getByText('Page de la boutique enregistrée.')).toBeVisible();
  await page.reload();
  await expect(lat).toHaveValue(String(picked.lat));
  await expect(lng).toHaveValue(String(picked.lng));
  const catalog = (await (await page.request.get(`${server.origin}/api/catalog`)).json()) as Catalog;
  const shop = catalog.items.find((i) => i.kind === 'shop' && 'slug' in i && i.slug === 'petales-et-briques');
  expect(shop).toMatchObject({ lat: picked.lat, lng: picked.lng });
});

test('a florist proposes a deal; it waits for the team', async ({ page }) => {
  await signIn(page, 'fleuriste@placette.test');
  await floristSection(page).getByRole('link', { name: 'Bons plans' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bons plans' })).toBeVisible();
  await page.getByRole('link', { name: 'Proposer un bon plan' }).click();
  await expect(page.getByText('En attente de validation par l’équipe', { exact: false })).toBeVisible();

  await page.getByLabel('Titre').fill('Un brin de mimosa offert');
  await page.getByLabel('Détails').fill('Pour tout bouquet acheté en février.');
  await page.getByLabel('Début').fill('2027-02-10');
  await page.getByLabel('Fin').fill('2027-02-01');
  await page.getByRole('button', { name: 'Envoyer pour validation' }).click();
  await expect(page.getByText('La fin doit être le même jour que le début ou après.')).toBeVisible();
  await expect(page.getByLabel('Titre')).toHaveValue('Un brin de mimosa offert');

  await page.getByLabel('Fin').fill('2027-02-28');
  await page.getByRole('button', { name: 'Envoyer pour validation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bons plans' })).toBeVisible();
  const row = page.getByRole('row', { name: /Un brin de mimosa offert/ });
  await expect(row).toContainText('En attente de validation par l’équipe');

  // Not public until the curator says so.
  const catalog = (await (await page.request.get(`${server.origin}/api/catalog`)).json()) as Catalog;
  expect(catalog.items.some((i) => i.title === 'Un brin de mimosa offert')).toBe(false);
});

test('a florist invites a new team member who signs up through the link and joins as staff', async ({ page, browser }) => {
  await signIn(page, 'fleuriste@placette.test');
  await floristSection(page).getByRole('link', { name: 'Page de la boutique' }).click();
  await page.getByLabel('Adresse e-mail').fill('apprentie@placette.test');
  await page.getByRole('button', { name: 'Créer l’invitation' }).click();
  await expect(page.getByText('Aucun e-mail n’est envoyé pour l’instant', { exact: false })).toBeVisible();
  const link = await page.getByLabel('Lien d’invitation à copier').inputValue();
  expect(link).toMatch(new RegExp(`^${server.origin}/merchant/invite/[A-Za-z0-9_-]{22}$`));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Invitations en attente' })).toBeVisible();
  await expect(page.getByText('apprentie@placette.test')).toBeVisible();

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Rejoindre Pétales & Briques' })).toBeVisible();
  await newcomer.getByRole('link', { name: 'Créer un compte' }).click();
  await newcomer.getByLabel('Adresse e-mail').fill('apprentie@placette.test');
  await newcomer.getByLabel('Mot de passe', { exact: true }).fill('des pivoines pour la rue des Filatiers');
  await newcomer.getByRole('button', { name: 'Créer mon compte' }).click();
  await newcomer.waitForURL(link);
  await newcomer.getByRole('button', { name: 'Rejoindre Pétales & Briques' }).click();
  await newcomer.waitForURL(`${server.origin}/merchant`);
  await floristSection(newcomer).getByRole('link', { name: 'Produits' }).click();
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Produits' })).toBeVisible();

  // The link worked once.
  await newcomer.goto(link);
  await expect(newcomer.getByText('Ce lien d’invitation n’est pas valable ou a déjà été utilisé.')).toBeVisible();
  await context.close();

  // The owner sees her in the team; staff cannot manage the team.
  await page.reload();
  const team = page.getByRole('region', { name: 'Équipe' });
  await expect(team.getByText('apprentie@placette.test').first()).toBeVisible();
  await expect(team.getByRole('button', { name: 'Retirer apprentie@placette.test de l’équipe' })).toBeVisible();
});

test('a florist adds a photo to her shop page, a too-small one is refused, and removes it', async ({ page }) => {
  await signIn(page, 'fleuriste@placette.test');
  await floristSection(page).getByRole('link', { name: 'Page de la boutique' }).click();
  const photos = page.getByRole('region', { name: 'Photos' });

  await photos.getByLabel('Ajouter des photos').setInputFiles({ name: 'mini.jpg', mimeType: 'image/jpeg', buffer: await jpegFixture({ width: 100, height: 80 }) });
  await photos.getByRole('button', { name: 'Envoyer les photos' }).click();
  await expect(photos.getByLabel('Ajouter des photos')).toHaveAttribute('aria-invalid', 'true');

  await photos.getByLabel('Ajouter des photos').setInputFiles({ name: 'vitrine.jpg', mimeType: 'image/jpeg', buffer: await jpegFixture({ width: 900, height: 600 }) });
  await photos.getByRole('button', { name: 'Envoyer les photos' }).click();
  const image = photos.getByRole('img', { name: 'Photo 1 de Pétales & Briques' });
  await expect(image).toBeVisible();
  const src = await image.getAttribute('src');
  expect((await page.request.get(`${server.origin}${src}`)).status()).toBe(200);

  await photos.getByRole('button', { name: 'Retirer la photo 1' }).click();
  await expect(image).toHaveCount(0);
  expect((await page.request.get(`${server.origin}${src}`)).status()).toBe(404);
});

test('a bookseller gets 404 on the florist’s settings and deals', async ({ browser }) => {
  const shopId = await floristShopId(browser);
  const page = await browser.newPage();
  await signIn(page, 'libraire@placette.test');
  for (const path of [`/merchant/shops/${shopId}/settings`, `/merchant/shops/${shopId}/deals`, `/merchant/shops/${shopId}/deals/new`]) {
    const response = await page.goto(`${server.origin}${path}`);
    expect(response?.status(), path).toBe(404);
  }
  for (const action of ['save', 'invite']) {
    const post = await page.request.post(`${server.origin}/merchant/shops/${shopId}/settings?/${action}`, {
      form: { email: 'intrus@example.test', name: 'Intrus' },
      headers: { origin: server.origin }
    });
    expect(post.status(), action).toBe(404);
  }
  await page.close();
});
