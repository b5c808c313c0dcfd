import { test as base, expect } from '@playwright/test';
import { mainServer } from './paths';

export interface Theme {
  slug: string;
  labels: { fr: string; en: string };
}

/** The fields of catalog items the tests look at (see src/lib/catalog/types.ts). */
export interface Item {
  id: string;
  kind: 'event' | 'heritage' | 'culture' | 'leisure' | 'news' | 'shop' | 'product' | 'deal' | 'parking';
  title: string;
  summary: string;
  themes: string[];
  featured: boolean;
  slug?: string;
  category?: string;
  starts_at?: string;
  ends_at?: string | null;
  place?: string | null;
  shop?: string;
  shop_slug?: string;
  shop_name?: string;
  price_cents?: number;
  stock?: number;
  hours?: Record<string, [string, string][]> | null;
}

export interface Catalog {
  version: number;
  themes: Theme[];
  items: Item[];
}

export class DemoCatalog {
  constructor(readonly data: Catalog) {}
  get items(): Item[] {
    return this.data.items;
  }
  ofKind(kind: Item['kind']): Item[] {
    return this.items.filter((i) => i.kind === kind);
  }
  byId(id: string): Item {
    const item = this.items.find((i) => i.id === id);
    if (!item) throw new Error(`no item ${id}`);
    return item;
  }
  theme(slug: string): Theme {
    const theme = this.data.themes.find((t) => t.slug === slug);
    if (!theme) throw new Error(`no theme ${slug}`);
    return theme;
  }
  withTheme(slug: string): Item[] {
    return this.items.filter((i) => i.themes.includes(slug));
  }
  /** Upcoming events (not over yet), soonest first. */
  upcomingEvents(now = Date.now()): Item[] {
    return this.ofKind('event')
      .filter((e) => Date.parse(e.ends_at ?? e.starts_at!) > now)
      .sort((a, b) => Date.parse(a.starts_at!) - Date.parse(b.starts_at!));
  }
  /** A shop with products and at least one deal running now. */
  shopWithProductsAndDeals(now = Date.now()): Item {
    const running = new Set(
      this.ofKind('deal')
        .filter((d) => Date.parse(d.starts_at!) <= now && Date.parse(d.ends_at!) > now)
        .map((d) => d.shop)
    );
    const withProducts = new Set(this.ofKind('product').map((p) => p.shop));
    const shop = this.ofKind('shop').find((s) => running.has(s.id) && withProducts.has(s.id));
    if (!shop) throw new Error('the demo has no shop with products and a running deal');
    return shop;
  }
}

interface WorkerFixtures {
  catalog: DemoCatalog;
}

/** `test` with the demo catalog (fetched once per worker from the shared server). */
export const test = base.extend<object, WorkerFixtures>({
  catalog: [
    async ({ playwright }, use) => {
      const api = await playwright.request.newContext({ baseURL: mainServer.origin });
      const response = await api.get('/api/catalog');
      expect(response.status()).toBe(200);
      const data = (await response.json()) as Catalog;
      await api.dispose();
      await use(new DemoCatalog(data));
    },
    { scope: 'worker' }
  ]
});

export { expect };

/** Escapes text content as Svelte's server renderer does, to look for it in a page's HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
