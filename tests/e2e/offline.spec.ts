import AxeBuilder from '@axe-core/playwright';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { feedCards, openFeed, prefs, readDeviceStore, seedPrefs, waitForServiceWorker } from './support/app';
import { basemapModulePath } from './support/map';
import { e2eServer } from './support/paths';
import { startServer } from './support/server';

/** Ports for the server that serves a copy of the build in the update test. */
const UPDATE_PORTS = [4626, 4627, 4628, 4629];

/**
 * The first of `ports` whose server port nobody listens on (tests may run in parallel, e.g. with
 * --repeat-each). startServer() moves a port by PLACETTE_E2E_PORT_OFFSET: probe the moved one.
 */
async function freePort(ports: number[]): Promise<number> {
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(e2eServer(port).port, '0.0.0.0', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port among ${ports.join(', ')}`);
}

test.use({ serviceWorkers: 'allow' });

test.beforeEach(async ({ context }) => {
  await seedPrefs(context, prefs({ onboarded: true }));
});

/** Waits until the device's catalog copy is stored in IndexedDB (idb-keyval's default store). */
async function waitForStoredCatalog(page: Page): Promise<void> {
  await expect.poll(async () => !!(await readDeviceStore(page, 'placette.catalog'))).toBe(true);
}

const offlinePill = (page: Page) => page.locator('[data-connectivity="offline"]');
const backOnlineToast = (page: Page) => page.locator('[data-connectivity="online"]');

test.describe('offline', () => {
  test('the service worker controls the page after the first load', async ({ page }) => {
    await openFeed(page);
    await waitForServiceWorker(page);
    expect(await page.evaluate(() => new URL(navigator.serviceWorker.controller!.scriptURL).pathname)).toBe('/service-worker.js');
    // A controlled reload still shows the feed.
    await expect(feedCards(page).first()).toBeVisible();
    // The precache holds the map's base layer once (the module of paths the build made from the
    // GeoJSON, not the GeoJSON itself), and no precompressed twins.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached).toContain(basemapModulePath());
    expect(cached).not.toContain('/map/toulouse-centre.geojson');
    expect(cached.filter((path) => /\.(br|gz)$/.test(path))).toEqual([]);
  });

  test('the feed, a never-visited item page, a search and the other sections load with the network off', async ({ page, context, catalog }) => {
    // The app shell served at other URLs must boot under the same strict CSP.
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await openFeed(page);
    await waitForStoredCatalog(page);
    await waitForServiceWorker(page);

    await context.setOffline(true);

    await test.step('reload the feed', async () => {
      await page.reload();
      await expect(feedCards(page).first()).toBeVisible();
      await expect(offlinePill(page)).toBeVisible();
    });

    await test.step('open an item page never visited, by its URL', async () => {
      const heritage = catalog.ofKind('heritage')[0];
      await page.goto(`/items/${heritage.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heritage.title);
      // …and a hard reload of it.
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heritage.title);
    });

    await test.step('open a shop page never visited', async () => {
      const shop = catalog.ofKind('shop')[0];
      await page.goto(`/shops/${shop.slug}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(shop.title);
    });

    await test.step('search', async () => {
      await page.goto('/search?q=theatre');
      await expect(page.getByRole('main').getByText(/\d+\s+résultats?\s+pour\s+«\s*theatre\s*»/)).toBeVisible();
      await expect(page.locator('main article[data-item-id]').first()).toBeVisible();
    });

    await test.step('explore, favourites and preferences', async () => {
      for (const path of ['/explore', '/explore/heritage', '/favorites', '/preferences']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      }
    });

    await test.step('an unknown item is still a 404, not a hang', async () => {
      await page.goto('/items/event-999999');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    });

    await context.setOffline(false);
    expect(violations).toEqual([]);
  });

  test('going offline shows the status; back online hides it and re-syncs the catalog with ?since=', async ({ page, context }) => {
    await openFeed(page);
    await waitForStoredCatalog(page);
    await waitForServiceWorker(page);
    await expect(offlinePill(page)).toHaveCount(0);

    await context.setOffline(true);
    await expect(offlinePill(page)).toBeVisible();
    await expect(offlinePill(page)).toContainText('Hors ligne');

    const resync = page.waitForRequest((request) => /\/api\/catalog\?since=\d+$/.test(request.url()));
    await context.setOffline(false);
    await resync;
    await expect(offlinePill(page)).toHaveCount(0);
    await expect(backOnlineToast(page)).toHaveText('De nouveau en ligne');
    // It fades away by itself.
    await expect(backOnlineToast(page)).toHaveCount(0, { timeout: 8000 });
  });

  test('a new version waits for the reader: the banner offers it, and the page reloads only when asked', async ({ browser }) => {
    // Copies the build, starts two servers and installs two service workers: more than the
    // default 30 s on a busy 2-core machine.
    test.slow();
    // A copy of the build whose service worker the test changes, served by its own server.
    const dir = mkdtempSync(join(tmpdir(), 'placette-sw-update-'));
    const build = join(dir, 'build');
    cpSync(resolve('build'), build, { recursive: true });
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
    const worker = join(build, 'client', 'service-worker.js');
    // The server would send the precompressed copies, which the test does not change.
    for (const suffix of ['.br', '.gz']) rmSync(worker + suffix, { force: true });

    const port = await freePort(UPDATE_PORTS);
    let server = await startServer(port, { build });
    const context = await browser.newContext({ baseURL: server.origin, serviceWorkers: 'allow' });
    try {
      await seedPrefs(context, prefs({ onboarded: true }));
      const page = await context.newPage();
      await openFeed(page);
      await waitForServiceWorker(page);
      const region = page.getByRole('region', { name: 'Mise à jour de l’application' });
      await expect(region).toHaveCount(0);

      // Release a new version: same build, a different service worker script. (The server keeps
      // its file list in memory, so it restarts to serve the new file.)
      await server.stop();
      appendFileSync(worker, `\n// next release ${Date.now()}\n`);
      server = await startServer(port, { build });

      await page.evaluate(() => {
        (window as unknown as { marker: string }).marker = 'not reloaded';
      });
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration!.update();
      });

      await expect(region).toBeVisible();
      await expect(region).toContainText('Une nouvelle version est disponible.');
      const apply = region.getByRole('button', { name: 'Mettre à jour' });
      const box = await apply.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      const axe = await new AxeBuilder({ page }).include('.update-slot').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      expect(axe.violations).toEqual([]);

      // Never a silent reload: the page is still the same one.
      expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('not reloaded');

      const reloaded = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
      await apply.click();
      await reloaded;
      await expect(feedCards(page).first()).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker ?? 'reloaded')).toBe('reloaded');
      await expect(region).toHaveCount(0);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    } finally {
      await context.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
