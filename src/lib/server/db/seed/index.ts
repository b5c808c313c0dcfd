import type { Db } from '../index';
import {
  contentItemThemes,
  contentItems,
  deals,
  parkingPlaces,
  productThemes,
  products,
  shopThemes,
  shops
} from '../schema';
import { recordCatalogChanges } from '../../catalog/log';
import { writeSetting } from '../../settings';
import { cultureSeeds, eventSeeds, heritageSeeds, leisureSeeds, newsSeeds } from './content';
import { places } from './content/places';
import type { EditorialSeed, EventSeed } from './content/types';
import { hoursBefore, parisAt, parisDate, parisWeekday } from './dates';
import { dealSeeds } from './deals';
import { hoursTemplates } from './hours';
import { parkingSeeds } from './parking';
import { catalogueFor, categoryThemes } from './products';
import { coord, mulberry32, type Random } from './random';
import { shopSeeds } from './shops';
import {
  CHUNK,
  forEachChunk,
  nextId,
  stockOf,
  uniq,
  writeTerritory,
  writeThemes,
  type SeedCounts,
  type Tx
} from './write';

export { isEmpty, TERRITORY, type SeedCounts } from './write';
export { seedSyntheticCity } from './synthetic';

/** Fixed PRNG seed: two demo seeds with the same `now` are identical. */
const DEMO_SEED = 0x7a1a_2024;

type ContentRow = typeof contentItems.$inferInsert;
type EditorialKind = 'heritage' | 'culture' | 'leisure' | 'news';

/**
 * Seeds the "Toutoulouse" demo: themes, editorial content, shops with their products and deals,
 * car parks and the territory setting, in one transaction, journaling every catalog item.
 * Dates are relative to `now`. Meant for an empty database (see `isEmpty`).
 */
export function seedDemo(db: Db, now = new Date()): SeedCounts {
  const rng = mulberry32(DEMO_SEED);
  return db.transaction((tx) => {
    const themeCount = writeThemes(tx);
    writeTerritory(tx);
    // The demo city is open to the public from the start (a fresh real install starts closed).
    writeSetting(tx, 'platform_open', true);
    const content = writeContent(tx, rng, now);
    const market = writeMarket(tx, rng, now);
    const parkingIds = writeParking(tx, rng, now);

    const catalogIds = [...content.ids, ...market.ids, ...parkingIds];
    recordCatalogChanges(tx, catalogIds, 'upsert');

    return {
      themes: themeCount,
      contentItems: content.ids.length,
      ...content.byKind,
      shops: market.shops,
      products: market.products,
      deals: market.deals,
      parking: parkingIds.length,
      catalogItems: catalogIds.length
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Editorial content

function eventDay(seed: EventSeed, now: Date): number {
  let day = seed.day;
  if (seed.weekday) while (parisWeekday(now, day) !== seed.weekday) day++;
  return day;
}

function eventRow(seed: EventSeed, rng: Random, now: Date): ContentRow {
  const place = places[seed.place];
  const day = eventDay(seed, now);
  let endsAt: string | null = null;
  if (seed.end) {
    const endDay = seed.endDay ?? (seed.end < seed.start ? 1 : 0);
    endsAt = parisAt(now, day + endDay, seed.end);
  }
  // Announced between 3 and 40 days before it starts, never in the future.
  const announcedHoursAgo = Math.max(2, (rng.int(3, 40) - day) * 24 + rng.int(0, 23));
  return {
    kind: 'event',
    title: seed.title,
    summary: seed.summary,
    body: seed.body.join('\n\n'),
    place: place.name,
    address: place.address,
    lat: place.lat,
    lng: place.lng,
    startsAt: parisAt(now, day, seed.start),
    endsAt,
    priceLabel: seed.price ?? null,
    featured: seed.featured ?? false,
    status: 'published',
    publishedAt: hoursBefore(now, announcedHoursAgo),
    updatedAt: hoursBefore(now, Math.min(announcedHoursAgo, rng.int(1, 72)))
  };
}

function editorialRow(kind: EditorialKind, seed: EditorialSeed, rng: Random, now: Date): ContentRow {
  const place = seed.place ? places[seed.place] : null;
  const hoursAgo =
    seed.daysAgo !== undefined ? seed.daysAgo * 24 + rng.int(1, 10) : rng.int(20, 120) * 24 + rng.int(0, 23);
  return {
    kind,
    title: seed.title,
    summary: seed.summary,
    body: seed.body.join('\n\n'),
    place: place?.name ?? null,
    address: place?.address ?? null,
    lat: place?.lat ?? null,
    lng: place?.lng ?? null,
    startsAt: null,
    endsAt: null,
    priceLabel: seed.price ?? null,
    featured: seed.featured ?? false,
    status: seed.draft ? 'draft' : 'published',
    publishedAt: hoursBefore(now, hoursAgo),
    updatedAt: hoursBefore(now, Math.min(hoursAgo, rng.int(1, 200)))
  };
}

function writeContent(tx: Tx, rng: Random, now: Date) {
  const sources: { kind: ContentRow['kind']; row: ContentRow; themes: string[] }[] = [];
  for (const seed of eventSeeds) sources.push({ kind: 'event', row: eventRow(seed, rng, now), themes: seed.themes });
  const editorial: [EditorialKind, EditorialSeed[]][] = [
    ['heritage', heritageSeeds],
    ['culture', cultureSeeds],
    ['leisure', leisureSeeds],
    ['news', newsSeeds]
  ];
  for (const [kind, seeds] of editorial) {
    for (const seed of seeds) sources.push({ kind, row: editorialRow(kind, seed, rng, now), themes: seed.themes });
  }

  let id = nextId(tx, contentItems);
  const rows: ContentRow[] = [];
  const links: (typeof contentItemThemes.$inferInsert)[] = [];
  const ids: string[] = [];
  const byKind = { events: 0, heritage: 0, culture: 0, leisure: 0, news: 0 };
  for (const source of sources) {
    const rowId = id++;
    rows.push({ ...source.row, id: rowId });
    for (const themeSlug of uniq(source.themes, 3)) links.push({ itemId: rowId, themeSlug });
    if (source.row.status === 'published') {
      ids.push(`${source.kind}-${rowId}`);
      byKind[source.kind === 'event' ? 'events' : source.kind]++;
    }
  }
  forEachChunk(rows, 200, (chunk) => tx.insert(contentItems).values(chunk).run());
  forEachChunk(links, CHUNK, (chunk) => tx.insert(contentItemThemes).values(chunk).run());
  return { ids, byKind };
}

// ---------------------------------------------------------------------------------------------
// Shops, products, deals

function phoneNumber(rng: Random): string {
  const pair = () => String(rng.int(0, 99)).padStart(2, '0');
  return `05 61 ${pair()} ${pair()} ${pair()}`;
}

function writeMarket(tx: Tx, rng: Random, now: Date) {
  let shopId = nextId(tx, shops);
  let productId = nextId(tx, products);
  let dealId = nextId(tx, deals);

  const shopRows: (typeof shops.$inferInsert)[] = [];
  const shopLinks: (typeof shopThemes.$inferInsert)[] = [];
  const productRows: (typeof products.$inferInsert)[] = [];
  const productLinks: (typeof productThemes.$inferInsert)[] = [];
  const shopIdsBySlug = new Map<string, { id: number; approved: boolean }>();
  const shopCatalogIds: string[] = [];
  const productCatalogIds: string[] = [];

  for (const seed of shopSeeds) {
    const id = shopId++;
    const approved = (seed.status ?? 'approved') === 'approved';
    const createdAt = hoursBefore(now, rng.int(30, 400) * 24 + rng.int(0, 23));
    shopIdsBySlug.set(seed.slug, { id, approved });
    shopRows.push({
      id,
      slug: seed.slug,
      name: seed.name,
      category: seed.category,
      summary: seed.summary,
      description: seed.description,
      address: seed.address,
      lat: coord(seed.lat + rng.jitter(0.00008)),
      lng: coord(seed.lng + rng.jitter(0.00008)),
      phone: phoneNumber(rng),
      openingHours: hoursTemplates[seed.hours],
      closedDates: (seed.closedInDays ?? []).map((d) => parisDate(now, d)),
      clickAndCollect: seed.clickAndCollect ?? !rng.chance(0.12),
      ...seed.slots,
      ...(seed.delivery ? { delivery: true, deliveryPostcodes: seed.delivery.postcodes, deliveryFeeCents: seed.delivery.feeCents } : {}),
      featured: seed.featured ?? false,
      status: approved ? 'approved' : 'pending',
      createdAt,
      updatedAt: hoursBefore(now, rng.int(1, 30) * 24)
    });
    for (const themeSlug of uniq(seed.themes, 3)) shopLinks.push({ shopId: id, themeSlug });
    if (!approved) continue;
    shopCatalogIds.push(`shop-${id}`);

    const catalogue = catalogueFor(seed);
    const picked = rng.sample(catalogue, Math.min(catalogue.length, rng.int(8, 10)));
    for (const [name, priceCents, description, extra] of picked) {
      const pid = productId++;
      productRows.push({
        id: pid,
        shopId: id,
        name,
        description,
        priceCents,
        ...stockOf(rng.chance(0.08) ? 0 : rng.int(1, 40)),
        visible: true,
        updatedAt: hoursBefore(now, rng.int(1, 45) * 24 + rng.int(0, 23))
      });
      for (const themeSlug of uniq([...categoryThemes[seed.category], ...(extra ?? [])], 3)) {
        productLinks.push({ productId: pid, themeSlug });
      }
      productCatalogIds.push(`product-${pid}`);
    }
  }

  const dealRows: (typeof deals.$inferInsert)[] = [];
  const dealCatalogIds: string[] = [];
  for (const seed of dealSeeds) {
    const shop = shopIdsBySlug.get(seed.shop);
    if (!shop) throw new Error(`Deal for unknown shop "${seed.shop}"`);
    const id = dealId++;
    const status = seed.status ?? 'published';
    dealRows.push({
      id,
      shopId: shop.id,
      title: seed.title,
      details: seed.details,
      startsAt: parisAt(now, seed.from, '00:00'),
      endsAt: parisAt(now, seed.to, '23:59'),
      status,
      updatedAt: hoursBefore(now, Math.max(1, -Math.min(seed.from, 0) * 24 + rng.int(1, 72)))
    });
    if (status === 'published' && shop.approved) dealCatalogIds.push(`deal-${id}`);
  }

  forEachChunk(shopRows, 200, (chunk) => tx.insert(shops).values(chunk).run());
  forEachChunk(shopLinks, CHUNK, (chunk) => tx.insert(shopThemes).values(chunk).run());
  forEachChunk(productRows, CHUNK, (chunk) => tx.insert(products).values(chunk).run());
  forEachChunk(productLinks, CHUNK, (chunk) => tx.insert(productThemes).values(chunk).run());
  forEachChunk(dealRows, CHUNK, (chunk) => tx.insert(deals).values(chunk).run());

  return {
    ids: [...shopCatalogIds, ...productCatalogIds, ...dealCatalogIds],
    shops: shopCatalogIds.length,
    products: productCatalogIds.length,
    deals: dealCatalogIds.length
  };
}

// ---------------------------------------------------------------------------------------------
// Car parks

function writeParking(tx: Tx, rng: Random, now: Date): string[] {
  let id = nextId(tx, parkingPlaces);
  const rows = parkingSeeds.map((seed) => ({
    id: id++,
    name: seed.name,
    address: seed.address,
    lat: seed.lat,
    lng: seed.lng,
    capacity: seed.capacity,
    hourlyPriceCents: seed.hourlyPriceCents,
    tip: seed.tip,
    openingHours: seed.openingHours,
    status: 'published' as const,
    updatedAt: hoursBefore(now, rng.int(5, 90) * 24)
  }));
  tx.insert(parkingPlaces).values(rows).run();
  return rows.map((r) => `parking-${r.id}`);
}
