import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { shopInvites, shopMembers, shops, users } from '../db/schema';
import { listUserSessions } from '../auth/session';
import { remainingRecoveryCodes } from '../auth/two-factor';
import { recordCatalogChanges } from '../catalog/log';
import { shopCatalogIds } from '../catalog/shop-entries';
import { anonymiseCustomerOrders, customerDeliveryPhotoIds, customerOrders } from '../orders/account-data';
import { citizenPhotoIds, exportConversations } from '../messaging/service';
import { exportAccountDevices } from '../push/personal';

/** Everything the server keeps about one account, as the owner downloads it. */
export function exportAccount(database: Db, userId: number) {
  const user = database.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return null;
  return {
    format: 'placette-account-export',
    v: 1,
    exported_at: new Date().toISOString(),
    account: {
      email: user.email,
      display_name: user.displayName,
      role: user.role,
      created_at: user.createdAt,
      password_changed_at: user.passwordChangedAt,
      two_factor: user.totpKey !== null,
      recovery_codes_left: remainingRecoveryCodes(database, userId)
    },
    sessions: listUserSessions(database, userId).map((s) => ({
      device: s.device,
      created_at: new Date(s.createdAt).toISOString(),
      last_seen_at: new Date(s.lastSeenAt).toISOString()
    })),
    shops: database
      .select({ slug: shops.slug, name: shops.name, role: shopMembers.role, since: shopMembers.createdAt })
      .from(shopMembers)
      .innerJoin(shops, eq(shops.id, shopMembers.shopId))
      .where(eq(shopMembers.userId, userId))
      .all(),
    orders: customerOrders(database, userId, 10_000),
    messages: exportConversations(database, userId),
    /** Devices that receive your order and message notifications: the push service and since when. */
    notification_devices: exportAccountDevices(database, userId)
  };
}

export const SOLE_OWNER_REASON = 'Le compte de la personne responsable a été supprimé.';

/**
 * Deletes an account and what hangs on it (sessions, recovery codes, shop memberships and
 * personal push subscriptions by cascade). Its orders stay in the shops' books, anonymised (open parts cancelled first, their
 * stock back on sale; see PRIVACY.md). A shop left without any owner is suspended and leaves the public catalog; its
 * remaining staff still see it. Audit entries keep the action with the actor set to null.
 * Messaging: the citizen's conversations (and photos) are deleted; messages written on behalf of
 * a shop stay in that shop's conversations with the writer set to null (they are the shop's).
 * Returns the ids of the photos (order deliveries, the citizen's messages) to delete from storage
 * once committed.
 */
export function deleteAccount(database: Db, userId: number): string[] {
  // The citizen's conversations go with the account (cascade).
  const messagePhotos = citizenPhotoIds(database, userId);
  return database.transaction((tx) => {
    const owned = tx
      .select({ shopId: shopMembers.shopId })
      .from(shopMembers)
      .where(and(eq(shopMembers.userId, userId), eq(shopMembers.role, 'owner')))
      .all();
    const email = tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).get()?.email;
    for (const { shopId } of owned) {
      const otherOwner = tx
        .select({ userId: shopMembers.userId })
        .from(shopMembers)
        .where(and(eq(shopMembers.shopId, shopId), eq(shopMembers.role, 'owner'), ne(shopMembers.userId, userId)))
        .get();
      if (otherOwner) continue;
      const shop = tx.select({ status: shops.status }).from(shops).where(eq(shops.id, shopId)).get();
      if (shop?.status === 'approved') recordCatalogChanges(tx, shopCatalogIds(tx, shopId), 'delete');
      tx.update(shops).set({ status: 'suspended', statusReason: SOLE_OWNER_REASON, updatedAt: new Date().toISOString() }).where(eq(shops.id, shopId)).run();
    }
    if (email) tx.delete(shopInvites).where(eq(shopInvites.email, email)).run();
    const photos = customerDeliveryPhotoIds(tx, userId);
    anonymiseCustomerOrders(tx, userId);
    tx.delete(users).where(eq(users.id, userId)).run();
    return [...photos, ...messagePhotos];
  });
}
