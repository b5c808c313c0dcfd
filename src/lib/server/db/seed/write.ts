import { count, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '..';
import { settings, shops, themes } from '../schema';
import { themeRows } from './themes';

/** A drizzle transaction on the application database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** What a seed inserted; everything except `themes` counts public catalog items only. */
export interface SeedCounts {
  themes: number;
  /** Published content items of every kind. */
  contentItems: number;
  events: number;
  heritage: number;
  culture: number;
  leisure: number;
  news: number;
  /** Approved shops. */
  shops: number;
  products: number;
  /** Published deals. */
  deals: number;
  parking: number;
  /** All of the above except themes: the number of journaled catalog items. */
  catalogItems: number;
}

export const TERRITORY = {
  name: 'Toutoulouse',
  city: 'Toulouse',
  center: { lat: 43.6045, lng: 1.444 }
} as const;

/** Keeps rows × columns well under SQLite's bound-parameter limit. */
export const CHUNK = 400;

export function forEachChunk<T>(rows: T[], size: number, write: (chunk: T[]) => void): void {
  for (let i = 0; i < rows.length; i += size) write(rows.slice(i, i + size));
}

/** The first free integer id of a table with an `id` primary key. */
export function nextId(tx: Tx, table: SQLiteTable): number {
  const row = tx.get<{ m: number | null }>(sql`SELECT max(id) AS m FROM ${table}`);
  return (row?.m ?? 0) + 1;
}

/** Inserts the demo taxonomy (existing slugs are left alone) and returns how many themes exist. */
export function writeThemes(tx: Tx): number {
  tx.insert(themes).values(themeRows()).onConflictDoNothing().run();
  return themeRows().length;
}

export function writeTerritory(tx: Tx): void {
  tx.insert(settings)
    .values({ key: 'territory', value: TERRITORY })
    .onConflictDoUpdate({ target: settings.key, set: { value: TERRITORY } })
    .run();
}

/** True when the database holds neither themes nor shops: time to seed. */
export function isEmpty(db: Pick<Db, 'select'>): boolean {
  const t = db.select({ n: count() }).from(themes).get();
  const s = db.select({ n: count() }).from(shops).get();
  return (t?.n ?? 0) === 0 && (s?.n ?? 0) === 0;
}

/** Distinct values, in first-seen order, at most `max` of them. */
export function uniq<T>(values: T[], max = Infinity): T[] {
  return [...new Set(values)].slice(0, max);
}

/** A product's opening stock: all of it was put up for sale (`stock + reserved + sold = stock_in`). */
export const stockOf = (units: number) => ({ stock: units, stockIn: units });
