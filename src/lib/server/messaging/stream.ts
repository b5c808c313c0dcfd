import type { Db } from '../db';
import { formatEvent, hub, type Subscriber } from './hub';
import { latestMessageId, replaySince } from './service';

const encoder = new TextEncoder();
const REPLAY_PAGE = 1000;

function parseLastId(raw: string | null): number | null {
  if (raw === null || !/^[0-9]{1,15}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/**
 * The SSE response for one device. Replay and subscription happen in the same synchronous turn
 * (better-sqlite3 does not yield, and messages are published right after their commit), so no
 * message can fall between "what was missed" and "what comes next", and the hub skips any id
 * the replay already sent. Per connection the server keeps one subscriber record and the stream.
 */
export function openMessageStream(database: Db, userId: number, lastEventId: string | null): Response {
  let unsubscribe: (() => void) | null = null;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const subscriber: Subscriber = {
        userId,
        lastId: 0,
        write(chunk) {
          try {
            controller.enqueue(encoder.encode(chunk));
            return true;
          } catch {
            unsubscribe?.();
            return false;
          }
        }
      };
      subscriber.write('retry: 2000\n\n');
      const resumeFrom = parseLastId(lastEventId);
      if (resumeFrom === null) {
        subscriber.lastId = latestMessageId(database);
      } else {
        subscriber.lastId = resumeFrom;
        for (;;) {
          const page = replaySince(database, userId, subscriber.lastId, REPLAY_PAGE);
          for (const event of page) {
            subscriber.lastId = event.id;
            subscriber.write(formatEvent('message', event.id, JSON.stringify(event.data)));
          }
          if (page.length < REPLAY_PAGE) break;
        }
      }
      // Tells the device it is live (and from which id it would resume).
      subscriber.write(formatEvent('open', subscriber.lastId, '{}'));
      unsubscribe = hub.subscribe(subscriber);
    },
    cancel() {
      unsubscribe?.();
    }
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no'
    }
  });
}
