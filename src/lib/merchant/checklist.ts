/**
 * The onboarding checklist on the merchant's home: what a good shop page needs. Pure, so the
 * page, a future API and the tests agree.
 */
export const DESCRIPTION_MIN = 120;
export const OPEN_DAYS_MIN = 5;
export const PRODUCTS_MIN = 5;

export type ChecklistKey = 'description' | 'hours' | 'products' | 'deal' | 'phone' | 'themes';

export interface ChecklistShop {
  description: string;
  /** Per ISO weekday, a list of opening ranges (see WeeklyHours). */
  openingHours: Partial<Record<string, unknown[]>> | null;
  phone: string | null;
  productCount: number;
  dealCount: number;
  themeCount: number;
}

export interface ChecklistItem {
  key: ChecklistKey;
  done: boolean;
  /** A tip rather than a requirement. */
  optional: boolean;
}

export interface Checklist {
  items: ChecklistItem[];
  done: number;
  total: number;
}

export function openDays(hours: ChecklistShop['openingHours']): number {
  if (!hours) return 0;
  return Object.values(hours).filter((ranges) => Array.isArray(ranges) && ranges.length > 0).length;
}

export function shopChecklist(shop: ChecklistShop): Checklist {
  const items: ChecklistItem[] = [
    { key: 'description', done: shop.description.trim().length >= DESCRIPTION_MIN, optional: false },
    { key: 'hours', done: openDays(shop.openingHours) >= OPEN_DAYS_MIN, optional: false },
    { key: 'products', done: shop.productCount >= PRODUCTS_MIN, optional: false },
    { key: 'deal', done: shop.dealCount >= 1, optional: true },
    { key: 'phone', done: (shop.phone ?? '').trim().length > 0, optional: false },
    { key: 'themes', done: shop.themeCount >= 1, optional: false }
  ];
  return { items, done: items.filter((i) => i.done).length, total: items.length };
}
