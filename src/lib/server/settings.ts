import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { settings } from './db/schema';

/** Reads one operator setting (a JSON value), or undefined when it was never set. */
export function readSetting<T>(database: Pick<Db, 'select'>, key: string): T | undefined {
  const row = database.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  return row?.value as T | undefined;
}

export function writeSetting(database: Pick<Db, 'insert'>, key: string, value: unknown): void {
  database.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
