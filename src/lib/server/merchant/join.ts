import { eq, inArray, like, or } from 'drizzle-orm';
import type { Db } from '../db';
import { auditLog, shopMembers, shops, shopThemes, themes, users } from '../db/schema';
import { createAccountWith } from '../accounts/accounts';
import { slugify, type ShopApplicationInput } from '$lib/schemas/merchant';
import { ellipsis } from '$lib/format';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface NewMerchantAccount {
  email: string;
  password: string;
  displayName: string;
}

export interface ShopApplication extends ShopApplicationInput {
  themes: string[];
}

/** A slug derived from the name, free in the shops table ("la-plume", "la-plume-2"…). */
export function uniqueShopSlug(tx: Pick<Db, 'select'>, name: string): string {
  const base = slugify(name);
  const taken = new Set(
    tx
      .select({ slug: shops.slug })
      .from(shops)
      .where(or(eq(shops.slug, base), like(shops.slug, `${base}-%`)))
      .all()
      .map((r) => r.slug)
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function insertShop(tx: Tx, userId: number, shop: ShopApplication): { shopId: number; slug: string } {
  const slug = uniqueShopSlug(tx, shop.shopName);
  const summary = ellipsis(shop.description, 160);
  const shopId = tx
    .insert(shops)
    .values({
      slug,
      name: shop.shopName,
      category: shop.category,
      summary,
      description: shop.description,
      address: shop.address,
      lat: shop.lat,
      lng: shop.lng,
      openingHours: {},
      clickAndCollect: shop.clickAndCollect,
      status: 'pending'
    })
    .returning({ id: shops.id })
    .get().id;
  tx.insert(shopMembers).values({ shopId, userId, role: 'owner' }).run();
  const known = shop.themes.length
    ? tx.select({ slug: themes.slug }).from(themes).where(inArray(themes.slug, shop.themes)).all().map((t) => t.slug)
    : [];
  if (known.length) tx.insert(shopThemes).values(known.map((themeSlug) => ({ shopId, themeSlug }))).run();
  tx.insert(auditLog).values({ actorId: userId, action: 'shop_applied', targetType: 'shop', targetId: String(shopId) }).run();
  // Pending shops are not in the public catalog: nothing to journal until a curator approves.
  return { shopId, slug };
}

/**
 * "Inscrire votre boutique": a merchant account and its shop application in ONE transaction.
 * If the email is taken (or the password unacceptable) nothing is written.
 */
export async function joinAsNewMerchant(
  database: Db,
  account: NewMerchantAccount,
  shop: ShopApplication
): Promise<{ userId: number; shopId: number; slug: string }> {
  return createAccountWith(database, { ...account, role: 'merchant' }, (tx, userId) => ({ userId, ...insertShop(tx, userId, shop) }));
}

/** A signed-in person applies with another shop; a citizen becomes a merchant. */
export function joinAsCurrentUser(database: Db, userId: number, shop: ShopApplication): { shopId: number; slug: string } {
  return database.transaction((tx) => {
    const user = tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
    if (!user) throw new Error('unknown user');
    if (user.role === 'citizen') tx.update(users).set({ role: 'merchant' }).where(eq(users.id, userId)).run();
    return insertShop(tx, userId, shop);
  });
}
