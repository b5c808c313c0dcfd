import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { ImageDescriptor } from '$lib/images/limits';

/** Curated taxonomy a citizen can follow. Slugs are stable public identifiers. */
export const themes = sqliteTable('themes', {
  slug: text('slug').primaryKey(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en').notNull(),
  position: integer('position').notNull().default(0)
});

export const contentKinds = ['event', 'heritage', 'culture', 'leisure', 'news'] as const;
export const publicationStatuses = ['draft', 'published'] as const;

/** Editorial content written by the community manager: events, heritage, culture, leisure, news. */
export const contentItems = sqliteTable(
  'content_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: contentKinds }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    place: text('place'),
    address: text('address'),
    lat: real('lat'),
    lng: real('lng'),
    startsAt: text('starts_at'),
    endsAt: text('ends_at'),
    priceLabel: text('price_label'),
    url: text('url'),
    featured: integer('featured', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: publicationStatuses }).notNull().default('published'),
    image: text('image', { mode: 'json' }).$type<ImageDescriptor>(),
    /** The curator who wrote it (null for the demo's content or once their account is deleted). */
    authorId: integer('author_id'),
    publishedAt: text('published_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
  },
  (t) => [index('content_items_kind_idx').on(t.kind, t.status)]
);

export const contentItemThemes = sqliteTable(
  'content_item_themes',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    themeSlug: text('theme_slug')
      .notNull()
      .references(() => themes.slug, { onDelete: 'cascade', onUpdate: 'cascade' })
  },
  (t) => [primaryKey({ columns: [t.itemId, t.themeSlug] })]
);

/** Public car parks: the "où se garer" tips shown in the guide. */
export const parkingPlaces = sqliteTable('parking_places', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  address: text('address').notNull(),
  lat: real('lat').notNull(),
  lng: real('lng').notNull(),
  capacity: integer('capacity').notNull(),
  hourlyPriceCents: integer('hourly_price_cents').notNull(),
  tip: text('tip').notNull().default(''),
  openingHours: text('opening_hours', { mode: 'json' }).$type<WeeklyHours>(),
  status: text('status', { enum: publicationStatuses }).notNull().default('published'),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
});

/** Opening hours per ISO weekday (1 = Monday … 7 = Sunday), each a list of "HH:MM" ranges. */
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string][]>>;
