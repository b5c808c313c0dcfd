import { readFileSync } from 'node:fs';
import { escapeHtml, expect, test } from './support/fixtures';
import { prefs, readPrefs, recordRequests, seedPrefs, showWholeFeed, waitForAppSettled, waitForFeed } from './support/app';
import { FeedPage } from './pages/feed';
import { PreferencesPage } from './pages/preferences';

const THEME_REASON = /^Parce que vous suivez (.+)$/;

/** Day of the month of an instant in Paris, as the UI shows it. */
function parisDayOfMonth(iso: string): number {
  return Number(new Intl.DateTimeFormat('fr-FR', { day: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(iso)));
}

test.describe('first visit', () => {
  test('invites to pick themes, and skipping still shows a feed', async ({ page }) => {
    const feed = new FeedPage(page);
    await feed.goto();
    await expect(feed.onboarding.getByRole('heading', { name: 'Qu’est-ce qui vous intéresse ?' })).toBeVisible();
    await expect(feed.onboarding).toContainText('le serveur ne les reçoit jamais');
    expect(await feed.onboarding.locator('input[data-theme]').count()).toBeGreaterThanOrEqual(14);

    await feed.skip();
    await expect(feed.cards.first()).toBeVisible();
    expect(await feed.cards.count()).toBeGreaterThanOrEqual(12);
    // Without themes the feed explains itself and offers to choose some.
    await expect(page.getByRole('link', { name: 'Modifier mes thèmes' }).first()).toBeVisible();

    await page.reload();
    await waitForFeed(page);
    await expect(feed.onboarding).toBeHidden();
  });

  test('picking Patrimoine and Opéra puts matching cards at the top, with the reason', async ({ page }) => {
    const feed = new FeedPage(page);
    await feed.goto();
    await feed.pickTheme('patrimoine');
    await feed.pickTheme('opera');
    await feed.start();

    const reasons = await feed.reasons(8);
    for (const reason of reasons.slice(0, 4)) {
      expect(reason).toMatch(/^Parce que vous suivez (Patrimoine|Opéra & musique classique)$/);
    }
    expect(reasons).toContain('Parce que vous suivez Patrimoine');
    expect(reasons).toContain('Parce que vous suivez Opéra & musique classique');
    expect((await readPrefs(page))?.themes).toEqual({ patrimoine: 'high', opera: 'high' });

    // The choice stays on the device across visits.
    await page.reload();
    await waitForFeed(page);
    await expect(feed.onboarding).toBeHidden();
    expect((await feed.reasons(1))[0]).toMatch(/Patrimoine|Opéra/);
  });
});

test.describe('personal feed', () => {
  test('changing themes on /preferences re-ranks the feed without any network request', async ({ page, context }) => {
    await seedPrefs(context, prefs({ themes: { patrimoine: 'high' } }));
    const feed = new FeedPage(page);
    await feed.goto();
    expect((await feed.reasons(1))[0]).toBe('Parce que vous suivez Patrimoine');

    // Open the preferences through the app, then watch the network while changing themes.
    await page.getByRole('navigation', { name: 'Navigation principale' }).first().getByRole('link', { name: 'Préférences' }).click();
    const preferences = new PreferencesPage(page);
    await preferences.ready();
    await waitForAppSettled(page);
    const requests = recordRequests(context);

    await preferences.unfollow('patrimoine');
    await preferences.follow('sport');
    await page.getByRole('navigation', { name: 'Navigation principale' }).first().getByRole('link', { name: 'Pour vous' }).click();
    await waitForFeed(page);
    await expect.poll(async () => (await feed.reasons(1))[0]).toBe('Parce que vous suivez Sport');
    expect(await feed.reasons(6)).not.toContain('Parce que vous suivez Patrimoine');
    // (Chromium re-checks the tab icon on every same-document navigation; that is the browser, not the app.)
    const appRequests = requests.filter((r) => new URL(r.url).pathname !== '/favicon.svg');
    expect(appRequests.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  test('a muted theme disappears from the feed', async ({ page, context, catalog }) => {
    const heritage = new Set(catalog.withTheme('patrimoine').map((i) => i.id));
    expect(heritage.size).toBeGreaterThan(5);
    await seedPrefs(context, prefs({ themes: { opera: 'high' } }));

    const feed = new FeedPage(page);
    await feed.goto();
    await feed.filter('Patrimoine');
    expect((await feed.ids()).filter((id) => heritage.has(id)).length).toBeGreaterThan(3);

    const preferences = new PreferencesPage(page);
    await preferences.goto();
    await preferences.mute('patrimoine');
    expect((await readPrefs(page))?.themes).toEqual({ opera: 'high', patrimoine: 'muted' });

    await feed.goto();
    await showWholeFeed(page);
    const shown = await feed.ids();
    expect(shown.length).toBeGreaterThan(24);
    expect(shown.filter((id) => heritage.has(id))).toEqual([]);
    // Not even in the heritage section of the feed.
    await feed.filter('Patrimoine');
    expect((await feed.ids()).filter((id) => heritage.has(id))).toEqual([]);
  });

  test('events show their date', async ({ page, context, catalog }) => {
    await seedPrefs(context, prefs());
    const feed = new FeedPage(page);
    await feed.goto();
    await feed.filter('Agenda');
    const events = page.locator('ul.feed article[data-kind="event"]');
    await expect(events.first()).toBeVisible();
    expect(await page.locator('ul.feed article:not([data-kind="event"])').count()).toBe(0);

    const count = Math.min(await events.count(), 8);
    for (let i = 0; i < count; i++) {
      const card = events.nth(i);
      const id = (await card.getAttribute('data-item-id'))!;
      const event = catalog.byId(id);
      const fact = (await card.locator('.fact').textContent())?.replace(/\u00a0/g, ' ').trim() ?? '';
      // "sam. 6 déc., 20 h", "aujourd’hui, 20 h 30", "demain, 9 h"
      expect(fact, id).toMatch(/^(aujourd’hui|demain|[a-zéû]{3,5}\. \d{1,2} [a-zéû]{3,5}\.?( \d{4})?), \d{1,2} h( \d{2})?$/);
      if (!/^(aujourd’hui|demain)/.test(fact)) expect(fact, id).toContain(` ${parisDayOfMonth(event.starts_at!)} `);
    }
  });
});

test.describe('item and shop pages', () => {
  test('an item page works from a direct link (server-rendered) and from the feed', async ({ page, request, catalog, context }) => {
    const event = catalog.upcomingEvents()[0];
    const response = await request.get(`/items/${event.id}`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain(escapeHtml(event.title));
    expect(html).toMatch(/<h1[^>]*>[^<]*/);

    await page.goto(`/items/${event.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(event.title);
    await expect(page).toHaveTitle(new RegExp(event.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expect(page.getByText('Quand')).toBeVisible();

    // In-app: from the feed, by clicking a card.
    await seedPrefs(context, prefs());
    const feed = new FeedPage(page);
    await feed.goto();
    const card = feed.cards.filter({ has: page.locator('a[href^="/items/"]') }).first();
    const title = (await card.getByRole('heading').textContent())!.trim();
    await card.getByRole('link').click();
    await expect(page).toHaveURL(/\/items\/[a-z]+-\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('a shop page shows hours, open/closed, products and deals', async ({ page, request, catalog }) => {
    const shop = catalog.shopWithProductsAndDeals();
    const response = await request.get(`/shops/${shop.slug}`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain(escapeHtml(shop.title));

    await page.goto(`/shops/${shop.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(shop.title);
    const hours = page.getByRole('table', { name: 'Horaires' });
    await expect(hours).toBeVisible();
    await expect(hours.getByRole('row')).toHaveCount(7);
    await expect(hours.getByRole('rowheader').first()).toHaveText(/lundi/i);
    await expect(page.getByTestId('open-state')).toHaveText(/^(Ouvert|Fermé|Ouvre)/);

    const products = catalog.ofKind('product').filter((p) => p.shop === shop.id);
    const productSection = page.getByRole('region', { name: 'Produits' });
    await expect(productSection.locator('article[data-kind="product"]')).toHaveCount(products.length);
    await expect(productSection.getByText(/\d+,\d{2}\s?€/).first()).toBeVisible();
    const deals = page.getByRole('region', { name: 'Bons plans en cours' });
    await expect(deals.locator('article[data-kind="deal"]').first()).toBeVisible();

    // In-app navigation from a product back to its shop.
    await productSection.locator('article[data-kind="product"] a').first().click();
    await expect(page).toHaveURL(/\/items\/product-\d+$/);
    await page.getByRole('link', { name: new RegExp(shop.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
    await expect(page).toHaveURL(`/shops/${shop.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(shop.title);
  });

  test('an unknown page shows a 404 with a way home', async ({ page }) => {
    const response = await page.goto('/cette-page-n-existe-pas');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await page.getByRole('link', { name: 'Retour à l’accueil' }).click();
    await waitForFeed(page);
  });
});

test.describe('search', () => {
  test('finds the Théâtre du Capitole without accents, and survives a typo', async ({ page, context }) => {
    await seedPrefs(context, prefs());
    await page.goto('/search?q=theatre');
    const main = page.locator('main');
    await expect(main.getByText(/\d+\s+résultats?\s+pour\s+«\s*theatre\s*»/)).toBeVisible();
    await expect(main.locator('article').getByRole('heading', { name: 'Théâtre du Capitole', exact: true })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Que cherchez-vous ?' })).toHaveValue('theatre');

    // Typing in the box searches on the device.
    const box = page.getByRole('searchbox', { name: 'Que cherchez-vous ?' });
    await box.fill('basilque sernin');
    await expect(main.locator('article').getByRole('heading', { name: 'Basilique Saint-Sernin', exact: true })).toBeVisible();

    await box.fill('jacobin');
    await expect(main.locator('article').getByRole('heading', { name: 'Couvent des Jacobins', exact: true })).toBeVisible();

    await box.fill('zzqxwv');
    await expect(main.getByRole('heading', { name: /Aucun résultat pour\s+«\s*zzqxwv\s*»/ })).toBeVisible();
  });
});

test.describe('language', () => {
  test('French by default; switching to English changes the interface and persists', async ({ page, request }) => {
    const html = await (await request.get('/')).text();
    expect(html).toMatch(/<html[^>]*\blang="fr"/);

    await page.goto('/');
    await waitForFeed(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pour vous');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('For you');
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).first()).toBeVisible();

    await page.reload();
    await waitForFeed(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('For you');
    await expect(page.getByRole('button', { name: 'Passer en français' })).toBeVisible();
  });
});

test.describe('favourites', () => {
  test('a saved item is on /favorites after a reload', async ({ page, context, catalog }) => {
    await seedPrefs(context, prefs());
    const event = catalog.upcomingEvents()[0];
    await page.goto(`/items/${event.id}`);
    const save = page.getByRole('button', { name: 'Ajouter aux favoris' });
    await save.click();
    await expect(page.getByRole('button', { name: 'Dans vos favoris' })).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('navigation', { name: 'Navigation principale' }).first().getByRole('link', { name: 'Favoris' }).click();
    await expect(page).toHaveURL('/favorites');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes favoris');
    await expect(page.locator('main article', { hasText: event.title })).toBeVisible();
  });

  test('following a shop keeps it followed and brings it into the feed', async ({ page, context, catalog }) => {
    await seedPrefs(context, prefs());
    const shop = catalog.shopWithProductsAndDeals();
    await page.goto(`/shops/${shop.slug}`);
    await page.getByRole('button', { name: 'Suivre la boutique' }).click();
    await expect(page.getByRole('button', { name: 'Boutique suivie' })).toHaveAttribute('aria-pressed', 'true');

    await page.reload();
    await expect(page.getByRole('button', { name: 'Boutique suivie' })).toHaveAttribute('aria-pressed', 'true');

    const feed = new FeedPage(page);
    await feed.goto();
    await expect(feed.cards.filter({ hasText: 'Une boutique que vous suivez' }).first()).toBeVisible();
    await expect(feed.card(shop.id)).toBeVisible();

    await page.goto('/favorites');
    await expect(page.locator('main').getByText(shop.title).first()).toBeVisible();
  });
});

test.describe('moving preferences between devices', () => {
  test('export downloads a JSON file that restores the themes on a fresh device', async ({ page, context, browser }) => {
    const themes = { opera: 'high', patrimoine: 'low', sport: 'muted' } as const;
    await seedPrefs(context, prefs({ themes, saved: ['heritage-1'] }));
    const preferences = new PreferencesPage(page);
    await preferences.goto();
    const file = await preferences.export();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; prefs: { themes: Record<string, string> } };
    expect(exported.format).toBe('placette-preferences');
    expect(exported.prefs.themes).toEqual(themes);

    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      const otherPreferences = new PreferencesPage(other);
      await otherPreferences.goto();
      expect((await readPrefs(other))?.themes ?? {}).toEqual({});
      await otherPreferences.import(file);
      await expect(other.getByText(/Préférences importées/)).toBeVisible();
      await expect.poll(async () => (await readPrefs(other))?.themes).toEqual(themes);
      expect((await readPrefs(other))?.saved).toEqual(['heritage-1']);

      // And the feed of the new device follows them.
      await other.goto('/');
      await waitForFeed(other);
      await expect(other.locator('ul.feed article .why').first()).toHaveText(THEME_REASON);
    } finally {
      await fresh.close();
    }
  });
});
