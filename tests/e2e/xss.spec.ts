import { expect, test, type Page } from '@playwright/test';
import type { Catalog } from './support/fixtures';
import { startServer, type RunningServer } from './support/server';
import { PREFS_KEY, prefs, signInAt } from './support/app';
import { xssCorpus } from '../support/xss-corpus';
import { unsafeConstructs } from '../support/inert-html';

/**
 * Script injection typed into every free-text field a merchant or a curator can fill (and the
 * public report's reason), then every page that shows that text: the merchant's and the
 * curator's pages (including the failed submission that echoes what was typed), the citizen's
 * feed, explore, search, map, shop and item pages. Nothing may run (no dialog, no call to another
 * origin, no handler or script-capable URL in the page) and each text must be shown as text.
 *
 * One browser context on its own server (ports 4300+); people take turns signing in.
 */
let server: RunningServer;
const PASSWORD = 'placette-demo';
const MERCHANT_PASSWORD = 'Tr0mpe-l-oeil-rose';

test.beforeAll(async ({}, testInfo) => {
  server = await startServer(4300 + testInfo.parallelIndex);
});
test.afterAll(async () => {
  await server?.stop();
});

// Control characters are refused by the forms with an inline message, so they cannot get in.
// eslint-disable-next-line no-control-regex
const vectors = xssCorpus.map((v) => v.payload).filter((p) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(p));
let turn = 0;
/** The next vector (round the corpus) that fits a field: a single line for inputs, within its length. */
function payload(max: number, options: { multiline?: boolean; min?: number } = {}): string {
  for (let i = 0; i < vectors.length; i++) {
    const p = vectors[(turn + i) % vectors.length];
    if (p.length > max || p !== p.trim() || p.length < (options.min ?? 3) || (!options.multiline && /[\r\n]/.test(p))) continue;
    turn = (turn + i + 1) % vectors.length;
    return p;
  }
  throw new Error(`no vector fits ${max} characters`);
}
/** As many whole vectors as fit, one per paragraph: for the long texts. */
function bundle(max: number): string {
  let text = '';
  for (const p of vectors) if (text.length + p.length + 2 <= max) text += (text ? '\n\n' : '') + p;
  return text;
}

/** What the page ran or fetched that it should not have. */
interface Watch {
  dialogs: string[];
  outside: string[];
}

/**
 * The page's DOM must hold no trace of injected markup: no inline handler, no script without
 * the app's nonce, no element the app never uses, no script-capable or off-site URL, and any
 * rendered Markdown must pass the independent judge in inert-html.ts.
 */
async function injected(page: Page): Promise<string[]> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const origin = location.origin;
    const describe = (el: Element) => el.outerHTML.slice(0, 120);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`handler ${attr.name}: ${describe(el)}`);
        if (/^(?:href|src|action|formaction|data|xlink:href|srcdoc|background|poster)$/i.test(attr.name)) {
          const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (/^(?:javascript|vbscript|data:text)/.test(value)) found.push(`script URL in ${attr.name}: ${describe(el)}`);
          if (attr.name.toLowerCase() !== 'srcdoc' && /^(?:https?:)?\/\//.test(value)) {
            try {
              const url = new URL(attr.value, location.href);
              // External links (http(s) <a>) are allowed in rendered Markdown; nothing is loaded from elsewhere.
              if (url.origin !== origin && el.tagName !== 'A') found.push(`off-site ${attr.name}: ${describe(el)}`);
            } catch {
              found.push(`bad URL in ${attr.name}: ${describe(el)}`);
            }
          }
        }
      }
    }
    for (const el of document.querySelectorAll('script:not([nonce]):not([type="application/json"]):not([type="importmap"])')) found.push(`script without nonce: ${describe(el)}`);
    const foreign = 'iframe, object, embed, frame, frameset, base, meta[http-equiv], x-shop, marquee, xmp, plaintext, math, body style, video, audio, [srcdoc]';
    for (const el of document.querySelectorAll(foreign)) found.push(`foreign element: ${describe(el)}`);
    if (document.querySelectorAll('body').length !== 1) found.push('more than one body');
    // Svelte marks where {@html} starts and ends with comments; the rest is the renderer's output.
    return { found, prose: [...document.querySelectorAll('[data-rich-body]')].map((el) => el.innerHTML.replace(/<!--[^]*?-->/g, '').trim()) };
  });
  return [...problems.found, ...problems.prose.flatMap((html) => unsafeConstructs(html))];
}

async function expectInert(page: Page, watch: Watch, where: string): Promise<void> {
  // Give any injected handler (onerror, onload, ontoggle, autofocus…) a moment to fire.
  await page.waitForTimeout(150);
  expect(await injected(page), where).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string[] }).__xss ?? []), where).toEqual([]);
  expect(watch.dialogs, where).toEqual([]);
  expect(watch.outside, where).toEqual([]);
}

test('script injection in every merchant and curator text field never runs, wherever the text is shown', async ({ page, context }) => {
  test.setTimeout(240_000);
  const origin = server.origin;
  const watch: Watch = { dialogs: [], outside: [] };
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) watch.outside.push(url);
  });
  // A flag set by anything that calls a dialog function, even if no dialog shows.
  await context.addInitScript(() => {
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      const original = window[name].bind(window) as (...args: unknown[]) => unknown;
      (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        const w = window as unknown as { __xss?: string[] };
        (w.__xss ??= []).push(`${name}(${String(args[0])})`);
        return original(...args);
      };
    }
  });

  const visit = async (path: string, where = path) => {
    await page.goto(`${origin}${path}`);
    await expectInert(page, watch, where);
  };
  const signIn = async (email: string, next: string, password = PASSWORD) => {
    await page.request.post(`${origin}/logout`, { headers: { origin } });
    await signInAt(page, origin, email, next, password);
  };
  const submit = (action?: string) => page.locator(action ? `form[action="${action}"] button[type="submit"]` : 'main form button[type="submit"]').last().click();

  // ---------------------------------------------------------------------------------------
  // A new merchant applies: every text of the application carries a vector.
  const shop = {
    displayName: payload(80),
    name: payload(80, { min: 2 }),
    description: bundle(2000),
    address: payload(200, { min: 5 })
  };
  await page.goto(`${origin}/merchant/join`);
  // The judge sees markup that would run if it were there (planted here, then the page reloaded).
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.innerHTML = '<a href="javascript:void 0">x</a><x-shop onclick="void 0">y</x-shop>';
    document.body.append(probe);
  });
  expect(await injected(page)).toEqual(expect.arrayContaining([expect.stringContaining('script URL in href'), expect.stringContaining('handler onclick')]));
  await page.reload();
  await page.locator('input[name="email"]').fill('xss-merchant@example.test');
  await page.locator('input[name="password"]').fill(MERCHANT_PASSWORD);
  await page.locator('input[name="displayName"]').fill(shop.displayName);
  await page.locator('input[name="shopName"]').fill(shop.name);
  await page.locator('select[name="category"]').selectOption('fleuriste');
  await page.locator('textarea[name="description"]').fill(shop.description);
  await page.locator('input[name="address"]').fill(shop.address);
  // First with a latitude that is not a number: the page comes back with everything typed.
  await page.locator('input[name="lat"]').fill(payload(40));
  await page.locator('input[name="lng"]').fill('1.4442');
  await submit();
  await expect(page.locator('input[name="lat"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('input[name="shopName"]')).toHaveValue(shop.name);
  await expectInert(page, watch, 'join, refused');
  await page.locator('input[name="password"]').fill(MERCHANT_PASSWORD);
  await page.locator('input[name="lat"]').fill('43.6021');
  await submit();
  await page.waitForURL(`${origin}/merchant`);
  await expect(page.getByRole('heading', { level: 2, name: shop.name, exact: true })).toBeVisible();
  await expectInert(page, watch, '/merchant (pending)');
  const shopId = /\/merchant\/shops\/(\d+)\//.exec((await page.locator('a[href*="/products"]').first().getAttribute('href')) ?? '')![1];

  // The shop page settings: texts with vectors; phone and hours only come back in the refused form.
  const settings = { name: payload(80, { min: 2 }), summary: payload(200), description: bundle(4000), address: payload(200, { min: 5 }) };
  await page.goto(`${origin}/merchant/shops/${shopId}/settings`);
  await page.locator('input[name="name"]').fill(settings.name);
  await page.locator('input[name="summary"]').fill(settings.summary);
  await page.locator('textarea[name="description"]').fill(settings.description);
  await page.locator('input[name="address"]').fill(settings.address);
  await page.locator('input[name="phone"]').fill(payload(30));
  await page.locator('input[name="hours-1"]').fill(payload(60));
  await submit('?/save');
  await expect(page.locator('input[name="phone"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('input[name="summary"]')).toHaveValue(settings.summary);
  await expectInert(page, watch, 'settings, refused');
  await page.locator('input[name="phone"]').fill('05 61 00 00 00');
  await page.locator('input[name="hours-1"]').fill('9h-19h');
  await submit('?/save');
  await expect(page.getByText('Page de la boutique enregistrée.')).toBeVisible();
  await expectInert(page, watch, 'settings, saved');
  // An invitation to an address that is a vector: refused, echoed.
  await page.locator('#invite-email').fill(payload(254));
  await submit('?/invite');
  await expect(page.locator('#invite-email')).toHaveAttribute('aria-invalid', 'true');
  await expectInert(page, watch, 'invite, refused');

  // Two products (one will be reported and hidden) and two deals (one published, one refused).
  const products = [0, 1].map(() => ({ name: payload(120), description: bundle(2000) }));
  for (const product of products) {
    await page.goto(`${origin}/merchant/shops/${shopId}/products/new`);
    await page.locator('input[name="name"]').fill(product.name);
    await page.locator('textarea[name="description"]').fill(product.description);
    await page.locator('input[name="price"]').fill('4,20');
    await page.locator('input[name="stock"]').fill('3');
    await submit();
    await page.waitForURL(`${origin}/merchant/shops/${shopId}/products`);
  }
  await expect(page.getByRole('rowheader', { name: products[1].name, exact: true })).toBeVisible();
  await expectInert(page, watch, 'products list');
  const deals = [0, 1].map(() => ({ title: payload(100), details: bundle(1000) }));
  for (const deal of deals) {
    await page.goto(`${origin}/merchant/shops/${shopId}/deals/new`);
    await page.locator('input[name="title"]').fill(deal.title);
    await page.locator('textarea[name="details"]').fill(deal.details);
    await page.locator('input[name="startsOn"]').fill('2026-01-01');
    await page.locator('input[name="endsOn"]').fill('2030-12-31');
    await submit();
    await page.waitForURL(/\/deals\?saved=1$/);
  }
  await expectInert(page, watch, 'deals list');
  const refusedDealHref = await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: deals[1].title, exact: true }) }).getByRole('link').getAttribute('href');

  // ---------------------------------------------------------------------------------------
  // The curator: queue, approval, refusals, deals, themes, content, reports, audit.
  await signIn('curateur@placette.test', '/curator');
  const queued = page.locator('li').filter({ has: page.getByRole('heading', { name: settings.name, exact: true }) });
  await expect(queued).toBeVisible();
  await expectInert(page, watch, '/curator queue');
  const velos = page.locator('li').filter({ has: page.getByRole('heading', { name: 'Vélos de la Brique', exact: true }) });
  const shopRefusal = payload(500);
  await velos.locator('textarea[name="reason"]').fill(shopRefusal);
  await velos.locator('form[action="?/refuse"] button').click();
  await expect(page.locator('.form-alert')).toContainText('Candidature refusée');
  await queued.locator('form[action="?/approve"] button').click();
  await expect(page.locator('.form-alert')).toContainText('Commerce validé');
  await expectInert(page, watch, '/curator after decisions');

  await page.goto(`${origin}/curator/deals`);
  const dealRow = (title: string) => page.locator('li').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  await expect(dealRow(deals[0].title)).toContainText(deals[0].details.split('\n')[0]);
  await expectInert(page, watch, '/curator/deals');
  // Too short a reason first: the typed text comes back in the refused form.
  await dealRow(deals[1].title).locator('textarea[name="reason"]').fill('<b');
  await dealRow(deals[1].title).locator('form[action="?/reject"] button').click();
  await expect(dealRow(deals[1].title).locator('textarea[name="reason"]')).toHaveAttribute('aria-invalid', 'true');
  const dealRefusal = payload(500);
  await dealRow(deals[1].title).locator('textarea[name="reason"]').fill(dealRefusal);
  await dealRow(deals[1].title).locator('form[action="?/reject"] button').click();
  await expect(dealRow(deals[1].title)).toHaveCount(0);
  await dealRow(deals[0].title).locator('form[action="?/publish"] button').click();
  await expect(dealRow(deals[0].title)).toHaveCount(0);
  await expectInert(page, watch, '/curator/deals after decisions');

  // A theme whose labels are vectors (first with a bad slug: refused, echoed).
  const theme = { fr: payload(60), en: payload(60) };
  await page.goto(`${origin}/curator/themes`);
  await page.locator('#new-slug').fill('Pas un slug !');
  await page.locator('#new-fr').fill(theme.fr);
  await page.locator('#new-en').fill(theme.en);
  await submit('?/add');
  await expect(page.locator('#new-slug')).toHaveAttribute('aria-invalid', 'true');
  await expectInert(page, watch, 'themes, refused');
  await page.locator('#new-slug').fill('xss-theme');
  await submit('?/add');
  await expect(page.getByRole('heading', { name: `xss-theme — ${theme.fr}` })).toBeVisible();
  await expectInert(page, watch, '/curator/themes');

  // A featured news item in that theme: every field a vector; previewed, then published.
  const content = {
    title: payload(140),
    summary: payload(300),
    body: bundle(20_000),
    place: payload(120),
    address: payload(200),
    priceLabel: payload(80)
  };
  await page.goto(`${origin}/curator/content/new`);
  await page.locator('select[name="kind"]').selectOption('news');
  for (const field of ['title', 'summary', 'place', 'address', 'priceLabel'] as const) await page.locator(`input[name="${field}"]`).fill(content[field]);
  await page.locator('textarea[name="body"]').fill(content.body);
  await page.locator('input[name="themes"][value="xss-theme"]').check();
  await page.locator('input[name="featured"]').check();
  await page.getByRole('button', { name: 'Prévisualiser' }).click();
  await expect(page.getByTestId('content-preview')).toBeVisible();
  await expect(page.locator('input[name="title"]')).toHaveValue(content.title);
  await expectInert(page, watch, 'content preview');
  await page.getByRole('button', { name: 'Publier' }).click();
  await page.waitForURL(/\/curator\/content\/\d+\?saved=publish$/);
  const contentId = Number(/\/curator\/content\/(\d+)/.exec(page.url())![1]);
  await expectInert(page, watch, 'content edit');
  await visit(`/curator/content?q=${encodeURIComponent(payload(100))}`, 'content list, searched');
  await visit('/curator/content');

  // A report (the public API) with a vector as its reason, then hidden with a vector as the reason.
  const catalog = (await (await page.request.get(`${origin}/api/catalog`)).json()) as Catalog;
  const shopItem = catalog.items.find((i) => i.kind === 'shop' && i.title === settings.name) as { id: string; slug: string };
  const productItems = products.map((p) => catalog.items.find((i) => i.kind === 'product' && i.title === p.name)!);
  const dealItem = catalog.items.find((i) => i.kind === 'deal' && i.title === deals[0].title)!;
  expect(shopItem && productItems.every(Boolean) && dealItem).toBeTruthy();
  const reportReason = payload(500);
  const reported = await page.request.post(`${origin}/api/reports`, {
    data: { targetType: 'product', targetId: Number(productItems[1].id.replace('product-', '')), reason: reportReason }
  });
  expect(reported.status()).toBe(201);
  await page.goto(`${origin}/curator/reports`);
  const report = page.locator('li').filter({ hasText: products[1].name });
  await expect(report).toContainText(reportReason);
  await expectInert(page, watch, '/curator/reports');
  await report.locator('textarea[name="reason"]').fill(payload(500));
  await report.locator('form[action="?/hide"] button').click();
  await expect(page.locator('.form-alert')).toBeVisible();
  await expectInert(page, watch, '/curator/reports after hiding');
  await page.goto(`${origin}/curator/shops?status=refused`);
  await expect(page.getByText(shopRefusal)).toBeVisible();
  await expectInert(page, watch, '/curator/shops');
  await page.goto(`${origin}/curator/audit`);
  await expect(page.getByRole('table')).toContainText(dealRefusal);
  await expectInert(page, watch, '/curator/audit');

  // ---------------------------------------------------------------------------------------
  // A citizen who follows the new theme: every page that draws the catalog.
  await page.request.post(`${origin}/logout`, { headers: { origin } });
  await page.goto(`${origin}/privacy`);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [PREFS_KEY, JSON.stringify(prefs({ themes: { 'xss-theme': 'high' } }))] as const);
  await page.goto(`${origin}/`);
  await expect(page.locator('ul.feed article[data-item-id]').first()).toContainText(content.title);
  await expectInert(page, watch, 'feed');
  await page.goto(`${origin}/explore/shop`);
  await expect(page.getByText(settings.name, { exact: true }).first()).toBeVisible();
  await expectInert(page, watch, 'explore shops');
  await visit('/explore');
  await page.goto(`${origin}/search?q=${encodeURIComponent('alert')}`);
  await page.waitForLoadState('networkidle');
  await expectInert(page, watch, 'search');
  await page.goto(`${origin}/shops/${shopItem.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(settings.name);
  await expect(page.getByText(settings.summary, { exact: true }).first()).toBeVisible();
  await expectInert(page, watch, 'shop page');
  for (const [item, title] of [
    [productItems[0], products[0].name],
    [dealItem, deals[0].title],
    [{ id: `news-${contentId}` }, content.title]
  ] as const) {
    await page.goto(`${origin}/items/${item.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expectInert(page, watch, `item ${item.id}`);
  }
  await expect(page.locator('[data-rich-body]')).toBeVisible();
  await page.goto(`${origin}/preferences`);
  await expect(page.getByText(theme.fr, { exact: true }).first()).toBeVisible();
  await expectInert(page, watch, 'preferences');
  await page.goto(`${origin}/map`);
  await expect(page.getByTestId('map-surface')).toBeVisible();
  await expectInert(page, watch, 'map');

  // ---------------------------------------------------------------------------------------
  // The curator suspends the shop; the merchants read the reasons they were given.
  await signIn('curateur@placette.test', '/curator/shops');
  const suspension = payload(500);
  const row = page.locator('li').filter({ has: page.getByRole('heading', { name: settings.name, exact: true }) });
  await row.locator('textarea[name="reason"]').fill(suspension);
  await row.locator('form[action="?/suspend"] button').click();
  await expect(page.locator('.form-alert')).toContainText('Commerce suspendu');
  await expectInert(page, watch, '/curator/shops after suspension');

  await signIn('xss-merchant@example.test', '/merchant', MERCHANT_PASSWORD);
  await expect(page.getByText(suspension)).toBeVisible();
  await expectInert(page, watch, '/merchant (suspended)');
  await page.goto(`${origin}/merchant/shops/${shopId}/deals`);
  await expect(page.getByText(dealRefusal)).toBeVisible();
  await expectInert(page, watch, 'deals list with a refusal');
  await page.goto(`${origin}${refusedDealHref}`);
  await expect(page.locator('.notice.refused')).toContainText(dealRefusal);
  await expect(page.locator('textarea[name="details"]')).toHaveValue(deals[1].details);
  await expectInert(page, watch, 'refused deal');

  await signIn('velos@placette.test', '/merchant');
  await expect(page.getByText(shopRefusal)).toBeVisible();
  await expectInert(page, watch, '/merchant (refused)');
});
