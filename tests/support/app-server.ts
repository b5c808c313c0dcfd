import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db';
import { shops, users } from '../../src/lib/server/db/schema';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { openSlots, ordersFixture, type OrdersFixture } from './orders-fixture';

/**
 * The built app (`npm run build` first) as separate processes on one SQLite file, for the
 * reliability tests and the checkout benchmark. Only loopback addresses; every server is
 * killed by the caller (or by `stopAll`).
 */

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface AppProcess {
  origin: string;
  child: ChildProcess;
  /** Ends the process (SIGKILL by default: no graceful anything) and waits for it. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** What the server wrote on stderr so far (its error log). */
  stderr(): string;
  /** CPU time the server process used so far (user + system, ms; Linux `/proc`, else NaN). */
  cpuMs(): number;
}

/** User + system CPU time of a process in ms, from `/proc/<pid>/stat` (clock ticks of 10 ms). */
function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

const running = new Set<AppProcess>();

export async function startApp(database: string, env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['build'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database, PLACETTE_DEMO: '0', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'pipe']
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  const app: AppProcess = {
    origin,
    child,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      running.delete(app);
    },
    stderr: () => stderr,
    cpuMs: () => processCpuMs(child.pid)
  };
  running.add(app);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return app;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await app.kill();
  throw new Error(`server did not start: ${stderr}`);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((app) => app.kill()));
}

export interface PreparedShop {
  fixture: OrdersFixture;
  /** Session cookies ("placette_session=…") of `customers` citizens. */
  cookies: string[];
  userIds: number[];
  /** Shop A's pickup slots over the booking horizon, each with `capacity` places. */
  slots: string[];
}

/**
 * A fresh database file with the orders fixture, `customers` signed-in citizens and shop A's
 * slots wide enough that only stock limits the orders. Closed before returning.
 */
export function prepareDatabase(file: string, options: { customers: number; bread: number; capacity: number }): PreparedShop {
  const database = openDatabase(file);
  const fixture = ordersFixture(database, { bread: options.bread, cake: 3, book: 5, bouquet: 4 });
  database.update(shops).set({ slotCapacity: options.capacity, prepMinutes: 0 }).where(eq(shops.id, fixture.shopA)).run();
  const cookies: string[] = [];
  const userIds: number[] = [];
  database.$client.transaction(() => {
    for (let i = 0; i < options.customers; i++) {
      const id = database.insert(users).values({ email: `client${i}@example.org`, passwordHash: 'x', role: 'citizen' }).returning({ id: users.id }).get().id;
      userIds.push(id);
      cookies.push(`${SESSION_COOKIE}=${createSession(database, id).token}`);
    }
  })();
  // From tomorrow: today's slots may pass while the test runs.
  const tomorrow = Date.now() + 86_400_000;
  const slots = openSlots(database, fixture.shopA, tomorrow).filter((slot) => Date.parse(slot) < tomorrow + 12 * 86_400_000);
  database.$client.close();
  return { fixture: { ...fixture, db: undefined as never }, cookies, userIds, slots };
}

export interface CheckoutAnswer {
  status: number;
  body: { id?: string; error?: string; total_cents?: number; parts?: unknown[] };
  /** Round trip seen by the client. */
  ms: number;
  /** Time in the server's handler (its Server-Timing header). */
  serverMs: number;
  /** Part of `serverMs` spent waiting for the disk to confirm the commit (fdatasync of the WAL). */
  diskMs: number;
}

/**
 * The client of the benchmark and the reliability tests: node's own `http.request` on keep-alive
 * connections. It runs on the same cores as the server, and `fetch` (undici: web streams,
 * AbortSignals, Request and Response objects) costs it several times more CPU per request, which
 * the server's figures would pay for.
 */
const agent = new Agent({ keepAlive: true });

/** One checkout of `qty` bread at shop A, in its `slot`-th slot, over HTTP. */
export function checkoutOverHttp(origin: string, cookie: string, key: string, shop: PreparedShop, qty = 1, slotIndex = 0): Promise<CheckoutAnswer> {
  const { fixture } = shop;
  const slot = shop.slots[slotIndex % shop.slots.length];
  const body = JSON.stringify({
    lines: [{ productId: `product-${fixture.bread}`, qty }],
    fulfilment: { [`shop-${fixture.shopA}`]: { type: 'pickup', slot } },
    payment: 'pickup'
  });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${origin}/api/orders`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': key, cookie }
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          try {
            const serverTiming = String(response.headers['server-timing'] ?? '');
            resolve({
              status: response.statusCode!,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
              ms: performance.now() - started,
              serverMs: Number(/checkout;dur=([0-9.]+)/.exec(serverTiming)?.[1] ?? NaN),
              diskMs: Number(/disk;dur=([0-9.]+)/.exec(serverTiming)?.[1] ?? NaN)
            });
          } catch (error) {
            reject(error);
          }
        });
      }
    );
    request.on('error', reject);
    request.end(body);
  });
}
