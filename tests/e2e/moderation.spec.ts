import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { signInAt } from './support/app';
import { startServer } from './support/server';

/**
 * Moderation in the back office, each test on a server of its own (they change the public
 * catalog): a pending deal published, an anonymous report hiding a product, and who may open
 * /admin.
 */
const PASSWORD = 'placette-demo';

const signIn = (page: Page, email: string, next: string, origin: string, password = PASSWORD) => signInAt(page, origin, email, next, password);

interface Catalog {
  items: { id: string; kind: string; title: string }[];
}

const DEAL = 'Deux bougies achetées, la troisième offerte';

test('a pending deal published by the curator reaches the catalog', async ({ page, request }, testInfo) => {
  const server = await startServer(4250 + testInfo.parallelIndex);
  try {
    const catalog = async () => (await (await request.get(`${server.origin}/api/catalog`)).json()) as Catalog;
    expect((await catalog()).items.some((i) => i.kind === 'deal' && i.title === DEAL)).toBe(false);

    await signIn(page, 'curateur@placette.test', '/curator/deals', server.origin);
    await expect(page.getByRole('heading', { level: 1, name: 'Bons plans à valider' })).toBeVisible();
    await expect(page.getByRole('heading', { name: DEAL })).toBeVisible();
    await page.getByRole('button', { name: `Publier : ${DEAL}` }).click();
    await expect(page.locator('.form-alert')).toContainText('Bon plan publié');
    await expect(page.getByRole('heading', { name: DEAL })).toHaveCount(0);

    expect((await catalog()).items.some((i) => i.kind === 'deal' && i.title === DEAL)).toBe(true);
    await page.getByRole('link', { name: 'Journal' }).click();
    await expect(page.getByRole('table')).toContainText('deal.publish');
  } finally {
    await server.stop();
  }
});

test('an anonymous report lands in /curator/reports; hiding the content takes the product out of the catalog', async ({ page, request }, testInfo) => {
  const server = await startServer(4252 + testInfo.parallelIndex);
  try {
    const catalog = async () => (await (await request.get(`${server.origin}/api/catalog`)).json()) as Catalog;
    const product = (await catalog()).items.find((i) => i.kind === 'product')!;
    const productId = Number(product.id.replace('product-', ''));

    // Bad input and a missing target are refused with JSON.
    const post = (data: unknown) => request.post(`${server.origin}/api/reports`, { data });
    const bad = await post({ targetType: 'product', targetId: productId, reason: 'x' });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).errors.reason).toBe('reason_short');
    expect((await post({ targetType: 'conversation', targetId: 1, reason: 'Arnaque' })).status()).toBe(400);
    const missing = await post({ targetType: 'product', targetId: 999999, reason: 'Arnaque' });
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not_found' });

    // An anonymous visitor's report, sent with fetch from a page.
    const visitor = await page.context().browser()!.newContext();
    const anon = await visitor.newPage();
    await anon.goto(`${server.origin}/`);
    const status = await anon.evaluate(
      async ([id]) => (await fetch('/api/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ targetType: 'product', targetId: id, reason: 'Photo trompeuse' }) })).status,
      [productId]
    );
    expect(status).toBe(201);
    await visitor.close();

    await signIn(page, 'curateur@placette.test', '/curator/reports', server.origin);
    const item = page.locator('li', { has: page.getByRole('heading', { name: product.title }) });
    await expect(item).toContainText('Photo trompeuse');
    await item.getByLabel('Motif (montré au commerçant s\'il est concerné)').fill('no');
    await item.getByRole('button', { name: `Masquer le contenu : ${product.title}` }).click();
    await expect(item.getByText('Le motif doit faire au moins 3 caractères.')).toBeVisible();
    await item.getByLabel('Motif (montré au commerçant s\'il est concerné)').fill('Photo sans rapport avec le produit');
    await item.getByRole('button', { name: `Masquer le contenu : ${product.title}` }).click();
    await expect(page.locator('.form-alert')).toContainText('Contenu masqué');
    await expect(page.getByText('Aucun signalement ouvert.')).toBeVisible();

    expect((await catalog()).items.some((i) => i.id === product.id)).toBe(false);
  } finally {
    await server.stop();
  }
});

test('a curator cannot open /admin; an admin appoints a community manager', async ({ page }, testInfo) => {
  const server = await startServer(4254 + testInfo.parallelIndex);
  try {
    await signIn(page, 'curateur@placette.test', '/curator', server.origin);
    const forbidden = await page.goto(`${server.origin}/admin`);
    expect(forbidden?.status()).toBe(403);
    const post = await page.request.post(`${server.origin}/admin?/threshold`, { form: { threshold: '5' }, headers: { origin: server.origin } });
    expect(post.status()).toBe(403);
    await page.context().clearCookies();

    // The first admin only comes from the CLI (password piped on stdin).
    const created = spawnSync('npm', ['run', '--silent', 'admin:create', '--', '--email', 'admin@example.org'], {
      input: 'tuiles-roses-et-garonne-42\n',
      env: { ...process.env, DATABASE_URL: server.database },
      encoding: 'utf8'
    });
    expect(created.stderr + created.stdout).toContain('admin account created');
    await signIn(page, 'admin@example.org', '/admin', server.origin, 'tuiles-roses-et-garonne-42');
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    await page.getByRole('button', { name: 'Nommer community manager : habitant@placette.test' }).click();
    await expect(page.locator('.form-alert')).toContainText('Compte nommé community manager');
    await expect(page.getByRole('row', { name: /habitant@placette\.test/ })).toContainText('Community manager');
    // Admins have no role button: the last admin can never be demoted from here.
    await expect(page.getByRole('row', { name: /admin@example\.org/ }).getByRole('button')).toHaveCount(0);

    await page.getByLabel('Objectif de commerces pour le lancement').fill('0');
    await page.getByRole('button', { name: 'Enregistrer' }).first().click();
    await expect(page.getByText('Saisissez un nombre entier entre 1 et 10 000.')).toBeVisible();
    await page.getByLabel('Objectif de commerces pour le lancement').fill('25');
    await page.getByRole('button', { name: 'Enregistrer' }).first().click();
    await expect(page.locator('.form-alert')).toContainText('Réglage enregistré');
    const launch = (await (await page.request.get(`${server.origin}/api/launch`)).json()) as { threshold: number };
    expect(launch.threshold).toBe(25);
  } finally {
    await server.stop();
  }
});
