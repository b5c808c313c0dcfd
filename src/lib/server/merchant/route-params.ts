import { error } from '@sveltejs/kit';
import { db } from '../db';
import { requireShopMember } from '../auth/guards';
import type { ShopMemberRole } from '../db/schema';
import { shopHeader } from './shops';

/** A positive integer route parameter, or 404. */
export function idParam(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value)) error(404, 'Introuvable');
  return Number(value);
}

/**
 * The guard of every /merchant/shops/[id] load and action: the signed-in person must be a member
 * of that shop (its owner when `role` says so), else sign-in, 403 or 404 (requireShopMember).
 */
export function shopMember(
  event: { locals: App.Locals; url: URL; params: Partial<Record<string, string>> },
  role?: ShopMemberRole
) {
  const database = db();
  const shopId = idParam(event.params.id ?? '');
  const member = requireShopMember(database, event.locals, event.url, shopId, role);
  return { database, shopId, ...member };
}

/** shopMember, plus the shop's name and status for the page header (404 when it is gone). */
export function memberShop(event: { locals: App.Locals; url: URL; params: Partial<Record<string, string>> }) {
  const member = shopMember(event);
  const shop = shopHeader(member.database, member.shopId);
  if (!shop) error(404, 'Boutique introuvable');
  return { ...member, shop };
}
