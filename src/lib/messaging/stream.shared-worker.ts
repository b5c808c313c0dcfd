/// <reference lib="webworker" />
/**
 * One SSE connection for every tab of this browser: each tab connects a port, the worker keeps a
 * single EventSource on /api/messages/stream and forwards every event to every port. EventSource
 * reconnects by itself and sends Last-Event-ID, so the server replays what was missed.
 */
interface ConnectEvent {
  ports: readonly MessagePort[];
}
const scope = globalThis as unknown as { onconnect: ((event: ConnectEvent) => void) | null };

const ports = new Set<MessagePort>();
let source: EventSource | null = null;
const TYPES = ['message', 'read', 'status', 'open'] as const;

function broadcast(message: unknown): void {
  for (const port of ports) port.postMessage(message);
}

function connect(): void {
  if (source && source.readyState !== EventSource.CLOSED) return;
  source = new EventSource('/api/messages/stream');
  for (const type of TYPES) {
    source.addEventListener(type, (event) => {
      const e = event as MessageEvent<string>;
      broadcast({ type, id: Number(e.lastEventId), data: JSON.parse(e.data) });
    });
  }
  source.onerror = () => {
    // CLOSED: the server refused (signed out); CONNECTING: EventSource retries on its own.
    broadcast({ type: source?.readyState === EventSource.CLOSED ? 'closed' : 'offline', id: 0, data: {} });
  };
}

scope.onconnect = (event) => {
  const port = event.ports[0];
  ports.add(port);
  port.onmessage = (message: MessageEvent) => {
    if (message.data === 'bye') {
      ports.delete(port);
      if (ports.size === 0) {
        source?.close();
        source = null;
      }
    } else if (message.data === 'reconnect') {
      source?.close();
      source = null;
      connect();
    }
  };
  port.start();
  connect();
  if (source?.readyState === EventSource.OPEN) port.postMessage({ type: 'open', id: 0, data: {} });
};
