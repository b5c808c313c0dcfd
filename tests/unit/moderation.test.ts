/**
 * Moderation services (deals, reports, themes, admin) against a fresh migrated SQLite with the
 * demo seed: each decision is one transaction with its catalog journal and audit row.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { openDatabase, type Db } from '$lib/server/db';
import { contentItems, deals, products, reports, shopMembers, shops, users } from '$lib/server/db/schema';
import { seedDemo } from '$lib/server/db/seed';
import { loadCatalogItems } from '$lib/server/catalog/build';
import { currentCatalogVersion } from '$lib/server/catalog/log';
import { catalogDelta, catalogSnapshot } from '$lib/server/catalog/snapshot';
import { listAudit } from '$lib/server/curation/audit';
import { CurationError } from '$lib/server/curation/shops';
import { listPendingDeals, publishDeal, rejectDeal } from '$lib/server/curation/deals';
import { findDeal, listDeals, saveDeal } from '$lib/server/merchant/deals';
import { createReport, dismissReport, hideReported, listOpenReports } from '$lib/server/curation/reports';
import { addTheme, listThemeRows, moveTheme, renameTheme } from '$lib/server/curation/themes';
import { listUsers, setCurator, setGuidePublicBeforeLaunch, setLaunchThreshold } from '$lib/server/curation/admin';
import { guidePublicBeforeLaunch, launchThreshold, setPlatformOpen } from '$lib/server/curation/launch';
import { reportSchema } from '$lib/schemas/curation';

const now = new Date('2026-11-25T10:00:00+01:00');

describe('moderation', () => {
  let database: Db;
  let curator: { id: number };

  const catalogIds = () => new Set(loadCatalogItems(database).map((i) => i.id));
  const code = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof CurationError) return err.code;
      throw err;
    }
    return 'none';
  };

  beforeEach(() => {
    database = openDatabase(':memory:');
    seedDemo(database, now);
    curator = database.insert(users).values({ email: 'c@example.test', passwordHash: 'x', role: 'curator', displayName: 'Cur' }).returning({ id: users.id }).get();
  });

  describe('deals', () => {
    it('lists the pending deal and publishes it into the catalog with an upsert', () => {
      const [pending] = listPendingDeals(database);
      expect(pending).toMatchObject({ title: 'Deux bougies achetées, la troisième offerte', shopSlug: 'lumieres-d-occitanie' });
      expect(catalogIds().has(`deal-${pending.id}`)).toBe(false);
      const before = currentCatalogVersion(database);

      publishDeal(database, curator, pending.id);

      expect(catalogIds().has(`deal-${pending.id}`)).toBe(true);
      expect(catalogDelta(database, before).upserts.map((i) => i.id)).toEqual([`deal-${pending.id}`]);
      expect(listPendingDeals(database)).toEqual([]);
      expect(listAudit(database)[0]).toMatchObject({ action: 'deal.publish', targetType: 'deal', targetId: String(pending.id) });
      expect(code(() => publishDeal(database, curator, pending.id))).toBe('status_conflict');
    });

    it('refusing a published deal journals a tombstone and keeps the reason in the audit log', () => {
      const published = database.select().from(deals).where(eq(deals.status, 'published')).get()!;
      expect(catalogIds().has(`deal-${published.id}`)).toBe(true);
      const before = currentCatalogVersion(database);
      expect(code(() => rejectDeal(database, curator, published.id, 'no'))).toBe('reason_short');
      expect(code(() => rejectDeal(database, curator, published.id, 'x'.repeat(501)))).toBe('reason_long');
      expect(currentCatalogVersion(database)).toBe(before);

      rejectDeal(database, curator, published.id, 'Offre trompeuse');

      expect(catalogIds().has(`deal-${published.id}`)).toBe(false);
      expect(catalogDelta(database, before).deletions).toEqual([`deal-${published.id}`]);
      expect(listAudit(database)[0]).toMatchObject({ action: 'deal.reject', detail: 'Offre trompeuse' });
      expect(code(() => rejectDeal(database, curator, 99999, 'Offre trompeuse'))).toBe('not_found');
    });

    it('refusing a pending deal does not touch the catalog', () => {
      const [pending] = listPendingDeals(database);
      const before = currentCatalogVersion(database);
      rejectDeal(database, curator, pending.id, 'Dates incohérentes');
      expect(currentCatalogVersion(database)).toBe(before);
      expect(database.select().from(deals).where(eq(deals.id, pending.id)).get()!.status).toBe('rejected');
    });

    it('the shop reads the reason of a refusal until the deal is sent again or published', () => {
      const [pending] = listPendingDeals(database);
      rejectDeal(database, curator, pending.id, 'Dates incohérentes');
      expect(findDeal(database, pending.shopId, pending.id)).toMatchObject({ status: 'rejected', statusReason: 'Dates incohérentes' });
      expect(listDeals(database, pending.shopId).find((d) => d.id === pending.id)?.statusReason).toBe('Dates incohérentes');

      // Edited and sent again: back in the queue, the old reason no longer shown.
      saveDeal(database, pending.shopId, pending.id, { title: pending.title, details: 'Du 1er au 10', startsOn: '2026-12-01', endsOn: '2026-12-10' });
      expect(findDeal(database, pending.shopId, pending.id)).toMatchObject({ status: 'pending', statusReason: '' });

      rejectDeal(database, curator, pending.id, 'Toujours incohérent');
      publishDeal(database, curator, pending.id);
      expect(findDeal(database, pending.shopId, pending.id)).toMatchObject({ status: 'published', statusReason: '' });
    });
  });

  describe('reports', () => {
    const visibleProduct = () =>
      database.select({ id: products.id }).from(products).innerJoin(shops, eq(shops.id, products.shopId)).where(and(eq(products.visible, true), eq(shops.status, 'approved'))).get()!;

    it('validates the public input', () => {
      expect(reportSchema.safeParse({ targetType: 'conversation', targetId: 1, reason: 'abc' }).success).toBe(false);
      expect(reportSchema.safeParse({ targetType: 'product', targetId: 0, reason: 'abc' }).success).toBe(false);
      expect(reportSchema.safeParse({ targetType: 'product', targetId: 3, reason: 'ab' }).success).toBe(false);
      expect(reportSchema.safeParse({ targetType: 'product', targetId: '3', reason: ' Arnaque ' }).data).toEqual({ targetType: 'product', targetId: 3, reason: 'Arnaque' });
    });

    it('files an anonymous report on an existing target only', () => {
      const product = visibleProduct();
      expect(code(() => createReport(database, { targetType: 'product', targetId: 99999, reason: 'Arnaque' }, null))).toBe('not_found');
      const id = createReport(database, { targetType: 'product', targetId: product.id, reason: 'Photo trompeuse' }, null);
      const [open] = listOpenReports(database);
      expect(open).toMatchObject({ id, targetType: 'product', targetId: product.id, reason: 'Photo trompeuse' });
      expect(open.targetTitle).toBeTruthy();
      expect(database.select().from(reports).where(eq(reports.id, id)).get()!.reporterId).toBeNull();
    });

    it('hiding a reported product makes it invisible, journals a delete, resolves and audits', () => {
      const product = visibleProduct();
      const id = createReport(database, { targetType: 'product', targetId: product.id, reason: 'Photo trompeuse' }, null);
      const before = currentCatalogVersion(database);

      hideReported(database, curator, id, 'Contenu trompeur');

      expect(database.select().from(products).where(eq(products.id, product.id)).get()!.visible).toBe(false);
      expect(catalogDelta(database, before).deletions).toEqual([`product-${product.id}`]);
      const report = database.select().from(reports).where(eq(reports.id, id)).get()!;
      expect(report.resolution).toBe('hidden');
      expect(report.resolvedAt).not.toBeNull();
      expect(listOpenReports(database)).toEqual([]);
      expect(listAudit(database, { limit: 2 }).map((e) => e.action)).toEqual(['report.hide', 'product.hide']);
      expect(code(() => hideReported(database, curator, id, 'Contenu trompeur'))).toBe('not_found');
    });

    it('hiding a shop suspends it; hiding content unpublishes it; a deal is refused', () => {
      const shop = database.select().from(shops).where(eq(shops.slug, 'petales-et-briques')).get()!;
      const r1 = createReport(database, { targetType: 'shop', targetId: shop.id, reason: 'Fermé depuis des mois' }, null);
      hideReported(database, curator, r1, 'Commerce fermé');
      expect(database.select().from(shops).where(eq(shops.id, shop.id)).get()!.status).toBe('suspended');
      expect(catalogIds().has(`shop-${shop.id}`)).toBe(false);

      const content = database.select().from(contentItems).where(eq(contentItems.status, 'published')).get()!;
      const r2 = createReport(database, { targetType: 'content', targetId: content.id, reason: 'Date erronée' }, null);
      hideReported(database, curator, r2, 'À corriger');
      expect(database.select().from(contentItems).where(eq(contentItems.id, content.id)).get()!.status).toBe('draft');
      expect(catalogIds().has(`${content.kind}-${content.id}`)).toBe(false);

      const deal = database.select().from(deals).where(eq(deals.status, 'published')).get()!;
      const r3 = createReport(database, { targetType: 'deal', targetId: deal.id, reason: 'Offre expirée' }, null);
      hideReported(database, curator, r3, 'Offre expirée');
      expect(database.select().from(deals).where(eq(deals.id, deal.id)).get()!.status).toBe('rejected');
    });

    it('a failed hide leaves the report open; dismissing closes it without touching the target', () => {
      const shop = database.select().from(shops).where(eq(shops.status, 'pending')).get()!;
      const id = createReport(database, { targetType: 'shop', targetId: shop.id, reason: 'Doublon' }, null);
      expect(code(() => hideReported(database, curator, id, 'Doublon'))).toBe('status_conflict');
      expect(listOpenReports(database)).toHaveLength(1);
      const before = currentCatalogVersion(database);
      dismissReport(database, curator, id);
      expect(database.select().from(reports).where(eq(reports.id, id)).get()!.resolution).toBe('dismissed');
      expect(currentCatalogVersion(database)).toBe(before);
      expect(listAudit(database)[0]).toMatchObject({ action: 'report.dismiss', targetType: 'report' });
    });
  });

  describe('themes', () => {
    it('adding, renaming and moving a theme each make a new catalog version with the new list', () => {
      const v0 = currentCatalogVersion(database);
      addTheme(database, curator, { slug: 'zero-dechet', labelFr: 'Zéro déchet', labelEn: 'Zero waste' });
      const v1 = currentCatalogVersion(database);
      expect(v1).toBeGreaterThan(v0);
      expect(catalogSnapshot(database).snapshot.themes.at(-1)).toEqual({ slug: 'zero-dechet', labels: { fr: 'Zéro déchet', en: 'Zero waste' } });
      expect(catalogDelta(database, v0).themes.some((t) => t.slug === 'zero-dechet')).toBe(true);
      expect(code(() => addTheme(database, curator, { slug: 'zero-dechet', labelFr: 'a', labelEn: 'b' }))).toBe('slug_taken');

      renameTheme(database, curator, { slug: 'zero-dechet', labelFr: 'Vrac', labelEn: 'Bulk' });
      expect(currentCatalogVersion(database)).toBeGreaterThan(v1);
      expect(catalogSnapshot(database).snapshot.themes.at(-1)!.labels.fr).toBe('Vrac');

      const rows = listThemeRows(database);
      moveTheme(database, curator, 'zero-dechet', 'up');
      const moved = listThemeRows(database).map((r) => r.slug);
      expect(moved.at(-2)).toBe('zero-dechet');
      expect(moved.at(-1)).toBe(rows.at(-2)!.slug);
      expect(catalogSnapshot(database).snapshot.themes.map((t) => t.slug)).toEqual(moved);
      expect(code(() => moveTheme(database, curator, moved[0], 'up'))).toBe('status_conflict');
      expect(listAudit(database, { limit: 3 }).map((e) => e.action)).toEqual(['theme.move', 'theme.rename', 'theme.add']);
    });
  });

  describe('admin', () => {
    it('appoints and removes a curator, never changes an admin', () => {
      const citizen = database.insert(users).values({ email: 'h@example.test', passwordHash: 'x' }).returning({ id: users.id }).get();
      const merchant = database.insert(users).values({ email: 'm@example.test', passwordHash: 'x', role: 'merchant' }).returning({ id: users.id }).get();
      const shop = database.select().from(shops).get()!;
      database.insert(shopMembers).values({ shopId: shop.id, userId: merchant.id, role: 'owner' }).run();
      const admin = database.insert(users).values({ email: 'a@example.test', passwordHash: 'x', role: 'admin' }).returning({ id: users.id }).get();

      setCurator(database, { id: admin.id }, citizen.id, true);
      expect(listUsers(database).find((u) => u.id === citizen.id)!.role).toBe('curator');
      setCurator(database, { id: admin.id }, citizen.id, false);
      expect(listUsers(database).find((u) => u.id === citizen.id)!.role).toBe('citizen');
      setCurator(database, { id: admin.id }, merchant.id, true);
      setCurator(database, { id: admin.id }, merchant.id, false);
      expect(listUsers(database).find((u) => u.id === merchant.id)!.role).toBe('merchant');
      expect(code(() => setCurator(database, { id: admin.id }, admin.id, false))).toBe('admin_protected');
      expect(code(() => setCurator(database, { id: admin.id }, citizen.id, false))).toBe('status_conflict');
      expect(listAudit(database)[0]).toMatchObject({ action: 'user.remove_curator', detail: 'curator → merchant' });
    });

    it('sets the launch threshold (1–10000)', () => {
      setLaunchThreshold(database, curator, 12);
      expect(launchThreshold(database)).toBe(12);
      expect(code(() => setLaunchThreshold(database, curator, 0))).toBe('status_conflict');
      expect(code(() => setLaunchThreshold(database, curator, 10001))).toBe('status_conflict');
      expect(listAudit(database)[0]).toMatchObject({ action: 'setting.launch_threshold', detail: '12' });
    });

    it('hiding the guide before the launch journals the content while the platform is closed', () => {
      setPlatformOpen(database, curator.id, false);
      const before = currentCatalogVersion(database);
      const guideIds = () => loadCatalogItems(database).filter((i) => i.kind !== 'parking');
      const guideCount = guideIds().length;
      expect(guideCount).toBeGreaterThan(0);

      setGuidePublicBeforeLaunch(database, curator, false);
      expect(guidePublicBeforeLaunch(database)).toBe(false);
      expect(guideIds()).toEqual([]);
      expect(catalogDelta(database, before).deletions.length).toBe(guideCount);

      const v = currentCatalogVersion(database);
      setGuidePublicBeforeLaunch(database, curator, true);
      expect(catalogDelta(database, v).upserts.length).toBe(guideCount);
      expect(listAudit(database)[0]).toMatchObject({ action: 'setting.guide_public_before_launch', detail: 'true' });
    });
  });
});
