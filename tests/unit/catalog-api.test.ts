/**
 * The server catalog (snapshot, delta, encodings) and the GET /api/catalog handler, against an
 * in-memory SQLite database with a handful of rows.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { applyDelta } from '$lib/catalog/delta';
import type { CatalogDelta, CatalogSnapshot, DealItem, ProductItem, ShopItem } from '$lib/catalog/types';
import { openDatabase, type Db } from '$lib/server/db';
import { contentItems, contentItemThemes, deals, parkingPlaces, products, productThemes, shops, shopThemes, themes } from '$lib/server/db/schema';
import { currentCatalogVersion, recordCatalogChanges } from '$lib/server/catalog/log';
import { catalogDelta, catalogSnapshot } from '$lib/server/catalog/snapshot';
import { writeSetting } from '$lib/server/settings';

const HOURS = { '1': [['10:00', '19:00']], '2': [['10:00', '19:00']] } as ShopItem['hours'];

/** A small city: 2 themes, 3 content rows (one draft), 2 shops (one pending), products, deals, a car park. */
function seedSmallCity(database: Db): void {
  database.transaction((tx) => {
    // An open marketplace (before the launch, shops stay out of the catalog: see curation.test.ts).
    writeSetting(tx, 'platform_open', true);
    tx.insert(themes)
      .values([
        { slug: 'opera', labelFr: 'Opéra & musique classique', labelEn: 'Opera & classical music', position: 0 },
        { slug: 'patrimoine', labelFr: 'Patrimoine', labelEn: 'Heritage', position: 1 },
        { slug: 'gastronomie', labelFr: 'Gastronomie', labelEn: 'Food & drink', position: 2 }
      ])
      .run();
    tx.insert(contentItems)
      .values([
        {
          id: 1,
          kind: 'event',
          title: 'La Traviata',
          summary: 'Verdi au Capitole.',
          body: 'Un opéra.',
          place: 'Théâtre du Capitole',
          startsAt: '2030-03-01T20:00:00+01:00',
          endsAt: '2030-03-01T23:00:00+01:00',
          priceLabel: 'De 10 à 90 €'
        },
        { id: 2, kind: 'heritage', title: 'Basilique Saint-Sernin', summary: 'Roman.', body: 'Une basilique.', lat: 43.6086, lng: 1.442 },
        { id: 3, kind: 'news', title: 'Brouillon', summary: 'Pas encore publié.', status: 'draft' }
      ])
      .run();
    tx.insert(contentItemThemes)
      .values([
        { itemId: 1, themeSlug: 'opera' },
        { itemId: 2, themeSlug: 'patrimoine' },
        { itemId: 3, themeSlug: 'patrimoine' }
      ])
      .run();
    tx.insert(shops)
      .values([
        {
          id: 1,
          slug: 'fromagerie-du-capitole',
          name: 'Fromagerie du Capitole',
          category: 'fromagerie',
          summary: 'Fromages affinés.',
          address: '1 rue du Taur, 31000 Toulouse',
          lat: 43.605,
          lng: 1.443,
          openingHours: HOURS,
          closedDates: ['2030-12-25'],
          status: 'approved'
        },
        {
          id: 2,
          slug: 'boutique-en-attente',
          name: 'Boutique en attente',
          category: 'mode',
          address: '2 rue du Taur, 31000 Toulouse',
          lat: 43.606,
          lng: 1.444,
          openingHours: HOURS,
          status: 'pending'
        }
      ])
      .run();
    tx.insert(shopThemes).values({ shopId: 1, themeSlug: 'gastronomie' }).run();
    tx.insert(products)
      .values([
        { id: 1, shopId: 1, name: 'Tomme des Pyrénées', description: 'x'.repeat(200), priceCents: 1290, stock: 4 },
        { id: 2, shopId: 1, name: 'Roquefort', description: 'Bleu.', priceCents: 890, stock: 0 },
        { id: 3, shopId: 1, name: 'Caché', description: 'Retiré de la vente.', priceCents: 100, visible: false },
        { id: 4, shopId: 2, name: 'Veste', description: 'Boutique non validée.', priceCents: 9900, stock: 1 }
      ])
      .run();
    tx.insert(productThemes).values({ productId: 2, themeSlug: 'patrimoine' }).run();
    tx.insert(deals)
      .values([
        { id: 1, shopId: 1, title: '-10 % sur les tommes', details: 'Toute la semaine.', startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-08T00:00:00Z', status: 'published' },
        { id: 2, shopId: 1, title: 'En modération', details: '…', startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-08T00:00:00Z', status: 'pending' }
      ])
      .run();
    tx.insert(parkingPlaces)
      .values({ id: 1, name: 'Parking Capitole', address: 'Place du Capitole', lat: 43.6042, lng: 1.4436, capacity: 850, hourlyPriceCents: 280, tip: 'Au cœur.' })
      .run();
    recordCatalogChanges(
      tx,
      ['event-1', 'heritage-2', 'shop-1', 'product-1', 'product-2', 'deal-1', 'parking-1'],
      'upsert'
    );
  });
}

const PUBLIC_IDS = ['deal-1', 'event-1', 'heritage-2', 'parking-1', 'product-1', 'product-2', 'shop-1'];

describe('server catalog', () => {
  let database: Db;
  beforeEach(() => {
    database = openDatabase(':memory:');
  });

  it('an empty install has version 0 and an empty catalog', () => {
    expect(catalogSnapshot(database).snapshot).toEqual({ version: 0, themes: [], items: [] });
    expect(catalogDelta(database, 0)).toEqual({ version: 0, themes: [], upserts: [], deletions: [] });
  });

  it('publishes only what a citizen may see, sorted by id', () => {
    seedSmallCity(database);
    const { snapshot } = catalogSnapshot(database);

    expect(snapshot.version).toBe(currentCatalogVersion(database));
    expect(snapshot.version).toBeGreaterThan(0);
    expect(snapshot.themes.map((t) => t.slug)).toEqual(['opera', 'patrimoine', 'gastronomie']);
    expect(snapshot.themes[0].labels).toEqual({ fr: 'Opéra & musique classique', en: 'Opera & classical music' });
    // No draft (news-3), no pending shop (shop-2) nor its product, no hidden product, no pending deal.
    expect(snapshot.items.map((i) => i.id)).toEqual(PUBLIC_IDS);
  });

  it('builds each kind with its public fields', () => {
    seedSmallCity(database);
    const byId = new Map(catalogSnapshot(database).snapshot.items.map((i) => [i.id, i]));

    expect(byId.get('event-1')).toMatchObject({
      kind: 'event',
      title: 'La Traviata',
      themes: ['opera'],
      starts_at: '2030-03-01T20:00:00+01:00',
      ends_at: '2030-03-01T23:00:00+01:00',
      place: 'Théâtre du Capitole',
      price_label: 'De 10 à 90 €'
    });
    expect(byId.get('heritage-2')).toMatchObject({ kind: 'heritage', lat: 43.6086, lng: 1.442, themes: ['patrimoine'] });
    expect(byId.get('event-1')).not.toHaveProperty('lat');

    const shop = byId.get('shop-1') as ShopItem;
    expect(shop).toMatchObject({
      kind: 'shop',
      slug: 'fromagerie-du-capitole',
      title: 'Fromagerie du Capitole',
      category: 'fromagerie',
      hours: HOURS,
      closed_dates: ['2030-12-25'],
      themes: ['gastronomie']
    });

    const tomme = byId.get('product-1') as ProductItem;
    expect(tomme).toMatchObject({ shop: 'shop-1', shop_slug: 'fromagerie-du-capitole', shop_name: 'Fromagerie du Capitole', price_cents: 1290, stock: 4 });
    // Without own themes a product inherits its shop's; a long description is cut for the card.
    expect(tomme.themes).toEqual(['gastronomie']);
    expect(tomme.summary.length).toBeLessThanOrEqual(140);
    expect(tomme.description).toHaveLength(200);
    expect(byId.get('product-2')?.themes).toEqual(['patrimoine']);

    const deal = byId.get('deal-1') as DealItem;
    expect(deal).toMatchObject({ shop: 'shop-1', themes: ['gastronomie'], starts_at: '2030-01-01T00:00:00Z', ends_at: '2030-01-08T00:00:00Z' });

    expect(byId.get('parking-1')).toMatchObject({ kind: 'parking', capacity: 850, hourly_price_cents: 280, hours: null, themes: [] });

    for (const item of byId.values()) {
      expect(item).toEqual(expect.objectContaining({ id: expect.any(String), kind: expect.any(String), title: expect.any(String), themes: expect.any(Array) }));
    }
  });

  it('serves the same object and bytes until the version changes', () => {
    seedSmallCity(database);
    const first = catalogSnapshot(database);
    const again = catalogSnapshot(database);
    expect(again).toBe(first);
    expect(JSON.parse(first.body.json.toString('utf8'))).toEqual(first.snapshot);
    expect(gunzipSync(first.body.gzip).equals(first.body.json)).toBe(true);
    expect(brotliDecompressSync(first.body.br).equals(first.body.json)).toBe(true);

    database.transaction((tx) => {
      tx.update(contentItems).set({ title: 'La Traviata (reprise)' }).where(eq(contentItems.id, 1)).run();
      recordCatalogChanges(tx, ['event-1'], 'upsert');
    });
    const after = catalogSnapshot(database);
    expect(after.snapshot.version).toBe(first.snapshot.version + 1);
    expect(after.body.hash).not.toBe(first.body.hash);
    expect(after.snapshot.items.find((i) => i.id === 'event-1')?.title).toBe('La Traviata (reprise)');
  });

  describe('?since deltas', () => {
    it('since the current version: nothing to do', () => {
      seedSmallCity(database);
      const { version } = catalogSnapshot(database).snapshot;
      expect(catalogDelta(database, version)).toMatchObject({ version, upserts: [], deletions: [] });
    });

    it('since 0: every published item', () => {
      seedSmallCity(database);
      const { snapshot } = catalogSnapshot(database);
      const d = catalogDelta(database, 0);
      expect(d.upserts).toEqual(snapshot.items);
      expect(d.deletions).toEqual([]);
      expect(d.themes).toEqual(snapshot.themes);
    });

    it('reports updates, unpublications and deletions; applying it catches a device up exactly', () => {
      seedSmallCity(database);
      const held: CatalogSnapshot = structuredClone(catalogSnapshot(database).snapshot);

      database.transaction((tx) => {
        tx.update(contentItems).set({ title: 'Saint-Sernin' }).where(eq(contentItems.id, 2)).run();
        tx.delete(contentItems).where(eq(contentItems.id, 1)).run();
        tx.update(products).set({ visible: false }).where(eq(products.id, 2)).run();
        tx.update(contentItems).set({ status: 'published' }).where(eq(contentItems.id, 3)).run();
        recordCatalogChanges(tx, ['heritage-2', 'product-2', 'news-3'], 'upsert');
        recordCatalogChanges(tx, ['event-1'], 'delete');
      });

      const d: CatalogDelta = catalogDelta(database, held.version);
      expect(d.version).toBe(held.version + 4);
      expect(d.upserts.map((i) => i.id)).toEqual(['heritage-2', 'news-3']);
      // A hidden product is gone for the device, exactly like a deleted row.
      expect(d.deletions).toEqual(['event-1', 'product-2']);
      expect(d.upserts[0].title).toBe('Saint-Sernin');

      expect(applyDelta(held, d)).toEqual(catalogSnapshot(database).snapshot);
    });

    it('an item touched several times appears once, in its latest state', () => {
      seedSmallCity(database);
      const since = catalogSnapshot(database).snapshot.version;
      for (const title of ['Un', 'Deux', 'Trois']) {
        database.transaction((tx) => {
          tx.update(contentItems).set({ title }).where(eq(contentItems.id, 2)).run();
          recordCatalogChanges(tx, ['heritage-2'], 'upsert');
        });
      }
      const d = catalogDelta(database, since);
      expect(d.upserts).toHaveLength(1);
      expect(d.upserts[0]).toMatchObject({ id: 'heritage-2', title: 'Trois' });
    });
  });
});

/** The HTTP handler, with the app's database pointed at a fresh in-memory SQLite. */
describe('GET /api/catalog', () => {
  type Handler = (event: { url: URL; request: Request }) => Response | Promise<Response>;
  let GET: Handler;
  let appDb: Db;

  beforeAll(async () => {
    process.env.DATABASE_URL = ':memory:';
    const dbModule = await import('$lib/server/db');
    appDb = dbModule.db();
    seedSmallCity(appDb);
    const route = await import('../../src/routes/api/catalog/+server');
    GET = route.GET as unknown as Handler;
  });

  async function get(query = '', headers: Record<string, string> = {}): Promise<Response> {
    const url = new URL(`http://placette.test/api/catalog${query}`);
    return GET({ url, request: new Request(url, { headers }) });
  }

  it('serves the catalog as JSON with a strong ETag', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const etag = response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    const body = (await response.json()) as CatalogSnapshot;
    expect(body.version).toBe(currentCatalogVersion(appDb));
    expect(body.items.map((i) => i.id)).toEqual(PUBLIC_IDS);
  });

  it('answers If-None-Match with 304 and no body', async () => {
    const etag = (await get()).headers.get('etag')!;
    const response = await get('', { 'if-none-match': etag });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
    expect(response.headers.get('etag')).toBe(etag);
    expect((await get('', { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('negotiates br and gzip with a distinct ETag per encoding and the same content', async () => {
    const plain = await get();
    const plainBytes = Buffer.from(await plain.arrayBuffer());

    const br = await get('', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(plainBytes)).toBe(true);

    const gz = await get('', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(plainBytes)).toBe(true);

    const refusedBr = await get('', { 'accept-encoding': 'br;q=0, gzip' });
    expect(refusedBr.headers.get('content-encoding')).toBe('gzip');

    expect(plain.headers.get('content-encoding')).toBeNull();
    const etags = new Set([plain, br, gz].map((r) => r.headers.get('etag')));
    expect(etags.size).toBe(3);
    // A cached gzip validator must not revalidate a br representation.
    expect((await get('', { 'accept-encoding': 'br', 'if-none-match': gz.headers.get('etag')! })).status).toBe(200);
  });

  it('ignores who is asking: same bytes for different cookies, languages and agents', async () => {
    const a = Buffer.from(await (await get('', { cookie: 'a=1', 'accept-language': 'en-GB', 'user-agent': 'A' })).arrayBuffer());
    const b = Buffer.from(await (await get('', { 'accept-language': 'fr-FR', 'user-agent': 'B', 'x-forwarded-for': '203.0.113.9' })).arrayBuffer());
    expect(a.equals(b)).toBe(true);
  });

  it('?since= returns a delta', async () => {
    const version = currentCatalogVersion(appDb);
    const current = (await (await get(`?since=${version}`)).json()) as CatalogDelta;
    expect(current).toMatchObject({ version, upserts: [], deletions: [] });
    const all = (await (await get('?since=0')).json()) as CatalogDelta;
    expect(all.upserts.map((i) => i.id)).toEqual(PUBLIC_IDS);
  });

  it.each([
    ['?since=abc', 'invalid_since'],
    ['?since=-1', 'invalid_since'],
    ['?since=1.5', 'invalid_since'],
    ['?since=', 'invalid_since'],
    ['?since=01', 'invalid_since'],
    ['?since=1&since=2', 'invalid_since'],
    ['?since=999999', 'since_in_future'],
    ['?foo=1', 'unknown_parameter'],
    ['?since=0&utm_source=x', 'unknown_parameter']
  ])('%s → 400 with a JSON error (%s)', async (query, code) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toEqual(expect.any(String));
  });
});
