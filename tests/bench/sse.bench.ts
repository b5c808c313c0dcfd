import { bench, describe } from 'vitest';
import { freePort } from '../support/app-server';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * SSE connections one server process holds (goal 10,000), the memory each costs the server, and
 * delivery latency from POST to receipt: fan-out to every connection, and one-to-one while all the
 * others stay open. Against the BUILT server (`npm run build` first), on loopback, with real
 * sessions. SSE_CONNECTIONS overrides the count (the open-file limit must allow it twice).
 */
const TARGET = Number(process.env.SSE_CONNECTIONS) || 10_000;


const rssKiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function run(): Promise<void> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'placette-sse-bench-'));
  const server: ChildProcess = spawn(process.execPath, ['build'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DATABASE_URL: join(dir, 'bench.db'), PLACETTE_UPLOADS: join(dir, 'uploads') },
    stdio: 'ignore'
  });
  const sockets: Socket[] = [];
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${origin}/api/health`)).ok) break;
      } catch {
        // starting
      }
      if (i > 600) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const signIn = async (email: string) => {
      const response = await fetch(`${origin}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email, password: 'placette-demo' })
      });
      return response.headers.getSetCookie().find((c) => c.startsWith('placette_session='))!.split(';')[0];
    };
    const citizen = await signIn('habitant@placette.test');
    const florist = await signIn('fleuriste@placette.test');
    const shop = ((await (await fetch(`${origin}/api/shops/petales-et-briques`)).json()) as { shop: { id: string } }).shop.id;
    const started = await fetch(`${origin}/api/conversations`, {
      method: 'POST',
      headers: { cookie: citizen, 'content-type': 'application/json', origin },
      body: JSON.stringify({ shopId: shop, body: 'Bonjour' })
    });
    const conversation = ((await started.json()) as { id: number }).id;

    const baseline = rssKiB(server.pid!);
    // Every connection listens for a marker: receipt times per connection.
    const waiting = new Map<string, { start: number; times: number[]; expected: number; done: () => void }>();
    const open = (): Promise<Socket> =>
      new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        let ready = false;
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => {
          if (!ready && chunk.includes('event: open')) {
            ready = true;
            resolve(socket);
          }
          for (const [marker, w] of waiting) {
            if (chunk.includes(marker)) {
              w.times.push(performance.now() - w.start);
              if (w.times.length === w.expected) w.done();
            }
          }
        });
        socket.on('error', reject);
        socket.write(`GET /api/messages/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${citizen}\r\nAccept: text/event-stream\r\n\r\n`);
      });
    const opening = performance.now();
    for (let i = 0; i < TARGET; i += 250) {
      const batch = await Promise.allSettled(Array.from({ length: Math.min(250, TARGET - i) }, open));
      for (const r of batch) if (r.status === 'fulfilled') sockets.push(r.value);
    }
    const openSeconds = (performance.now() - opening) / 1000;
    await new Promise((r) => setTimeout(r, 1000));
    const held = rssKiB(server.pid!);
    const perConnection = ((held - baseline) * 1024) / sockets.length;

    const send = async (marker: string, expected: number) => {
      const result = { start: 0, times: [] as number[], expected, done: () => undefined as void };
      const finished = new Promise<void>((resolve) => (result.done = resolve));
      waiting.set(marker, result);
      result.start = performance.now();
      const response = await fetch(`${origin}/api/conversations/${conversation}/messages`, {
        method: 'POST',
        headers: { cookie: florist, 'content-type': 'application/json', origin },
        body: JSON.stringify({ clientId: crypto.randomUUID(), body: marker })
      });
      if (response.status !== 201) throw new Error(`post ${response.status}`);
      await Promise.race([finished, new Promise((r) => setTimeout(r, 30_000))]);
      waiting.delete(marker);
      return result.times;
    };
    // Fan-out: one message to every open connection of the account.
    const fanout = await send(`fanout-${Date.now()}`, sockets.length);
    // One-to-one under load: the other connections stay open; this one's receipt is timed.
    const single: number[] = [];
    for (let i = 0; i < 30; i++) {
      const times = await send(`one-${i}-${Date.now()}`, sockets.length);
      single.push(times[0]);
    }
    console.log(
      `[sse] ${sockets.length}/${TARGET} connections held by one process (opened in ${openSeconds.toFixed(1)} s); ` +
        `server RSS ${Math.round(baseline / 1024)} → ${Math.round(held / 1024)} MiB, ≈ ${(perConnection / 1024).toFixed(1)} KiB per connection`
    );
    console.log(
      `[sse] fan-out of one message to ${fanout.length} connections: first ${pct(fanout, 0).toFixed(1)} ms, p50 ${pct(fanout, 50).toFixed(1)} ms, ` +
        `p99 ${pct(fanout, 99).toFixed(1)} ms, last ${pct(fanout, 100).toFixed(1)} ms`
    );
    console.log(`[sse] POST → first receipt with ${sockets.length} streams open (30 messages): p50 ${pct(single, 50).toFixed(1)} ms, p99 ${pct(single, 99).toFixed(1)} ms`);
  } finally {
    for (const socket of sockets) socket.destroy();
    server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('SSE message stream', () => {
  if (!existsSync('build/index.js')) {
    console.log('[sse] skipped: run `npm run build` first');
    return;
  }
  bench(`hold ${TARGET} streams, fan out, deliver`, run, { iterations: 1, time: 0, warmupIterations: 0 });
});
