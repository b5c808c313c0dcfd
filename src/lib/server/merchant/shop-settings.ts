import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { shops, shopThemes, themes } from '../db/schema';
import { recordCatalogChanges } from '../catalog/log';
import { catalogId } from '$lib/catalog/types';
import type { ImageDescriptor } from '$lib/images/limits';
import type { ShopSettingsInput } from '$lib/schemas/merchant';
import type { OrderSettingsInput } from '$lib/schemas/order-settings';
import { addClosedDate, removeClosedDate, type WeeklyHoursInput } from '$lib/merchant/shop-hours';

export const MAX_SHOP_PHOTOS = 6;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Everything the settings page edits. */
export function shopSettings(database: Db, shopId: number) {
  const shop = database.select().from(shops).where(eq(shops.id, shopId)).get();
  if (!shop) return null;
  const slugs = database.select({ slug: shopThemes.themeSlug }).from(shopThemes).where(eq(shopThemes.shopId, shopId)).all();
  return { ...shop, themes: slugs.map((t) => t.slug) };
}

/** Runs `write` on the shop in one transaction and journals it when the shop is public. */
function updateShop<T>(database: Db, shopId: number, write: (tx: Tx, shop: typeof shops.$inferSelect) => T): T | null {
  return database.transaction((tx) => {
    const shop = tx.select().from(shops).where(eq(shops.id, shopId)).get();
    if (!shop) return null;
    const result = write(tx, shop);
    if (!result) return result;
    tx.update(shops).set({ updatedAt: new Date().toISOString() }).where(eq(shops.id, shopId)).run();
    if (shop.status === 'approved') recordCatalogChanges(tx, [catalogId('shop', shopId)], 'upsert');
    return result;
  });
}

export function saveShopSettings(
  database: Db,
  shopId: number,
  input: ShopSettingsInput & { hours: WeeklyHoursInput; themes: string[] }
): boolean {
  return (
    updateShop(database, shopId, (tx) => {
      tx.update(shops)
        .set({
          name: input.name,
          category: input.category,
          summary: input.summary,
          description: input.description,
          address: input.address,
          lat: input.lat,
          lng: input.lng,
          phone: input.phone || null,
          openingHours: input.hours
        })
        .where(eq(shops.id, shopId))
        .run();
      tx.delete(shopThemes).where(eq(shopThemes.shopId, shopId)).run();
      const known = input.themes.length
        ? tx.select({ slug: themes.slug }).from(themes).where(inArray(themes.slug, input.themes)).all().map((t) => t.slug)
        : [];
      if (known.length) tx.insert(shopThemes).values(known.map((themeSlug) => ({ shopId, themeSlug }))).run();
      return true;
    }) ?? false
  );
}

export function addShopClosure(database: Db, shopId: number, date: string): boolean {
  return (
    updateShop(database, shopId, (tx, shop) => {
      tx.update(shops).set({ closedDates: addClosedDate(shop.closedDates, date) }).where(eq(shops.id, shopId)).run();
      return true;
    }) ?? false
  );
}

export function removeShopClosure(database: Db, shopId: number, date: string): boolean {
  return (
    updateShop(database, shopId, (tx, shop) => {
      tx.update(shops).set({ closedDates: removeClosedDate(shop.closedDates, date) }).where(eq(shops.id, shopId)).run();
      return true;
    }) ?? false
  );
}

/** Appends photos (already saved with saveImage); false when that would make more than MAX_SHOP_PHOTOS. */
export function addShopPhotos(database: Db, shopId: number, photos: ImageDescriptor[]): boolean {
  return (
    updateShop(database, shopId, (tx, shop) => {
      if (shop.photos.length + photos.length > MAX_SHOP_PHOTOS) return false;
      tx.update(shops).set({ photos: [...shop.photos, ...photos] }).where(eq(shops.id, shopId)).run();
      return true;
    }) ?? false
  );
}

/** Removes one photo from the shop; returns it (for deleteImage after the commit) or null. */
export function removeShopPhoto(database: Db, shopId: number, imageId: string): ImageDescriptor | null {
  return updateShop(database, shopId, (tx, shop) => {
    const photo = shop.photos.find((p) => p.id === imageId);
    if (!photo) return null;
    tx.update(shops).set({ photos: shop.photos.filter((p) => p.id !== imageId) }).where(eq(shops.id, shopId)).run();
    return photo;
  });
}

/** Click & collect, pickup slots and delivery: what checkout and the slots API read. */
export function saveOrderSettings(database: Db, shopId: number, input: OrderSettingsInput): boolean {
  return (
    updateShop(database, shopId, (tx) => {
      tx.update(shops)
        .set({
          clickAndCollect: input.clickAndCollect,
          slotMinutes: input.slotMinutes,
          slotCapacity: input.slotCapacity,
          prepMinutes: input.prepMinutes,
          delivery: input.delivery,
          deliveryPostcodes: input.deliveryPostcodes,
          deliveryFeeCents: input.deliveryFeeCents
        })
        .where(eq(shops.id, shopId))
        .run();
      return true;
    }) ?? false
  );
}
