import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { contentItems, shops } from '../db/schema';
import { catalogId } from '$lib/catalog/types';
import { readSetting, writeSetting } from '../settings';
import { recordCatalogChanges } from '../catalog/log';
import { shopCatalogIds } from '../catalog/shop-entries';
import { countShopsByStatus } from './shops';
import { writeAudit } from './audit';

export const DEFAULT_LAUNCH_THRESHOLD = 40;

/** The same for everyone: whether the marketplace is open, how many shops joined, the goal. */
export interface LaunchStatus {
  open: boolean;
  approvedShops: number;
  threshold: number;
}

/** Closed unless an operator (or the demo seed) opened it. */
export function platformOpen(database: Pick<Db, 'select'>): boolean {
  return readSetting<boolean>(database, 'platform_open') === true;
}

export function launchThreshold(database: Pick<Db, 'select'>): number {
  const value = readSetting<number>(database, 'launch_threshold');
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_LAUNCH_THRESHOLD;
}

/** Whether the guide (events, heritage…) stays public before the launch (default yes). */
export function guidePublicBeforeLaunch(database: Pick<Db, 'select'>): boolean {
  return readSetting<boolean>(database, 'guide_public_before_launch') !== false;
}

export function launchStatus(database: Pick<Db, 'select'>): LaunchStatus {
  return { open: platformOpen(database), approvedShops: countShopsByStatus(database, 'approved'), threshold: launchThreshold(database) };
}

export class LaunchError extends Error {
  constructor(readonly code: 'confirm_required' | 'already') {
    super(code);
  }
}

/**
 * Opens or closes the marketplace. The catalog's bytes depend on the gate, so the flip journals
 * every approved shop's ids (upserts when opening, tombstones when closing) in the same
 * transaction: a new catalog version, and devices syncing with ?since= follow.
 */
export function setPlatformOpen(database: Db, actorId: number, open: boolean, options: { confirmBelow?: boolean } = {}): void {
  database.transaction((tx) => {
    if (platformOpen(tx) === open) throw new LaunchError('already');
    const approved = countShopsByStatus(tx, 'approved');
    const threshold = launchThreshold(tx);
    if (open && approved < threshold && !options.confirmBelow) throw new LaunchError('confirm_required');
    writeSetting(tx, 'platform_open', open);
    const ids = tx
      .select({ id: shops.id })
      .from(shops)
      .where(eq(shops.status, 'approved'))
      .all()
      .flatMap((s) => shopCatalogIds(tx, s.id));
    if (!guidePublicBeforeLaunch(tx)) {
      for (const c of tx.select({ id: contentItems.id, kind: contentItems.kind }).from(contentItems).where(eq(contentItems.status, 'published')).all()) {
        ids.push(catalogId(c.kind, c.id));
      }
    }
    recordCatalogChanges(tx, ids, open ? 'upsert' : 'delete');
    // Always a new version, even with no approved shop: the gate is part of the catalog's state.
    if (ids.length === 0) recordCatalogChanges(tx, ['launch-gate'], 'delete');
    writeAudit(tx, {
      actorId,
      action: open ? 'platform.open' : 'platform.close',
      targetType: 'setting',
      targetId: 'platform_open',
      detail: `${approved}/${threshold}`
    });
  });
}
