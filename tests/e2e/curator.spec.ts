import { expect, test, type Page } from '@playwright/test';
import { signInAt } from './support/app';
import { startServer } from './support/server';

/**
 * The curator's back office: the shop queue (approve, refuse with a reason), who may open it,
 * and the launch gate (on a server of its own, since it changes what everyone sees).
 */
const PASSWORD = 'placette-demo';

const signIn = (page: Page, email: string, next: string, origin = '') => signInAt(page, origin, email, next, PASSWORD);

interface Catalog {
  items: { id: string; kind: string; slug?: string }[];
}

test.describe('curator back office', () => {
  test('approves a pending shop from the queue, which then reaches the catalog; refuses another with a reason', async ({ page, request }) => {
    const before = (await (await request.get('/api/catalog')).json()) as Catalog;
    expect(before.items.some((i) => i.kind === 'shop' && i.slug === 'velos-de-la-brique')).toBe(false);

    await signIn(page, 'curateur@placette.test', '/curator');
    await expect(page.getByRole('heading', { level: 1, name: 'Back-office' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Vélos de la Brique' })).toBeVisible();
    await page.getByRole('button', { name: 'Valider : Vélos de la Brique' }).click();
    await expect(page.locator('.form-alert')).toContainText('Commerce validé');
    await expect(page.getByRole('heading', { name: 'Vélos de la Brique' })).toHaveCount(0);

    const after = (await (await request.get('/api/catalog')).json()) as Catalog;
    expect(after.items.some((i) => i.kind === 'shop' && i.slug === 'velos-de-la-brique')).toBe(true);

    // A reason that is too short is refused inline, then a real one goes through.
    const reason = page.getByLabel('Motif du refus (montré au commerçant)').first();
    const item = page.locator('li', { has: page.getByRole('heading', { name: 'La Fabrique à bougies' }) });
    await item.getByLabel('Motif du refus (montré au commerçant)').fill('no');
    await item.getByRole('button', { name: 'Refuser : La Fabrique à bougies' }).click();
    await expect(item.getByText('Le motif doit faire au moins 3 caractères.')).toBeVisible();
    await expect(reason).toBeVisible();
    await item.getByLabel('Motif du refus (montré au commerçant)').fill('Photos de la boutique manquantes');
    await item.getByRole('button', { name: 'Refuser : La Fabrique à bougies' }).click();
    await expect(page.locator('.form-alert')).toContainText('Candidature refusée');
    await expect(page.getByRole('heading', { name: 'La Fabrique à bougies' })).toHaveCount(0);

    // Both decisions are in the journal.
    const journal = page.getByRole('table');
    await expect(journal).toContainText('shop.approve');
    await expect(journal).toContainText('Photos de la boutique manquantes');
    await page.getByRole('link', { name: 'Tout le journal' }).click();
    await expect(page.getByRole('table')).toContainText('shop.refuse');
    // The merchant's own page (/merchant) does not exist yet: the reason is stored in shops.status_reason.
  });

  test('an anonymous visitor is sent to sign in; a citizen gets 403', async ({ page }) => {
    await page.goto('/curator');
    await expect(page).toHaveURL(/\/login\?next=%2Fcurator$/);
    const response = await page.request.get('/curator/audit', { maxRedirects: 0 });
    expect(response.status()).toBe(303);

    await signIn(page, 'habitant@placette.test', '/account');
    const forbidden = await page.goto('/curator');
    expect(forbidden?.status()).toBe(403);
    expect((await page.request.get('/curator/audit')).status()).toBe(403);
    const post = await page.request.post('/curator?/close', { form: {}, headers: { origin: new URL(page.url()).origin } });
    expect(post.status()).toBe(403);
  });
});

test.describe('launch gate', () => {
  test('closing the platform takes the shops out for everyone and shows the pre-launch page; opening below the goal needs a confirmation', async ({ page, request }, testInfo) => {
    const server = await startServer(4184 + testInfo.parallelIndex);
    try {
      const launch = async () => (await (await request.get(`${server.origin}/api/launch`)).json()) as { open: boolean; approvedShops: number; threshold: number };
      const shopsInCatalog = async () => ((await (await request.get(`${server.origin}/api/catalog`)).json()) as Catalog).items.filter((i) => i.kind === 'shop').length;

      const open = await launch();
      expect(open).toMatchObject({ open: true, threshold: 40 });
      expect(open.approvedShops).toBeGreaterThan(0);
      expect(await shopsInCatalog()).toBe(open.approvedShops);

      await signIn(page, 'curateur@placette.test', '/curator', server.origin);
      await page.getByRole('button', { name: 'Refermer la plateforme' }).click();
      await expect(page.locator('.form-alert')).toContainText('La plateforme est refermée');

      expect(await launch()).toEqual({ ...open, open: false });
      expect(await shopsInCatalog()).toBe(0);

      const visitor = await page.context().browser()!.newContext();
      const anon = await visitor.newPage();
      await anon.goto(`${server.origin}/shops/petales-et-briques`);
      await expect(anon.getByTestId('prelaunch')).toContainText(`${open.approvedShops} commerçants nous ont déjà rejoints — ouverture bientôt`);
      await expect(anon.getByRole('link', { name: 'Vous êtes commerçant ? Rejoignez-nous' })).toHaveAttribute('href', '/merchant/join');
      await visitor.close();

      // Below the goal, opening needs the explicit checkbox.
      await page.getByRole('button', { name: 'Ouvrir la plateforme' }).click();
      await expect(page.getByText('Cochez la case pour confirmer.')).toBeVisible();
      expect((await launch()).open).toBe(false);
      await page.getByLabel(/Ouvrir quand même/).check();
      await page.getByRole('button', { name: 'Ouvrir la plateforme' }).click();
      await expect(page.locator('.form-alert')).toContainText('La plateforme est ouverte');
      expect((await launch()).open).toBe(true);
      expect(await shopsInCatalog()).toBe(open.approvedShops);
      await expect(page.getByRole('table')).toContainText('platform.open');
      await expect(page.getByRole('table')).toContainText('platform.close');
    } finally {
      await server.stop();
    }
  });
});
