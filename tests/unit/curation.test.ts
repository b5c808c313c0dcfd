/**
 * Curation services against a fresh migrated SQLite with the demo seed: each step is one
 * transaction (status, catalog journal, audit row), and the launch gate changes the catalog's
 * version and bytes for everyone.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '$lib/server/db';
import { auditLog, settings, shops, users } from '$lib/server/db/schema';
import { seedDemo } from '$lib/server/db/seed';
import { loadCatalogItems } from '$lib/server/catalog/build';
import { currentCatalogVersion } from '$lib/server/catalog/log';
import { catalogDelta, catalogSnapshot } from '$lib/server/catalog/snapshot';
import { approveShop, CurationError, refuseShop, reinstateShop, suspendShop } from '$lib/server/curation/shops';
import { countAudit, listAudit } from '$lib/server/curation/audit';
import { launchStatus, LaunchError, setPlatformOpen } from '$lib/server/curation/launch';
import { writeSetting } from '$lib/server/settings';

const now = new Date('2026-11-25T10:00:00+01:00');

describe('curation', () => {
  let database: Db;
  let curator: { id: number };

  const shopBySlug = (slug: string) => database.select().from(shops).where(eq(shops.slug, slug)).get()!;
  const catalogIds = () => new Set(loadCatalogItems(database).map((i) => i.id));

  beforeEach(() => {
    database = openDatabase(':memory:');
    seedDemo(database, now);
    curator = database.insert(users).values({ email: 'c@example.test', passwordHash: 'x', role: 'curator', displayName: 'Cur' }).returning({ id: users.id }).get();
  });

  it('approving a pending shop publishes it with its products, in the snapshot and the ?since delta', () => {
    const shop = shopBySlug('velos-de-la-brique');
    expect(shop.status).toBe('pending');
    expect(catalogIds().has(`shop-${shop.id}`)).toBe(false);
    const before = currentCatalogVersion(database);

    approveShop(database, curator, shop.id);

    expect(shopBySlug('velos-de-la-brique').status).toBe('approved');
    expect(catalogIds().has(`shop-${shop.id}`)).toBe(true);
    const delta = catalogDelta(database, before);
    expect(delta.version).toBeGreaterThan(before);
    expect(delta.upserts.map((i) => i.id)).toContain(`shop-${shop.id}`);
    expect(delta.upserts.every((i) => i.kind === 'shop' || ('shop' in i && i.shop === `shop-${shop.id}`))).toBe(true);
    expect(delta.deletions).toEqual([]);
    const [entry] = listAudit(database);
    expect(entry).toMatchObject({ action: 'shop.approve', targetType: 'shop', targetId: String(shop.id), actor: 'Cur' });
  });

  it('suspending an approved shop removes it with tombstones; reinstating brings it back', () => {
    const shop = shopBySlug('velos-de-la-brique');
    approveShop(database, curator, shop.id);
    const before = currentCatalogVersion(database);
    const items = loadCatalogItems(database).filter((i) => i.id === `shop-${shop.id}` || ('shop' in i && i.shop === `shop-${shop.id}`));
    expect(items.length).toBeGreaterThanOrEqual(1);

    suspendShop(database, curator, shop.id, 'Hygiène à vérifier');

    expect(shopBySlug('velos-de-la-brique')).toMatchObject({ status: 'suspended', statusReason: 'Hygiène à vérifier' });
    expect(catalogIds().has(`shop-${shop.id}`)).toBe(false);
    const delta = catalogDelta(database, before);
    expect(delta.upserts).toEqual([]);
    expect(delta.deletions).toEqual(expect.arrayContaining(items.map((i) => i.id)));
    expect(listAudit(database)[0]).toMatchObject({ action: 'shop.suspend', detail: 'Hygiène à vérifier' });

    reinstateShop(database, curator, shop.id);
    expect(catalogIds().has(`shop-${shop.id}`)).toBe(true);
    expect(shopBySlug('velos-de-la-brique').statusReason).toBe('');
  });

  it('refusing keeps the shop out of the catalog without a catalog version, with the reason for its merchant', () => {
    const shop = shopBySlug('la-fabrique-a-bougies');
    const before = currentCatalogVersion(database);
    refuseShop(database, curator, shop.id, '  Photos manquantes  ');
    expect(shopBySlug('la-fabrique-a-bougies')).toMatchObject({ status: 'refused', statusReason: 'Photos manquantes' });
    expect(currentCatalogVersion(database)).toBe(before);
    expect(listAudit(database)[0]).toMatchObject({ action: 'shop.refuse', detail: 'Photos manquantes' });
  });

  it.each([
    ['', 'required'],
    ['ab', 'reason_short'],
    ['x × 501', 'reason_long']
  ])('refuses a bad reason (%j) with nothing written', (label, code) => {
    const reason = label === 'x × 501' ? 'x'.repeat(501) : label;
    const shop = shopBySlug('le-comptoir-des-epices');
    const version = currentCatalogVersion(database);
    expect(() => refuseShop(database, curator, shop.id, reason)).toThrow(expect.objectContaining({ code }));
    expect(shopBySlug('le-comptoir-des-epices').status).toBe('pending');
    expect(countAudit(database)).toBe(0);
    expect(currentCatalogVersion(database)).toBe(version);
  });

  it('refuses impossible transitions and rolls back', () => {
    const shop = shopBySlug('le-comptoir-des-epices');
    expect(() => suspendShop(database, curator, shop.id, 'Pas encore ouverte')).toThrow(CurationError);
    expect(() => approveShop(database, curator, 999_999)).toThrow(expect.objectContaining({ code: 'shop_not_found' }));
    expect(database.select().from(auditLog).all()).toEqual([]);
  });

  it('the launch gate: closing leaves shops, products and deals out for everyone, as a new version with tombstones', () => {
    const open = launchStatus(database);
    expect(open.open).toBe(true);
    const shopIds = loadCatalogItems(database).filter((i) => ['shop', 'product', 'deal'].includes(i.kind)).map((i) => i.id);
    expect(shopIds.length).toBeGreaterThan(0);
    const first = catalogSnapshot(database);
    const before = first.snapshot.version;

    setPlatformOpen(database, curator.id, false);
    const closed = catalogSnapshot(database);
    expect(closed.snapshot.version).toBeGreaterThan(before);
    expect(closed.body.hash).not.toBe(first.body.hash);
    expect(closed.snapshot.items.some((i) => ['shop', 'product', 'deal'].includes(i.kind))).toBe(false);
    expect(closed.snapshot.items.some((i) => i.kind === 'event')).toBe(true);
    const deletions = catalogDelta(database, before).deletions;
    expect(deletions).toEqual(expect.arrayContaining(shopIds));
    expect(deletions.every((id) => /^(shop|product|deal)-/.test(id))).toBe(true);
    expect(listAudit(database)[0]).toMatchObject({ action: 'platform.close', targetType: 'setting' });

    // Below the threshold, opening needs the explicit confirmation.
    writeSetting(database, 'launch_threshold', open.approvedShops + 1);
    expect(() => setPlatformOpen(database, curator.id, true)).toThrow(LaunchError);
    setPlatformOpen(database, curator.id, true, { confirmBelow: true });
    expect(catalogSnapshot(database).snapshot.items.map((i) => i.id)).toEqual(first.snapshot.items.map((i) => i.id));
    expect(listAudit(database).map((e) => e.action).slice(0, 2)).toEqual(['platform.open', 'platform.close']);
  });

  it('a fresh install without the setting is closed', () => {
    const fresh = openDatabase(':memory:');
    expect(launchStatus(fresh)).toEqual({ open: false, approvedShops: 0, threshold: 40 });
  });

  it('an install upgraded from before the gate comes up closed; opening it brings every device back in step', () => {
    // Before the gate there was no platform_open row: shops were public as soon as approved.
    database.delete(settings).where(eq(settings.key, 'platform_open')).run();
    const synced = currentCatalogVersion(database);
    expect(launchStatus(database).open).toBe(false);
    // A new device gets no marketplace at all…
    expect(catalogSnapshot(database).snapshot.items.some((i) => i.kind === 'shop')).toBe(false);
    // …while one that synced before the upgrade is told nothing (no new version, no tombstone).
    expect(currentCatalogVersion(database)).toBe(synced);
    expect(catalogDelta(database, synced)).toMatchObject({ upserts: [], deletions: [] });

    // Pressing « Ouvrir la plateforme » (below the default threshold of 40: confirmed) journals
    // every approved shop's entries: a new device and an old one see the same marketplace.
    setPlatformOpen(database, curator.id, true, { confirmBelow: true });
    const shopIds = catalogSnapshot(database).snapshot.items.filter((i) => i.kind === 'shop').map((i) => i.id);
    expect(shopIds.length).toBeGreaterThan(20);
    expect(catalogDelta(database, synced).upserts.map((i) => i.id)).toEqual(expect.arrayContaining(shopIds));
  });
});
