import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAt } from './support/app';
import { startServer, type RunningServer } from './support/server';
import { feedCards, prefs, seedPrefs, waitForFeed } from './support/app';
import { xssCorpus } from '../support/xss-corpus';

/**
 * The community manager writes content: Markdown with a server-rendered preview, publish as
 * featured, and the item reaches a matching citizen's feed first. Hostile input typed in every
 * text field never runs and never makes the page call out. On a server of its own, since it
 * changes what everyone sees.
 */
const PASSWORD = 'placette-demo';

const signIn = (page: Page, email: string, next: string, origin: string) => signInAt(page, origin, email, next, PASSWORD);

/** "YYYY-MM-DDTHH:MM" in Paris wall-clock time, `minutes` from now (what a datetime-local input takes). */
function parisWall(minutes: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(Date.now() + minutes * 60_000)
      .map((p) => [p.type, p.value])
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Fails the test on any dialog and records every request that leaves the origin. */
function watchForInjection(page: Page, origin: string): { dialogs: string[]; outside: string[] } {
  const seen = { dialogs: [] as string[], outside: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) seen.outside.push(url);
  });
  return seen;
}

async function newContentId(page: Page): Promise<number> {
  await page.waitForURL(/\/curator\/content\/\d+\?saved=publish$/);
  return Number(/\/curator\/content\/(\d+)/.exec(page.url())![1]);
}

let server: RunningServer;

test.describe('curator content', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async ({}, testInfo) => {
    server = await startServer(4240 + testInfo.parallelIndex);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('curator writes and features an event that appears at the top of a matching citizen\'s feed', async ({ page, browser }) => {
    const origin = server.origin;
    const watch = watchForInjection(page, origin);
    await signIn(page, 'curateur@placette.test', '/curator', origin);
    await page.getByRole('link', { name: /Contenus éditoriaux/ }).click();
    await page.waitForURL(/\/curator\/content$/);
    await page.getByRole('link', { name: 'Nouveau contenu' }).click();
    await page.waitForURL(/\/curator\/content\/new$/);

    await page.getByLabel('Type de contenu').selectOption('event');
    await page.getByLabel('Titre', { exact: true }).fill('Gala lyrique de la Placette');
    await page.getByLabel(/^Résumé/).fill('Les plus beaux airs de Verdi et Puccini, un soir seulement.');
    await page.getByLabel('Texte', { exact: true }).fill('Un **gala** exceptionnel.\n\n<script>alert(1)</script>\n\n- Verdi\n- Puccini');
    await page.getByLabel(/^Lieu/).fill('Théâtre du Capitole');
    await page.getByLabel(/^Début/).fill(parisWall(20));
    await page.getByLabel(/^Fin/).fill(parisWall(140));
    await page.locator('input[name="themes"][value="opera"]').check();

    await page.getByRole('button', { name: 'Prévisualiser' }).click();
    const preview = page.getByTestId('content-preview');
    await expect(preview.locator('strong')).toHaveText('gala');
    await expect(preview.locator('li')).toHaveText(['Verdi', 'Puccini']);
    await expect(preview).toContainText('<script>alert(1)</script>');
    await expect(preview.locator('script')).toHaveCount(0);
    // Nothing was saved by the preview, and what was typed is still there.
    await expect(page.getByLabel('Titre', { exact: true })).toHaveValue('Gala lyrique de la Placette');
    await expect(page.locator('input[name="themes"][value="opera"]')).toBeChecked();

    await page.locator('input[name="featured"]').check();
    await page.getByRole('button', { name: 'Publier' }).click();
    const id = await newContentId(page);
    await expect(page.getByTestId('content-state')).toHaveText('Publié');
    await expect(page.locator('.form-alert.success')).toContainText('Publié : le contenu est dans le catalogue');

    const list = await page.request.get(`${origin}/api/catalog`);
    const catalog = (await list.json()) as { items: { id: string; featured: boolean; themes: string[]; body_html?: string }[] };
    const item = catalog.items.find((i) => i.id === `event-${id}`)!;
    expect(item).toMatchObject({ featured: true, themes: ['opera'] });
    expect(item.body_html).toContain('<strong>gala</strong>');
    expect(item.body_html).not.toContain('<script');

    // A citizen who follows only opera.
    const citizen = await (browser as Browser).newContext();
    await seedPrefs(citizen, prefs({ themes: { opera: 'high' } }));
    const feed = await citizen.newPage();
    const citizenWatch = watchForInjection(feed, origin);
    await feed.goto(`${origin}/`);
    await waitForFeed(feed);
    await expect(feedCards(feed).first()).toHaveAttribute('data-item-id', `event-${id}`);
    await feedCards(feed).first().getByRole('link').first().click();
    await feed.waitForURL(new RegExp(`/items/event-${id}$`));
    await expect(feed.getByRole('heading', { level: 1 })).toHaveText('Gala lyrique de la Placette');
    await expect(feed.locator('.prose strong')).toHaveText('gala');
    await expect(feed.locator('main script')).toHaveCount(0);
    await citizen.close();

    expect(watch.dialogs).toEqual([]);
    expect(citizenWatch.dialogs).toEqual([]);
    expect([...watch.outside, ...citizenWatch.outside]).toEqual([]);
  });

  test('hostile input in the title, summary and body never runs and never calls out', async ({ page }) => {
    const origin = server.origin;
    const watch = watchForInjection(page, origin);
    const pick = (name: string) => xssCorpus.find((v) => v.name === name)!.payload;
    const vectors = [
      'script element',
      'img onerror',
      'script, upper case, external src',
      'md image third-party',
      'md image javascript:',
      'img onerror as link text',
      'svg in a list item',
      'HTML block hiding Markdown'
    ].map(pick);
    await signIn(page, 'curateur@placette.test', '/curator/content/new', origin);
    await page.getByLabel('Type de contenu').selectOption('news');
    await page.getByLabel('Titre', { exact: true }).fill(`Titre ${vectors[0]} ${vectors[1]}`.slice(0, 140));
    await page.getByLabel(/^Résumé/).fill(`${vectors[2]} ${vectors[1]}`);
    await page.getByLabel('Texte', { exact: true }).fill(vectors.join('\n\n'));
    await page.getByRole('button', { name: 'Prévisualiser' }).click();
    await expect(page.getByTestId('content-preview')).toBeVisible();
    await expect(page.getByTestId('content-preview').locator('script, img, svg, iframe')).toHaveCount(0);
    await page.getByRole('button', { name: 'Publier' }).click();
    const id = await newContentId(page);

    await page.goto(`${origin}/items/news-${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>alert(1)</script>');
    await expect(page.locator('.prose')).toBeVisible();
    await expect(page.locator('.prose').locator('script, img, svg, iframe, [onerror], [onclick]')).toHaveCount(0);
    await expect(page.locator('main script')).toHaveCount(0);
    // Give any injected handler a moment to fire.
    await page.waitForTimeout(300);
    expect(watch.dialogs).toEqual([]);
    expect(watch.outside).toEqual([]);
  });

  test('an uploaded image is shown in the form and on the public page; a draft leaves the catalog', async ({ page, request }) => {
    const origin = server.origin;
    const sharp = (await import('sharp')).default;
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 60, g: 90, b: 200 } } })
      .jpeg()
      .toBuffer();
    await signIn(page, 'curateur@placette.test', '/curator/content/new', origin);
    await page.getByLabel('Type de contenu').selectOption('heritage');
    await page.getByLabel('Titre', { exact: true }).fill('Cloître des Jacobins');
    await page.getByLabel('Texte', { exact: true }).fill('Le *palmier* de briques.');
    await page.getByLabel(/^Image/).setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: 'Publier' }).click();
    const id = await newContentId(page);
    const stored = page.locator('figure.current-image img');
    await expect(stored).toHaveAttribute('src', /^\/media\/[a-z2-7]{26}-\d+\.webp$/);

    await page.goto(`${origin}/items/heritage-${id}`);
    await expect(page.locator('.hero img')).toHaveAttribute('src', /^\/media\//);
    await expect(page.locator('.prose em')).toHaveText('palmier');

    await page.goto(`${origin}/curator/content/${id}`);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.waitForURL(/\?saved=draft$/);
    await expect(page.getByTestId('content-state')).toHaveText('Brouillon');
    const catalog = (await (await request.get(`${origin}/api/catalog`)).json()) as { items: { id: string }[] };
    expect(catalog.items.some((i) => i.id === `heritage-${id}`)).toBe(false);

    await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await expect(page.getByText('Cochez la case pour confirmer.')).toBeVisible();
    await page.getByRole('checkbox', { name: /Je confirme/ }).check();
    await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.waitForURL(/\/curator\/content\?deleted=1$/);
    await expect(page.locator('.form-alert.success')).toHaveText('Contenu supprimé.');
  });
});
