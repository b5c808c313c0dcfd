import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/** Helpers shared by the map specs (built-in base map and operator tiles). */

export function surface(page: Page): Locator {
  return page.getByTestId('map-surface');
}

export function markers(page: Page, kind?: string): Locator {
  return surface(page).locator(kind ? `button.marker[data-kinds~="${kind}"]` : 'button.marker');
}

/**
 * Opens /map (of `origin`, else the test's base URL) and waits for the base map and the markers.
 * MapLibre on a software GPU takes a few seconds more than the built-in map to draw: `timeout`.
 */
export async function openMap(page: Page, { origin = '', timeout }: { origin?: string; timeout?: number } = {}): Promise<void> {
  await page.goto(`${origin}/map`);
  await expect(page.getByRole('heading', { level: 1, name: 'Carte du centre-ville' })).toBeVisible();
  await expect(surface(page)).toHaveAttribute('aria-busy', 'false', { timeout });
  await expect(markers(page).first()).toBeVisible();
}

/** `locator`'s box once it has stopped moving (a zoom animates the markers to their new places). */
export async function settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await locator.boundingBox();
  await expect
    .poll(async () => {
      const now = await locator.boundingBox();
      const still = !!now && !!last && now.x === last.x && now.y === last.y;
      last = now;
      return still;
    }, { intervals: [100] })
    .toBe(true);
  return last!;
}

/** A marker for one place, well inside the map (clear of its controls and edges). */
export async function singleMarker(page: Page): Promise<Locator> {
  const key = await surface(page)
    .locator('button.marker[data-count="1"]')
    .evaluateAll((els) => {
      const box = els[0]?.closest('[data-testid="map-surface"]')?.getBoundingClientRect();
      if (!box) return null;
      const inside = els.find((el) => {
        const r = el.getBoundingClientRect();
        return r.left > box.left + 60 && r.right < box.right - 70 && r.top > box.top + 70 && r.bottom < Math.min(box.bottom, innerHeight - 80) - 40;
      });
      return inside?.getAttribute('data-marker') ?? null;
    });
  expect(key, 'a single-place marker in sight').toBeTruthy();
  return surface(page).locator(`button.marker[data-marker="${key}"]`);
}

/**
 * The URL path of the built-in base map's module: its paths, computed from the GeoJSON in
 * static/map when the app was built (scripts/vite/basemap.ts), under a hashed name the build's
 * manifest gives.
 */
export function basemapModulePath(): string {
  const manifest = JSON.parse(readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')) as Record<string, { file: string }>;
  const entry = manifest['static/map/toulouse-centre.geojson?basemap'];
  expect(entry, 'the build has the base map module (npm run build)').toBeTruthy();
  return `/${entry.file}`;
}
