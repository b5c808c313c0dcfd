import type { Locator, Page } from '@playwright/test';
import { expect, test, type DemoCatalog } from './support/fixtures';
import { feedCards, feedIds, prefs, readPrefs, seedPrefs, showWholeFeed, waitForFeed } from './support/app';

/** « Nouveau depuis votre dernière visite »: computed on the device from prefs.lastVisit. */

const HOUR = 3_600_000;

/** When an item last appeared or changed, as the app reads it (updated_at / published_at). */
function changedAt(catalog: DemoCatalog, id: string): number {
  const item = catalog.byId(id) as unknown as { updated_at: string; published_at?: string };
  return Math.max(Date.parse(item.updated_at), item.published_at ? Date.parse(item.published_at) : -Infinity);
}

function filters(page: Page): Locator {
  return page.getByRole('group', { name: 'Filtrer le fil' });
}

function newPill(page: Page): Locator {
  return filters(page).getByRole('button', { name: /^Nouveautés/ });
}

/** Ids of the cards showing the « Nouveau » badge, top to bottom. */
function badgedIds(page: Page): Promise<string[]> {
  return page.locator('ul.feed article[data-item-id]:has(.chip.new)').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item-id') ?? ''));
}

/**
 * A reference instant between two items' change times, chosen so that about a third of the
 * catalog (products aside, which the feed leaves out without followed themes) is newer.
 */
function referenceBetweenItems(catalog: DemoCatalog): string {
  const times = [...new Set(catalog.items.filter((i) => i.kind !== 'product').map((i) => changedAt(catalog, i.id)))].sort((a, b) => b - a);
  const k = Math.floor(times.length / 3);
  return new Date(Math.round((times[k] + times[k + 1]) / 2)).toISOString();
}

test.describe('new since the last visit', () => {
  test('a first visit marks nothing new and records the visit on the device', async ({ page, context }) => {
    await seedPrefs(context, prefs({ lastVisit: null }));
    const before = Date.now();
    await page.goto('/');
    await waitForFeed(page);
    await expect(filters(page).getByRole('button', { name: 'Tout', exact: true })).toBeVisible();
    await expect(newPill(page)).toHaveCount(0);
    await showWholeFeed(page);
    expect(await page.locator('ul.feed .chip.new').count()).toBe(0);

    const stored = Date.parse((await readPrefs(page))?.lastVisit ?? '');
    expect(stored).toBeGreaterThanOrEqual(before - 1000);
    expect(stored).toBeLessThanOrEqual(Date.now() + 1000);

    // A reload a moment later is the same (first) visit: still nothing is new.
    await page.reload();
    await waitForFeed(page);
    await expect(newPill(page)).toHaveCount(0);
    expect(await page.locator('ul.feed .chip.new').count()).toBe(0);
  });

  test('cards changed since the previous visit carry a badge; « Nouveautés » shows only them', async ({ page, context, catalog }) => {
    const since = referenceBetweenItems(catalog);
    await seedPrefs(context, prefs({ lastVisit: since }));
    await page.goto('/');
    await waitForFeed(page);

    await showWholeFeed(page);
    const all = await feedIds(page);
    const expected = all.filter((id) => changedAt(catalog, id) > Date.parse(since));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(await badgedIds(page)).toEqual(expected);
    await expect(page.locator(`ul.feed article[data-item-id="${expected[0]}"] .chip.new`)).toHaveText('Nouveau');

    // The pill counts them and filters the feed down to them.
    await expect(newPill(page)).toContainText(String(expected.length));
    await newPill(page).click();
    await expect(newPill(page)).toHaveAttribute('aria-pressed', 'true');
    await showWholeFeed(page);
    const shown = await feedIds(page);
    expect([...shown].sort()).toEqual([...expected].sort());
    expect(await badgedIds(page)).toEqual(shown);

    // Back to everything.
    const everything = filters(page).getByRole('button', { name: 'Tout', exact: true });
    await everything.click();
    await expect(everything).toHaveAttribute('aria-pressed', 'true');
    await expect(newPill(page)).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(async () => (await feedIds(page)).join()).toBe(all.slice(0, await feedCards(page).count()).join());

    // The visit is recorded, but a reload within the visit keeps the same reference.
    expect(Date.parse((await readPrefs(page))?.lastVisit ?? '')).toBeGreaterThan(Date.parse(since));
    await page.reload();
    await waitForFeed(page);
    await expect(newPill(page)).toContainText(String(expected.length));
    await showWholeFeed(page);
    expect(await badgedIds(page)).toEqual(expected);
  });

  test('the next visit, hours later, measures from this one', async ({ page, context, catalog }) => {
    await seedPrefs(context, prefs({ lastVisit: referenceBetweenItems(catalog) }));
    await page.goto('/');
    await waitForFeed(page);
    await expect(newPill(page)).toBeVisible();

    // Come back three hours later: nothing in the demo catalog changed since this visit.
    await page.clock.install({ time: new Date(Date.now() + 3 * HOUR) });
    await page.reload();
    await waitForFeed(page);
    await expect(filters(page).getByRole('button', { name: 'Tout', exact: true })).toBeVisible();
    await expect(newPill(page)).toHaveCount(0);
    expect(await page.locator('ul.feed .chip.new').count()).toBe(0);
  });

  test('English labels', async ({ page, context, catalog }) => {
    await seedPrefs(context, prefs({ locale: 'en', lastVisit: referenceBetweenItems(catalog) }));
    await page.goto('/');
    await waitForFeed(page);
    await expect(page.getByRole('group', { name: 'Filter the feed' }).getByRole('button', { name: /^New \d+$/ })).toBeVisible();
    await expect(page.locator('ul.feed .chip.new').first()).toHaveText('New');
  });
});
