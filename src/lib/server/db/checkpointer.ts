import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints on a worker thread instead of inside a request.
 *
 * SQLite's automatic checkpoint runs in the COMMIT that takes the WAL past 1,000 pages: that
 * commit copies the pages into the database file and fsyncs it, with the event loop stopped for
 * 2–5 ms, about every 60 checkouts. Here a worker thread, with its own connection, runs a PASSIVE
 * checkpoint (it never waits for a writer and never makes one wait) a few times a second, and the
 * app's connection stops checkpointing itself once the worker is up. If the worker cannot start
 * or stops, the connection checkpoints itself again: the WAL never grows without end.
 */
export interface Checkpointer {
  /** Resolves once the worker has stopped (after a last checkpoint). */
  stop(): Promise<void>;
}

const AUTOCHECKPOINT_PAGES = 1000;

// CommonJS, evaluated by the worker: loads the same better-sqlite3 as the app, by its resolved path.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const tick = () => {
  try {
    checkpoint.run();
  } catch (error) {
    // SQLITE_BUSY: another checkpoint is running; the next tick tries again.
    if (error && error.code !== 'SQLITE_BUSY') throw error;
  }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  tick();
  db.close();
  parentPort.close();
});
parentPort.postMessage('ready');
`;

export function startCheckpointer(sqlite: Database.Database, intervalMs = 250): Checkpointer | null {
  if (sqlite.memory || String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return null;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), path: sqlite.name, intervalMs }
  });
  const selfCheckpoint = (pages: number) => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${pages}`);
  };
  worker.on('message', (message) => message === 'ready' && selfCheckpoint(0));
  worker.on('error', (error) => console.error('[placette] checkpoint worker stopped', error.message));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      selfCheckpoint(AUTOCHECKPOINT_PAGES);
      resolve();
    })
  );
  // The server's lifetime is not the worker's business: it never keeps the process running
  // (after the listeners, which would otherwise hold it again).
  worker.unref();
  return {
    stop() {
      worker.postMessage('stop');
      return exited;
    }
  };
}
