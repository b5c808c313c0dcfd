import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { contentItems, conversations, deals, products, reports, shops } from '../db/schema';
import { recordCatalogChanges } from '../catalog/log';
import { catalogId } from '$lib/catalog/types';
import type { reportTargetTypes } from '$lib/schemas/curation';
import { writeAudit } from './audit';
import { rejectDealIn } from './deals';
import { checkReason, CurationError, suspendShopIn, type Actor } from './shops';

export type ReportTarget = (typeof reportTargetTypes)[number];

/** A title for the reported row, or null when it does not exist. */
function targetTitle(database: Pick<Db, 'select'>, type: string, id: number): string | null {
  switch (type) {
    case 'product':
      return database.select({ t: products.name }).from(products).where(eq(products.id, id)).get()?.t ?? null;
    case 'deal':
      return database.select({ t: deals.title }).from(deals).where(eq(deals.id, id)).get()?.t ?? null;
    case 'shop':
      return database.select({ t: shops.name }).from(shops).where(eq(shops.id, id)).get()?.t ?? null;
    case 'content':
      return database.select({ t: contentItems.title }).from(contentItems).where(eq(contentItems.id, id)).get()?.t ?? null;
    case 'conversation':
      // The shop's name only: who the citizen is stays out of the report.
      return (
        database
          .select({ t: shops.name })
          .from(conversations)
          .innerJoin(shops, eq(shops.id, conversations.shopId))
          .where(eq(conversations.id, id))
          .get()?.t ?? null
      );
    default:
      return null;
  }
}

/**
 * Files a report. Anonymous reports keep no reporter (and nothing about the client); a signed-in
 * reporter's id is kept so the report goes when their account does.
 */
export function createReport(
  database: Db,
  input: { targetType: ReportTarget; targetId: number; reason: string },
  reporterId: number | null
): number {
  const reason = checkReason(input.reason);
  if (targetTitle(database, input.targetType, input.targetId) === null) throw new CurationError('not_found');
  return database
    .insert(reports)
    .values({ targetType: input.targetType, targetId: input.targetId, reason, reporterId })
    .returning({ id: reports.id })
    .get().id;
}

export interface OpenReport {
  id: number;
  targetType: string;
  targetId: number;
  /** Null once the target was deleted. */
  targetTitle: string | null;
  reason: string;
  createdAt: string;
}

export function listOpenReports(database: Pick<Db, 'select'>): OpenReport[] {
  return database
    .select({ id: reports.id, targetType: reports.targetType, targetId: reports.targetId, reason: reports.reason, createdAt: reports.createdAt })
    .from(reports)
    .where(isNull(reports.resolvedAt))
    .orderBy(asc(reports.createdAt), asc(reports.id))
    .all()
    .map((r) => ({ ...r, targetTitle: targetTitle(database, r.targetType, r.targetId) }));
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function openReport(tx: Pick<Db, 'select'>, reportId: number) {
  const report = tx.select().from(reports).where(and(eq(reports.id, reportId), isNull(reports.resolvedAt))).get();
  if (!report) throw new CurationError('not_found');
  return report;
}

function resolve(tx: Tx, reportId: number, resolution: string): void {
  tx.update(reports).set({ resolvedAt: new Date().toISOString(), resolution }).where(eq(reports.id, reportId)).run();
}

/**
 * "Masquer le contenu": hides the reported thing (product invisible, deal refused, shop
 * suspended, content back to draft), journals its removal from the catalog, resolves the report
 * and writes the audit — one transaction. The reason is shown to the merchant where it can be.
 */
export function hideReported(database: Db, actor: Actor, reportId: number, reason: string): void {
  const why = checkReason(reason);
  database.transaction((tx) => {
    const report = openReport(tx, reportId);
    const id = report.targetId;
    switch (report.targetType) {
      case 'product': {
        const product = tx
          .select({ visible: products.visible, shopStatus: shops.status })
          .from(products)
          .innerJoin(shops, eq(shops.id, products.shopId))
          .where(eq(products.id, id))
          .get();
        if (!product) throw new CurationError('not_found');
        tx.update(products).set({ visible: false, updatedAt: new Date().toISOString() }).where(eq(products.id, id)).run();
        if (product.visible && product.shopStatus === 'approved') recordCatalogChanges(tx, [catalogId('product', id)], 'delete');
        writeAudit(tx, { actorId: actor.id, action: 'product.hide', targetType: 'product', targetId: id, detail: why });
        break;
      }
      case 'deal':
        rejectDealIn(tx, actor, id, why);
        break;
      case 'shop':
        suspendShopIn(tx, actor, id, why);
        break;
      case 'content': {
        const item = tx.select({ kind: contentItems.kind, status: contentItems.status }).from(contentItems).where(eq(contentItems.id, id)).get();
        if (!item) throw new CurationError('not_found');
        if (item.status !== 'published') throw new CurationError('status_conflict');
        tx.update(contentItems).set({ status: 'draft', updatedAt: new Date().toISOString() }).where(eq(contentItems.id, id)).run();
        recordCatalogChanges(tx, [catalogId(item.kind, id)], 'delete');
        writeAudit(tx, { actorId: actor.id, action: 'content.unpublish', targetType: 'content', targetId: id, detail: why });
        break;
      }
      default:
        throw new CurationError('status_conflict');
    }
    resolve(tx, reportId, 'hidden');
    writeAudit(tx, { actorId: actor.id, action: 'report.hide', targetType: 'report', targetId: reportId, detail: `${report.targetType} ${id}` });
  });
}

/** "Classer sans suite": closes the report, nothing else changes. */
export function dismissReport(database: Db, actor: Actor, reportId: number): void {
  database.transaction((tx) => {
    const report = openReport(tx, reportId);
    resolve(tx, reportId, 'dismissed');
    writeAudit(tx, { actorId: actor.id, action: 'report.dismiss', targetType: 'report', targetId: reportId, detail: `${report.targetType} ${report.targetId}` });
  });
}
