import { expect, test, type APIRequestContext } from '@playwright/test';

/** The web app manifest (static/manifest.webmanifest) and everything it points to. */

interface ImageResource {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
  form_factor?: 'narrow' | 'wide';
  label?: string;
}

interface Manifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  categories: string[];
  icons: ImageResource[];
  screenshots: ImageResource[];
  shortcuts: { name: string; short_name?: string; url: string; icons: ImageResource[] }[];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk (the first chunk, right after the signature). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(bytes.toString('latin1', 12, 16), 'IHDR first').toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function fetchManifest(request: APIRequestContext): Promise<Manifest> {
  const response = await request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json\b/);
  return (await response.json()) as Manifest;
}

/** Fetches an image the manifest lists and checks it is a PNG of the declared size. */
async function expectImage(request: APIRequestContext, image: ImageResource): Promise<{ width: number; height: number }> {
  expect(image.src, 'same-origin, absolute path').toMatch(/^\/[^/]/);
  const response = await request.get(image.src);
  expect(response.status(), image.src).toBe(200);
  expect(response.headers()['content-type'], image.src).toBe('image/png');
  expect(image.type ?? 'image/png').toBe('image/png');
  const size = pngSize(await response.body());
  expect(`${size.width}x${size.height}`, image.src).toBe(image.sizes);
  return size;
}

test.describe('installable app', () => {
  test('the manifest describes a standalone French app with the brand colours', async ({ request }) => {
    const manifest = await fetchManifest(request);
    expect(manifest).toMatchObject({
      id: '/',
      short_name: 'Toutoulouse',
      lang: 'fr',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#b23a48',
      background_color: '#fbf6ef'
    });
    expect(manifest.name).toMatch(/^Toutoulouse/);
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.description.length).toBeGreaterThan(40);
    expect(manifest.categories.length).toBeGreaterThan(0);
  });

  test('every icon exists with its declared size, including a 192 and a maskable 512', async ({ request }) => {
    const manifest = await fetchManifest(request);
    for (const icon of manifest.icons) await expectImage(request, icon);
    const any = manifest.icons.filter((i) => (i.purpose ?? 'any').split(' ').includes('any')).map((i) => i.sizes);
    const maskable = manifest.icons.filter((i) => i.purpose?.split(' ').includes('maskable')).map((i) => i.sizes);
    for (const size of [48, 72, 96, 128, 144, 152, 192, 256, 384, 512]) expect(any).toContain(`${size}x${size}`);
    expect(maskable).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  test('screenshots exist in both form factors, with labels and their declared sizes', async ({ request }) => {
    const manifest = await fetchManifest(request);
    expect(manifest.screenshots.length).toBeGreaterThanOrEqual(2);
    for (const shot of manifest.screenshots) {
      const { width, height } = await expectImage(request, shot);
      expect(shot.label?.length ?? 0).toBeGreaterThan(10);
      expect(shot.form_factor === 'wide' ? width > height : height > width, `${shot.src} orientation`).toBe(true);
    }
    expect(manifest.screenshots.filter((s) => s.form_factor === 'narrow').map((s) => s.sizes)).toContain('390x844');
    expect(manifest.screenshots.filter((s) => s.form_factor === 'wide').map((s) => s.sizes)).toContain('1280x800');
  });

  test('shortcuts open the feed, the map and the favourites, each with a 96 px icon', async ({ request }) => {
    const manifest = await fetchManifest(request);
    expect(manifest.shortcuts.map((s) => s.url)).toEqual(['/', '/map', '/favorites']);
    expect(manifest.shortcuts.map((s) => s.short_name ?? s.name)).toEqual(['Pour vous', 'Carte', 'Favoris']);
    for (const shortcut of manifest.shortcuts) {
      expect(shortcut.icons.map((i) => i.sizes)).toContain('96x96');
      for (const icon of shortcut.icons) await expectImage(request, icon);
    }
  });

  test('pages link the manifest, the Apple touch icon and the theme colours', async ({ page, request }) => {
    for (const path of ['/', '/explore']) {
      await page.goto(path);
      const head = page.locator('head');
      const manifestHref = await head.locator('link[rel="manifest"]').getAttribute('href');
      expect(new URL(manifestHref ?? '', page.url()).pathname).toBe('/manifest.webmanifest');
      await expect(head.locator('meta[name="theme-color"]').first()).toHaveAttribute('content', '#b23a48');
      const touchIcon = await head.locator('link[rel="apple-touch-icon"]').getAttribute('href');
      expect(touchIcon).toBeTruthy();
      const touchIconUrl = new URL(touchIcon!, page.url()).pathname;
      expect(pngSize(await (await request.get(touchIconUrl)).body())).toEqual({ width: 180, height: 180 });
    }
    // The browser itself accepts the manifest (parsed, no errors) as this page's.
    const cdp = await page.context().newCDPSession(page);
    const { url, errors, data } = await cdp.send('Page.getAppManifest');
    expect(url).toMatch(/\/manifest\.webmanifest$/);
    expect(errors).toEqual([]);
    expect(JSON.parse(data ?? '{}').short_name).toBe('Toutoulouse');
  });
});
