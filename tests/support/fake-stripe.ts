import { createServer, type Server } from 'node:http';

/**
 * A local fake of the parts of Stripe's HTTP API that Placette calls (Checkout Sessions,
 * transfers, refunds and their list, transfer reversals and their list), on loopback, for the
 * real `stripe` SDK. Like Stripe, a request repeated with the same idempotency key gets the first
 * answer and creates nothing — until the key is forgotten (Stripe keeps keys 24 h). Lists answer
 * Stripe's shape (`object: "list"`, newest first, `limit`, `starting_after`, `has_more`).
 */
export interface FakeStripeCall {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  form: URLSearchParams;
}

export interface FakeStripe {
  port: number;
  calls: FakeStripeCall[];
  refunds: { id: string; object: 'refund'; status: string; amount: number; payment_intent: string | null; metadata: { order_id?: string; part_id: string | null } }[];
  reversals: { id: string; object: 'transfer_reversal'; amount: number; transfer: string; metadata: { order_id?: string; part_id?: string } }[];
  /** The fake answers 500 to this many next calls (the SDK retries twice). */
  failNext(n: number): void;
  /**
   * The next `n` POSTs are carried out (the refund or reversal is made) but the connection drops
   * before the answer: the caller cannot know it was made (a network cut, a process killed).
   * `path`: only the POSTs whose path it matches. `loseAnswers(0)` ends it.
   */
  loseAnswers(n: number, path?: RegExp): void;
  /** Stripe forgets idempotency keys after 24 hours: a key used again then makes a new object. */
  forgetIdempotencyKeys(): void;
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const calls: FakeStripeCall[] = [];
  const answered = new Map<string, string>();
  const refunds: FakeStripe['refunds'] = [];
  const reversals: FakeStripe['reversals'] = [];
  const transfers = new Map<string, number>();
  let failures = 0;
  let losses = 0;
  let losing: RegExp | undefined;
  const metadataOf = (form: URLSearchParams) => {
    const metadata: Record<string, string> = {};
    for (const [k, v] of form) {
      const m = /^metadata\[(.+)\]$/.exec(k);
      if (m) metadata[m[1]] = v;
    }
    return metadata;
  };
  /** One page of a list, as Stripe answers it: newest first, `limit` (10 by default), after `starting_after`. */
  const page = <T extends { id: string }>(all: T[], query: URLSearchParams, url: string) => {
    const newest = [...all].reverse();
    const after = query.get('starting_after');
    const from = after ? newest.findIndex((o) => o.id === after) + 1 : 0;
    const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 10)));
    return { object: 'list', data: newest.slice(from, from + limit), has_more: from + limit < newest.length, url };
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const url = req.url ?? '';
      const { pathname: path, searchParams: query } = new URL(url, 'http://stripe.test');
      const method = req.method ?? 'GET';
      const key = req.headers['idempotency-key'] as string | undefined;
      calls.push({ method, path: url, idempotencyKey: key, form });
      res.setHeader('content-type', 'application/json');
      if (failures > 0) {
        failures--;
        res.statusCode = 500;
        res.end(JSON.stringify({ error: { type: 'api_error', message: 'down' } }));
        return;
      }
      const lost = method === 'POST' && losses > 0 && (!losing || losing.test(path)) && (losses--, true);
      const answer = (text: string) => (lost ? res.socket?.destroy() : res.end(text));
      const replay = key ? answered.get(`${url} ${key}`) : undefined;
      if (replay) return answer(replay);
      const send = (object: Record<string, unknown>) => {
        const text = JSON.stringify(object);
        if (key) answered.set(`${url} ${key}`, text);
        answer(text);
      };
      const n = calls.length;
      const reversal = /^\/v1\/transfers\/([^/]+)\/reversals$/.exec(path);
      const session = /^\/v1\/checkout\/sessions\/([^/?]+)/.exec(path);
      if (method === 'POST' && path === '/v1/checkout/sessions') send({ id: `cs_test_${n}`, object: 'checkout.session', url: `https://checkout.stripe.test/c/pay/cs_test_${n}` });
      else if (method === 'GET' && session) send({ id: session[1], object: 'checkout.session', payment_intent: `pi_of_${session[1]}` });
      else if (method === 'POST' && path === '/v1/transfers') {
        const id = `tr_${n}`;
        transfers.set(id, Number(form.get('amount')));
        send({ id, object: 'transfer', amount: Number(form.get('amount')) });
      } else if (method === 'POST' && path === '/v1/refunds') {
        const refund = { id: `re_${n}`, object: 'refund' as const, status: 'succeeded', amount: Number(form.get('amount')), payment_intent: form.get('payment_intent'), metadata: { part_id: null, ...metadataOf(form) } };
        refunds.push(refund);
        send(refund);
      } else if (method === 'GET' && path === '/v1/refunds') {
        const intent = query.get('payment_intent');
        send(page(refunds.filter((r) => !intent || r.payment_intent === intent), query, path));
      } else if (method === 'POST' && reversal) {
        const made = { id: `trr_${n}`, object: 'transfer_reversal' as const, amount: Number(form.get('amount') ?? transfers.get(reversal[1]) ?? 0), transfer: reversal[1], metadata: metadataOf(form) };
        reversals.push(made);
        send(made);
      } else if (method === 'GET' && reversal) {
        send(page(reversals.filter((r) => r.transfer === reversal[1]), query, path));
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'unknown' } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    calls,
    refunds,
    reversals,
    failNext: (n) => void (failures = n),
    loseAnswers: (n, path) => void ((losses = n), (losing = path)),
    forgetIdempotencyKeys: () => answered.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}
