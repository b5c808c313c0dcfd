/**
 * The public catalog contract (`GET /api/catalog`). Same bytes for every caller at a version;
 * the device keeps a copy and computes everything personal from it. Keys are snake_case on the
 * wire because other tools read them.
 */
import type { ImageDescriptor } from '$lib/images/limits';

export const itemKinds = [
  'event',
  'heritage',
  'culture',
  'leisure',
  'news',
  'shop',
  'product',
  'deal',
  'parking'
] as const;
export type ItemKind = (typeof itemKinds)[number];

export type IsoWeekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
/** Opening hours per ISO weekday (1 = Monday … 7 = Sunday), each a list of ["HH:MM","HH:MM"]. */
export type WeeklyHours = Partial<Record<IsoWeekday, [string, string][]>>;

export interface Theme {
  slug: string;
  labels: { fr: string; en: string };
}

interface ItemBase {
  /** `${kind}-${n}`, unique across the catalog, e.g. "event-12", "shop-3". */
  id: string;
  kind: ItemKind;
  title: string;
  /** One or two sentences for cards and search. */
  summary: string;
  themes: string[];
  featured: boolean;
  updated_at: string;
  lat?: number;
  lng?: number;
  /** A photo uploaded by the shop or the curator; without one the device draws an illustration. */
  image?: ImageDescriptor;
}

export interface EventItem extends ItemBase {
  kind: 'event';
  starts_at: string;
  ends_at: string | null;
  place: string | null;
  address: string | null;
  /** Sanitised HTML rendered from the curator's Markdown on the server (safe for {@html}). */
  body_html: string;
  price_label: string | null;
}

export interface EditorialItem extends ItemBase {
  kind: 'heritage' | 'culture' | 'leisure' | 'news';
  place: string | null;
  address: string | null;
  /** Sanitised HTML rendered from the curator's Markdown on the server (safe for {@html}). */
  body_html: string;
  published_at: string;
  price_label: string | null;
}

export interface ShopItem extends ItemBase {
  kind: 'shop';
  slug: string;
  category: string;
  description: string;
  address: string;
  lat: number;
  lng: number;
  phone: string | null;
  hours: WeeklyHours;
  closed_dates: string[];
  click_and_collect: boolean;
  /** Length of its pickup slots, in minutes (the slots themselves: `GET /api/shops/:id/slots`). */
  slot_minutes: number;
  /** Delivery by the shop: its fee and the postcodes it serves; null when it does not deliver. */
  delivery?: ShopDelivery | null;
}

export interface ShopDelivery {
  fee_cents: number;
  postcodes: string[];
}

interface ShopOwned {
  /** Catalog id of the shop ("shop-3"). */
  shop: string;
  shop_slug: string;
  shop_name: string;
}

export interface ProductItem extends ItemBase, ShopOwned {
  kind: 'product';
  /** The shop's catalog id again, under the name the orders API uses (`POST /api/orders`). */
  shopId: string;
  description: string;
  price_cents: number;
  /** Units that can be ordered now (open orders' reservations already taken off). */
  stock: number;
}

export interface DealItem extends ItemBase, ShopOwned {
  kind: 'deal';
  details: string;
  starts_at: string;
  ends_at: string;
}

export interface ParkingItem extends ItemBase {
  kind: 'parking';
  address: string;
  lat: number;
  lng: number;
  capacity: number;
  hourly_price_cents: number;
  hours: WeeklyHours | null;
}

export type CatalogItem = EventItem | EditorialItem | ShopItem | ProductItem | DealItem | ParkingItem;

export interface CatalogSnapshot {
  version: number;
  themes: Theme[];
  items: CatalogItem[];
}

export interface CatalogDelta {
  version: number;
  /** The whole taxonomy, always (it is small and keeps labels current). */
  themes: Theme[];
  upserts: CatalogItem[];
  deletions: string[];
}

export function catalogId(kind: ItemKind, n: number): string {
  return `${kind}-${n}`;
}

/** Splits "product-12" into its kind and numeric row id; null for anything else. */
export function parseCatalogId(id: string): { kind: ItemKind; n: number } | null {
  const m = /^([a-z]+)-([1-9][0-9]{0,9})$/.exec(id);
  if (!m || !(itemKinds as readonly string[]).includes(m[1])) return null;
  return { kind: m[1] as ItemKind, n: Number(m[2]) };
}
