import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../src/lib/server/db';

/**
 * PRIVACY.md promises a row for every table the server keeps. A migration that adds a table
 * without documenting it fails here, so the inventory cannot drift from the schema.
 */
describe('PRIVACY.md data inventory', () => {
  const privacy = readFileSync('PRIVACY.md', 'utf8');
  const documented = new Set([...privacy.matchAll(/^\|\s*`([a-z_]+)`\s*\|/gm)].map((m) => m[1]));
  const tables = openDatabase(':memory:')
    .$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => (row as { name: string }).name);

  it('finds the tables of the migrated schema', () => {
    expect(tables).toContain('shops');
    expect(tables.length).toBeGreaterThan(5);
  });

  it.each(tables)('documents the table %s', (table) => {
    expect(documented, `add a row for \`${table}\` to PRIVACY.md`).toContain(table);
  });

  it('documents no table that does not exist', () => {
    expect([...documented].filter((name) => !tables.includes(name))).toEqual([]);
  });
});
