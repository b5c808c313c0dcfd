import { bench, describe } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db';
import { products } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { seedSyntheticCity } from '../../src/lib/server/db/seed/synthetic';
import { recordCatalogChanges } from '../../src/lib/server/catalog/log';
import { catalogDelta, catalogSnapshot, encodeBody } from '../../src/lib/server/catalog/snapshot';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function report(label: string, database: ReturnType<typeof openDatabase>) {
  const { snapshot, body } = catalogSnapshot(database);
  console.log(
    `[catalog ${label}] ${snapshot.items.length} items, version ${snapshot.version}: ` +
      `json ${kb(body.json.length)}, gzip ${kb(body.gzip.length)}, brotli ${kb(body.br.length)} (target ≤ 500 KB)`
  );

  // A 1 % delta: change the price and stock of 1 % of the items (as products), journaled.
  const since = snapshot.version;
  const count = Math.ceil(snapshot.items.length / 100);
  const ids = database.select({ id: products.id }).from(products).limit(count).all().map((r) => r.id);
  database.transaction((tx) => {
    for (const id of ids) tx.update(products).set({ stock: 7, priceCents: 1234 }).where(eq(products.id, id)).run();
    recordCatalogChanges(tx, ids.map((id) => `product-${id}`), 'upsert');
  });
  const delta = encodeBody(catalogDelta(database, since), 'fast');
  console.log(
    `[catalog ${label}] 1 % delta (${ids.length} upserts): json ${kb(delta.json.length)}, brotli ${kb(delta.br.length)} (target ≤ 10 KB)`
  );
}

const now = new Date('2026-11-25T10:00:00+01:00');

const demo = openDatabase(':memory:');
seedDemo(demo, now);
report('demo', demo);

const city = openDatabase(':memory:');
seedSyntheticCity(city, 10_000, now);
report('10k city', city);

describe('catalog snapshot', () => {
  const fresh = openDatabase(':memory:');
  seedSyntheticCity(fresh, 10_000, now);
  bench('build + encode 10k catalog (cold, per version)', () => {
    // Bump the version so the cache misses and the snapshot is rebuilt from SQLite.
    recordCatalogChanges(fresh, ['product-1'], 'upsert');
    catalogSnapshot(fresh);
  }, { iterations: 5 });
});
