import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Page, Request, Response } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { prefs, recordRequests, seedPrefs, waitForServiceWorker } from './support/app';
import { basemapModulePath, openMap, singleMarker, surface } from './support/map';
import { startServer, type RunningServer } from './support/server';
import { demoCityArchive } from '../support/tile-fixture';

/**
 * /map on a server whose operator dropped in a vector-tile archive (PLACETTE_MAP_TILES): here a
 * small real PMTiles archive of the demo city, made from the shipped GeoJSON by the test itself.
 * Read by byte ranges (as a big archive is: PLACETTE_MAP_TILES_WHOLE_MAX=0), then whole.
 */

/** The built-in palette, light (CityMap.svelte), which the tile style reuses. */
const WATER = [0xa9, 0xd0, 0xea];
const PARK = [0xcf, 0xe5, 0xc0];
const BUILDING = [0xe3, 0xb6, 0xa4];

let dir: string;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'placette-tiles-'));
  writeFileSync(join(dir, 'demo-city.pmtiles'), demoCityArchive().archive);
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test.beforeEach(async ({ context }) => {
  await seedPrefs(context, prefs());
});

/** The base map alone, as pixels: markers, controls and captions hidden. */
async function basePixels(page: Page): Promise<{ data: Buffer; channels: number }> {
  const hide = await page.addStyleTag({ content: '.marker, .controls, .locate, .footer, .skip, .me { visibility: hidden !important; }' });
  const png = await surface(page).screenshot({ animations: 'disabled' });
  await hide.evaluate((el) => (el as Element).remove());
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { data, channels: info.channels };
}

function share(pixels: { data: Buffer; channels: number }, rgb: number[], tolerance = 4): number {
  let hits = 0;
  const total = pixels.data.length / pixels.channels;
  for (let i = 0; i < pixels.data.length; i += pixels.channels) {
    if (Math.abs(pixels.data[i] - rgb[0]) <= tolerance && Math.abs(pixels.data[i + 1] - rgb[1]) <= tolerance && Math.abs(pixels.data[i + 2] - rgb[2]) <= tolerance) hits++;
  }
  return hits / total;
}

test.describe('map with the operator’s vector tiles, read by ranges', () => {
  let server: RunningServer;
  test.use({ viewport: { width: 1280, height: 800 } });
  // WebGL runs on the CPU here (SwiftShader): drawing takes seconds, not milliseconds.
  test.describe.configure({ timeout: 90_000 });

  test.beforeAll(async ({}, testInfo) => {
    server = await startServer(4270 + testInfo.parallelIndex, {
      env: { PLACETTE_MAP_TILES: join(dir, 'demo-city.pmtiles'), PLACETTE_MAP_TILES_WHOLE_MAX: '0' }
    });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('draws the archive with MapLibre under the same markers, read by byte ranges from this origin only', async ({ page, context }) => {
    // Everything, the service worker's precache included…
    const requests = recordRequests(context);
    // …and what the page itself asks for.
    const pageRequests: string[] = [];
    page.on('request', (request: Request) => pageRequests.push(new URL(request.url()).pathname));
    const ranges: { status: number; range: string | undefined; contentRange: string | undefined }[] = [];
    page.on('response', (response: Response) => {
      if (new URL(response.url()).pathname === '/map/tiles.pmtiles') {
        ranges.push({ status: response.status(), range: response.request().headers()['range'], contentRange: response.headers()['content-range'] });
      }
    });
    const violations: string[] = [];
    const errors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });

    await openMap(page, { origin: server.origin, timeout: 30_000 });
    await expect(surface(page)).toHaveAttribute('data-basemap', 'tiles');
    await expect(surface(page).locator('.tiles canvas')).toBeVisible();
    // The same markers as on the built-in map, over the tiles.
    for (const kind of ['shop', 'event', 'heritage', 'parking']) {
      await expect(surface(page).locator(`button.marker[data-kinds~="${kind}"]`).first(), kind).toBeAttached();
    }
    await expect(page.getByText('Fond de carte : © les contributeurs d’OpenStreetMap')).toBeVisible();
    // The built-in drawing is not loaded at all.
    await page.waitForLoadState('networkidle');
    expect(pageRequests).not.toContain(basemapModulePath());
    expect(pageRequests).not.toContain('/map/toulouse-centre.geojson');

    await test.step('the canvas shows the city: water, parks and buildings in the built-in palette', async () => {
      await expect
        .poll(async () => {
          const pixels = await basePixels(page);
          return { water: share(pixels, WATER) > 0.01, park: share(pixels, PARK) > 0.002 };
        }, { timeout: 20_000 })
        .toEqual({ water: true, park: true });
      // Buildings fade in as on the built-in map: one level closer, they are all there.
      const zoom = Number(await surface(page).getAttribute('data-zoom'));
      await surface(page).focus();
      await page.keyboard.press('+');
      await expect.poll(async () => Number(await surface(page).getAttribute('data-zoom'))).toBeGreaterThan(zoom + 0.4);
      await expect.poll(async () => share(await basePixels(page), BUILDING) > 0.02, { timeout: 20_000 }).toBe(true);
    });

    await test.step('the archive is read by ranges: header first, then directories and tiles', async () => {
      expect(ranges.length).toBeGreaterThan(2);
      expect(ranges[0]).toMatchObject({ status: 206, range: 'bytes=0-16383' });
      for (const r of ranges) {
        expect(r.status).toBe(206);
        expect(r.range).toMatch(/^bytes=\d+-\d+$/);
        expect(r.contentRange).toMatch(/^bytes \d+-\d+\/\d+$/);
      }
    });

    await test.step('nothing leaves the origin, nothing breaks the CSP', async () => {
      const foreign = requests.map((r) => r.url).filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== server.origin);
      expect(foreign).toEqual([]);
      // The engine and its worker are the app's own files; tiles come from the archive only.
      const paths = requests.map((r) => new URL(r.url).pathname);
      expect(paths.some((p) => /\/maplibre-gl\.[\w-]+\.mjs$/.test(p))).toBe(true);
      expect(paths.some((p) => /\/maplibre-gl-worker\.[\w-]+\.mjs$/.test(p))).toBe(true);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  test('markers, cards and the keyboard work as on the built-in map, and the tiles follow the view', async ({ page }) => {
    await openMap(page, { origin: server.origin, timeout: 30_000 });
    await expect(surface(page)).toHaveAttribute('data-basemap', 'tiles');
    // MapLibre's canvas is decoration under the map region: no second region, nothing to tab to.
    // (Contrast is a11y.spec's: the same markers and controls; here it costs half a minute.)
    const axe = await new AxeBuilder({ page }).include('.map-box').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).disableRules(['color-contrast']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    const marker = await singleMarker(page);
    const name = await marker.getAttribute('aria-label');
    await marker.click();
    const card = page.getByRole('dialog');
    await expect(card).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
    await expect(surface(page).locator(`button.marker[aria-label="${name}"]`)).toBeFocused();

    const zoom = Number(await surface(page).getAttribute('data-zoom'));
    const before = await surface(page).locator('.tiles canvas').screenshot();
    await surface(page).focus();
    await page.keyboard.press('+');
    await expect.poll(async () => Number(await surface(page).getAttribute('data-zoom'))).toBeCloseTo(Math.round((zoom + 1) * 2) / 2, 1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await surface(page).locator('.tiles canvas').screenshot()).equals(before)).toBe(false);
  });

  test('offline, the map draws again the tiles it has shown, from the service worker’s cache', async ({ page, context }) => {
    await page.goto(`${server.origin}/`);
    await expect(page.locator('ul.feed article').first()).toBeVisible();
    await waitForServiceWorker(page);

    // Online, under the service worker: what the map fetches is kept.
    await openMap(page, { origin: server.origin, timeout: 30_000 });
    await expect(surface(page)).toHaveAttribute('data-basemap', 'tiles');
    await expect.poll(async () => share(await basePixels(page), WATER) > 0.01, { timeout: 20_000 }).toBe(true);
    await page.waitForLoadState('networkidle');
    const kept = await page.evaluate(async () => {
      const cache = await caches.open('placette-map');
      return (await cache.keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
    });
    expect(kept).toContain('/map/basemap.json');
    expect(kept.some((k) => /^\/map\/tiles\.pmtiles\?v=[^&]+&bytes=0-16383$/.test(k))).toBe(true);
    expect(kept.some((k) => /maplibre-gl-worker\./.test(k))).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await expect(surface(page)).toHaveAttribute('data-basemap', 'tiles', { timeout: 30_000 });
    await expect(surface(page)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    await expect(surface(page).locator('button.marker').first()).toBeVisible();
    await expect
      .poll(async () => {
        const pixels = await basePixels(page);
        return { water: share(pixels, WATER) > 0.01, park: share(pixels, PARK) > 0.002 };
      }, { timeout: 20_000 })
      .toEqual({ water: true, park: true });
  });

  test('without WebGL the built-in map is drawn instead, and MapLibre is never downloaded', async ({ page, context }) => {
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (/webgl/i.test(type)) return null;
        return (original as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
      } as typeof original;
    });
    const requests = recordRequests(context);
    await page.goto(`${server.origin}/map`);
    await expect(surface(page)).toHaveAttribute('data-basemap', 'builtin');
    await expect(surface(page)).toHaveAttribute('aria-busy', 'false');
    await expect(surface(page).locator('svg.base path.road').first()).toBeAttached();
    await expect(surface(page).locator('button.marker').first()).toBeVisible();
    await expect(page.getByText('Fond de carte : Placette (données simplifiées)')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const paths = requests.map((r) => new URL(r.url).pathname);
    expect(paths.filter((p) => /maplibre|\.pmtiles$/.test(p))).toEqual([]);
  });

  test('other pages never ask for the tiles or the map engine, nor does the service worker', async ({ page, context }) => {
    const requests = recordRequests(context);
    await page.goto(`${server.origin}/`);
    await expect(page.locator('ul.feed article').first()).toBeVisible();
    await page.goto(`${server.origin}/explore`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const paths = requests.map((r) => new URL(r.url).pathname);
    expect(paths.filter((p) => /maplibre|\.pmtiles$|basemap\.json$/.test(p))).toEqual([]);
  });
});

test.describe('map with a small tile archive, read whole', () => {
  let server: RunningServer;
  test.use({ viewport: { width: 1280, height: 800 } });
  test.describe.configure({ timeout: 90_000 });

  test.beforeAll(async ({}, testInfo) => {
    server = await startServer(4274 + testInfo.parallelIndex, { env: { PLACETTE_MAP_TILES: join(dir, 'demo-city.pmtiles') } });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('one request for the whole file, the same for everyone: locating oneself asks for no tile', async ({ page, context }) => {
    await context.grantPermissions(['geolocation'], { origin: server.origin });
    await context.setGeolocation({ latitude: 43.60437, longitude: 1.44318, accuracy: 30 });
    const archive: { range: string | undefined; status: number }[] = [];
    page.on('response', (response: Response) => {
      if (new URL(response.url()).pathname === '/map/tiles.pmtiles') archive.push({ range: response.request().headers()['range'], status: response.status() });
    });
    await openMap(page, { origin: server.origin, timeout: 30_000 });
    await expect(surface(page)).toHaveAttribute('data-basemap', 'tiles');
    await expect.poll(async () => share(await basePixels(page), WATER) > 0.01, { timeout: 20_000 }).toBe(true);
    expect(archive).toEqual([{ range: undefined, status: 200 }]);

    await page.getByRole('button', { name: 'Me localiser' }).click();
    await expect(page.getByRole('img', { name: 'Vous êtes ici' })).toBeVisible();
    await surface(page).focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.waitForLoadState('networkidle');
    expect(archive).toHaveLength(1);
  });
});
