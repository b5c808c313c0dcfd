import type { APIRequestContext } from '@playwright/test';
import type { Catalog, Item } from './fixtures';

/**
 * What the order specs (board, refunds, personal push, orders API, authz) need from a demo
 * server of their own at `origin`: the florist and its products, a pickup slot with room left,
 * and a session cookie for API calls.
 */

/** The demo florist, Pétales & Briques. */
export const FLORIST_SLUG = 'petales-et-briques';

/** The florist and its products with at least `minStock` left, from the catalog. */
export async function floristProducts(request: APIRequestContext, origin: string, minStock: number): Promise<{ shop: Item; products: Item[] }> {
  const catalog = (await (await request.get(`${origin}/api/catalog`)).json()) as Catalog;
  const shop = catalog.items.find((i) => i.kind === 'shop' && i.slug === FLORIST_SLUG)!;
  return { shop, products: catalog.items.filter((i) => i.kind === 'product' && i.shop === shop.id && (i.stock ?? 0) >= minStock) };
}

/** The first pickup slot with room left at the florist, today or in the next 13 days (Paris dates). */
export async function nextFloristSlot(request: APIRequestContext, origin: string): Promise<string> {
  for (let k = 0; k < 14; k++) {
    const date = new Date(Date.now() + k * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    const { slots } = (await (await request.get(`${origin}/api/shops/${FLORIST_SLUG}/slots?date=${date}`)).json()) as { slots: { start: string; left: number }[] };
    const free = slots.find((s) => s.left > 0);
    if (free) return free.start;
  }
  throw new Error('no slot at the florist');
}

/** Signs in through the sign-in form's POST (no browser) and returns the `placette_session=…` cookie pair. */
export async function sessionCookie(origin: string, email: string, password = 'placette-demo'): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ email, password })
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('placette_session='));
  if (!cookie) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return cookie.split(';')[0];
}
