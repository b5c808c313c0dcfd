import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { deals, products, shopMembers, shops, shopThemes, themes } from '../db/schema';
import { shopChecklist, type Checklist } from '$lib/merchant/checklist';

export interface MerchantShop {
  id: number;
  slug: string;
  name: string;
  status: 'pending' | 'approved' | 'refused' | 'suspended';
  statusReason: string;
  role: 'owner' | 'staff';
  checklist: Checklist;
}

/** The shops a person belongs to, with their status and onboarding checklist. */
export function merchantShops(database: Db, userId: number): MerchantShop[] {
  const rows = database
    .select({ shop: shops, role: shopMembers.role })
    .from(shopMembers)
    .innerJoin(shops, eq(shops.id, shopMembers.shopId))
    .where(eq(shopMembers.userId, userId))
    .orderBy(asc(shops.name))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.shop.id);
  const tally = (table: typeof products | typeof deals) =>
    new Map(
      database
        .select({ shopId: table.shopId, n: count() })
        .from(table)
        .where(inArray(table.shopId, ids))
        .groupBy(table.shopId)
        .all()
        .map((r) => [r.shopId, r.n])
    );
  const productCounts = tally(products);
  const dealCounts = tally(deals);
  const themeCounts = new Map(
    database
      .select({ shopId: shopThemes.shopId, n: count() })
      .from(shopThemes)
      .where(inArray(shopThemes.shopId, ids))
      .groupBy(shopThemes.shopId)
      .all()
      .map((r) => [r.shopId, r.n])
  );
  return rows.map(({ shop, role }) => ({
    id: shop.id,
    slug: shop.slug,
    name: shop.name,
    status: shop.status,
    statusReason: shop.statusReason,
    role,
    checklist: shopChecklist({
      description: shop.description,
      openingHours: shop.openingHours,
      phone: shop.phone,
      productCount: productCounts.get(shop.id) ?? 0,
      dealCount: dealCounts.get(shop.id) ?? 0,
      themeCount: themeCounts.get(shop.id) ?? 0
    })
  }));
}

export function shopHeader(database: Db, shopId: number): { id: number; name: string; slug: string; status: MerchantShop['status'] } | null {
  return database.select({ id: shops.id, name: shops.name, slug: shops.slug, status: shops.status }).from(shops).where(eq(shops.id, shopId)).get() ?? null;
}

export function themeOptions(database: Db): { slug: string; fr: string; en: string }[] {
  return database.select({ slug: themes.slug, fr: themes.labelFr, en: themes.labelEn }).from(themes).orderBy(asc(themes.position)).all();
}
