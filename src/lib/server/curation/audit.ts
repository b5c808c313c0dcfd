import { count, desc } from 'drizzle-orm';
import type { Db } from '../db';
import { auditLog, users } from '../db/schema';
import { eq } from 'drizzle-orm';
import type { AuditEntry } from '$lib/schemas/curation';

export type { AuditEntry };

type Writer = Pick<Db, 'insert'>;

export interface AuditInput {
  actorId: number | null;
  action: string;
  targetType: string;
  targetId: string | number;
  /** A reason or a changed setting; never personal data. */
  detail?: string;
}

/** Records what a curator or admin did; call it inside the transaction of the change itself. */
export function writeAudit(tx: Writer, entry: AuditInput): void {
  tx.insert(auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: String(entry.targetId),
      detail: entry.detail ?? ''
    })
    .run();
}

/** The latest entries first, with the actor's display name (or email) when the account still exists. */
export function listAudit(database: Pick<Db, 'select'>, options: { limit?: number; offset?: number } = {}): AuditEntry[] {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const offset = Math.max(options.offset ?? 0, 0);
  return database
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorName: users.displayName,
      actorEmail: users.email,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      detail: auditLog.detail
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map(({ actorName, actorEmail, ...rest }) => ({ ...rest, actor: actorName || actorEmail || null }));
}

export function countAudit(database: Pick<Db, 'select'>): number {
  return database.select({ n: count() }).from(auditLog).get()?.n ?? 0;
}
