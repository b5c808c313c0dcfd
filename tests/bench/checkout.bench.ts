import { bench, describe } from 'vitest';
import { closeSync, existsSync, fdatasync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { placeOrder } from '../../src/lib/server/orders/checkout';
import { checkoutOverHttp, prepareDatabase, startApp, stopAll, type CheckoutAnswer } from '../support/app-server';

/**
 * Checkout throughput and latency (goal: ≥ 1,000 orders/s, p99 ≤ 5 ms server-side), on this
 * machine, against a database file with synchronous=FULL:
 * - the transaction alone, in process (placeOrder);
 * - over HTTP against the built server (`npm run build` first): one client at a time, then
 *   32 in flight. "server" is the handler's own time (Server-Timing), "round trip" what the
 *   client saw (the client, node's http.request on keep-alive connections, runs on the same 2
 *   cores as the server); "server CPU" is the server process's CPU time (user + system) divided
 *   by the orders, which other work on the machine changes far less than the rates.
 * - "disk" is the part of the server's time spent waiting for the disk to confirm the commit
 *   (fdatasync of the WAL); "disk alone" is that same wait without SQLite or HTTP (a file
 *   appended with one checkout's WAL frames, then fdatasync), the floor this machine's disk sets
 *   under a durable checkout's latency. One at a time is also measured with
 *   PLACETTE_DB_SYNCHRONOUS=normal, which waits for no disk (see README, "Durability").
 */
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (v: number) => `${v.toFixed(2)} ms`;

/** The disk's own flush latency: 2,000 × (one checkout's 17 WAL frames appended, then fdatasync). */
async function diskAlone(dir: string) {
  const file = join(dir, 'disk-alone.bin');
  const fd = openSync(file, 'w');
  const frame = Buffer.alloc(24 + 4096, 7);
  const times: number[] = [];
  let position = 0;
  try {
    for (let i = 0; i < 2000; i++) {
      for (let f = 0; f < 17; f++, position += frame.length) writeSync(fd, frame, 0, frame.length, position);
      const t = performance.now();
      await new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
      times.push(performance.now() - t);
    }
  } finally {
    closeSync(fd);
    rmSync(file);
  }
  return { p50: pct(times, 50), p99: pct(times, 99) };
}

function inProcess(dir: string, n: number) {
  const file = join(dir, 'in-process.db');
  const shop = prepareDatabase(file, { customers: 50, bread: 1_000_000, capacity: 10 });
  const database = openDatabase(file);
  const body = (i: number) => ({
    lines: [{ productId: `product-${shop.fixture.bread}`, qty: 1 }],
    fulfilment: { [`shop-${shop.fixture.shopA}`]: { type: 'pickup' as const, slot: shop.slots[i % shop.slots.length] } },
    payment: 'pickup' as const
  });
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const result = placeOrder(database, { userId: shop.userIds[i % shop.userIds.length], idempotencyKey: `bench-${i}`, body: body(i) });
    times.push(performance.now() - t);
    if (result.kind !== 'created') throw new Error(result.kind);
  }
  const seconds = (performance.now() - started) / 1000;
  database.$client.close();
  return { perSecond: n / seconds, p50: pct(times, 50), p99: pct(times, 99) };
}

async function overHttp(dir: string, n: number, concurrency: number, env: Record<string, string> = {}) {
  const file = join(dir, `http-${concurrency}-${Object.values(env).join('-')}.db`);
  const shop = prepareDatabase(file, { customers: 200, bread: 1_000_000, capacity: 10 });
  const app = await startApp(file, env);
  try {
    // Warm up (JIT, statement caches).
    for (let i = 0; i < 200; i++) await checkoutOverHttp(app.origin, shop.cookies[i % shop.cookies.length], `warm-${i}`, shop, 1, i);
    const answers: CheckoutAnswer[] = [];
    let next = 0;
    const cpuBefore = app.cpuMs();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          const i = next++;
          answers.push(await checkoutOverHttp(app.origin, shop.cookies[i % shop.cookies.length], `bench-${i}`, shop, 1, 200 + i));
        }
      })
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuPerOrder = (app.cpuMs() - cpuBefore) / n;
    const bad = answers.filter((a) => a.status !== 201).length;
    if (bad) throw new Error(`${bad} checkouts failed`);
    return {
      perSecond: n / seconds,
      cpuPerOrder,
      p50: pct(answers.map((a) => a.ms), 50),
      p99: pct(answers.map((a) => a.ms), 99),
      serverP50: pct(answers.map((a) => a.serverMs), 50),
      serverP99: pct(answers.map((a) => a.serverMs), 99),
      diskP50: pct(answers.map((a) => a.diskMs), 50),
      diskP99: pct(answers.map((a) => a.diskMs), 99),
      withoutDiskP99: pct(answers.map((a) => a.serverMs - a.diskMs), 99)
    };
  } finally {
    await app.kill('SIGTERM');
  }
}

describe('checkout', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'placette-checkout-bench-'));
  try {
    const local = inProcess(dir, 1000);
    console.log(`[checkout] load average ${loadavg().map((l) => l.toFixed(1)).join(', ')} on ${availableParallelism()} cores`);
    console.log(`[checkout] transaction in process: ${local.perSecond.toFixed(0)} orders/s, p50 ${ms(local.p50)}, p99 ${ms(local.p99)}`);
    const disk = await diskAlone(dir);
    console.log(`[checkout] disk alone (one checkout's WAL frames, then fdatasync): p50 ${ms(disk.p50)}, p99 ${ms(disk.p99)}`);
    if (!existsSync('build/index.js')) {
      console.log('[checkout] HTTP figures skipped: run `npm run build` first');
    } else {
      const runs: { label: string; n: number; concurrency: number; env: Record<string, string> }[] = [
        { label: '1 in flight', n: 3000, concurrency: 1, env: {} },
        { label: '1 in flight, synchronous=NORMAL', n: 3000, concurrency: 1, env: { PLACETTE_DB_SYNCHRONOUS: 'normal' } },
        { label: '32 in flight', n: 5000, concurrency: 32, env: {} }
      ];
      for (const run of runs) {
        const r = await overHttp(dir, run.n, run.concurrency, run.env);
        console.log(
          `[checkout] HTTP, ${run.label}: ${r.perSecond.toFixed(0)} orders/s; server p50 ${ms(r.serverP50)}, p99 ${ms(r.serverP99)} ` +
            `(disk p50 ${ms(r.diskP50)}, p99 ${ms(r.diskP99)}; without the disk p99 ${ms(r.withoutDiskP99)}); round trip p50 ${ms(r.p50)}, p99 ${ms(r.p99)}; ` +
            `server CPU ${ms(r.cpuPerOrder)} per order (one core's worth: ${(1000 / r.cpuPerOrder).toFixed(0)} orders/s)`
        );
      }
    }
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
  bench('placeOrder (in memory, one line)', () => undefined, { iterations: 1, time: 0 });
});
