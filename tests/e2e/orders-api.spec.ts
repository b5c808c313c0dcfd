import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from './support/server';
import { sessionCookie } from './support/orders';

/**
 * The orders API on the demo city, over HTTP against the built app (own server, port 4320):
 * the demo citizen orders from a click & collect shop and has the florist deliver, the catalog
 * delta carries the new stock, the florist sees its part and accepts it, the citizen sees it move.
 */
let server: RunningServer;

interface CatalogItem {
  id: string;
  kind: string;
  slug?: string;
  shopId?: string;
  stock?: number;
  price_cents?: number;
  click_and_collect?: boolean;
  delivery?: { postcodes: string[]; fee_cents: number } | null;
}

const signIn = (email: string) => sessionCookie(server.origin, email);

const api = (path: string, cookie?: string, init: RequestInit = {}) =>
  fetch(`${server.origin}${path}`, { ...init, headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) } });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startServer(4320);
});

test.afterAll(async () => {
  await server?.stop();
});

test('the demo citizen orders from two shops (pickup + florist delivery) and follows the florist accepting', async () => {
  const catalog = (await (await api('/api/catalog')).json()) as { version: number; items: CatalogItem[] };
  const shops = catalog.items.filter((i) => i.kind === 'shop');
  const florist = shops.find((s) => s.slug === 'petales-et-briques')!;
  expect(florist.delivery).toEqual({ postcodes: expect.arrayContaining(['31000']), fee_cents: 590 });
  const inStock = (shopId: string) => catalog.items.find((i) => i.kind === 'product' && i.shopId === shopId && (i.stock ?? 0) >= 1);
  const bouquet = inStock(florist.id)!;

  // A click & collect shop with a slot in the coming days.
  const today = new Date();
  let pickup: { shop: CatalogItem; product: CatalogItem; slot: string } | undefined;
  for (const shop of shops.filter((s) => s.click_and_collect && s.id !== florist.id && inStock(s.id))) {
    for (let d = 0; d < 7 && !pickup; d++) {
      const date = new Date(today.getTime() + d * 86_400_000).toISOString().slice(0, 10);
      const response = await api(`/api/shops/${shop.id}/slots?date=${date}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toBeNull();
      const { slots } = (await response.json()) as { slots: { start: string; left: number }[] };
      const free = slots.find((s) => s.left > 0);
      if (free) pickup = { shop, product: inStock(shop.id)!, slot: free.start };
    }
    if (pickup) break;
  }
  expect(pickup, 'a demo shop with a pickup slot this week').toBeTruthy();

  const citizen = await signIn('habitant@placette.test');
  const body = {
    lines: [
      { productId: pickup!.product.id, qty: 1, price_cents: pickup!.product.price_cents },
      { productId: bouquet.id, qty: 1 }
    ],
    fulfilment: {
      [pickup!.shop.id]: { type: 'pickup', slot: pickup!.slot },
      [florist.id]: { type: 'delivery', address: { name: 'Habitant', line: '3 rue du Taur', postcode: '31000', city: 'Toulouse' } }
    },
    payment: 'pickup'
  };
  const post = (key: string) =>
    api('/api/orders', citizen, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) });
  const created = await post('e2e-order-1');
  expect(created.status).toBe(201);
  const order = (await created.json()) as { id: string; total_cents: number; parts: { shopId: string; status: string; pickupCode: string; slot: string | null }[] };
  expect(order.total_cents).toBe(pickup!.product.price_cents! + bouquet.price_cents! + 590);
  expect(order.parts.map((p) => p.shopId).sort()).toEqual([pickup!.shop.id, florist.id].sort());
  expect(order.parts.every((p) => p.status === 'placed' && /^[A-Z2-9]{6}$/.test(p.pickupCode))).toBe(true);
  // Retried (a lost answer): the same order.
  const again = await post('e2e-order-1');
  expect(again.status).toBe(200);
  expect(((await again.json()) as { id: string }).id).toBe(order.id);

  // Devices catch the new stock with ?since=.
  const delta = (await (await api(`/api/catalog?since=${catalog.version}`)).json()) as { upserts: CatalogItem[] };
  expect(delta.upserts.find((i) => i.id === bouquet.id)?.stock).toBe(bouquet.stock! - 1);

  // The florist's board shows the part; accepting it moves the citizen's timeline.
  const fleuriste = await signIn('fleuriste@placette.test');
  const floristRow = florist.id.split('-')[1];
  const board = (await (await api(`/api/merchant/shops/${floristRow}/orders`, fleuriste)).json()) as { parts: { partId: number; orderId: string; customer: string }[] };
  const part = board.parts.find((p) => p.orderId === order.id)!;
  expect(part.customer).toBe('Habitant');
  const accepted = await api(`/api/merchant/shops/${floristRow}/orders/${part.partId}`, fleuriste, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'accept' })
  });
  expect(accepted.status).toBe(200);
  const seen = (await (await api(`/api/orders/${order.id}`, citizen)).json()) as { parts: { shopId: string; status: string; timeline: { status: string }[] }[] };
  expect(seen.parts.find((p) => p.shopId === florist.id)?.timeline.map((s) => s.status)).toEqual(['placed', 'accepted']);
  // Nobody else reads it.
  expect((await api(`/api/orders/${order.id}`, fleuriste)).status).toBe(404);
  expect((await api(`/api/orders/${order.id}`)).status).toBe(401);
});
