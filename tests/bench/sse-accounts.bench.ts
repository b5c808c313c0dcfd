import { bench, describe } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { users } from '../../src/lib/server/db/schema';
import { createSession, SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { startConversation } from '../../src/lib/server/messaging/service';
import { ordersFixture } from '../support/orders-fixture';
import { startApp, stopAll } from '../support/app-server';

/**
 * The everyday shape of messaging load, next to sse.bench.ts's worst case (every stream one
 * account): ACCOUNTS citizens each with DEVICES open streams (10,000 in all by default) and a
 * conversation with one shop, whose merchant answers them one after another at RATE messages/s.
 * Times each message from the POST to its receipt on the citizen's devices (first and last of
 * them), on loopback against the built server (`npm run build` first). The HTTP client and the
 * 10,000 sockets share the server's cores: read the figures as an upper bound of the latency.
 */
const ACCOUNTS = Number(process.env.SSE_ACCOUNTS) || 1_000;
const DEVICES = Number(process.env.SSE_DEVICES) || 10;
const MESSAGES = Number(process.env.SSE_MESSAGES) || 500;
const RATE = Number(process.env.SSE_RATE) || 100;

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

interface Pending {
  start: number;
  first: number;
  last: number;
  left: number;
  /** The POST's round trip. */
  posted: number;
  done: () => void;
}

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'placette-sse-accounts-'));
  const file = join(dir, 'bench.db');
  // Accounts, sessions and conversations written straight into the file: signing up 1,000
  // people over HTTP would measure argon2, not messaging.
  const database = openDatabase(file);
  const fixture = ordersFixture(database);
  const merchant = `${SESSION_COOKIE}=${createSession(database, fixture.merchantA).token}`;
  const citizens: { cookie: string; conversation: number }[] = [];
  database.$client.transaction(() => {
    for (let i = 0; i < ACCOUNTS; i++) {
      const id = database.insert(users).values({ email: `lecteur${i}@example.org`, passwordHash: 'x', role: 'citizen' }).returning({ id: users.id }).get().id;
      const conversation = startConversation(database, { id, role: 'citizen' }, { shopId: fixture.shopA, body: 'Bonjour' }).id;
      citizens.push({ cookie: `${SESSION_COOKIE}=${createSession(database, id).token}`, conversation });
    }
  })();
  database.$client.close();

  const app = await startApp(file);
  const { port } = new URL(app.origin);
  const pending = new Map<string, Pending>();
  const sockets: Socket[] = [];
  const open = (cookie: string): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let ready = false;
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        if (!ready && chunk.includes('event: open')) {
          ready = true;
          resolve(socket);
        }
        // Markers are "m<number>;" inside the message body.
        for (const match of chunk.matchAll(/m(\d+);/g)) {
          const p = pending.get(match[1]);
          if (!p) continue;
          const now = performance.now() - p.start;
          if (p.left === DEVICES) p.first = now;
          p.last = now;
          if (--p.left === 0) p.done();
        }
      });
      socket.on('error', reject);
      socket.write(`GET /api/messages/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nAccept: text/event-stream\r\n\r\n`);
    });
  try {
    const opening = performance.now();
    for (let i = 0; i < ACCOUNTS; i += 25) {
      const batch = citizens.slice(i, i + 25).flatMap((c) => Array.from({ length: DEVICES }, () => open(c.cookie)));
      sockets.push(...(await Promise.all(batch)));
    }
    const openSeconds = (performance.now() - opening) / 1000;

    const send = async (n: number): Promise<Pending> => {
      const citizen = citizens[(n * 7919) % citizens.length];
      const p: Pending = { start: performance.now(), first: NaN, last: NaN, left: DEVICES, posted: NaN, done: () => undefined };
      const received = new Promise<void>((resolve) => (p.done = resolve));
      pending.set(String(n), p);
      const response = await fetch(`${app.origin}/api/conversations/${citizen.conversation}/messages`, {
        method: 'POST',
        headers: { cookie: merchant, 'content-type': 'application/json', origin: app.origin },
        body: JSON.stringify({ clientId: crypto.randomUUID(), body: `Votre commande est prête m${n};` })
      });
      p.posted = performance.now() - p.start;
      if (response.status !== 201) throw new Error(`post ${response.status}: ${await response.text()}`);
      await Promise.race([received, new Promise((r) => setTimeout(r, 10_000))]);
      pending.delete(String(n));
      return p;
    };
    // Warm-up, then a steady stream of answers at RATE per second, each timed on its own.
    for (let n = MESSAGES; n < MESSAGES + 20; n++) await send(n);
    const timed: Promise<Pending>[] = [];
    const began = performance.now();
    for (let n = 0; n < MESSAGES; n++) {
      const due = began + (n * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      timed.push(send(n));
    }
    const results = await Promise.all(timed);
    const lost = results.filter((r) => r.left > 0).length;
    const first = results.map((r) => r.first).filter(Number.isFinite);
    const last = results.map((r) => r.last).filter(Number.isFinite);
    console.log(`[sse-accounts] ${sockets.length} streams: ${ACCOUNTS} accounts × ${DEVICES} devices, opened in ${openSeconds.toFixed(1)} s`);
    console.log(
      `[sse-accounts] ${MESSAGES} messages at ${RATE}/s, POST → receipt on the recipient's devices: first device p50 ${pct(first, 50).toFixed(1)} ms, ` +
        `p99 ${pct(first, 99).toFixed(1)} ms; all ${DEVICES} devices p50 ${pct(last, 50).toFixed(1)} ms, p99 ${pct(last, 99).toFixed(1)} ms; ` +
        `the POST's round trip p50 ${pct(results.map((r) => r.posted), 50).toFixed(1)} ms, p99 ${pct(results.map((r) => r.posted), 99).toFixed(1)} ms; not delivered: ${lost}`
    );
  } finally {
    for (const socket of sockets) socket.destroy();
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('SSE delivery across many accounts', () => {
  if (!existsSync('build/index.js')) {
    console.log('[sse-accounts] skipped: run `npm run build` first');
    return;
  }
  bench(`${ACCOUNTS} accounts × ${DEVICES} streams, one-to-one at ${RATE}/s`, run, { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 });
});
