import { z } from 'zod';

/** Why a curator refuses or suspends a shop: shown to its members, 3–500 characters. */
export const curationReason = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .min(3, 'reason_short')
  .max(500, 'reason_long');

export const shopIdField = z.coerce.number({ error: 'invalid' }).int('invalid').positive('invalid');

export const approveShopSchema = z.object({ shopId: shopIdField });
export const refuseShopSchema = z.object({ shopId: shopIdField, reason: curationReason });

/** Opening below the threshold needs the explicit checkbox. */
export const openPlatformSchema = z.object({ confirmBelow: z.literal('on').optional() });

export const idField = shopIdField;

export const dealDecisionSchema = z.object({ dealId: idField });
export const rejectDealSchema = z.object({ dealId: idField, reason: curationReason });

export const suspendShopSchema = refuseShopSchema;

/** Targets a visitor may report (conversations come later). */
export const reportTargetTypes = ['product', 'deal', 'shop', 'content'] as const;

/** The public report: what, which one, why (3–500 characters). */
export const reportSchema = z.object({
  targetType: z.enum(reportTargetTypes, { error: 'invalid' }),
  targetId: z.coerce.number({ error: 'invalid' }).int('invalid').positive('invalid'),
  reason: curationReason
});

export const hideReportSchema = z.object({ reportId: idField, reason: curationReason });
export const dismissReportSchema = z.object({ reportId: idField });

export const themeSlug = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .regex(/^[a-z0-9-]{1,40}$/, 'slug_invalid');
const themeLabel = z.string({ error: 'required' }).trim().min(1, 'required').max(60, 'too_long');

export const addThemeSchema = z.object({ slug: themeSlug, labelFr: themeLabel, labelEn: themeLabel });
export const renameThemeSchema = addThemeSchema;
export const moveThemeSchema = z.object({ slug: themeSlug, direction: z.enum(['up', 'down'], { error: 'invalid' }) });

export const userRoleSchema = z.object({ userId: idField });

export const launchThresholdSchema = z.object({
  threshold: z.coerce.number({ error: 'invalid' }).int('invalid').min(1, 'threshold_range').max(10000, 'threshold_range')
});
export const guidePublicSchema = z.object({ guidePublic: z.enum(['on', 'off'], { error: 'invalid' }) });

/** One line of the back office's audit log, as the service lists it and AuditTable shows it. */
export interface AuditEntry {
  id: number;
  at: string;
  /** The actor's display name or email; null once the account is deleted. */
  actor: string | null;
  action: string;
  targetType: string;
  targetId: string;
  detail: string;
}
