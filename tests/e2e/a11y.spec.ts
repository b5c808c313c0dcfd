import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type DemoCatalog } from './support/fixtures';
import { prefs, seedPrefs, waitForFeed } from './support/app';
import { basketOf, seedBasket, type DeviceBasket } from './support/basket';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

interface Screen {
  name: string;
  /** Path, or a function of the demo catalog. */
  path: string | ((catalog: DemoCatalog) => string);
  /** Waits until the page shows its real content (not a skeleton). */
  ready: (page: Page) => Promise<void>;
  /** First visit: no preferences on the device. */
  firstVisit?: boolean;
  status?: number;
  /** A basket on the device. */
  basket?: (catalog: DemoCatalog) => DeviceBasket;
}

const heading = async (page: Page) => {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // Signed-in pages keep the messages stream open, so the network is never idle there.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => page.waitForLoadState('load'));
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
};

const screens: Screen[] = [
  { name: 'feed', path: '/', ready: waitForFeed },
  {
    name: 'onboarding',
    path: '/',
    firstVisit: true,
    ready: async (page) => {
      await waitForFeed(page);
      await expect(page.locator('section.onboarding input[data-theme]').first()).toBeAttached();
    }
  },
  { name: 'explore', path: '/explore', ready: heading },
  { name: 'explore events', path: '/explore/event', ready: heading },
  { name: 'explore shops', path: '/explore/shop', ready: heading },
  { name: 'map', path: '/map', ready: heading },
  { name: 'item', path: (c) => `/items/${c.upcomingEvents()[0].id}`, ready: heading },
  { name: 'shop', path: (c) => `/shops/${c.shopWithProductsAndDeals().slug}`, ready: heading },
  { name: 'search', path: '/search?q=opera', ready: heading },
  { name: 'favorites', path: '/favorites', ready: heading },
  { name: 'basket (empty)', path: '/basket', ready: heading },
  {
    name: 'basket',
    path: '/basket',
    ready: heading,
    basket: (c) => {
      const products = c.ofKind('product').filter((p) => (p.stock ?? 0) > 2);
      const shops = [...new Set(products.map((p) => p.shop))].slice(0, 2);
      return basketOf(shops.map((s) => [products.find((p) => p.shop === s)!, 2]));
    }
  },
  { name: 'preferences', path: '/preferences', ready: heading },
  { name: 'privacy', path: '/privacy', ready: heading },
  { name: 'sign up', path: '/signup', ready: heading },
  { name: 'sign in', path: '/login', ready: heading },
  {
    // The shop application, with its map to place the shop (loaded after the page).
    name: 'merchant join',
    path: '/merchant/join',
    ready: async (page) => {
      await heading(page);
      await expect(page.getByTestId('location-picker')).toHaveAttribute('aria-busy', 'false');
    }
  },
  { name: '404', path: '/nulle-part', ready: heading, status: 404 }
];

async function expectNoViolations(page: Page, screen: Screen, catalog: DemoCatalog): Promise<void> {
  const path = typeof screen.path === 'string' ? screen.path : screen.path(catalog);
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(screen.status ?? 200);
  await screen.ready(page);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('').trim()}`)
  }));
  expect(summary, `axe violations on ${path}`).toEqual([]);
}

test.describe('accessibility (axe, WCAG 2.1 AA) on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: false, hasTouch: true });

  for (const screen of screens) {
    test(`${screen.name} at 390×844`, async ({ page, context, catalog }) => {
      if (!screen.firstVisit) await seedPrefs(context, prefs({ themes: { opera: 'high', patrimoine: 'low', sport: 'muted' }, saved: [catalog.upcomingEvents()[0].id], followedShops: [catalog.shopWithProductsAndDeals().id] }));
      if (screen.basket) await seedBasket(context, screen.basket(catalog));
      await expectNoViolations(page, screen, catalog);
    });
  }
});

test.describe('accessibility in dark mode on a desktop', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 1280, height: 800 } });

  // The first-visit home page shows the onboarding panel above the feed: both are checked.
  for (const name of ['onboarding', 'item', 'shop', 'preferences', 'map', 'merchant join', 'basket']) {
    const screen = screens.find((s) => s.name === name)!;
    test(`${name} (dark)`, async ({ page, context, catalog }) => {
      if (!screen.firstVisit) await seedPrefs(context, prefs({ themes: { opera: 'high' } }));
      if (screen.basket) await seedBasket(context, screen.basket(catalog));
      await expectNoViolations(page, screen, catalog);
    });
  }
});

test.describe('accessibility of the merchant orders pages', () => {
  // The florist's board, preparation list, sales report and pickup/delivery settings, signed in.
  const pages = [
    { name: 'orders overview', path: () => '/merchant/orders' },
    { name: 'orders board', path: (id: string) => `/merchant/shops/${id}/orders` },
    { name: 'preparation list', path: (id: string) => `/merchant/shops/${id}/orders/print` },
    { name: 'sales report', path: (id: string) => `/merchant/shops/${id}/payouts` },
    { name: 'pickup and delivery settings', path: (id: string) => `/merchant/shops/${id}/settings/orders` }
  ];
  for (const [viewport, colorScheme] of [
    [{ width: 390, height: 844 }, 'light'],
    [{ width: 1280, height: 800 }, 'dark']
  ] as const) {
    test(`merchant orders pages at ${viewport.width} (${colorScheme})`, async ({ page, context, catalog }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await seedPrefs(context, prefs());
      await page.goto('/login?next=%2Fmerchant%2Forders');
      await page.locator('input[name="email"]').fill('fleuriste@placette.test');
      await page.locator('input[name="password"]').fill('placette-demo');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL(/\/merchant\/orders$/);
      const shopId = catalog.items.find((i) => i.kind === 'shop' && i.slug === 'petales-et-briques')!.id.split('-')[1];
      for (const screen of pages) await expectNoViolations(page, { name: screen.name, path: screen.path(shopId), ready: heading }, catalog);
    });
  }
});

test.describe('keyboard', () => {
  test('the first Tab reaches the skip link, which moves focus to the main content', async ({ page, context }) => {
    await seedPrefs(context, prefs());
    await page.goto('/');
    await waitForFeed(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
    // The next Tab continues inside the main content, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  });

  test('onboarding themes can be chosen with the keyboard', async ({ page }) => {
    await page.goto('/');
    await waitForFeed(page);
    const first = page.locator('section.onboarding input[data-theme]').first();
    for (let i = 0; i < 40 && !(await first.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(first).toBeFocused();
    await page.keyboard.press('Space');
    await expect(first).toBeChecked();
    // The focus is visible on the chip that holds the (visually hidden) checkbox.
    const outline = await page.locator('section.onboarding label').filter({ has: page.locator('input[data-theme]:focus') }).evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
  });
});

test.describe('accessibility of the message pages (signed in, phone)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto('/login');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('placette-demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/account$/);
  }

  async function expectClean(page: Page, path: string): Promise<void> {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    // A signed-in page keeps its message stream open: never "network idle".
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState('load');
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations.map((v) => ({ rule: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })), `axe violations on ${path}`).toEqual([]);
  }

  // The account page with its notifications switch (the switch's other states: personal-push.spec.ts).
  test('citizen: account page, notifications switch off', async ({ page, context }) => {
    await context.grantPermissions(['notifications']);
    await signIn(page, 'habitant@placette.test');
    // Signed in, the page is /account; its switch settles once the service worker answers.
    await expect(page.locator('section[aria-labelledby="notif-title"]')).toHaveAttribute('data-state', 'off');
    await expect(page.getByRole('switch', { name: 'Notifications de mes commandes et messages' })).toBeEnabled();
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations.map((v) => ({ rule: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })), 'axe violations on /account').toEqual([]);
  });

  test('citizen: inbox, new message, thread; shop: inbox and thread', async ({ page, browser, catalog }) => {
    test.setTimeout(90_000);
    const shop = catalog.ofKind('shop').find((s) => s.slug === 'petales-et-briques')!;
    await signIn(page, 'habitant@placette.test');
    const started = await page.request.post('/api/conversations', { data: { shopId: shop.id, body: 'Bonjour, ouvert dimanche ?' } });
    expect(started.status()).toBe(201);
    const { id } = (await started.json()) as { id: number };
    await expectClean(page, '/messages');
    await expectClean(page, `/messages/new?shop=${shop.id}`);
    await expectClean(page, `/messages/${id}`);

    const merchantContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    const merchant = await merchantContext.newPage();
    await signIn(merchant, 'fleuriste@placette.test');
    await expectClean(merchant, '/merchant/messages');
    await expectClean(merchant, `/merchant/messages/${id}`);
    await merchantContext.close();
  });
});
