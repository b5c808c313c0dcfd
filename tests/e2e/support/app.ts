import { expect, type BrowserContext, type Locator, type Page, type Request } from '@playwright/test';
import { mainServer } from './paths';

/** The device preferences shape (src/lib/personalisation/prefs.ts), for seeding localStorage. */
export interface DevicePrefs {
  v: 1;
  themes: Record<string, 'high' | 'low' | 'muted'>;
  saved: string[];
  followedShops: string[];
  locale: 'fr' | 'en';
  onboarded: boolean;
  lastVisit: string | null;
}

export const PREFS_KEY = 'placette.prefs';

export function prefs(partial: Partial<DevicePrefs> = {}): DevicePrefs {
  return { v: 1, themes: {}, saved: [], followedShops: [], locale: 'fr', onboarded: true, lastVisit: null, ...partial };
}

/**
 * Gives every page of the context these preferences before the app starts, unless the device
 * already has some (so changes made during the test survive reloads).
 */
export async function seedPrefs(context: BrowserContext, value: DevicePrefs): Promise<void> {
  await context.addInitScript(
    ([key, json]) => {
      try {
        if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, json);
      } catch {
        // about:blank and opaque origins have no storage.
      }
    },
    [PREFS_KEY, JSON.stringify(value)] as const
  );
}

export async function readPrefs(page: Page): Promise<DevicePrefs | null> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as DevicePrefs) : null;
  }, PREFS_KEY);
}

export function feedCards(page: Page): Locator {
  return page.locator('ul.feed article[data-item-id]');
}

/**
 * Waits until the home feed shows cards (the device copy of the catalog is loaded) and has drawn
 * its first page of them (after the first few, cards are added a few per task: `aria-busy`).
 */
export async function waitForFeed(page: Page): Promise<void> {
  await expect(feedCards(page).first()).toBeVisible();
  await expect(page.locator('ul.feed')).toHaveAttribute('aria-busy', 'false');
}

/**
 * Signs in through the sign-in form of the server at `origin` ('' for the shared one) and waits
 * for `next`. The demo accounts all have the same password.
 */
export async function signInAt(page: Page, origin: string, email: string, next: string, password = 'placette-demo'): Promise<void> {
  await page.goto(`${origin}/login?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('main form button[type="submit"]').first().click();
  // `next` may carry a query (`/merchant/shops/1/orders/print?date=…`).
  await page.waitForURL((url) => url.pathname === next || url.pathname + url.search === next);
}

/** Opens the home page of an onboarded device and waits for cards. */
export async function openFeed(page: Page): Promise<void> {
  await page.goto('/');
  await waitForFeed(page);
}

/**
 * Scrolls to the end of the feed and asks for more cards, like a reader would. Scrolls and
 * presses with the keyboard, not the mouse, so that no card is hovered (SvelteKit preloads the
 * code of a hovered link, which would make request logs depend on the pointer position).
 */
export async function scrollFeed(page: Page, pages = 2): Promise<void> {
  const more = page.getByRole('button', { name: /^(Voir plus|Show more)$/ });
  for (let i = 0; i < pages; i++) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    if (!(await more.isVisible())) break;
    const before = await feedCards(page).count();
    await more.press('Enter');
    await expect.poll(() => feedCards(page).count()).toBeGreaterThan(before);
  }
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
}

/** Shows the whole feed (presses "Voir plus" until there is no more). */
export async function showWholeFeed(page: Page): Promise<void> {
  await scrollFeed(page, 100);
}

export async function feedIds(page: Page): Promise<string[]> {
  return feedCards(page).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item-id') ?? ''));
}

export interface RecordedRequest {
  method: string;
  url: string;
  resourceType: string;
  headers: Record<string, string>;
  postData: string | null;
}

/**
 * Records every request made in the browser context from now on: all its pages, their workers
 * and any service worker.
 */
export function recordRequests(context: BrowserContext): RecordedRequest[] {
  const log: RecordedRequest[] = [];
  context.on('request', (request: Request) => {
    log.push({
      method: request.method(),
      url: request.url(),
      resourceType: request.resourceType(),
      headers: request.headers(),
      postData: request.postData()
    });
  });
  return log;
}

/** The URLs of requests that went anywhere but `origin` (data: and blob: URLs never leave the browser). */
export function offOrigin(requests: RecordedRequest[], origin = mainServer.origin): string[] {
  return requests
    .map((r) => r.url)
    .filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
}

/** method + path + query, sorted and de-duplicated: what the server could learn. */
export function requestSignature(requests: RecordedRequest[]): string[] {
  return [...new Set(requests.map((r) => {
    const url = new URL(r.url);
    return `${r.method} ${url.pathname}${url.search}`;
  }))].sort();
}

/**
 * Waits for the app's start-up work to end: the service worker, which the app registers a couple
 * of seconds after the page has loaded, has installed (precache done) and the network is quiet.
 * Tests that compare or forbid requests start recording after this.
 */
export async function waitForAppSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForLoadState('networkidle');
}

/** Waits until the service worker has installed (precache done), is active and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await waitForAppSettled(page);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe('activated');
}

/**
 * A value of the device's IndexedDB key-value store (idb-keyval's default store, which the app
 * and its service worker share), or undefined. Never creates the database.
 */
export function readDeviceStore(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (key) =>
      new Promise<unknown>((resolve) => {
        const open = indexedDB.open('keyval-store');
        // Not created yet: do not create it here, or without its object store (idb-keyval only
        // creates the store when it creates the database, and would then fail on it for good).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve(undefined);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('keyval')) {
            db.close();
            return resolve(undefined);
          }
          const get = db.transaction('keyval').objectStore('keyval').get(key);
          get.onsuccess = () => {
            db.close();
            resolve(get.result as unknown);
          };
          get.onerror = () => {
            db.close();
            resolve(undefined);
          };
        };
      }),
    key
  );
}

/** Item ids of the demo catalog by kind, fetched once per worker from the public API. */
export interface CatalogItemLite {
  id: string;
  kind: string;
  title: string;
  themes: string[];
  slug?: string;
  starts_at?: string;
  ends_at?: string | null;
  shop?: string;
  shop_slug?: string;
}
