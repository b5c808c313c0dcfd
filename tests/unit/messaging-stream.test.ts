import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, inArray } from 'drizzle-orm';
import { conversations, messages } from '../../src/lib/server/db/schema';
import { ordersFixture, type OrdersFixture } from '../support/orders-fixture';
import { openMessageStream } from '../../src/lib/server/messaging/stream';
import { hub } from '../../src/lib/server/messaging/hub';
import { postMessage, startConversation } from '../../src/lib/server/messaging/service';

/**
 * The stream over real HTTP (a node server in this process serving `openMessageStream`, the same
 * function the SvelteKit route returns, piped the way adapter-node pipes it) and a real SQLite
 * database: 1,000 forced disconnects while messages flow, each reconnect sending Last-Event-ID.
 * Nothing may be lost or duplicated, and each conversation's messages arrive in order.
 */
let f: OrdersFixture;
let server: Server;
let origin = '';

beforeAll(async () => {
  f = ordersFixture();
  server = createServer((req, res) => {
    const userId = Number(new URL(req.url!, 'http://x').searchParams.get('user'));
    const last = req.headers['last-event-id'];
    const response = openMessageStream(f.db, userId, typeof last === 'string' ? last : null);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    const reader = response.body!.getReader();
    res.on('close', () => void reader.cancel().catch(() => undefined));
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) break;
        res.write(value);
      }
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Received {
  id: number;
  conversationId: number;
}

/** Reads one connection until `stopAfter` events or the abort; returns complete events only. */
async function readSome(userId: number, lastEventId: number | null, stopAfter: number, onEvent: (event: Received) => void): Promise<number | null> {
  const controller = new AbortController();
  const response = await fetch(`${origin}/stream?user=${userId}`, {
    headers: lastEventId === null ? {} : { 'last-event-id': String(lastEventId) },
    signal: controller.signal
  });
  expect(response.headers.get('cache-control')).toBe('no-store');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let last = lastEventId;
  let seen = 0;
  // A forced disconnect after a few events or a few milliseconds, whichever comes first.
  const timer = setTimeout(() => controller.abort(), 2 + Math.random() * 8);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
        if (fields.id !== undefined) last = Number(fields.id);
        if (fields.event === 'message') {
          const data = JSON.parse(fields.data) as { conversationId: number; message: { id: number } };
          onEvent({ id: data.message.id, conversationId: data.conversationId });
          if (++seen >= stopAfter) controller.abort();
        }
      }
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
  }
  return last;
}

describe('GET /api/messages/stream under forced reconnects', () => {
  it('1,000 disconnect/reconnects while messages flow: 0 lost, 0 duplicated, order kept', async () => {
    const citizen = { id: f.citizen, role: 'citizen' };
    const shopSide = [
      { id: f.merchantA, role: 'merchant' },
      { id: f.merchantB, role: 'merchant' }
    ];
    const threads = [startConversation(f.db, citizen, { shopId: f.shopA, body: 'a' }).id, startConversation(f.db, citizen, { shopId: f.shopB, body: 'b' }).id];
    // Someone else's conversation flows too and must never reach this stream.
    const foreign = startConversation(f.db, { id: f.other, role: 'citizen' }, { shopId: f.shopA, body: 'x' }).id;

    let flowing = true;
    let sent = 0;
    const producer = (async () => {
      while (flowing) {
        const k = sent++ % 3;
        if (k === 2) postMessage(f.db, { id: f.other, role: 'citizen' }, foreign, { clientId: crypto.randomUUID(), body: `f${sent}` });
        else postMessage(f.db, sent % 2 ? citizen : shopSide[k], threads[k], { clientId: crypto.randomUUID(), body: `m${sent}` });
        await new Promise((resolve) => setTimeout(resolve, Math.random() < 0.5 ? 0 : 1));
      }
    })();

    const received: Received[] = [];
    let last: number | null = 0;
    const startId = 0;
    for (let i = 0; i < 1000; i++) last = await readSome(f.citizen, last, 1 + Math.floor(Math.random() * 5), (e) => received.push(e));
    flowing = false;
    await producer;
    // Drain: one last connection gets whatever is left.
    last = await readSome(f.citizen, last, Number.MAX_SAFE_INTEGER, (e) => received.push(e));

    const expected = f.db
      .select({ id: messages.id, conversationId: messages.conversationId })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(conversations.citizenId, f.citizen), inArray(messages.conversationId, threads)))
      .all()
      .filter((m) => m.id > startId)
      .map((m) => m.id);
    const ids = received.map((r) => r.id);
    expect(sent).toBeGreaterThan(100);
    expect(new Set(ids).size, 'duplicates').toBe(ids.length);
    expect(ids.filter((id) => !expected.includes(id)), 'foreign or unknown messages').toEqual([]);
    expect(expected.filter((id) => !ids.includes(id)), 'lost messages').toEqual([]);
    for (const thread of threads) {
      const order = received.filter((r) => r.conversationId === thread).map((r) => r.id);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    // Every aborted connection left the hub: nothing is held for a gone device.
    await expect.poll(() => hub.connections(), { timeout: 5000 }).toBe(0);
  }, 120_000);
});
