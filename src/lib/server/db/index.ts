import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { startCheckpointer } from './checkpointer';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens a SQLite file with the pragmas Placette relies on and applies pending migrations. */
export function openDatabase(path: string, migrationsFolder = resolve('drizzle')): Db {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  // FULL (default): a commit is on disk before it returns, so a confirmed order survives a power
  // cut, not only a crash of the process; checkouts share their commits (see orders/checkout.ts).
  // NORMAL: commits wait for no disk; a crash of the process still loses nothing, a power cut
  // may lose the last moments (never half a transaction). See README, "Durability".
  sqlite.pragma(`synchronous = ${process.env.PLACETTE_DB_SYNCHRONOUS === 'normal' ? 'NORMAL' : 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

let current: Db | undefined;

/** The application's database, from `DATABASE_URL` (a file path). */
export function db(): Db {
  if (!current) {
    current = openDatabase(process.env.DATABASE_URL || './data/placette.db');
    // The app's long-lived connection: its WAL checkpoints run on a worker thread.
    startCheckpointer(current.$client);
  }
  return current;
}

export { schema };
