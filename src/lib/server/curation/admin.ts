import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { contentItems, shopMembers, users, type UserRole } from '../db/schema';
import { recordCatalogChanges } from '../catalog/log';
import { catalogId } from '$lib/catalog/types';
import { writeSetting } from '../settings';
import { writeAudit } from './audit';
import { guidePublicBeforeLaunch, platformOpen } from './launch';
import { CurationError, type Actor } from './shops';

export interface UserRow {
  id: number;
  email: string;
  role: UserRole;
  displayName: string;
}

export function listUsers(database: Pick<Db, 'select'>): UserRow[] {
  return database
    .select({ id: users.id, email: users.email, role: users.role, displayName: users.displayName })
    .from(users)
    .orderBy(asc(users.email))
    .all();
}

/**
 * Makes a citizen or merchant a community manager (curator), or takes the role back (merchant
 * again when they belong to a shop, citizen otherwise). Admins are never changed here, so the
 * last admin can never be demoted from the UI.
 */
export function setCurator(database: Db, actor: Actor, userId: number, curator: boolean): void {
  database.transaction((tx) => {
    const user = tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
    if (!user) throw new CurationError('not_found');
    if (user.role === 'admin') throw new CurationError('admin_protected');
    let role: UserRole;
    if (curator) {
      if (user.role === 'curator') throw new CurationError('status_conflict');
      role = 'curator';
    } else {
      if (user.role !== 'curator') throw new CurationError('status_conflict');
      const member = tx.select({ shopId: shopMembers.shopId }).from(shopMembers).where(eq(shopMembers.userId, userId)).get();
      role = member ? 'merchant' : 'citizen';
    }
    tx.update(users).set({ role }).where(eq(users.id, userId)).run();
    writeAudit(tx, { actorId: actor.id, action: curator ? 'user.appoint_curator' : 'user.remove_curator', targetType: 'user', targetId: userId, detail: `${user.role} → ${role}` });
  });
}

export function setLaunchThreshold(database: Db, actor: Actor, threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 10000) throw new CurationError('status_conflict');
  database.transaction((tx) => {
    writeSetting(tx, 'launch_threshold', threshold);
    writeAudit(tx, { actorId: actor.id, action: 'setting.launch_threshold', targetType: 'setting', targetId: 'launch_threshold', detail: String(threshold) });
  });
}

/**
 * Whether the guide is public before the launch. While the platform is closed the published
 * content enters or leaves the catalog, so every id is journalled (or a sentinel when there is
 * none): a new catalog version either way.
 */
export function setGuidePublicBeforeLaunch(database: Db, actor: Actor, value: boolean): void {
  database.transaction((tx) => {
    if (guidePublicBeforeLaunch(tx) === value) return;
    writeSetting(tx, 'guide_public_before_launch', value);
    if (!platformOpen(tx)) {
      const ids = tx
        .select({ id: contentItems.id, kind: contentItems.kind })
        .from(contentItems)
        .where(eq(contentItems.status, 'published'))
        .all()
        .map((c) => catalogId(c.kind, c.id));
      recordCatalogChanges(tx, ids, value ? 'upsert' : 'delete');
      if (ids.length === 0) recordCatalogChanges(tx, ['launch-gate'], 'delete');
    }
    writeAudit(tx, { actorId: actor.id, action: 'setting.guide_public_before_launch', targetType: 'setting', targetId: 'guide_public_before_launch', detail: String(value) });
  });
}
