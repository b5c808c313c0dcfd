import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCheckpointer, type Checkpointer } from '../../src/lib/server/db/checkpointer';

const dirs: string[] = [];
const open: Database.Database[] = [];
const running: Checkpointer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.stop()));
  for (const db of open.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function walDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'placette-checkpoint-'));
  dirs.push(dir);
  const db = new Database(join(dir, 'app.db'));
  open.push(db);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return db;
}

/** About 1 MB of rows (≈ 250 pages) in one transaction. */
function writeAMegabyte(db: Database.Database) {
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 250; i++) insert.run('x'.repeat(4000));
  })();
}

const walBytes = (db: Database.Database) => statSync(`${db.name}-wal`).size;
const until = async (condition: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const selfCheckpointPages = (db: Database.Database) => Number(db.pragma('wal_autocheckpoint', { simple: true }));

describe('WAL checkpoints on a worker thread', () => {
  it('takes over from the connection, and hands back when stopped', async () => {
    const db = walDatabase();
    expect(selfCheckpointPages(db)).toBe(1000);
    const checkpointer = startCheckpointer(db, 20)!;
    await until(() => selfCheckpointPages(db) === 0);
    await checkpointer.stop();
    expect(selfCheckpointPages(db)).toBe(1000);
  });

  it('keeps the WAL from growing while the app writes, with its own checkpoints off', async () => {
    const db = walDatabase();
    running.push(startCheckpointer(db, 20)!);
    await until(() => selfCheckpointPages(db) === 0);
    for (let round = 0; round < 8; round++) {
      writeAMegabyte(db);
      // The worker has copied the WAL into the database file (which grows by the round's
      // megabyte): the next write starts the WAL over instead of appending to it.
      await until(() => statSync(db.name).size >= (round + 1) * 250 * 4096);
    }
    // 8 MB written; the WAL holds about one round (1 MB), not all of them.
    expect(walBytes(db)).toBeLessThan(2.5 * 1024 * 1024);
  });

  it('without it, the same writes with self-checkpoints off pile up in the WAL', () => {
    const db = walDatabase();
    db.pragma('wal_autocheckpoint = 0');
    for (let round = 0; round < 8; round++) writeAMegabyte(db);
    expect(walBytes(db)).toBeGreaterThan(7.5 * 1024 * 1024);
  });

  it('does nothing for a database in memory', () => {
    const db = new Database(':memory:');
    open.push(db);
    expect(startCheckpointer(db)).toBeNull();
  });
});
