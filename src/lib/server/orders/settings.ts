import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { shops } from '../db/schema';
import { updateShop } from '../merchant/shop-settings';
import type { OrderSettingsInput } from '$lib/schemas/orders';

/** What a shop's order settings form shows. */
export function orderSettings(database: Db, shopId: number) {
  return (
    database
      .select({
        clickAndCollect: shops.clickAndCollect,
        slotMinutes: shops.slotMinutes,
        slotCapacity: shops.slotCapacity,
        prepMinutes: shops.prepMinutes,
        delivery: shops.delivery,
        deliveryPostcodes: shops.deliveryPostcodes,
        deliveryFeeCents: shops.deliveryFeeCents
      })
      .from(shops)
      .where(eq(shops.id, shopId))
      .get() ?? null
  );
}

/**
 * Saves them and journals the shop (the catalog carries click & collect, slot length and
 * delivery). Parts already booked keep their slot: a new length applies to new orders.
 */
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
          deliveryFeeCents: input.deliveryFee
        })
        .where(eq(shops.id, shopId))
        .run();
      return true;
    }) ?? false
  );
}
