import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { themes, type WeeklyHours } from './guide';
import type { ImageDescriptor } from '$lib/images/limits';

export const shopStatuses = ['pending', 'approved', 'refused', 'suspended'] as const;

export const shops = sqliteTable(
  'shops',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    summary: text('summary').notNull().default(''),
    description: text('description').notNull().default(''),
    address: text('address').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    phone: text('phone'),
    openingHours: text('opening_hours', { mode: 'json' }).$type<WeeklyHours>().notNull(),
    /** Dates ("YYYY-MM-DD") when the shop is exceptionally closed. */
    closedDates: text('closed_dates', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    clickAndCollect: integer('click_and_collect', { mode: 'boolean' }).notNull().default(true),
    /** Pickup slots: length in minutes, orders per slot, minutes needed to prepare an order. */
    slotMinutes: integer('slot_minutes').notNull().default(15),
    slotCapacity: integer('slot_capacity').notNull().default(4),
    prepMinutes: integer('prep_minutes').notNull().default(30),
    /** Delivery by the shop: on/off, the postcodes it serves, its fee in euro cents. */
    delivery: integer('delivery', { mode: 'boolean' }).notNull().default(false),
    deliveryPostcodes: text('delivery_postcodes', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    deliveryFeeCents: integer('delivery_fee_cents').notNull().default(0),
    /** The shop's connected account at the online payment provider (payouts), when it has one. */
    paymentAccount: text('payment_account'),
    featured: integer('featured', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: shopStatuses }).notNull().default('pending'),
    /** Why the curator refused or suspended the shop; shown to its members. */
    statusReason: text('status_reason').notNull().default(''),
    /** Uploaded photos (see $lib/server/images), first one is the cover. */
    photos: text('photos', { mode: 'json' }).$type<ImageDescriptor[]>().notNull().default(sql`'[]'`),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
  },
  (t) => [index('shops_status_idx').on(t.status)]
);

export const shopThemes = sqliteTable(
  'shop_themes',
  {
    shopId: integer('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    themeSlug: text('theme_slug')
      .notNull()
      .references(() => themes.slug, { onDelete: 'cascade', onUpdate: 'cascade' })
  },
  (t) => [primaryKey({ columns: [t.shopId, t.themeSlug] })]
);

export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shopId: integer('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    priceCents: integer('price_cents').notNull(),
    /** Units available to order now (what the catalog shows). */
    stock: integer('stock').notNull().default(0),
    /** Units held by open orders (placed, accepted, ready). */
    reserved: integer('reserved').notNull().default(0),
    /** Units collected by customers. */
    sold: integer('sold').notNull().default(0),
    /**
     * Every unit the shop ever put up for sale (its first stock plus later adjustments), so that
     * `stock + reserved + sold = stock_in` always holds and can be checked.
     */
    stockIn: integer('stock_in').notNull().default(0),
    visible: integer('visible', { mode: 'boolean' }).notNull().default(true),
    photos: text('photos', { mode: 'json' }).$type<ImageDescriptor[]>().notNull().default(sql`'[]'`),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
  },
  (t) => [index('products_shop_idx').on(t.shopId)]
);

export const productThemes = sqliteTable(
  'product_themes',
  {
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    themeSlug: text('theme_slug')
      .notNull()
      .references(() => themes.slug, { onDelete: 'cascade', onUpdate: 'cascade' })
  },
  (t) => [primaryKey({ columns: [t.productId, t.themeSlug] })]
);

export const dealStatuses = ['pending', 'published', 'rejected'] as const;

export const deals = sqliteTable(
  'deals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shopId: integer('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    details: text('details').notNull().default(''),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    status: text('status', { enum: dealStatuses }).notNull().default('pending'),
    /** Why the curator refused or took the deal down; shown to the shop's members. */
    statusReason: text('status_reason').notNull().default(''),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
  },
  (t) => [index('deals_shop_idx').on(t.shopId)]
);
