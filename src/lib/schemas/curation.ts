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
