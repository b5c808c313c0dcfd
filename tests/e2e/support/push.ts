import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import * as schema from '../../../src/lib/server/db/schema';
import { buildDigest } from '../../../src/lib/server/push/digest';
import type { DigestPayload } from '../../../src/lib/schemas/push';

/**
 * The digest the server would broadcast right now, built by the server's own code
 * (src/lib/server/push/digest.ts) from a test server's database, opened read-only: building it
 * never writes (no digest row is recorded), so specs that checksum the database are unaffected.
 * `body` is the exact text `sendDigest` encrypts for every subscriber.
 */
export function serverDigest(databaseFile: string, now = new Date()): { payload: DigestPayload; body: string } {
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const digest = buildDigest(drizzle(sqlite, { schema }), now);
    if (!digest) throw new Error('the server has nothing new to put in a digest');
    return { payload: digest.payload, body: JSON.stringify(digest.payload) };
  } finally {
    sqlite.close();
  }
}

export interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  lang: string;
  icon: string;
  data: unknown;
}

/** The notifications the page's service worker registration currently shows. */
export function shownNotifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const notifications = await registration.getNotifications();
    return notifications.map((n) => ({ title: n.title, body: n.body, tag: n.tag, lang: n.lang, icon: n.icon, data: n.data as unknown }));
  });
}

/**
 * Delivers a push message to the page's (activated) service worker through the DevTools
 * protocol, as the browser does when its push service hands one over: the worker's real `push`
 * listener runs with `event.data` holding `data`. No push subscription is needed (and none can
 * be made here: Chromium refuses the Push API in Playwright's off-the-record contexts, and a
 * persistent profile would wait for Google's push service, which the test machine cannot reach).
 */
export async function deliverPush(cdp: CDPSession, scriptURL: string, data: string): Promise<void> {
  let registrationId: string | null = null;
  const onVersions = ({ versions }: { versions: { registrationId: string; scriptURL: string; status: string }[] }) => {
    const active = versions.find((v) => v.scriptURL === scriptURL && v.status === 'activated');
    if (active) registrationId = active.registrationId;
  };
  cdp.on('ServiceWorker.workerVersionUpdated', onVersions);
  try {
    // Enabling the domain reports the existing registrations and versions.
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => registrationId, { message: `an activated service worker ${scriptURL}` }).not.toBeNull();
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(scriptURL).origin, registrationId: registrationId!, data });
  } finally {
    cdp.off('ServiceWorker.workerVersionUpdated', onVersions);
  }
}

/**
 * The pages' PushManager, answering with a subscription of a local push endpoint (same shape as
 * the browser's, real keys), since Chromium refuses the Push API in Playwright's contexts. The
 * server key it was asked to subscribe with is kept in `localStorage` (`test.push-service`).
 */
export async function localPushService(context: BrowserContext, sub: { endpoint: string; p256dh: string; auth: string }): Promise<void> {
  await context.addInitScript((s: { endpoint: string; p256dh: string; auth: string }) => {
    const KEY = 'test.push-service';
    const current = (): PushSubscription | null => {
      if (localStorage.getItem(KEY) === null) return null;
      const json = { endpoint: s.endpoint, expirationTime: null, keys: { p256dh: s.p256dh, auth: s.auth } };
      return {
        endpoint: s.endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey: null },
        getKey: () => null,
        toJSON: () => json,
        unsubscribe: async () => (localStorage.removeItem(KEY), true)
      } as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async () => current();
    PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
      const key = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
      localStorage.setItem(KEY, btoa(String.fromCharCode(...key)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
      return current()!;
    };
  }, { endpoint: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth });
}
