import { beforeAll, describe, expect, it } from 'vitest';
import { createECDH, randomBytes } from 'node:crypto';
import type { Db } from '../../src/lib/server/db';
import { pushSubscriptions } from '../../src/lib/server/db/schema';

/** The opt-in/opt-out endpoints, called as SvelteKit calls them, on an in-memory database. */
describe('/api/push/subscriptions and /api/push/key', () => {
  type Handler = (event: { request: Request }) => Response | Promise<Response>;
  let POST: Handler;
  let DELETE: Handler;
  let KEY: Handler;
  let appDb: Db;

  beforeAll(async () => {
    process.env.DATABASE_URL = ':memory:';
    appDb = (await import('$lib/server/db')).db();
    const route = await import('../../src/routes/api/push/subscriptions/+server');
    POST = route.POST as unknown as Handler;
    DELETE = route.DELETE as unknown as Handler;
    KEY = (await import('../../src/routes/api/push/key/+server')).GET as unknown as Handler;
  });

  const url = 'http://placette.test/api/push/subscriptions';
  const call = (handler: Handler, body: unknown, type = 'application/json') =>
    handler({
      request: new Request(url, {
        method: 'POST',
        headers: { 'content-type': type },
        body: typeof body === 'string' ? body : JSON.stringify(body)
      })
    });
  function browserSubscription(endpoint = `https://push.example.net/send/${randomBytes(8).toString('hex')}`) {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    return {
      endpoint,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') }
    };
  }
  const rows = () => appDb.select().from(pushSubscriptions).all();

  it('hands out the same public VAPID key to everyone', async () => {
    const first = await (await KEY({ request: new Request('http://placette.test/api/push/key') })).json();
    const second = await (await KEY({ request: new Request('http://placette.test/api/push/key') })).json();
    expect(first.public_key).toMatch(/^[A-Za-z0-9_-]{80,90}$/);
    expect(second).toEqual(first);
  });

  it('stores only the endpoint and its keys, once per endpoint', async () => {
    const sub = browserSubscription();
    expect((await call(POST, sub)).status).toBe(201);
    expect((await call(POST, sub)).status).toBe(201);
    const stored = rows().filter((r) => r.endpoint === sub.endpoint);
    expect(stored).toHaveLength(1);
    expect(Object.keys(stored[0]).sort()).toEqual(['auth', 'createdAt', 'endpoint', 'id', 'p256dh']);
  });

  it('deletes the subscription on opt-out', async () => {
    const sub = browserSubscription();
    await call(POST, sub);
    expect((await call(DELETE, { endpoint: sub.endpoint })).status).toBe(204);
    expect(rows().some((r) => r.endpoint === sub.endpoint)).toBe(false);
  });

  it('a renewed subscription (pushsubscriptionchange) replaces the old endpoint in one write, and touches no other', async () => {
    const old = browserSubscription();
    const other = browserSubscription();
    await call(POST, old);
    await call(POST, other);
    const before = rows().length;
    const renewed = browserSubscription();
    expect((await call(POST, { ...renewed, oldEndpoint: old.endpoint })).status).toBe(201);
    expect(rows().some((r) => r.endpoint === old.endpoint)).toBe(false);
    expect(rows().filter((r) => r.endpoint === renewed.endpoint)).toMatchObject([{ p256dh: renewed.keys.p256dh, auth: renewed.keys.auth }]);
    expect(rows().some((r) => r.endpoint === other.endpoint)).toBe(true);
    expect(rows()).toHaveLength(before);
    // Sent again (a retried request): the same single row.
    expect((await call(POST, { ...renewed, oldEndpoint: old.endpoint })).status).toBe(201);
    expect(rows()).toHaveLength(before);
    // An old endpoint the server no longer has (the push service reported it gone): the new one is stored.
    const again = browserSubscription();
    expect((await call(POST, { ...again, oldEndpoint: old.endpoint })).status).toBe(201);
    expect(rows().some((r) => r.endpoint === again.endpoint)).toBe(true);
  });

  it.each([
    ['a plain-http old endpoint', 'http://127.0.0.1:9/steal'],
    ['a non-URL old endpoint', 'not a url'],
    ['an old endpoint that is not a string', 42]
  ])('refuses a renewal with %s (400) and keeps the old row', async (_label, oldEndpoint) => {
    const old = browserSubscription();
    await call(POST, old);
    const renewed = browserSubscription();
    const response = await call(POST, { ...renewed, oldEndpoint });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/oldEndpoint/);
    expect(rows().some((r) => r.endpoint === old.endpoint)).toBe(true);
    expect(rows().some((r) => r.endpoint === renewed.endpoint)).toBe(false);
  });

  it('a renewal whose new row cannot be written leaves the old one in place (one transaction)', async () => {
    const old = browserSubscription();
    await call(POST, old);
    const renewed = browserSubscription();
    appDb.$client.exec(`CREATE TEMP TRIGGER refuse_new BEFORE INSERT ON push_subscriptions WHEN NEW.endpoint = '${renewed.endpoint}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      await expect(Promise.resolve().then(() => call(POST, { ...renewed, oldEndpoint: old.endpoint }))).rejects.toThrow(/disk full/);
    } finally {
      appDb.$client.exec('DROP TRIGGER refuse_new');
    }
    expect(rows().some((r) => r.endpoint === old.endpoint)).toBe(true);
    expect(rows().some((r) => r.endpoint === renewed.endpoint)).toBe(false);
  });

  it.each([
    ['not JSON', '{nope', 'application/json', 400, 'invalid_json'],
    ['a form', 'endpoint=x', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
    ['no keys', { endpoint: 'https://push.example.net/x' }, 'application/json', 400, 'invalid_body'],
    ['a plain-http endpoint', browserSubscription('http://127.0.0.1:9/steal'), 'application/json', 400, 'invalid_body'],
    ['a non-URL endpoint', browserSubscription('javascript:alert(1)'), 'application/json', 400, 'invalid_body']
  ])('refuses %s with a clear JSON error and writes nothing', async (_label, body, type, status, code) => {
    const before = rows().length;
    const response = await call(POST, body, type);
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(code);
    expect(rows()).toHaveLength(before);
  });
});
