import type { BrowserContext, Page } from '@playwright/test';
import type { Item } from './fixtures';

/** The device basket's shape (src/lib/basket/basket.ts), for seeding and reading localStorage. */
export interface DeviceBasketLine {
  productId: string;
  qty: number;
  seen: { title: string; price_cents: number; shop: string; shop_name: string };
}
export interface DeviceBasket {
  v: 1;
  lines: DeviceBasketLine[];
}

export const BASKET_KEY = 'placette.basket';

export function basketOf(lines: (readonly [Item, number])[]): DeviceBasket {
  return {
    v: 1,
    lines: lines.map(([p, qty]) => ({
      productId: p.id,
      qty,
      seen: { title: p.title, price_cents: p.price_cents!, shop: p.shop!, shop_name: p.shop_name! }
    }))
  };
}

/** Puts this basket on the device before the app starts, unless it already has one. */
export async function seedBasket(context: BrowserContext, basket: DeviceBasket): Promise<void> {
  await context.addInitScript(
    ([key, json]) => {
      try {
        if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, json);
      } catch {
        // about:blank has no storage.
      }
    },
    [BASKET_KEY, JSON.stringify(basket)] as const
  );
}

export async function readBasket(page: Page): Promise<DeviceBasket | null> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as DeviceBasket) : null;
  }, BASKET_KEY);
}
