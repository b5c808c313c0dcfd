import { createECDH, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { readDeviceStore, signInAt, waitForServiceWorker } from './support/app';
import { localPushService } from './support/push';
import { startServer, type RunningServer } from './support/server';

/**
 * `pushsubscriptionchange`: the browser renews this device's push subscription, and the real
 * service worker gives the new one to the server for the uses that were on (the anonymous daily
 * digest, the account's order and message notifications), replacing the old endpoint.
 *
 * Chromium cannot renew a subscription on demand (nor make one here: it refuses the Push API in
 * Playwright's contexts), so the test dispatches the event in the worker itself, with the
 * subscriptions a browser would hand over; the worker's own listener, its IndexedDB copy of what
 * is on, its requests and the server's database are all real. Own server (ports 4500+): it writes.
 */
let server: RunningServer;

test.describe.configure({ mode: 'serial' });
test.use({ serviceWorkers: 'allow', locale: 'fr-FR' });

test.beforeAll(async ({}, testInfo) => {
  server = await startServer(4500 + testInfo.parallelIndex);
});
test.afterAll(async () => {
  await server?.stop();
});

interface BrowserSubscription {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
}

function browserSubscription(name: string): BrowserSubscription {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint: `https://push.example.net/send/${name}-${randomBytes(6).toString('hex')}`,
    expirationTime: null,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') }
  };
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const sqlite = new Database(server.database, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(sql).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}
const digestEndpoints = () => query<{ endpoint: string }>('SELECT endpoint FROM push_subscriptions').map((r) => r.endpoint);
const accountEndpoints = (email: string) =>
  query<{ endpoint: string }>('SELECT a.endpoint FROM account_push_subscriptions a JOIN users u ON u.id = a.user_id WHERE u.email = ?', email).map((r) => r.endpoint);

interface Renewal {
  outcome: { endpoint: string | null; digest: number | 'error' | null; personal: number | 'error' | null } | undefined;
  /** What the worker fetched, and whether with cookies. */
  requests: { url: string; credentials: string | undefined }[];
  /** The options the worker subscribed with, when the browser handed over no new subscription. */
  subscribedWith: { userVisibleOnly: boolean | undefined; key: number[] } | null;
}

/**
 * Fires `pushsubscriptionchange` in the page's service worker, as the browser does, and waits
 * for what the listener gave `waitUntil`. `fresh` null: the browser made no new subscription,
 * and the worker's `PushManager.subscribe` answers with `made`.
 */
async function renew(worker: Worker, old: { endpoint: string; key: number[] | null }, fresh: BrowserSubscription | null, made?: BrowserSubscription): Promise<Renewal> {
  return worker.evaluate(
    async ({ old, fresh, made }) => {
      const scope = self as unknown as ServiceWorkerGlobalScope & { fetch: typeof fetch };
      const requests: { url: string; credentials: string | undefined }[] = [];
      let subscribedWith: Renewal['subscribedWith'] = null;
      const realFetch = scope.fetch;
      const realGet = PushManager.prototype.getSubscription;
      const realSubscribe = PushManager.prototype.subscribe;
      const asSubscription = (json: BrowserSubscription) => ({ endpoint: json.endpoint, options: { applicationServerKey: null }, toJSON: () => json }) as unknown as PushSubscription;
      scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        requests.push({ url: String(input), credentials: init?.credentials });
        return realFetch(input, init);
      };
      PushManager.prototype.getSubscription = async () => null;
      PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
        const key = options?.applicationServerKey;
        subscribedWith = { userVisibleOnly: options?.userVisibleOnly, key: key ? [...new Uint8Array(key instanceof ArrayBuffer ? key : (key as ArrayBufferView).buffer)] : [] };
        if (!made) throw new Error('no subscription to make');
        return asSubscription(made);
      };
      try {
        let done: Promise<unknown> = Promise.resolve(undefined);
        const event = new Event('pushsubscriptionchange');
        Object.assign(event, {
          oldSubscription: { endpoint: old.endpoint, options: { userVisibleOnly: true, applicationServerKey: old.key ? new Uint8Array(old.key).buffer : null } },
          newSubscription: fresh ? asSubscription(fresh) : null,
          waitUntil: (promise: Promise<unknown>) => void (done = promise)
        });
        scope.dispatchEvent(event);
        const outcome = (await done) as Renewal['outcome'];
        return { outcome, requests, subscribedWith };
      } finally {
        scope.fetch = realFetch;
        PushManager.prototype.getSubscription = realGet;
        PushManager.prototype.subscribe = realSubscribe;
      }
    },
    { old, fresh, made }
  );
}

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const [worker] = context.serviceWorkers();
  return worker ?? context.waitForEvent('serviceworker');
}

const toggle = (page: Page) => page.getByRole('switch', { name: 'Notifications de mes commandes et messages' });

test('a renewed subscription replaces the old one on the server, for the digest (without cookie) and for the account (with the session)', async ({ browser }) => {
  test.setTimeout(90_000);
  const first = browserSubscription('first');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', serviceWorkers: 'allow' });
  await context.grantPermissions(['notifications'], { origin: server.origin });
  await localPushService(context, { endpoint: first.endpoint, p256dh: first.keys.p256dh, auth: first.keys.auth });
  const page = await context.newPage();
  await signInAt(page, server.origin, 'habitant@placette.test', '/account');
  await waitForServiceWorker(page);

  // Both uses on: the account's notifications (Mon compte), then the digest (Préférences).
  await page.goto(`${server.origin}/account`);
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-checked', 'true');
  await page.goto(`${server.origin}/preferences`);
  await page.getByRole('button', { name: 'Activer les notifications' }).click();
  await expect(page.getByText('Notifications activées sur cet appareil.')).toBeVisible();
  expect(digestEndpoints()).toContain(first.endpoint);
  expect(accountEndpoints('habitant@placette.test')).toEqual([first.endpoint]);
  // The worker's copy of what is on (it cannot read localStorage).
  expect(await readDeviceStore(page, 'placette.push')).toEqual({ uses: ['digest', 'personal'], endpoint: first.endpoint });

  const worker = await serviceWorker(context);
  const digestRowsBefore = digestEndpoints().length;

  // 1. The browser hands over a new subscription.
  const second = browserSubscription('second');
  const one = await renew(worker, { endpoint: first.endpoint, key: null }, second);
  expect(one.outcome).toEqual({ endpoint: second.endpoint, digest: 201, personal: 201 });
  expect(one.requests).toEqual([
    { url: '/api/push/subscriptions', credentials: 'omit' },
    { url: '/api/account/push-subscriptions', credentials: 'same-origin' }
  ]);
  expect(digestEndpoints()).not.toContain(first.endpoint);
  expect(digestEndpoints()).toContain(second.endpoint);
  expect(digestEndpoints()).toHaveLength(digestRowsBefore);
  expect(accountEndpoints('habitant@placette.test')).toEqual([second.endpoint]);
  expect(await readDeviceStore(page, 'placette.push')).toEqual({ uses: ['digest', 'personal'], endpoint: second.endpoint });

  // 2. The browser dropped it without a new one: the worker subscribes again with the same server key.
  const { public_key } = (await (await page.request.get(`${server.origin}/api/push/key`)).json()) as { public_key: string };
  const serverKey = [...Buffer.from(public_key, 'base64url')];
  const third = browserSubscription('third');
  const two = await renew(worker, { endpoint: second.endpoint, key: serverKey }, null, third);
  expect(two.subscribedWith).toEqual({ userVisibleOnly: true, key: serverKey });
  expect(two.outcome).toEqual({ endpoint: third.endpoint, digest: 201, personal: 201 });
  expect(digestEndpoints()).toContain(third.endpoint);
  expect(digestEndpoints()).not.toContain(second.endpoint);
  expect(accountEndpoints('habitant@placette.test')).toEqual([third.endpoint]);

  // 3. Signed out on this device (no session cookie any more): the digest follows, the account
  //    refuses (401) and nothing else happens there; the worker stops counting on it.
  await context.clearCookies();
  const fourth = browserSubscription('fourth');
  const three = await renew(worker, { endpoint: third.endpoint, key: serverKey }, fourth);
  expect(three.outcome).toEqual({ endpoint: fourth.endpoint, digest: 201, personal: 401 });
  expect(digestEndpoints()).toContain(fourth.endpoint);
  expect(digestEndpoints()).not.toContain(third.endpoint);
  expect(accountEndpoints('habitant@placette.test')).toEqual([third.endpoint]);
  expect(await readDeviceStore(page, 'placette.push')).toEqual({ uses: ['digest'], endpoint: fourth.endpoint });

  // 4. Nothing on (the device turned both off): a renewal sends nothing at all.
  await worker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onsuccess = () => {
          const tx = open.result.transaction('keyval', 'readwrite');
          tx.objectStore('keyval').delete('placette.push');
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      })
  );
  const fifth = browserSubscription('fifth');
  const four = await renew(worker, { endpoint: fourth.endpoint, key: serverKey }, fifth);
  expect(four.outcome).toEqual({ endpoint: null, digest: null, personal: null });
  expect(four.requests).toEqual([]);
  expect(digestEndpoints()).not.toContain(fifth.endpoint);
  await context.close();
});
