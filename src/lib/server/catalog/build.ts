import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../db';
import {
  contentItems,
  contentItemThemes,
  deals,
  parkingPlaces,
  products,
  productThemes,
  shops,
  shopThemes,
  themes
} from '../db/schema';
import { catalogId, type CatalogItem, type ShopItem, type Theme } from '$lib/catalog/types';
import { ellipsis } from '$lib/format';
import { guidePublicBeforeLaunch, platformOpen } from '../curation/launch';
import { storedImage } from '../curation/content';
import { renderMarkdown } from '../markdown/render';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A content body as sanitised HTML, rendered here once per catalog version: devices cannot run
 * the sanitiser, and the same bytes go to everyone. The source was checked when it was saved;
 * should rendering fail now (time limit under load), the text is shipped as escaped paragraphs.
 */
export function bodyHtml(markdown: string): string {
  try {
    return renderMarkdown(markdown);
  } catch {
    return markdown
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('\n');
  }
}

function groupThemes(rows: { id: number; slug: string }[]): Map<number, string[]> {
  const byId = new Map<number, string[]>();
  for (const { id, slug } of rows) {
    const list = byId.get(id);
    if (list) list.push(slug);
    else byId.set(id, [slug]);
  }
  for (const list of byId.values()) list.sort();
  return byId;
}

export function loadThemes(database: Db): Theme[] {
  return database
    .select()
    .from(themes)
    .orderBy(asc(themes.position), asc(themes.slug))
    .all()
    .map((t) => ({ slug: t.slug, labels: { fr: t.labelFr, en: t.labelEn } }));
}

/**
 * Every item a citizen may see, built from the published rows. Pure read: the result depends
 * only on the database and the clock (scheduled content whose publishedAt is still ahead is left
 * out), never on who asks.
 */
export function loadCatalogItems(database: Db, now: Date = new Date()): CatalogItem[] {
  const items: CatalogItem[] = [];
  // The launch gate: before the opening, no shop, product or deal for anyone (the same bytes
  // for everyone; flipping the gate journals the ids, see curation/launch.ts).
  const open = platformOpen(database);
  const guidePublic = open || guidePublicBeforeLaunch(database);

  const contentThemes = groupThemes(
    database.select({ id: contentItemThemes.itemId, slug: contentItemThemes.themeSlug }).from(contentItemThemes).all()
  );
  const publishedContent = guidePublic ? database
        .select()
        .from(contentItems)
        .where(and(eq(contentItems.status, 'published'), lte(contentItems.publishedAt, now.toISOString())))
        .all() : [];
  for (const c of publishedContent) {
    const image = storedImage(c.image);
    const common = {
      id: catalogId(c.kind, c.id),
      title: c.title,
      summary: c.summary,
      themes: contentThemes.get(c.id) ?? [],
      featured: c.featured,
      updated_at: c.updatedAt,
      ...(c.lat != null && c.lng != null ? { lat: c.lat, lng: c.lng } : {}),
      place: c.place,
      address: c.address,
      body_html: bodyHtml(c.body),
      price_label: c.priceLabel,
      ...(image ? { image } : {})
    };
    if (c.kind === 'event') {
      items.push({ ...common, kind: 'event', starts_at: c.startsAt ?? c.publishedAt, ends_at: c.endsAt });
    } else {
      items.push({ ...common, kind: c.kind, published_at: c.publishedAt });
    }
  }

  const shopThemeMap = groupThemes(
    database.select({ id: shopThemes.shopId, slug: shopThemes.themeSlug }).from(shopThemes).all()
  );
  const approvedShops = new Map<number, ShopItem>();
  const approvedRows = open ? database.select().from(shops).where(eq(shops.status, 'approved')).all() : [];
  for (const s of approvedRows) {
    const shop: ShopItem = {
      id: catalogId('shop', s.id),
      kind: 'shop',
      title: s.name,
      summary: s.summary,
      themes: shopThemeMap.get(s.id) ?? [],
      featured: s.featured,
      updated_at: s.updatedAt,
      slug: s.slug,
      category: s.category,
      description: s.description,
      address: s.address,
      lat: s.lat,
      lng: s.lng,
      phone: s.phone,
      hours: s.openingHours,
      closed_dates: s.closedDates,
      click_and_collect: s.clickAndCollect,
      slot_minutes: s.slotMinutes,
      delivery: s.delivery ? { fee_cents: s.deliveryFeeCents, postcodes: s.deliveryPostcodes } : null,
      ...(s.photos[0] ? { image: s.photos[0] } : {})
    };
    approvedShops.set(s.id, shop);
    items.push(shop);
  }
  const shopIds = [...approvedShops.keys()];
  const owner = (shopId: number) => {
    const shop = approvedShops.get(shopId)!;
    return { shop: shop.id, shop_slug: shop.slug, shop_name: shop.title };
  };

  if (shopIds.length > 0) {
    const productThemeMap = groupThemes(
      database.select({ id: productThemes.productId, slug: productThemes.themeSlug }).from(productThemes).all()
    );
    const visibleProducts = database
      .select()
      .from(products)
      .where(and(eq(products.visible, true), inArray(products.shopId, shopIds)))
      .all();
    for (const p of visibleProducts) {
      const shop = approvedShops.get(p.shopId)!;
      items.push({
        id: catalogId('product', p.id),
        kind: 'product',
        title: p.name,
        summary: ellipsis(p.description, 140),
        themes: productThemeMap.get(p.id) ?? shop.themes,
        featured: false,
        updated_at: p.updatedAt,
        lat: shop.lat,
        lng: shop.lng,
        ...owner(p.shopId),
        shopId: shop.id,
        description: p.description,
        price_cents: p.priceCents,
        stock: p.stock,
        ...(p.photos[0] ? { image: p.photos[0] } : {})
      });
    }
    const publishedDeals = database
      .select()
      .from(deals)
      .where(and(eq(deals.status, 'published'), inArray(deals.shopId, shopIds)))
      .all();
    for (const d of publishedDeals) {
      const shop = approvedShops.get(d.shopId)!;
      items.push({
        id: catalogId('deal', d.id),
        kind: 'deal',
        title: d.title,
        summary: ellipsis(d.details, 140),
        themes: shop.themes,
        featured: false,
        updated_at: d.updatedAt,
        lat: shop.lat,
        lng: shop.lng,
        ...owner(d.shopId),
        details: d.details,
        starts_at: d.startsAt,
        ends_at: d.endsAt
      });
    }
  }

  for (const p of database.select().from(parkingPlaces).where(eq(parkingPlaces.status, 'published')).all()) {
    items.push({
      id: catalogId('parking', p.id),
      kind: 'parking',
      title: p.name,
      summary: p.tip,
      themes: [],
      featured: false,
      updated_at: p.updatedAt,
      address: p.address,
      lat: p.lat,
      lng: p.lng,
      capacity: p.capacity,
      hourly_price_cents: p.hourlyPriceCents,
      hours: p.openingHours ?? null
    });
  }

  // A stable order makes the bytes depend on the data alone.
  return items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
