import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { APIResponse } from '@playwright/test';
import { expect, test, type Catalog, type Item } from './support/fixtures';
import { startServer } from './support/server';

const CONTENT_KINDS = ['event', 'heritage', 'culture', 'leisure', 'news'] as const;
const REQUIRED_THEMES = ['opera', 'concerts', 'theatre', 'patrimoine', 'musees', 'gastronomie', 'mode', 'sport', 'famille', 'vie-nocturne'];

async function errorCode(response: APIResponse): Promise<string> {
  expect(response.headers()['content-type']).toMatch(/^application\/json/);
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.message).toBe('string');
  return String(body.error?.code);
}

test.describe('GET /api/catalog', () => {
  test('publishes the whole demo city with themes in both languages', async ({ request }) => {
    const response = await request.get('/api/catalog');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/json/);
    const catalog = (await response.json()) as Catalog;

    expect(Number.isInteger(catalog.version)).toBe(true);
    expect(catalog.version).toBeGreaterThan(0);

    expect(catalog.themes.length).toBeGreaterThanOrEqual(14);
    for (const theme of catalog.themes) {
      expect(theme.slug).toMatch(/^[a-z0-9-]+$/);
      expect(theme.labels.fr, theme.slug).toBeTruthy();
      expect(theme.labels.en, theme.slug).toBeTruthy();
    }
    const slugs = catalog.themes.map((t) => t.slug);
    expect(slugs).toEqual(expect.arrayContaining(REQUIRED_THEMES));
    expect(new Set(slugs).size).toBe(slugs.length);

    const count = (kind: Item['kind']) => catalog.items.filter((i) => i.kind === kind).length;
    const content = catalog.items.filter((i) => (CONTENT_KINDS as readonly string[]).includes(i.kind));
    expect(content.length).toBeGreaterThanOrEqual(90);
    for (const kind of CONTENT_KINDS) expect(count(kind), kind).toBeGreaterThan(0);
    expect(count('shop')).toBeGreaterThanOrEqual(30);
    expect(count('product')).toBeGreaterThanOrEqual(250);
    expect(count('deal')).toBeGreaterThanOrEqual(15);
    expect(count('parking')).toBeGreaterThanOrEqual(8);

    // Checked in one pass (hundreds of items), then reported together.
    const problems: string[] = [];
    const ids = new Set<string>();
    const slugSet = new Set(slugs);
    const shopIds = new Set(catalog.items.filter((i) => i.kind === 'shop').map((i) => i.id));
    for (const item of catalog.items) {
      const where = item.id ?? JSON.stringify(item).slice(0, 80);
      if (typeof item.id !== 'string' || !new RegExp(`^${item.kind}-[1-9][0-9]*$`).test(item.id)) problems.push(`${where}: bad id/kind`);
      if (typeof item.title !== 'string' || item.title.trim() === '') problems.push(`${where}: no title`);
      if (!Array.isArray(item.themes)) problems.push(`${where}: themes is not a list`);
      else for (const slug of item.themes) if (!slugSet.has(slug)) problems.push(`${where}: unknown theme ${slug}`);
      if ((item.kind === 'product' || item.kind === 'deal') && !shopIds.has(item.shop!)) problems.push(`${where}: shop ${item.shop} not published`);
      if (ids.has(item.id)) problems.push(`${where}: duplicate id`);
      ids.add(item.id);
    }
    expect(problems).toEqual([]);
  });

  test('sends the same bytes to everyone, whatever cookies, language or browser they send', async ({ request }) => {
    const a = await request.get('/api/catalog', {
      headers: {
        'accept-encoding': 'identity',
        cookie: 'session=abc; theme=opera',
        'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)',
        'accept-language': 'en-GB,en;q=0.9'
      }
    });
    const b = await request.get('/api/catalog', {
      headers: {
        'accept-encoding': 'identity',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
        'accept-language': 'fr-FR',
        dnt: '1'
      }
    });
    expect(a.status()).toBe(200);
    expect(b.status()).toBe(200);
    expect((await a.body()).equals(await b.body())).toBe(true);
    expect(a.headers().etag).toBe(b.headers().etag);
    expect(a.headers()['set-cookie']).toBeUndefined();
    expect(b.headers()['set-cookie']).toBeUndefined();
  });

  test('has a strong ETag and answers If-None-Match with 304', async ({ request }) => {
    const first = await request.get('/api/catalog', { headers: { 'accept-encoding': 'br' } });
    const etag = first.headers().etag;
    expect(etag).toMatch(/^"[^"]+"$/); // strong: no W/ prefix
    const again = await request.get('/api/catalog', { headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
    expect(again.status()).toBe(304);
    expect((await again.body()).length).toBe(0);
    const stale = await request.get('/api/catalog', { headers: { 'accept-encoding': 'br', 'if-none-match': '"not-the-current-one"' } });
    expect(stale.status()).toBe(200);
  });

  test('compresses with br or gzip as the client accepts, identity otherwise', async ({ request }) => {
    const identity = await request.get('/api/catalog', { headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers()['content-encoding']).toBeUndefined();
    const json = await identity.body();
    expect(JSON.parse(json.toString('utf8'))).toHaveProperty('items');

    const br = await request.get('/api/catalog', { headers: { 'accept-encoding': 'br' } });
    expect(br.headers()['content-encoding']).toBe('br');
    const gzip = await request.get('/api/catalog', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers()['content-encoding']).toBe('gzip');

    // Same representation once decoded (Playwright decodes transparently; check both ways).
    for (const response of [br, gzip]) {
      const body = await response.body();
      const decoded = body.equals(json)
        ? body
        : response.headers()['content-encoding'] === 'br'
          ? brotliDecompressSync(body)
          : gunzipSync(body);
      expect(decoded.equals(json)).toBe(true);
    }
    // Compression is worth it: the declared length is well under the JSON size.
    expect(Number(br.headers()['content-length'])).toBeLessThan(json.length / 3);
    expect(Number(gzip.headers()['content-length'])).toBeLessThan(json.length / 2);
    // One validator per representation.
    expect(new Set([identity, br, gzip].map((r) => r.headers().etag)).size).toBe(3);
  });

  test('?since= the current version returns an empty delta, ?since=0 every item', async ({ request }) => {
    const catalog = (await (await request.get('/api/catalog')).json()) as Catalog;

    const current = await request.get(`/api/catalog?since=${catalog.version}`);
    expect(current.status()).toBe(200);
    const upToDate = (await current.json()) as { version: number; themes: unknown[]; upserts: unknown[]; deletions: unknown[] };
    expect(upToDate.version).toBe(catalog.version);
    expect(upToDate.upserts).toEqual([]);
    expect(upToDate.deletions).toEqual([]);
    expect(upToDate.themes).toEqual(catalog.themes);

    const all = (await (await request.get('/api/catalog?since=0')).json()) as { version: number; upserts: Item[]; deletions: string[] };
    expect(all.version).toBe(catalog.version);
    expect(all.upserts.map((i) => i.id).sort()).toEqual(catalog.items.map((i) => i.id).sort());
    expect(all.deletions).toEqual([]);
  });

  test('rejects a bad ?since= or an unknown parameter with a 400 JSON error', async ({ request }) => {
    const { version } = (await (await request.get('/api/catalog')).json()) as Catalog;
    const bad = ['since=abc', 'since=-1', 'since=1.5', `since=${version + 1000}`, 'since=1&since=2', 'since=', 'since=1e3'];
    for (const query of bad) {
      const response = await request.get(`/api/catalog?${query}`);
      expect(response.status(), query).toBe(400);
      expect(await errorCode(response), query).toMatch(/^[a-z_]+$/);
      expect(response.headers()['set-cookie']).toBeUndefined();
    }
    for (const query of ['foo=1', 'since=0&utm_source=newsletter', 'theme=opera']) {
      const response = await request.get(`/api/catalog?${query}`);
      expect(response.status(), query).toBe(400);
      expect(await errorCode(response), query).toBe('unknown_parameter');
    }
  });
});

test.describe('other endpoints and pages', () => {
  test('/api/health says ok', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  test('/api/items and /api/shops answer a real id, and a JSON 404 otherwise', async ({ request, catalog }) => {
    const event = catalog.ofKind('event')[0];
    const item = await request.get(`/api/items/${event.id}`);
    expect(item.status()).toBe(200);
    expect(((await item.json()) as { item: Item }).item.title).toBe(event.title);

    const shop = catalog.ofKind('shop')[0];
    const shopResponse = await request.get(`/api/shops/${shop.slug}`);
    expect(shopResponse.status()).toBe(200);
    expect(((await shopResponse.json()) as { shop: Item }).shop.id).toBe(shop.id);

    for (const path of ['/api/items/unknown-1', '/api/items/event-999999', '/api/items/..%2Fetc', '/api/shops/nope', '/api/shops/NOPE!']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await errorCode(response), path).toBe('not_found');
    }
  });

  test('an unknown item or shop link shows the 404 page with a way home (not a 500)', async ({ request, page }) => {
    for (const path of ['/items/event-999999', '/items/unknown-1', '/shops/nope']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()['content-type']).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toContain('Page introuvable');
      expect(html).toMatch(/<a[^>]+href="\/"[^>]*>/);
    }
    const response = await page.goto('/items/event-999999');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await page.getByRole('link', { name: 'Retour à l’accueil' }).click();
    await expect(page).toHaveURL('/');
  });
});

test.describe('an empty install (PLACETTE_DEMO=0)', () => {
  test('starts with an empty catalog, and the feed says so instead of failing', async ({ page }, testInfo) => {
    const server = await startServer(4180 + testInfo.parallelIndex, { demo: false });
    try {
      const health = await fetch(`${server.origin}/api/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', catalog_version: 0 });

      const catalog = await fetch(`${server.origin}/api/catalog`, { headers: { 'accept-encoding': 'identity' } });
      expect(catalog.status).toBe(200);
      expect(await catalog.json()).toEqual({ version: 0, themes: [], items: [] });

      const delta = await fetch(`${server.origin}/api/catalog?since=0`);
      expect(await delta.json()).toEqual({ version: 0, themes: [], upserts: [], deletions: [] });
      const future = await fetch(`${server.origin}/api/catalog?since=1`);
      expect(future.status).toBe(400);

      await page.goto(`${server.origin}/`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText('Rien pour l’instant')).toBeVisible();
      await expect(page.locator('ul.feed article')).toHaveCount(0);
      expect(server.logText()).not.toContain('demo city seeded');
    } finally {
      await server.stop();
    }
  });
});
