import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { checkoutOverHttp, prepareDatabase, startApp, stopAll, type CheckoutAnswer } from '../support/app-server';
import { stockLedger } from '../support/orders-fixture';

/**
 * The built server (`npm run build` first), in several processes on one SQLite file, under
 * concurrent checkouts over HTTP on loopback; then killed with SIGKILL in the middle of a load.
 */
let dir: string;

beforeAll(() => {
  if (!existsSync('build/index.js')) throw new Error('run `npm run build` first');
  dir = mkdtempSync(join(tmpdir(), 'placette-orders-'));
});

afterAll(async () => {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
});

function checkLedger(file: string) {
  const database = openDatabase(file);
  try {
    const rows = stockLedger(database);
    for (const row of rows) {
      expect(row.stock, `product ${row.id} stock`).toBeGreaterThanOrEqual(0);
      expect(row.stock + row.reserved + row.sold, `product ${row.id}`).toBe(row.stockIn);
      expect(row.reserved, `product ${row.id} reserved`).toBe(row.openLines);
    }
    return { database, rows };
  } catch (e) {
    database.$client.close();
    throw e;
  }
}

describe('the last 10 units, 4 server processes, 400 concurrent checkouts', () => {
  it('makes exactly 10 orders; every other answer is 409 out_of_stock; stock ends at 0', async () => {
    const file = join(dir, 'race.db');
    const shop = prepareDatabase(file, { customers: 50, bread: 10, capacity: 1000 });
    // Started one after the other (first start writes the instance's keys), then all at once.
    const apps = [];
    for (let i = 0; i < 4; i++) apps.push(await startApp(file));

    const PER_PROCESS = 100;
    const answers: CheckoutAnswer[] = await Promise.all(
      apps.flatMap((app, p) =>
        Array.from({ length: PER_PROCESS }, (_, i) => {
          const n = p * PER_PROCESS + i;
          return checkoutOverHttp(app.origin, shop.cookies[n % shop.cookies.length], `race-${n}`, shop);
        })
      )
    );
    await Promise.all(apps.map((app) => app.kill('SIGTERM')));

    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    expect(Object.fromEntries(byStatus)).toEqual({ 201: 10, 409: 390 });
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body).toEqual({ error: 'out_of_stock', productIds: [`product-${shop.fixture.bread}`] });

    const { database, rows } = checkLedger(file);
    try {
      const bread = rows.find((r) => r.id === shop.fixture.bread)!;
      expect(bread).toMatchObject({ stock: 0, reserved: 10, sold: 0, stockIn: 10 });
      const orders = database.$client.prepare('SELECT count(*) FROM orders').pluck().get();
      expect(orders).toBe(10);
      const created = answers.filter((a) => a.status === 201).map((a) => a.body.id).sort();
      expect(database.$client.prepare('SELECT id FROM orders ORDER BY id').pluck().all()).toEqual(created);
    } finally {
      database.$client.close();
    }
  }, 120_000);
});

describe('kill -9 during a checkout load, then restart', () => {
  it('every order that got a 201 is there, whole; nothing is half-written', async () => {
    const file = join(dir, 'crash.db');
    const shop = prepareDatabase(file, { customers: 40, bread: 1_000_000, capacity: 20 });
    const app = await startApp(file);

    const answered: CheckoutAnswer[] = [];
    let n = 0;
    let stop = false;
    const CONCURRENCY = 24;
    const workers = Array.from({ length: CONCURRENCY }, async (_, w) => {
      while (!stop && n < 20_000) {
        const i = n++;
        try {
          answered.push(await checkoutOverHttp(app.origin, shop.cookies[i % shop.cookies.length], `crash-${i}`, shop, 1 + (i % 3), i));
        } catch {
          // The connection died with the server: no answer, no promise made.
        }
      }
    });
    // Kill once a good number of orders went through, in the middle of the stream.
    const deadline = Date.now() + 30_000;
    while (answered.filter((a) => a.status === 201).length < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await app.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);

    const created = answered.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(50);
    expect(answered.every((a) => a.status === 201)).toBe(true);

    // Restart on the same file: it opens (recovering the WAL), and serves every confirmed order.
    const again = await startApp(file);
    const { database } = checkLedger(file);
    try {
      const orphans = database.$client
        .prepare(
          `SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_parts p WHERE p.order_id = o.id)
             OR EXISTS (SELECT 1 FROM order_parts p WHERE p.order_id = o.id AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.part_id = p.id))
             OR o.total_cents != (SELECT sum(l.qty * l.unit_price_cents) FROM order_parts p JOIN order_lines l ON l.part_id = p.id WHERE p.order_id = o.id)`
        )
        .pluck()
        .get();
      expect(orphans).toBe(0);
      const stored = new Map(
        (database.$client.prepare('SELECT id, total_cents AS total FROM orders').all() as { id: string; total: number }[]).map((o) => [o.id, o.total])
      );
      for (const a of created) expect(stored.get(a.body.id!), a.body.id).toBe(a.body.total_cents);
      // Orders the server wrote but could not answer before dying may exist; none is partial (above).
      expect(stored.size).toBeGreaterThanOrEqual(created.length);
      console.log(`[kill -9] ${created.length} orders confirmed (201) before the kill, ${stored.size} in the database after the restart, none partial`);
    } finally {
      database.$client.close();
    }
    // Each customer reads their confirmed orders back over HTTP after the restart.
    const check = await Promise.all(
      shop.cookies.map(async (cookie) => {
        const response = await fetch(`${again.origin}/api/orders`, { headers: { cookie } });
        return ((await response.json()) as { orders: { id: string }[] }).orders.map((o) => o.id);
      })
    );
    const visible = new Set(check.flat());
    for (const a of created) expect(visible.has(a.body.id!), a.body.id).toBe(true);
    await again.kill('SIGTERM');
  }, 120_000);
});
