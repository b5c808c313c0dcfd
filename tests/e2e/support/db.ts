import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * A checksum of every row of every table of a SQLite file, read through a separate read-only
 * connection (the server keeps writing through its own).
 */
export function databaseChecksums(file: string): Record<string, { rows: number; sha256: string }> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string; sql: string | null }[];
    const result: Record<string, { rows: number; sha256: string }> = {};
    for (const { name, sql } of tables) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      const withoutRowid = /WITHOUT\s+ROWID/i.test(sql ?? '');
      const order = withoutRowid ? 'ORDER BY 1, 2' : 'ORDER BY rowid';
      const rows = sqlite.prepare(`SELECT ${withoutRowid ? '' : 'rowid AS __rowid, '}* FROM ${quoted} ${order}`).raw().all();
      const hash = createHash('sha256');
      for (const row of rows) hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v)) + '\n');
      result[name] = { rows: rows.length, sha256: hash.digest('hex') };
    }
    return result;
  } finally {
    sqlite.close();
  }
}
