/**
 * Live order pages and boards as Server-Sent Events. Each open stream re-reads its data when
 * this process changes an order (a nudge) and every few seconds anyway — so a change made by
 * another server process on the same database shows up too — and sends it only when it
 * changed. Nothing is kept per subscriber but a timer.
 */
const changes = new EventTarget();

/** Called after any order write in this process. */
export function nudgeOrderStreams(): void {
  changes.dispatchEvent(new Event('change'));
}

export const POLL_MS = 2000;
const KEEP_ALIVE_MS = 25_000;
const NUDGE_DELAY_MS = 100;

/** An SSE response that sends `read()` as `event: update` whenever it changes; ends when it returns null. */
export function liveResponse(read: () => unknown | null, pollMs = POLL_MS): Response {
  let timer: ReturnType<typeof setInterval> | undefined;
  let onChange: (() => void) | undefined;
  let closed = false;
  const stop = () => {
    closed = true;
    clearInterval(timer);
    if (onChange) changes.removeEventListener('change', onChange);
  };
  const stream = new ReadableStream<string>({
    start(controller) {
      let last = '';
      let quietSince = Date.now();
      const tick = () => {
        if (closed) return;
        let value: unknown;
        try {
          value = read();
        } catch {
          value = null;
        }
        if (value === null) {
          stop();
          controller.close();
          return;
        }
        const json = JSON.stringify(value);
        if (json !== last) {
          last = json;
          quietSince = Date.now();
          controller.enqueue(`event: update\ndata: ${json}\n\n`);
        } else if (Date.now() - quietSince > KEEP_ALIVE_MS) {
          quietSince = Date.now();
          controller.enqueue(': still here\n\n');
        }
      };
      // Many writes in a burst (a busy checkout) make one re-read, at most ten a second.
      let pending = false;
      onChange = () => {
        if (pending) return;
        pending = true;
        setTimeout(() => {
          pending = false;
          tick();
        }, NUDGE_DELAY_MS);
      };
      changes.addEventListener('change', onChange);
      controller.enqueue(`retry: ${pollMs}\n\n`);
      tick();
      timer = setInterval(tick, pollMs);
    },
    cancel: stop
  });
  return new Response(stream.pipeThrough(new TextEncoderStream()), {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' }
  });
}
