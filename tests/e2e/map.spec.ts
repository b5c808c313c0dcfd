import { expect, test, type DemoCatalog } from './support/fixtures';
import { offOrigin, prefs, recordRequests, seedPrefs } from './support/app';
import { basemapModulePath, markers, openMap, settledBox, singleMarker, surface } from './support/map';
import { mainServer } from './support/paths';

/** The demo city's centre, a little off any catalog coordinate so that it is easy to spot. */
const HERE = { latitude: 43.60437, longitude: 1.44318, accuracy: 30 };

interface Positioned {
  id: string;
  kind: string;
  title: string;
  slug?: string;
  lat: number;
  lng: number;
}

function positioned(catalog: DemoCatalog, kind: string): Positioned[] {
  return (catalog.ofKind(kind as 'shop') as unknown as Positioned[]).filter((i) => typeof i.lat === 'number');
}

function haversine(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

test.describe('map', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test.beforeEach(async ({ context }) => {
    await seedPrefs(context, prefs());
  });

  test('shows shops, events, heritage and car parks from the device copy, with a list and a scale', async ({ page, catalog }) => {
    await openMap(page);
    for (const kind of ['shop', 'event', 'heritage', 'parking']) {
      await expect(markers(page, kind).first(), kind).toBeAttached();
    }
    // The list says the same without a map: a group per kind, the same counts as the toggles.
    for (const name of ['Boutiques', 'Agenda', 'Patrimoine', 'Se garer']) {
      await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^${name} \\d+$`) })).toBeVisible();
    }
    const counts = await page.getByRole('group', { name: 'Filtrer la carte' }).locator('button[data-kind] .n').allInnerTexts();
    const total = counts.reduce((sum, n) => sum + Number(n), 0);
    expect(total).toBeGreaterThan(60);
    await expect(page.getByRole('heading', { name: /Liste des lieux/ })).toContainText(`${total} sur la carte`);
    // Only upcoming events: every event of the catalog that is over is absent.
    const past = catalog.ofKind('event').filter((e) => Date.parse(e.ends_at ?? e.starts_at!) < Date.now());
    for (const event of past.slice(0, 5)) await expect(page.locator(`[data-item-id="${event.id}"]`)).toHaveCount(0);
    // A real map: the river, district names, a scale bar in metres and the attribution.
    await expect(surface(page).locator('svg text', { hasText: 'Garonne' }).first()).toBeAttached();
    await expect(surface(page).locator('svg text.district', { hasText: /^CAPITOLE$/ })).toBeAttached();
    await expect(page.locator('.scale-text')).toHaveText(/^\d+\s(m|km)$/);
    await expect(page.getByText('Fond de carte : Placette (données simplifiées)')).toBeVisible();
  });

  test('kind toggles hide and show markers and list entries', async ({ page }) => {
    await openMap(page);
    const parking = page.getByRole('button', { name: /^Se garer/ });
    await expect(parking).toHaveAttribute('aria-pressed', 'true');
    await expect(markers(page, 'parking').first()).toBeAttached();

    await parking.click();
    await expect(parking).toHaveAttribute('aria-pressed', 'false');
    await expect(markers(page, 'parking')).toHaveCount(0);
    await expect(page.locator('.list li[data-kind="parking"]')).toHaveCount(0);
    await expect(markers(page, 'shop').first()).toBeAttached();

    await page.getByRole('button', { name: /^Boutiques/ }).click();
    await expect(markers(page, 'shop')).toHaveCount(0);

    await parking.click();
    await expect(markers(page, 'parking').first()).toBeAttached();
    await expect(page.locator('.list li[data-kind="parking"]').first()).toBeAttached();
  });

  test('« Ouvert maintenant » and « Mes thèmes » narrow the map down', async ({ page }) => {
    await openMap(page);
    const shopCount = page.getByRole('button', { name: /^Boutiques/ }).locator('.n');
    const before = Number(await shopCount.innerText());
    await page.getByRole('button', { name: 'Ouvert maintenant' }).click();
    await expect(page.getByRole('button', { name: 'Ouvert maintenant' })).toHaveAttribute('aria-pressed', 'true');
    expect(Number(await shopCount.innerText())).toBeLessThanOrEqual(before);

    // No theme followed on this device: « Mes thèmes » keeps only the car parks, and says why.
    await page.getByRole('button', { name: 'Mes thèmes' }).click();
    await expect(page.getByText('Vous ne suivez encore aucun thème : seuls les parkings restent affichés.')).toBeVisible();
    await expect(markers(page, 'shop')).toHaveCount(0);
    await expect(markers(page, 'parking').first()).toBeAttached();
  });

  test('a marker opens a card with the keyboard, and Escape gives focus back', async ({ page }) => {
    await openMap(page);
    // Tab from the map surface reaches the markers, which are buttons with names.
    await surface(page).focus();
    await page.keyboard.press('Tab');
    const first = page.locator('button.marker:focus');
    await expect(first).toHaveCount(1);
    expect(await first.getAttribute('aria-label')).toBeTruthy();

    // A single place: focus it and press Enter.
    const marker = await singleMarker(page);
    const label = (await marker.getAttribute('aria-label'))!;
    const title = label.slice(0, label.lastIndexOf(', '));
    await marker.focus();
    await page.keyboard.press('Enter');
    const card = page.getByRole('dialog', { name: title });
    await expect(card).toBeVisible();
    await expect(card).toBeFocused();
    await expect(marker).toHaveAttribute('aria-expanded', 'true');
    const link = card.getByRole('link', { name: 'Voir la fiche' });
    await expect(link).toHaveAttribute('href', /^\/(items|shops)\//);

    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect(surface(page).locator(`button.marker[aria-label="${label}"]`)).toBeFocused();

    // The card's link leads to the item's page.
    await surface(page).locator(`button.marker[aria-label="${label}"]`).press('Enter');
    await page.getByRole('dialog', { name: title }).getByRole('link', { name: 'Voir la fiche' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('the controls come before the markers, and a link skips the map for the list', async ({ page }) => {
    await openMap(page);
    await page.getByRole('button', { name: 'Me localiser' }).focus();
    for (const name of ['Zoomer', 'Dézoomer', 'Revenir au centre-ville']) {
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name, exact: true })).toBeFocused();
    }
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Passer la carte et aller à la liste des lieux' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('#map-list')).toBeFocused();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#map-list'))).toBe(true);
  });

  test('arrow keys pan and +/− zoom the map', async ({ page }) => {
    await openMap(page);
    const zoom = async () => Number(await surface(page).getAttribute('data-zoom'));
    const z0 = await zoom();
    await surface(page).focus();
    await page.keyboard.press('+');
    await expect.poll(zoom).toBeCloseTo(Math.round((z0 + 1) * 2) / 2, 1);
    await page.keyboard.press('-');
    await expect.poll(zoom).toBeCloseTo(Math.round((Math.round((z0 + 1) * 2) / 2 - 1) * 2) / 2, 1);

    const key = await markers(page).first().getAttribute('data-marker');
    const marker = surface(page).locator(`[data-marker="${key}"]`);
    const before = await settledBox(marker);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await marker.boundingBox())?.x ?? before.x).toBeLessThan(before.x - 40);
  });

  test('loading, dragging and zooming only ever talk to the app’s own origin', async ({ page, context }) => {
    const requests = recordRequests(context);
    const basemapModule = basemapModulePath();
    const basemap = page.waitForResponse((r) => new URL(r.url()).pathname === basemapModule);
    await openMap(page);
    // The base map is the same file for everyone (its paths made when the app was built),
    // compressed and cached for good under its hashed name.
    const response = await basemap;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-encoding']).toMatch(/^(br|gzip)$/);
    expect(response.headers()['cache-control']).toContain('immutable');
    const box = (await surface(page).boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // Drag from an empty corner of the map, so that no marker is hit.
    await page.mouse.move(cx, box.y + 150);
    await page.mouse.down();
    await page.mouse.move(cx - 200, box.y + 250, { steps: 8 });
    await page.mouse.up();
    await page.mouse.wheel(0, -600);
    await page.mouse.wheel(0, 900);
    await page.getByRole('button', { name: 'Zoomer', exact: true }).click();
    await page.getByRole('button', { name: 'Zoomer', exact: true }).click();
    await page.getByRole('button', { name: 'Dézoomer', exact: true }).click();
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 300, cy - 120, { steps: 8 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Revenir au centre-ville' }).click();
    await page.waitForLoadState('networkidle');

    expect(requests.length).toBeGreaterThan(3);
    expect(offOrigin(requests)).toEqual([]);
    const paths = requests.map((r) => new URL(r.url).pathname);
    expect(paths).toContain(basemapModule);
    // The browser never turns the GeoJSON into paths itself.
    expect(paths).not.toContain('/map/toulouse-centre.geojson');
    // Without a tile archive on the server, the tile map's engine is never downloaded.
    await expect(surface(page)).toHaveAttribute('data-basemap', 'builtin');
    expect(paths).toContain('/map/basemap.json');
    expect(paths.filter((p) => /maplibre|\.pmtiles$/.test(p))).toEqual([]);
  });

  test('« Me localiser » draws the position and sends it nowhere', async ({ page, context }) => {
    await context.grantPermissions(['geolocation'], { origin: mainServer.origin });
    await context.setGeolocation(HERE);
    const requests = recordRequests(context);
    await openMap(page);
    await expect(page.getByRole('img', { name: 'Vous êtes ici' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Me localiser' }).click();
    await expect(page.getByRole('img', { name: 'Vous êtes ici' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Position trouvée' })).toBeVisible();
    // The list is now sorted by walking distance from here.
    await expect(page.getByText('Les plus proches de vous d’abord.')).toBeVisible();
    await expect(page.locator('.list li[data-item-id] .walk').first()).toHaveText(/^\d+(,\d)?\s(m|km) · \d+\smin à pied$/);

    // Pan and zoom around, open a card: still nothing carries the coordinates.
    await page.getByRole('button', { name: 'Zoomer', exact: true }).click();
    await surface(page).locator('button.marker').first().click();
    await page.waitForLoadState('networkidle');
    const leaks = requests.filter((r) =>
      /43[.,]60\d|1[.,]44\d/.test([r.url, r.postData ?? '', ...Object.values(r.headers)].join(' '))
    );
    expect(leaks.map((r) => r.url)).toEqual([]);
    expect(offOrigin(requests)).toEqual([]);
  });

  test('« Voir sur la carte » in the list centres the map on the place and opens its card', async ({ page }) => {
    await openMap(page);
    const entry = page.locator('.list li[data-kind="parking"]').first();
    const title = await entry.locator('a').first().innerText();
    await entry.getByRole('button', { name: `Voir « ${title} » sur la carte` }).click();
    const card = page.getByRole('dialog', { name: title });
    await expect(card).toBeVisible();
    await expect(card).toContainText('Stationnement');
    await card.getByRole('button', { name: 'Fermer' }).click();
    await expect(card).toBeHidden();
  });
});

test.describe('map on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the map fits the screen and a tapped marker docks its card at the bottom', async ({ page, context }) => {
    await seedPrefs(context, prefs());
    await openMap(page);
    const box = (await surface(page).boundingBox())!;
    expect(box.width).toBeGreaterThan(340);
    expect(box.height).toBeGreaterThan(300);
    const marker = await singleMarker(page);
    const label = (await marker.getAttribute('aria-label'))!;
    await marker.tap();
    const card = page.getByRole('dialog', { name: label.slice(0, label.lastIndexOf(', ')) });
    await expect(card).toBeVisible();
    const cardBox = (await card.boundingBox())!;
    expect(cardBox.width).toBeGreaterThan(box.width - 40);
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(box.y + box.height + 1);
  });
});

test.describe('parking near a shop', () => {
  test('a shop page lists the 3 nearest car parks with walking times', async ({ page, context, catalog }) => {
    await seedPrefs(context, prefs());
    const shop = positioned(catalog, 'shop')[0];
    const expected = positioned(catalog, 'parking')
      .map((p) => ({ p, d: haversine(shop, p) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 3)
      .map((x) => x.p);

    await page.goto(`/shops/${shop.slug}`);
    const section = page.getByRole('region', { name: 'Se garer près d’ici' });
    await expect(section.getByRole('heading', { name: 'Se garer près d’ici' })).toBeVisible();
    const items = section.locator('li[data-item-id]');
    await expect(items).toHaveCount(3);
    expect(await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-item-id')))).toEqual(expected.map((p) => p.id));
    for (let i = 0; i < 3; i++) {
      await expect(items.nth(i).getByRole('link')).toHaveAttribute('href', `/items/${expected[i].id}`);
      await expect(items.nth(i)).toContainText(/\d+\smin à pied · \d+(,\d)?\s(m|km)/);
    }
    await items.first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected[0].title);
  });
});
