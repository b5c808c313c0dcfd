import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { offOrigin, openFeed, prefs, readDeviceStore, recordRequests, seedPrefs, waitForServiceWorker, type DevicePrefs } from './support/app';
import { mainServer } from './support/paths';
import { deliverPush, serverDigest, shownNotifications, type ShownNotification } from './support/push';
import type { DigestPayload } from '../../src/lib/schemas/push';

/**
 * The daily digest is the same broadcast for every subscriber; the device words it from its own
 * themes. A real push message (the digest built by the server's code from the running server's
 * database) goes to the real service worker in Chromium through the DevTools protocol, and the
 * notification it shows is read back from the registration.
 */

test.use({ serviceWorkers: 'allow' });

const origin = mainServer.origin;
/** The theme the first device follows. */
const FOLLOWED = 'librairies';

type Item = DigestPayload['items'][number];

/**
 * Opens the app on a device with these themes, waits until the service worker controls the page
 * and the IndexedDB copy of the preferences it reads has those themes, delivers the digest and
 * returns the one notification shown.
 */
async function receiveDigest(context: BrowserContext, page: Page, themes: DevicePrefs['themes'], body: string): Promise<ShownNotification> {
  await context.grantPermissions(['notifications'], { origin });
  await seedPrefs(context, prefs({ themes, onboarded: true }));
  await openFeed(page);
  await waitForServiceWorker(page);
  expect(await page.evaluate(() => Notification.permission)).toBe('granted');

  // The service worker cannot read localStorage: the store mirrors the preferences into IndexedDB.
  await expect
    .poll(async () => ((await readDeviceStore(page, 'placette.prefs')) as DevicePrefs | undefined)?.themes ?? null, {
      message: 'the IndexedDB copy of the preferences'
    })
    .toEqual(themes);
  expect(await shownNotifications(page)).toEqual([]);

  const cdp = await context.newCDPSession(page);
  await deliverPush(cdp, `${origin}/service-worker.js`, body);
  await expect.poll(async () => (await shownNotifications(page)).length, { message: 'a notification shown' }).toBe(1);
  const [notification] = await shownNotifications(page);
  await cdp.detach();

  // Common to both wordings: the app's tag (a newer digest replaces it), same-origin icon and target.
  expect(notification.tag).toBe('placette-digest');
  expect(notification.lang).toBe('fr');
  expect(new URL(notification.icon).origin).toBe(origin);
  const target = (notification.data as { url?: unknown } | null)?.url;
  expect(typeof target).toBe('string');
  expect(target as string, 'a path, not a URL').toMatch(/^\/(?![/\\])/);
  expect(new URL(target as string, origin).origin).toBe(origin);
  return notification;
}

test.describe('push digest notifications', () => {
  test(`a device following « ${FOLLOWED} » is told about the matching deals, by name`, async ({ context, page }) => {
    const requests = recordRequests(context);
    const digest = serverDigest(mainServer.database);
    const matched = digest.payload.items.filter((item) => item.themes.includes(FOLLOWED));
    expect(matched.length, `the digest has an item about ${FOLLOWED}`).toBeGreaterThan(0);
    expect(matched.length, 'few enough matches to all be named').toBeLessThanOrEqual(3);
    expect(matched.every((item) => item.kind === 'deal'), 'the matches are deals').toBe(true);

    const notification = await receiveDigest(context, page, { [FOLLOWED]: 'high' }, digest.body);

    expect(notification.title).toBe(matched.length === 1 ? 'Un bon plan pour vous' : `${matched.length} bons plans pour vous`);
    const named = (item: Item) => (item.shop_name ? `${item.shop_name}\u00a0: ${item.title}` : item.title);
    expect(notification.body.split(' · ').sort()).toEqual(matched.map(named).sort());
    // Only what matched is named.
    for (const other of digest.payload.items.filter((item) => !matched.includes(item))) expect(notification.body).not.toContain(other.title);
    const url = (notification.data as { url: string }).url;
    expect(url).toBe(matched.length === 1 ? `/items/${matched[0].id}` : '/');

    // The tap target is a page of this app about that deal.
    await page.goto(url);
    if (matched.length === 1) await expect(page.getByRole('heading', { level: 1 })).toHaveText(matched[0].title);

    expect(requests.length).toBeGreaterThan(5);
    expect(offOrigin(requests, origin)).toEqual([]);
  });

  test('a device whose themes match nothing in the digest gets the neutral wording', async ({ context, page, catalog }) => {
    const requests = recordRequests(context);
    const digest = serverDigest(mainServer.database);
    const inDigest = new Set(digest.payload.items.flatMap((item) => item.themes));
    // The opposite profile: themes the digest does not carry at all (including FOLLOWED's absence).
    const elsewhere = catalog.data.themes.map((t) => t.slug).filter((slug) => !inDigest.has(slug) && slug !== FOLLOWED);
    expect(elsewhere.length, 'a theme no digest item carries').toBeGreaterThan(0);
    const themes = Object.fromEntries(elsewhere.slice(0, 2).map((slug) => [slug, 'high' as const]));

    const notification = await receiveDigest(context, page, themes, digest.body);

    const count = digest.payload.items.length;
    expect(notification.title).toBe(`Nouveautés à ${digest.payload.city}`);
    expect(notification.body).toBe(
      count === 1 ? 'Une nouveauté à découvrir\u00a0: bons plans et sorties.' : `${count} nouveautés à découvrir\u00a0: bons plans et sorties.`
    );
    for (const item of digest.payload.items) expect(notification.body).not.toContain(item.title);
    expect((notification.data as { url: string }).url).toBe('/');

    expect(requests.length).toBeGreaterThan(5);
    expect(offOrigin(requests, origin)).toEqual([]);
  });
});
