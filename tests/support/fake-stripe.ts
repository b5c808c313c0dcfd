import { createServer, type Server } from 'node:http';

/**
 * A local fake of the parts of Stripe's HTTP API that Placette calls (Checkout Sessions,
 * transfers, refunds, transfer reversals), on loopback, for the real `stripe` SDK. Like Stripe,
 * a request repeated with the same idempotency key gets the first answer and creates nothing.
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
  refunds: { id: string; amount: number; payment_intent: string | null; metadata: { part_id: string | null } }[];
  reversals: { id: string; transfer: string }[];
  /** The fake answers 500 to this many next calls (the SDK retries twice). */
  failNext(n: number): void;
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const calls: FakeStripeCall[] = [];
  const answered = new Map<string, string>();
  const refunds: FakeStripe['refunds'] = [];
  const reversals: FakeStripe['reversals'] = [];
  let failures = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const url = req.url ?? '';
      const key = req.headers['idempotency-key'] as string | undefined;
      calls.push({ method: req.method ?? 'GET', path: url, idempotencyKey: key, form });
      res.setHeader('content-type', 'application/json');
      if (failures > 0) {
        failures--;
        res.statusCode = 500;
        res.end(JSON.stringify({ error: { type: 'api_error', message: 'down' } }));
        return;
      }
      const replay = key ? answered.get(`${url} ${key}`) : undefined;
      if (replay) return res.end(replay);
      const send = (object: Record<string, unknown>) => {
        const text = JSON.stringify(object);
        if (key) answered.set(`${url} ${key}`, text);
        res.end(text);
      };
      const n = calls.length;
      const reversal = /^\/v1\/transfers\/([^/]+)\/reversals$/.exec(url);
      const session = /^\/v1\/checkout\/sessions\/([^/?]+)/.exec(url);
      if (url === '/v1/checkout/sessions') send({ id: `cs_test_${n}`, object: 'checkout.session', url: `https://checkout.stripe.test/c/pay/cs_test_${n}` });
      else if (req.method === 'GET' && session) send({ id: session[1], object: 'checkout.session', payment_intent: `pi_of_${session[1]}` });
      else if (url === '/v1/transfers') send({ id: `tr_${n}`, object: 'transfer', amount: Number(form.get('amount')) });
      else if (url === '/v1/refunds') {
        const refund = { id: `re_${n}`, object: 'refund', status: 'succeeded', amount: Number(form.get('amount')), payment_intent: form.get('payment_intent'), metadata: { part_id: form.get('metadata[part_id]') } };
        refunds.push(refund);
        send(refund);
      } else if (reversal) {
        const made = { id: `trr_${n}`, object: 'transfer_reversal', transfer: reversal[1] };
        reversals.push(made);
        send(made);
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}
