import type { StreamEvent } from './types';

/**
 * The device's one connection to `GET /api/messages/stream`, shared by all tabs: a SharedWorker
 * where the browser has one; otherwise the tabs elect a leader with the Web Locks API, the leader
 * holds the EventSource and relays its events to the others on a BroadcastChannel. Only signed-in
 * pages ever import this module.
 */
type Listener = (event: StreamEvent) => void;

const listeners = new Set<Listener>();
let started = false;
let port: MessagePort | null = null;

function emit(event: StreamEvent): void {
  for (const listener of listeners) listener(event);
}

function startSharedWorker(): boolean {
  if (typeof SharedWorker === 'undefined') return false;
  try {
    const worker = new SharedWorker(new URL('./stream.shared-worker.ts', import.meta.url), { type: 'module', name: 'placette-messages' });
    port = worker.port;
    port.onmessage = (message) => emit(message.data as StreamEvent);
    port.start();
    addEventListener('pagehide', () => port?.postMessage('bye'));
    return true;
  } catch {
    return false;
  }
}

const TYPES = ['message', 'read', 'status', 'open'] as const;

function openSource(relay: (event: StreamEvent) => void): EventSource {
  const source = new EventSource('/api/messages/stream');
  for (const type of TYPES) {
    source.addEventListener(type, (e) => {
      const m = e as MessageEvent<string>;
      relay({ type, id: Number(m.lastEventId), data: JSON.parse(m.data) } as StreamEvent);
    });
  }
  source.onerror = () => relay({ type: source.readyState === EventSource.CLOSED ? 'closed' : 'offline', id: 0, data: {} });
  return source;
}

function startLeaderElection(): void {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('placette-messages');
  channel?.addEventListener('message', (message) => emit(message.data as StreamEvent));
  if (!channel || !('locks' in navigator)) {
    // Neither: this tab keeps its own connection.
    openSource(emit);
    return;
  }
  // The lock is held for the tab's lifetime; when the leader closes, the next tab in line takes over.
  void navigator.locks.request('placette-messages-leader', () => {
    openSource((event) => {
      emit(event);
      channel.postMessage(event);
    });
    return new Promise<void>(() => undefined);
  });
}

function start(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  if (!startSharedWorker()) startLeaderElection();
}

/** Listens to the device's message stream (opening it if needed); returns the unsubscribe. */
export function onMessagingEvent(listener: Listener): () => void {
  listeners.add(listener);
  start();
  return () => listeners.delete(listener);
}
