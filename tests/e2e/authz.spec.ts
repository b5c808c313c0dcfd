import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from './support/server';
import { sessionCookie } from './support/orders';

/**
 * Who gets what: every route of the app (read from src/routes, so a new route without an entry
 * here fails the first test) × every kind of visitor, over real HTTP against its own server.
 * Pages are fetched with GET; every form action is posted by each visitor who must NOT be able to
 * use it, and must be refused before it reads the form (redirect to sign-in, 403 or 404).
 */
type Role = 'anonymous' | 'citizen' | 'merchantA' | 'merchantB' | 'curator' | 'admin';
const roles: Role[] = ['anonymous', 'citizen', 'merchantA', 'merchantB', 'curator', 'admin'];

/** Who may use a route: the rest are refused. */
type Access =
  | 'public'
  | 'guests'
  | 'signed-in'
  | 'shop-a'
  | 'curators'
  | 'admins'
  | 'two-factor-pending'
  | 'post-only'
  /** JSON APIs for signed-in people: 401 (not a redirect) for anonymous visitors. */
  | 'api-signed-in'
  /** A JSON resource of someone else (an order): 401 anonymous, 404 for everyone signed in. */
  | 'api-owner-only'
  /** A page of someone else's (an order): sign in first, then 404 for everyone else. */
  | 'owner-only'
  /** The citizen's / the shop's side of a conversation between the citizen and shop A. */
  | 'conversation-citizen'
  | 'conversation-shop';

interface Ids {
  /** A conversation the citizen started with shop A. */
  conversation: number;
  shopA: number;
  productA: number;
  dealA: number;
}

interface RouteRule {
  access: Access;
  /** A concrete URL for the pattern (parameters filled in). */
  path: (ids: Ids) => string;
  /** Who may use the form actions, when not the same as who may see the page. */
  actions?: Access;
}

const ACCOUNTS: Record<Exclude<Role, 'anonymous'>, string> = {
  citizen: 'habitant@placette.test',
  merchantA: 'fleuriste@placette.test',
  merchantB: 'libraire@placette.test',
  curator: 'curateur@placette.test',
  admin: 'admin-authz@example.org'
};
const PASSWORD = 'placette-demo';

const rules: Record<string, RouteRule> = {
  '/': { access: 'public', path: () => '/' },
  '/app-shell': { access: 'public', path: () => '/app-shell' },
  '/explore': { access: 'public', path: () => '/explore' },
  '/explore/[kind]': { access: 'public', path: () => '/explore/shop' },
  '/favorites': { access: 'public', path: () => '/favorites' },
  '/items/[id]': { access: 'public', path: () => '/items/event-1' },
  '/map': { access: 'public', path: () => '/map' },
  '/preferences': { access: 'public', path: () => '/preferences' },
  '/privacy': { access: 'public', path: () => '/privacy' },
  '/search': { access: 'public', path: () => '/search?q=capitole' },
  '/shops/[slug]': { access: 'public', path: () => '/shops/petales-et-briques' },
  // The basket lives on the device: the page is the same empty shell for everyone.
  '/basket': { access: 'public', path: () => '/basket' },
  // The basket comes along from the device; placing the order needs an account.
  '/checkout': { access: 'signed-in', path: () => '/checkout' },
  '/orders': { access: 'signed-in', path: () => '/orders' },
  // Someone else's order (or none): 404 for every account, whether it exists or not.
  '/orders/[id]': { access: 'owner-only', path: () => '/orders/aaaaaaaaaaaaaaaa' },
  '/api/catalog': { access: 'public', path: () => '/api/catalog' },
  '/api/health': { access: 'public', path: () => '/api/health' },
  '/api/items/[id]': { access: 'public', path: () => '/api/items/event-1' },
  '/api/launch': { access: 'public', path: () => '/api/launch' },
  '/api/push/key': { access: 'public', path: () => '/api/push/key' },
  '/api/shops/[slug]': { access: 'public', path: () => '/api/shops/petales-et-briques' },
  '/api/shops/[slug]/slots': { access: 'public', path: () => `/api/shops/petales-et-briques/slots?date=${new Date().toISOString().slice(0, 10)}` },
  '/api/payments': { access: 'public', path: () => '/api/payments' },
  // The provider's signed notifications (404 without a provider, 400 without a valid signature).
  '/api/payments/webhook': { access: 'post-only', path: () => '/api/payments/webhook' },
  '/api/orders': { access: 'api-signed-in', path: () => '/api/orders' },
  // Nobody here owns this order: a signed-in stranger cannot tell it from a missing one.
  '/api/orders/[id]': { access: 'api-owner-only', path: () => '/api/orders/aaaaaaaaaaaaaaaa' },
  '/api/orders/[id]/parts/[shopId]/cancel': { access: 'post-only', path: () => '/api/orders/aaaaaaaaaaaaaaaa/parts/shop-1/cancel' },
  '/api/merchant/shops/[id]/orders': { access: 'shop-a', path: (ids) => `/api/merchant/shops/${ids.shopA}/orders` },
  // The board's version (polled with If-None-Match): the shop's members only.
  '/api/merchant/shops/[id]/board': { access: 'shop-a', path: (ids) => `/api/merchant/shops/${ids.shopA}/board` },
  // A delivery photo: its order's customer and the shop's members; 401 signed out, 404 for anyone else.
  '/api/orders/[id]/photos/[file]': { access: 'api-owner-only', path: () => `/api/orders/aaaaaaaaaaaaaaaa/photos/${'a'.repeat(26)}-640.webp` },
  '/api/merchant/shops/[id]/orders/[partId]': { access: 'post-only', path: (ids) => `/api/merchant/shops/${ids.shopA}/orders/1` },
  '/api/push/subscriptions': { access: 'post-only', path: () => '/api/push/subscriptions' },
  // Personal push for this device (POST/DELETE JSON; 401 without a session, see push-personal.test.ts and personal-push.spec.ts).
  '/api/account/push-subscriptions': { access: 'post-only', path: () => '/api/account/push-subscriptions' },
  // Messaging: JSON for signed-in people; a conversation's photos answer its participants only.
  '/api/conversations': { access: 'post-only', path: () => '/api/conversations' },
  '/api/conversations/[id]/messages': { access: 'post-only', path: () => '/api/conversations/1/messages' },
  '/api/conversations/[id]/read': { access: 'post-only', path: () => '/api/conversations/1/read' },
  '/api/conversations/[id]/photos/[name]': { access: 'api-owner-only', path: () => '/api/conversations/1/photos/aaaaaaaaaaaaaaaaaaaaaaaaaa-320.webp' },
  '/api/messages/stream': { access: 'api-signed-in', path: () => '/api/messages/stream' },
  '/api/messages/unread': { access: 'api-signed-in', path: () => '/api/messages/unread' },
  '/api/order-parts/[partId]/conversation': { access: 'post-only', path: () => '/api/order-parts/1/conversation' },
  '/media/[...path]': { access: 'post-only', path: () => '/media/none' },
  '/login': { access: 'guests', path: () => '/login' },
  '/signup': { access: 'guests', path: () => '/signup' },
  '/login/two-factor': { access: 'two-factor-pending', path: () => '/login/two-factor' },
  '/logout': { access: 'post-only', path: () => '/logout' },
  '/account': { access: 'signed-in', path: () => '/account' },
  '/account/export': { access: 'signed-in', path: () => '/account/export' },
  '/account/security': { access: 'signed-in', path: () => '/account/security' },
  '/merchant': { access: 'signed-in', path: () => '/merchant' },
  // Messages: any signed-in person has an inbox (empty or not); a conversation is its participants' only.
  '/messages': { access: 'signed-in', path: () => '/messages' },
  '/messages/new': { access: 'signed-in', path: (ids) => `/messages/new?shop=${ids.shopA}` },
  '/messages/[id]': { access: 'conversation-citizen', path: (ids) => `/messages/${ids.conversation}` },
  '/merchant/messages': { access: 'signed-in', path: () => '/merchant/messages' },
  '/merchant/messages/[id]': { access: 'conversation-shop', path: (ids) => `/merchant/messages/${ids.conversation}` },
  '/merchant/join': { access: 'public', path: () => '/merchant/join' },
  '/merchant/shops/[id]/products': { access: 'shop-a', path: (ids) => `/merchant/shops/${ids.shopA}/products` },
  '/merchant/shops/[id]/products/new': { access: 'shop-a', path: (ids) => `/merchant/shops/${ids.shopA}/products/new` },
  '/merchant/shops/[id]/products/[productId]': {
    access: 'shop-a',
    path: (ids) => `/merchant/shops/${ids.shopA}/products/${ids.productA}`
  },
  '/merchant/shops/[id]/settings': { access: 'shop-a', path: (ids) => `/merchant/shops/${ids.shopA}/settings` },
  '/merchant/shops/[id]/settings/orders': { access: 'shop-a', path: (ids) => `/merchant/shops/${ids.shopA}/settings/orders` },
  // Lists the signed-in person's own shops (none for a citizen): nothing of anyone else's.
  '/merchant/orders': { access: 'signed-in', path: () => '/merchant/orders' },
  '/merchant/shops/[id]/orders': { access: 'shop-a', path: (ids) => `/merchant/shops/${ids.shopA}/orders` },
  '/merchant/shops/[id]/orders/print': { access: 'shop-a', path: (ids) => `/merchant/shops/${ids.shopA}/orders/print?date=${new Date().toISOString().slice(0, 10)}` },
  '/merchant/shops/[id]/payouts': { access: 'shop-a', path: (ids) => `/merchant/shops/${ids.shopA}/payouts` },
  '/merchant/shops/[id]/deals': { access: 'shop-a', path: (ids) => `/merchant/shops/${ids.shopA}/deals` },
  '/merchant/shops/[id]/deals/new': { access: 'shop-a', path: (ids) => `/merchant/shops/${ids.shopA}/deals/new` },
  '/merchant/shops/[id]/deals/[dealId]': { access: 'shop-a', path: (ids) => `/merchant/shops/${ids.shopA}/deals/${ids.dealA}` },
  // Anyone holding the link sees which shop it is for; joining needs an account.
  '/merchant/invite/[token]': { access: 'public', actions: 'signed-in', path: () => '/merchant/invite/aaaaaaaaaaaaaaaaaaaaaaaaaa' },
  '/curator': { access: 'curators', path: () => '/curator' },
  '/curator/audit': { access: 'curators', path: () => '/curator/audit' },
  '/curator/deals': { access: 'curators', path: () => '/curator/deals' },
  '/curator/reports': { access: 'curators', path: () => '/curator/reports' },
  '/curator/shops': { access: 'curators', path: () => '/curator/shops' },
  '/curator/themes': { access: 'curators', path: () => '/curator/themes' },
  '/curator/content': { access: 'curators', path: () => '/curator/content' },
  '/curator/content/new': { access: 'curators', path: () => '/curator/content/new' },
  '/curator/content/[id]': { access: 'curators', path: () => '/curator/content/1' },
  '/admin': { access: 'admins', path: () => '/admin' },
  '/api/reports': { access: 'post-only', path: () => '/api/reports' },
  '/map/basemap.json': { access: 'public', path: () => '/map/basemap.json' },
  // 404 without an operator's archive (the demo has none): same answer for everyone.
  '/map/tiles.pmtiles': { access: 'post-only', path: () => '/map/tiles.pmtiles' }
};

// ---------------------------------------------------------------------------------------------
// The routes in the source tree

interface RouteFile {
  pattern: string;
  /** Named form actions ('default' for the unnamed one), from +page.server.ts. */
  actions: string[];
}

function routeFiles(): RouteFile[] {
  const root = 'src/routes';
  const found = new Map<string, RouteFile>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/^\+(page\.svelte|page\.server\.ts|server\.ts)$/.test(name)) {
        const pattern = '/' + relative(root, dir).split('/').filter((s) => s && !/^\(.*\)$/.test(s)).join('/');
        const entry = found.get(pattern) ?? { pattern, actions: [] };
        if (name === '+page.server.ts') entry.actions = actionNames(readFileSync(path, 'utf8'));
        found.set(pattern, entry);
      }
    }
  };
  walk(root);
  return [...found.values()].sort((a, b) => a.pattern.localeCompare(b.pattern));
}

function actionNames(source: string): string[] {
  const block = /export const actions[^=]*=\s*\{([\s\S]*)\};?\s*$/m.exec(source)?.[1];
  if (!block) return [];
  return [...block.matchAll(/^ {2}(\w+): /gm)].map((m) => m[1]);
}

// ---------------------------------------------------------------------------------------------
// Who is allowed, and what the others get

function allowed(access: Access, role: Role): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'guests':
      return role === 'anonymous';
    case 'signed-in':
    case 'api-signed-in':
      return role !== 'anonymous';
    case 'shop-a':
    case 'conversation-shop':
      return role === 'merchantA';
    case 'conversation-citizen':
      return role === 'citizen';
    case 'curators':
      return role === 'curator' || role === 'admin';
    case 'admins':
      return role === 'admin';
    case 'two-factor-pending':
    case 'post-only':
    case 'api-owner-only':
    case 'owner-only':
      return false;
  }
}

/** The refusal a visitor must get: sign in first, or 403/404 (a shop's pages hide it exists). */
function expectRefused(role: Role, access: Access, status: number, location: string | undefined, what: string): void {
  if (access === 'api-signed-in' || access === 'api-owner-only') {
    expect(status, what).toBe(role === 'anonymous' ? 401 : 404);
  } else if (access === 'owner-only' && role !== 'anonymous') {
    expect(status, what).toBe(404);
  } else if (role === 'anonymous' && access !== 'guests') {
    expect(status, what).toBe(303);
    expect(location, what).toMatch(/^\/login(\/two-factor)?(\?|$)/);
  } else if (access === 'guests' || access === 'two-factor-pending') {
    // Signed in already: sent on, never shown the form again.
    expect(status, what).toBe(303);
  } else if (access === 'shop-a') {
    expect(status, what).toBe(404);
  } else if (access === 'conversation-citizen' || access === 'conversation-shop') {
    // Strangers cannot tell it exists (404); the other side of the conversation is sent to its
    // own view (303) or refused the other side's actions (403).
    const otherSide = access === 'conversation-citizen' ? 'merchantA' : 'citizen';
    if (role === otherSide) expect([303, 403], what).toContain(status);
    else expect(status, what).toBe(404);
  } else {
    expect(status, what).toBe(403);
  }
}

// ---------------------------------------------------------------------------------------------

let server: RunningServer;
const cookies = new Map<Role, string>();
let ids: Ids;

const signIn = (email: string) => sessionCookie(server.origin, email, PASSWORD);

function request(role: Role, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'text/html');
  const cookie = cookies.get(role);
  if (cookie) headers.set('cookie', cookie);
  return fetch(`${server.origin}${path}`, { ...init, headers, redirect: 'manual' });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer(4260);
  // There is no default admin: create one the way an operator does.
  execFileSync('npx', ['tsx', 'scripts/admin-create.ts', '--email', ACCOUNTS.admin], {
    input: PASSWORD,
    env: { ...process.env, DATABASE_URL: server.database },
    stdio: ['pipe', 'ignore', 'inherit']
  });
  for (const role of roles) if (role !== 'anonymous') cookies.set(role, await signIn(ACCOUNTS[role]));
  const catalog = (await (await fetch(`${server.origin}/api/catalog`)).json()) as {
    items: { id: string; kind: string; slug?: string; shop?: string }[];
  };
  const shop = catalog.items.find((i) => i.kind === 'shop' && i.slug === 'petales-et-briques')!;
  const product = catalog.items.find((i) => i.kind === 'product' && i.shop === shop.id)!;
  const deal = catalog.items.find((i) => i.kind === 'deal' && i.shop === shop.id)!;
  const n = (id: string) => Number(id.split('-')[1]);
  const started = await fetch(`${server.origin}/api/conversations`, {
    method: 'POST',
    headers: { cookie: cookies.get('citizen')!, 'content-type': 'application/json', origin: server.origin },
    body: JSON.stringify({ shopId: shop.id, body: 'Bonjour !' })
  });
  expect(started.status).toBe(201);
  const conversation = ((await started.json()) as { id: number }).id;
  ids = { conversation, shopA: n(shop.id), productA: n(product.id), dealA: n(deal.id) };
});

test.afterAll(async () => {
  await server?.stop();
});

test('every route of the app has an authorisation rule', () => {
  const missing = routeFiles()
    .map((r) => r.pattern)
    .filter((pattern) => !rules[pattern]);
  expect(missing, 'add these routes to the table in authz.spec.ts').toEqual([]);
  // The action reader finds the actions (else the refusal tests below would check nothing).
  const account = routeFiles().find((r) => r.pattern === '/account');
  expect(account?.actions).toEqual(['endSession', 'endOthers', 'password', 'delete']);
});

for (const role of roles) {
  test(`pages and endpoints as ${role}`, async () => {
    test.setTimeout(120_000);
    for (const route of routeFiles()) {
      const rule = rules[route.pattern];
      if (!rule) continue;
      const path = rule.path(ids);
      const what = `GET ${path} as ${role}`;
      if (rule.access === 'post-only') continue;
      const response = await request(role, path);
      if (allowed(rule.access, role)) expect(response.status, what).toBe(200);
      else expectRefused(role, rule.access, response.status, response.headers.get('location') ?? undefined, what);
    }
  });

  test(`form actions refuse ${role} where they must`, async () => {
    test.setTimeout(120_000);
    for (const route of routeFiles()) {
      const rule = rules[route.pattern];
      const access = rule?.actions ?? rule?.access;
      if (!rule || !access || allowed(access, role) || access === 'guests' || access === 'two-factor-pending') continue;
      for (const action of route.actions) {
        const path = rule.path(ids) + (action === 'default' ? '' : `${rule.path(ids).includes('?') ? '&' : '?'}/${action}`);
        const response = await request(role, path, {
          method: 'POST',
          headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
          body: ''
        });
        expectRefused(role, access, response.status, response.headers.get('location') ?? undefined, `POST ${path} as ${role}`);
      }
    }
  });
}
