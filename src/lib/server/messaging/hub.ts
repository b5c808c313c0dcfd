/**
 * The messaging hub: an in-process pub/sub keyed by user id. Each open SSE stream is one
 * subscriber holding a write function and the last event id it sent; nothing else is kept per
 * connection. One shared heartbeat timer (unref'd) writes a comment line to every subscriber, so a
 * proxy keeps idle streams open and a dead peer is noticed; it runs only while someone listens.
 */
export interface Subscriber {
  userId: number;
  /** The id of the last message event written to this stream (for the `id:` of other events). */
  lastId: number;
  /** Writes raw SSE text; returns false once the stream is gone. */
  write(chunk: string): boolean;
}

export interface MessagingEvent {
  /** 'message' carries a new message (its id is the event id); the others are state changes. */
  type: 'message' | 'read' | 'status' | 'conversation';
  /** For 'message': the message id. */
  id?: number;
  data: Record<string, unknown>;
}

export const HEARTBEAT_MS = 25_000;

class Hub {
  private readonly byUser = new Map<number, Set<Subscriber>>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private count = 0;

  subscribe(subscriber: Subscriber): () => void {
    let set = this.byUser.get(subscriber.userId);
    if (!set) this.byUser.set(subscriber.userId, (set = new Set()));
    set.add(subscriber);
    this.count++;
    this.startHeartbeat();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const current = this.byUser.get(subscriber.userId);
      if (current?.delete(subscriber)) this.count--;
      if (current && current.size === 0) this.byUser.delete(subscriber.userId);
      if (this.count === 0) this.stopHeartbeat();
    };
  }

  /** Sends one event to every open stream of these users (each user once, whatever the list). */
  publish(userIds: Iterable<number>, event: MessagingEvent): void {
    const json = JSON.stringify(event.data);
    for (const userId of new Set(userIds)) {
      const set = this.byUser.get(userId);
      if (!set) continue;
      for (const subscriber of set) {
        if (event.type === 'message' && event.id !== undefined) {
          if (event.id <= subscriber.lastId) continue; // already replayed to this stream
          subscriber.lastId = event.id;
        }
        subscriber.write(formatEvent(event.type, subscriber.lastId, json));
      }
    }
  }

  /** Whether this user has an open stream in this process (used to skip a redundant push). */
  isListening(userId: number): boolean {
    return (this.byUser.get(userId)?.size ?? 0) > 0;
  }

  connections(): number {
    return this.count;
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref?.();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /** Exposed for tests; normally called by the shared timer. */
  beat(): void {
    for (const set of this.byUser.values()) for (const subscriber of set) subscriber.write(': hb\n\n');
  }
}

/** One SSE event; the id is always present (a state event repeats the last message id sent). */
export function formatEvent(type: string, id: number, json: string): string {
  return `event: ${type}\nid: ${id}\ndata: ${json}\n\n`;
}

// One hub per server process, kept across Vite's module reloads in development.
const globalKey = Symbol.for('placette.messaging.hub');
const holder = globalThis as unknown as Record<symbol, Hub | undefined>;
export const hub: Hub = (holder[globalKey] ??= new Hub());
