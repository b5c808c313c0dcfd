import { describe, it, expect } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { isEmpty, seedDemo, seedSyntheticCity } from '../../src/lib/server/db/seed';
import { parisAt } from '../../src/lib/server/db/seed/dates';

const NOW = new Date('2026-03-20T09:30:00Z');

const REQUIRED_SLUGS = [
  'opera',
  'patrimoine',
  'musees',
  'theatre',
  'concerts',
  'marches',
  'gastronomie',
  'librairies',
  'mode',
  'artisanat',
  'sport',
  'famille',
  'nature',
  'vie-nocturne'
];

function all<T>(db: Db, sql: string): T[] {
  return db.$client.prepare(sql).all() as T[];
}
function one<T>(db: Db, sql: string): T {
  return db.$client.prepare(sql).get() as T;
}
function n(db: Db, sql: string): number {
  return (db.$client.prepare(sql).pluck().get() as number) ?? 0;
}

function seeded(now = NOW): Db {
  const db = openDatabase(':memory:');
  seedDemo(db, now);
  return db;
}

describe('seedDemo', () => {
  const db = openDatabase(':memory:');
  const emptyBefore = isEmpty(db);
  const counts = seedDemo(db, NOW);

  it('decides seeding with isEmpty', () => {
    expect(emptyBefore).toBe(true);
    expect(isEmpty(db)).toBe(false);
  });

  it('reports counts that match the tables and exceed the minimums', () => {
    expect(counts.themes).toBe(n(db, 'SELECT count(*) FROM themes'));
    expect(counts.themes).toBeGreaterThanOrEqual(14);
    expect(counts.contentItems).toBe(n(db, "SELECT count(*) FROM content_items WHERE status = 'published'"));
    expect(counts.contentItems).toBeGreaterThanOrEqual(90);
    expect(counts.events).toBeGreaterThanOrEqual(35);
    expect(counts.heritage).toBeGreaterThanOrEqual(20);
    expect(counts.culture).toBeGreaterThanOrEqual(15);
    expect(counts.leisure).toBeGreaterThanOrEqual(12);
    expect(counts.news).toBeGreaterThanOrEqual(12);
    expect(counts.shops).toBe(n(db, "SELECT count(*) FROM shops WHERE status = 'approved'"));
    expect(counts.shops).toBeGreaterThanOrEqual(30);
    expect(counts.products).toBe(n(db, 'SELECT count(*) FROM products'));
    expect(counts.products).toBeGreaterThanOrEqual(250);
    expect(counts.deals).toBe(n(db, "SELECT count(*) FROM deals WHERE status = 'published'"));
    expect(counts.deals).toBeGreaterThanOrEqual(15);
    expect(counts.parking).toBeGreaterThanOrEqual(8);
    expect(counts.catalogItems).toBe(
      counts.contentItems + counts.shops + counts.products + counts.deals + counts.parking
    );
  });

  it('has the required themes with French and English labels', () => {
    const themes = all<{ slug: string; label_fr: string; label_en: string }>(db, 'SELECT * FROM themes');
    const bySlug = new Map(themes.map((t) => [t.slug, t]));
    for (const slug of REQUIRED_SLUGS) {
      const theme = bySlug.get(slug);
      expect(theme, slug).toBeDefined();
      expect(theme!.label_fr.trim()).not.toBe('');
      expect(theme!.label_en.trim()).not.toBe('');
    }
    expect(bySlug.get('opera')!.label_fr).toBe('Opéra & musique classique');
    expect(bySlug.get('marches')!.label_fr).toBe('Marchés');
    expect(bySlug.get('vie-nocturne')!.label_fr).toBe('Vie nocturne');
  });

  it('gives every content item, shop and product at least one existing theme', () => {
    const orphanContent = n(
      db,
      `SELECT count(*) FROM content_items c WHERE NOT EXISTS (
         SELECT 1 FROM content_item_themes l JOIN themes t ON t.slug = l.theme_slug WHERE l.item_id = c.id)`
    );
    const orphanShops = n(
      db,
      `SELECT count(*) FROM shops s WHERE NOT EXISTS (
         SELECT 1 FROM shop_themes l JOIN themes t ON t.slug = l.theme_slug WHERE l.shop_id = s.id)`
    );
    const orphanProducts = n(
      db,
      `SELECT count(*) FROM products p WHERE NOT EXISTS (
         SELECT 1 FROM product_themes l JOIN themes t ON t.slug = l.theme_slug WHERE l.product_id = p.id)`
    );
    expect([orphanContent, orphanShops, orphanProducts]).toEqual([0, 0, 0]);
    const tooMany = n(
      db,
      'SELECT count(*) FROM (SELECT item_id FROM content_item_themes GROUP BY item_id HAVING count(*) > 3)'
    );
    expect(tooMany).toBe(0);
  });

  it('writes readable content', () => {
    const items = all<{ kind: string; title: string; summary: string; body: string; lat: number | null }>(
      db,
      "SELECT kind, title, summary, body, lat FROM content_items WHERE status = 'published'"
    );
    for (const item of items) {
      expect(item.summary.length, item.title).toBeLessThanOrEqual(140);
      expect(item.summary.length, item.title).toBeGreaterThan(20);
      const paragraphs = item.body.split('\n\n');
      expect(paragraphs.length, item.title).toBeGreaterThanOrEqual(2);
      expect(paragraphs.length, item.title).toBeLessThanOrEqual(4);
      if (item.kind !== 'news') expect(item.lat, item.title).not.toBeNull();
    }
    expect(n(db, 'SELECT count(*) FROM content_items WHERE featured = 1')).toBeGreaterThanOrEqual(5);
  });

  it('keeps shops in the city centre with opening hours and phones', () => {
    const shops = all<{ name: string; lat: number; lng: number; phone: string; opening_hours: string; category: string }>(
      db,
      'SELECT name, lat, lng, phone, opening_hours, category FROM shops'
    );
    for (const s of shops) {
      expect(s.lat, s.name).toBeGreaterThanOrEqual(43.595);
      expect(s.lat, s.name).toBeLessThanOrEqual(43.612);
      expect(s.lng, s.name).toBeGreaterThanOrEqual(1.435);
      expect(s.lng, s.name).toBeLessThanOrEqual(1.452);
      expect(s.phone).toMatch(/^05 61 \d\d \d\d \d\d$/);
      const hours = JSON.parse(s.opening_hours) as Record<string, [string, string][]>;
      expect(Object.keys(hours).length).toBeGreaterThanOrEqual(4);
      for (const [day, ranges] of Object.entries(hours)) {
        expect(['1', '2', '3', '4', '5', '6', '7']).toContain(day);
        for (const [open, close] of ranges) expect(open < close).toBe(true);
      }
    }
    const categories = new Set(shops.map((s) => s.category));
    expect(categories.size).toBeGreaterThanOrEqual(18);
    expect(n(db, "SELECT count(*) FROM shops WHERE closed_dates <> '[]'")).toBeGreaterThanOrEqual(2);
    expect(n(db, 'SELECT count(*) FROM products WHERE stock = 0')).toBeGreaterThan(0);
    // Every approved shop sells something.
    expect(
      n(db, "SELECT count(*) FROM shops s WHERE status = 'approved' AND NOT EXISTS (SELECT 1 FROM products p WHERE p.shop_id = s.id)")
    ).toBe(0);
  });

  it('dates events around now, mostly upcoming', () => {
    const events = all<{ starts_at: string; ends_at: string | null }>(
      db,
      "SELECT starts_at, ends_at FROM content_items WHERE kind = 'event'"
    );
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+0[12]:00$/;
    for (const e of events) {
      expect(e.starts_at).toMatch(iso);
      if (e.ends_at) {
        expect(e.ends_at).toMatch(iso);
        expect(Date.parse(e.ends_at)).toBeGreaterThan(Date.parse(e.starts_at));
      }
    }
    const t = NOW.getTime();
    const upcoming = events.filter((e) => Date.parse(e.starts_at) > t);
    const past = events.filter((e) => Date.parse(e.ends_at ?? e.starts_at) < t);
    expect(upcoming.length).toBeGreaterThanOrEqual(20);
    expect(past.length).toBeGreaterThanOrEqual(1);
    expect(upcoming.every((e) => Date.parse(e.starts_at) < t + 70 * 86_400_000)).toBe(true);
  });

  it('mixes current, expired and upcoming deals', () => {
    const rows = all<{ starts_at: string; ends_at: string }>(
      db,
      "SELECT starts_at, ends_at FROM deals WHERE status = 'published'"
    );
    const t = NOW.getTime();
    const current = rows.filter((d) => Date.parse(d.starts_at) <= t && t <= Date.parse(d.ends_at));
    const expired = rows.filter((d) => Date.parse(d.ends_at) < t);
    const upcoming = rows.filter((d) => Date.parse(d.starts_at) > t);
    expect(current.length).toBeGreaterThanOrEqual(10);
    expect(expired.length).toBeGreaterThanOrEqual(1);
    expect(upcoming.length).toBeGreaterThanOrEqual(1);
  });

  it('writes the territory setting', () => {
    const row = one<{ value: string }>(db, "SELECT value FROM settings WHERE key = 'territory'");
    expect(JSON.parse(row.value)).toEqual({
      name: 'Toutoulouse',
      city: 'Toulouse',
      center: { lat: 43.6045, lng: 1.444 }
    });
  });

  it('journals one upsert per public catalog item', () => {
    const expected = [
      ...all<{ id: string }>(db, "SELECT kind || '-' || id AS id FROM content_items WHERE status = 'published'"),
      ...all<{ id: string }>(db, "SELECT 'shop-' || id AS id FROM shops WHERE status = 'approved'"),
      ...all<{ id: string }>(db, "SELECT 'product-' || id AS id FROM products"),
      ...all<{ id: string }>(db, "SELECT 'deal-' || id AS id FROM deals WHERE status = 'published'"),
      ...all<{ id: string }>(db, "SELECT 'parking-' || id AS id FROM parking_places")
    ].map((r) => r.id);
    const log = all<{ item_id: string; op: string }>(db, 'SELECT item_id, op FROM catalog_log');
    expect(log.every((l) => l.op === 'upsert')).toBe(true);
    expect(log.length).toBe(counts.catalogItems);
    expect(new Set(log.map((l) => l.item_id)).size).toBe(log.length);
    expect(log.map((l) => l.item_id).sort()).toEqual(expected.sort());
  });

  it('is deterministic for the same now', () => {
    const a = seeded();
    const b = seeded();
    const tables = [
      'themes',
      'content_items',
      'content_item_themes',
      'parking_places',
      'shops',
      'shop_themes',
      'products',
      'product_themes',
      'deals',
      'settings'
    ];
    for (const table of tables) {
      const sql = `SELECT * FROM ${table} ORDER BY rowid`;
      expect(all(a, sql), table).toEqual(all(b, sql));
    }
    const logSql = 'SELECT version, item_id, op FROM catalog_log ORDER BY version';
    expect(all(a, logSql)).toEqual(all(b, logSql));
  });

  it('shifts with now (relative dates)', () => {
    const later = new Date(NOW.getTime() + 200 * 86_400_000);
    const db2 = seeded(later);
    const first = (d: Db) => one<{ s: string }>(d, "SELECT starts_at AS s FROM content_items WHERE kind = 'event' ORDER BY id LIMIT 1").s;
    expect(Date.parse(first(db2)) - Date.parse(first(db))).toBeGreaterThan(199 * 86_400_000);
  });
});

describe('parisAt', () => {
  it('uses the Europe/Paris offset of the target day', () => {
    expect(parisAt(new Date('2026-01-15T12:00:00Z'), 0, '20:00')).toBe('2026-01-15T20:00:00+01:00');
    expect(parisAt(new Date('2026-07-01T12:00:00Z'), 3, '09:30')).toBe('2026-07-04T09:30:00+02:00');
    // Across the spring change (29 March 2026) and the autumn change (25 October 2026).
    expect(parisAt(new Date('2026-03-28T12:00:00Z'), 1, '20:00')).toBe('2026-03-29T20:00:00+02:00');
    expect(parisAt(new Date('2026-10-24T12:00:00Z'), 1, '20:00')).toBe('2026-10-25T20:00:00+01:00');
    // Late in the UTC evening it is already the next day in Paris.
    expect(parisAt(new Date('2026-12-31T23:30:00Z'), 0, '10:00')).toBe('2027-01-01T10:00:00+01:00');
  });
});

describe('seedSyntheticCity', () => {
  it('builds a 10,000-item catalog quickly', () => {
    const db = openDatabase(':memory:');
    const started = performance.now();
    const counts = seedSyntheticCity(db, 10_000, NOW);
    const elapsed = performance.now() - started;
    expect(counts.catalogItems).toBeGreaterThanOrEqual(9_500);
    expect(counts.catalogItems).toBeLessThanOrEqual(10_500);
    expect(n(db, 'SELECT count(*) FROM catalog_log')).toBe(counts.catalogItems);
    const rows =
      n(db, "SELECT count(*) FROM content_items WHERE status = 'published'") +
      n(db, "SELECT count(*) FROM shops WHERE status = 'approved'") +
      n(db, 'SELECT count(*) FROM products') +
      n(db, "SELECT count(*) FROM deals WHERE status = 'published'") +
      n(db, 'SELECT count(*) FROM parking_places');
    expect(rows).toBe(counts.catalogItems);
    expect(counts.themes).toBeGreaterThanOrEqual(14);
    expect(counts.shops).toBeGreaterThan(0);
    expect(counts.products).toBeGreaterThan(counts.contentItems);
    expect(
      n(db, 'SELECT count(*) FROM products p WHERE NOT EXISTS (SELECT 1 FROM product_themes l WHERE l.product_id = p.id)')
    ).toBe(0);
    expect(elapsed).toBeLessThan(10_000);
  }, 30_000);
});
