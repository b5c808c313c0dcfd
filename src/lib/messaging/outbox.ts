import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { MessageView } from './types';

/**
 * Messages waiting to be sent, kept in IndexedDB so that one written offline (or while the
 * server is unreachable) survives a reload and goes out when the connection returns: exactly once
 * (the server keys each message by its clientId) and in the order written (keys sort by the
 * time they were queued, and one tab at a time sends, under a Web Lock).
 */
export interface OutboxItem {
  clientId: string;
  conversationId: number;
  body: string;
  photo: Blob | null;
  queuedAt: number;
  /** Set when the server refused it for good (403, 400): it stays visible, marked failed. */
  error?: string;
}

export interface OutboxResult {
  clientId: string;
  conversationId: number;
  message?: MessageView;
  error?: string;
}

let store: UseStore | null = null;
const db = () => (store ??= createStore('placette-outbox', 'messages'));
const key = (item: OutboxItem) => `${String(item.queuedAt).padStart(15, '0')}-${item.clientId}`;

type Listener = (result: OutboxResult | null) => void;
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null = null;

function notify(result: OutboxResult | null, fromOtherTab = false): void {
  for (const listener of listeners) listener(result);
  if (!fromOtherTab) channel?.postMessage(result);
}

/** Called with each item sent or refused (null: the queue changed). Returns the unsubscribe. */
export function onOutbox(listener: Listener): () => void {
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel('placette-outbox');
    channel.onmessage = (event) => notify(event.data as OutboxResult | null, true);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function pending(conversationId?: number): Promise<OutboxItem[]> {
  const all = (await entries<string, OutboxItem>(db())).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, item]) => item);
  return conversationId === undefined ? all : all.filter((item) => item.conversationId === conversationId);
}

let lastQueuedAt = 0;

export async function enqueue(item: Omit<OutboxItem, 'queuedAt' | 'clientId'>): Promise<OutboxItem> {
  // Strictly increasing, even for two messages in the same millisecond.
  const queuedAt = (lastQueuedAt = Math.max(Date.now(), lastQueuedAt + 1));
  const full: OutboxItem = { ...item, clientId: crypto.randomUUID(), queuedAt };
  await set(key(full), full, db());
  notify(null);
  void flush();
  return full;
}

export async function discard(item: OutboxItem): Promise<void> {
  await del(key(item), db());
  notify(null);
}

async function sendOne(item: OutboxItem): Promise<'sent' | 'refused' | 'retry'> {
  let response: Response;
  try {
    const url = `/api/conversations/${item.conversationId}/messages`;
    if (item.photo) {
      const form = new FormData();
      form.set('clientId', item.clientId);
      form.set('body', item.body);
      form.set('photo', item.photo, 'photo');
      response = await fetch(url, { method: 'POST', body: form });
    } else {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: item.clientId, body: item.body })
      });
    }
  } catch {
    return 'retry'; // offline or the server is unreachable
  }
  if (response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: MessageView };
    await del(key(item), db());
    notify({ clientId: item.clientId, conversationId: item.conversationId, message: body.message });
    return 'sent';
  }
  if (response.status >= 500 || response.status === 429 || response.status === 401) return 'retry';
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
  const error = body.error?.code ?? String(response.status);
  await set(key(item), { ...item, error }, db());
  notify({ clientId: item.clientId, conversationId: item.conversationId, error });
  return 'refused';
}

let flushing: Promise<void> | null = null;

/** Sends everything queued, oldest first; stops at the first network failure (kept for later). */
export function flush(): Promise<void> {
  if (flushing) return flushing;
  const run = async () => {
    for (const item of await pending()) {
      if (item.error) continue;
      if ((await sendOne(item)) === 'retry') return;
    }
  };
  const locked = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks.request('placette-outbox', run) : run();
  flushing = Promise.resolve(locked).finally(() => (flushing = null));
  return flushing;
}

let watching = false;

/** Flushes when the browser says it is back online, and every 15 s while something waits. */
export function watchOutbox(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  addEventListener('online', () => void flush());
  setInterval(() => {
    if (navigator.onLine) void pending().then((items) => (items.some((i) => !i.error) ? flush() : undefined));
  }, 15_000);
  void flush();
}
