import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test, type DemoCatalog } from './support/fixtures';
import { feedCards, feedIds, offOrigin, openFeed, prefs, readPrefs, recordRequests, requestSignature, scrollFeed, seedPrefs, waitForAppSettled, waitForFeed } from './support/app';
import { databaseChecksums } from './support/db';
import { mainServer } from './support/paths';

/** Loads the feed, then opens an item, a shop and the other sections, mostly by in-app navigation. */
async function browseEverywhere(page: Page, catalog: DemoCatalog): Promise<string[]> {
  const visited: string[] = [];
  await page.goto('/');
  await waitForFeed(page);
  const later = page.getByRole('button', { name: 'Plus tard' });
  if (await later.isVisible()) await later.click();
  await scrollFeed(page);

  // An item, by clicking its card.
  const firstCard = feedCards(page).filter({ has: page.locator('a[href^="/items/"]') }).first();
  const itemHref = (await firstCard.locator('a[href^="/items/"]').first().getAttribute('href'))!;
  await firstCard.locator('a[href^="/items/"]').first().click();
  await expect(page).toHaveURL(itemHref);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  visited.push(itemHref);

  // A shop, from the feed's shop filter.
  await page.goto('/');
  await waitForFeed(page);
  await page.getByRole('button', { name: 'Boutiques', exact: true }).click();
  const shopLink = page.locator('ul.feed article[data-kind="shop"] a[href^="/shops/"]').first();
  const shopHref = (await shopLink.getAttribute('href'))!;
  await shopLink.click();
  await expect(page).toHaveURL(shopHref);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  visited.push(shopHref);

  // A product of that shop, then back to the shop.
  const product = page.locator('article[data-kind="product"] a').first();
  if (await product.count()) {
    await product.click();
    await expect(page).toHaveURL(/\/items\/product-\d+$/);
    visited.push(new URL(page.url()).pathname);
    await page.goBack();
  }

  // A direct link to an event (server-rendered first load).
  const event = catalog.upcomingEvents()[0];
  await page.goto(`/items/${event.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(event.title);
  visited.push(`/items/${event.id}`);

  for (const path of ['/search?q=theatre', '/explore', '/preferences']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    visited.push(path);
  }
  await page.waitForLoadState('networkidle');
  return visited;
}

test.describe('privacy', () => {
  test('every request the browser makes goes to the app’s own origin', async ({ page, context, catalog }) => {
    const requests = recordRequests(context);
    await browseEverywhere(page, catalog);
    expect(requests.length).toBeGreaterThan(5);
    expect(offOrigin(requests)).toEqual([]);
  });

  test.describe('two opposite interest profiles', () => {
    const profiles = {
      culture: { opera: 'high', patrimoine: 'high', musees: 'high' },
      night: { sport: 'high', 'vie-nocturne': 'high', mode: 'high' }
    } as const;

    async function loadFeedAs(context: BrowserContext, themes: Record<string, 'high'>) {
      await seedPrefs(context, prefs({ themes, onboarded: true }));
      const requests = recordRequests(context);
      const page = await context.newPage();
      await openFeed(page);
      await scrollFeed(page, 3);
      // Both profiles' lists then include the service worker's precache (the same for everyone).
      await waitForAppSettled(page);
      const ids = await feedIds(page);
      const stored = await readPrefs(page);
      await page.close();
      return { requests, ids, stored };
    }

    test('make exactly the same requests, none of which mentions a followed theme', async ({ browser }) => {
      const cultureContext = await browser.newContext();
      const nightContext = await browser.newContext();
      try {
        const culture = await loadFeedAs(cultureContext, profiles.culture);
        const night = await loadFeedAs(nightContext, profiles.night);

        // The profiles really are applied on the device: the two feeds differ.
        expect(culture.stored?.themes).toEqual(profiles.culture);
        expect(night.stored?.themes).toEqual(profiles.night);
        expect(culture.ids.slice(0, 10)).not.toEqual(night.ids.slice(0, 10));

        // …but the server cannot tell them apart.
        expect(requestSignature(culture.requests)).toContain('GET /api/catalog');
        expect(requestSignature(culture.requests)).toEqual(requestSignature(night.requests));

        for (const [profile, { requests }] of [
          ['culture', culture],
          ['night', night]
        ] as const) {
          for (const slug of Object.keys(profiles[profile])) {
            const marker = new RegExp(`(^|[^a-z0-9-])${slug.replace(/-/g, '\\-')}($|[^a-z0-9-])`, 'i');
            for (const r of requests) {
              const where = `${profile}: ${r.method} ${r.url}`;
              expect(decodeURIComponent(r.url), where).not.toMatch(marker);
              for (const [name, value] of Object.entries(r.headers)) expect(`${name}: ${value}`, where).not.toMatch(marker);
              if (r.postData) expect(r.postData, where).not.toMatch(marker);
            }
          }
        }
      } finally {
        await cultureContext.close();
        await nightContext.close();
      }
    });
  });

  test('anonymous browsing leaves no trace on the server: no cookie, no row written, no path or IP logged', async ({ page, context, catalog }) => {
    const before = databaseChecksums(mainServer.database);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['content_items', 'shops', 'products', 'catalog_log']));
    expect(before.content_items.rows).toBeGreaterThan(0);

    const setCookies: string[] = [];
    context.on('response', async (response) => {
      const header = await response.headerValue('set-cookie').catch(() => null);
      if (header) setCookies.push(`${response.url()}: ${header}`);
    });

    const visited = await browseEverywhere(page, catalog);
    // Personal actions: save an item, follow a shop; they stay on the device.
    await page.goto('/');
    await waitForFeed(page);
    await page.getByRole('button', { name: /^Ajouter aux favoris/ }).first().click();
    const shop = catalog.ofKind('shop')[0];
    await page.goto(`/shops/${shop.slug}`);
    await page.getByRole('button', { name: 'Suivre la boutique' }).click();
    await expect(page.getByRole('button', { name: 'Boutique suivie' })).toBeVisible();
    const stored = await readPrefs(page);
    expect(stored?.saved.length).toBe(1);
    expect(stored?.followedShops).toEqual([shop.id]);
    // Requests that end in errors, which servers like to log.
    await page.goto('/items/event-999999');
    await page.goto('/shops/no-such-shop-xyz');
    expect((await page.request.get('/api/catalog?since=not-a-version-xyz')).status()).toBe(400);
    await page.waitForLoadState('networkidle');

    await test.step('no cookie', async () => {
      expect(await context.cookies()).toEqual([]);
      expect(await page.evaluate(() => document.cookie)).toBe('');
      expect(setCookies).toEqual([]);
    });

    await test.step('no row changed in any table', async () => {
      expect(databaseChecksums(mainServer.database)).toEqual(before);
    });

    await test.step('no request path, client address or browser in the server output', async () => {
      const log = readFileSync(mainServer.log, 'utf8');
      expect(log).toContain('Listening on'); // the capture works
      const forbidden = [
        '127.0.0.1',
        '::1',
        '::ffff:',
        'HeadlessChrome',
        'Mozilla/',
        'event-999999',
        'no-such-shop-xyz',
        'not-a-version-xyz',
        'q=theatre',
        '/api/catalog?',
        ...visited.filter((p) => p.startsWith('/items/') || p.startsWith('/shops/'))
      ];
      for (const needle of forbidden) expect(log, `server log mentions ${needle}`).not.toContain(needle);
      expect(log).not.toMatch(/\b(GET|POST|HEAD) \/\S*/);
    });
  });

  test('pages carry a strict Content-Security-Policy and privacy headers', async ({ request }) => {
    const response = await request.get('/');
    expect(response.status()).toBe(200);
    const headers = response.headers();
    const csp = headers['content-security-policy'];
    expect(csp).toBeTruthy();
    const directives = new Map(
      csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name.toLowerCase(), values] as const;
      })
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src')!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc.some((v) => v === '*' || v.startsWith('http'))).toBe(false);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['permissions-policy']).toBeTruthy();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['set-cookie']).toBeUndefined();

    // Every inline script carries this response's nonce; scripts from files are same-origin.
    const html = await response.text();
    const nonces = scriptSrc.filter((v) => v.startsWith("'nonce-")).map((v) => v.slice(7, -1));
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      const src = /\bsrc\s*=\s*"([^"]*)"/i.exec(attributes)?.[1];
      if (src) {
        expect(src.startsWith('/') && !src.startsWith('//'), src).toBe(true);
      } else if (body.trim() !== '' && !/type\s*=\s*"application\/(ld\+)?json"/i.test(attributes)) {
        const nonce = /\bnonce\s*=\s*"([^"]*)"/i.exec(attributes)?.[1];
        expect(nonce, `inline script without nonce: ${body.slice(0, 80)}`).toBeTruthy();
        expect(nonces).toContain(nonce);
      }
    }
    // A fresh nonce per response.
    const again = (await request.get('/')).headers()['content-security-policy'];
    if (nonces.length > 0) expect(again).not.toContain(nonces[0]);

    // The JSON API gets a deny-all policy.
    const api = await request.get('/api/health');
    expect(api.headers()['content-security-policy']).toMatch(/default-src 'none'/);
    expect(api.headers()['x-content-type-options']).toBe('nosniff');

  });

  test('the app runs without a single Content-Security-Policy violation', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
    });
    await page.goto('/');
    await waitForFeed(page);
    const event = page.locator('ul.feed article a[href^="/items/"]').first();
    await event.click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' }).first();
    for (const section of ['Explorer', 'Rechercher', 'Favoris', 'Préférences']) {
      await nav.getByRole('link', { name: section }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    await page.goto('/search?q=opera');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });
});
