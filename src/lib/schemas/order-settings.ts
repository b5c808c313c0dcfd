import { z } from 'zod';
import { parseEuros } from './merchant';
import { slotDateSchema } from './orders';

/**
 * Merchant forms of the orders area: the shop's click & collect / delivery settings, the board's
 * steps, the payout period and the platform commission (admin). Messages are error codes the
 * pages translate (form-errors.ts).
 */

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const wholeNumber = (min: number, max: number, code: string) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, 'required')
    .regex(/^\d{1,5}$/, code)
    .transform(Number)
    .pipe(z.number().int().min(min, code).max(max, code));

/** Slot lengths offered: a slot grid that lines up with the clock. */
export const SLOT_LENGTHS = [5, 10, 15, 20, 30, 45, 60, 90, 120] as const;
export const MAX_SLOT_CAPACITY = 50;
/** Up to two days of opening time to prepare an order. */
export const MAX_PREP_MINUTES = 2880;
export const MAX_DELIVERY_POSTCODES = 40;
export const MAX_DELIVERY_FEE_CENTS = 10_000;

/** "31000, 31300 31400" → ["31000", "31300", "31400"]: distinct, sorted, 5 digits each. */
export function parsePostcodes(input: string): string[] | null {
  const parts = input.split(/[\s,;]+/).filter(Boolean);
  if (!parts.every((p) => /^[0-9]{5}$/.test(p))) return null;
  return [...new Set(parts)].sort();
}

export const orderSettingsSchema = z
  .object({
    clickAndCollect: checkbox,
    slotMinutes: z
      .string({ error: 'required' })
      .trim()
      .transform(Number)
      .refine((n) => (SLOT_LENGTHS as readonly number[]).includes(n), 'slot_length_invalid'),
    slotCapacity: wholeNumber(1, MAX_SLOT_CAPACITY, 'slot_capacity_invalid'),
    prepMinutes: wholeNumber(0, MAX_PREP_MINUTES, 'prep_invalid'),
    delivery: checkbox,
    deliveryPostcodes: z
      .string()
      .max(600, 'too_long')
      .default('')
      .transform((v, ctx) => {
        const codes = parsePostcodes(v);
        if (!codes) {
          ctx.addIssue({ code: 'custom', message: 'postcodes_invalid' });
          return z.NEVER;
        }
        if (codes.length > MAX_DELIVERY_POSTCODES) {
          ctx.addIssue({ code: 'custom', message: 'postcodes_too_many' });
          return z.NEVER;
        }
        return codes;
      }),
    deliveryFee: z
      .string()
      .trim()
      .default('')
      .transform((v, ctx) => {
        if (v === '') return 0;
        const cents = parseEuros(v);
        if (cents === null || cents > MAX_DELIVERY_FEE_CENTS) {
          ctx.addIssue({ code: 'custom', message: 'fee_invalid' });
          return z.NEVER;
        }
        return cents;
      })
  })
  .superRefine((s, ctx) => {
    if (s.delivery && s.deliveryPostcodes.length === 0) ctx.addIssue({ code: 'custom', path: ['deliveryPostcodes'], message: 'postcodes_required' });
  })
  .transform(({ deliveryFee, ...rest }) => ({ ...rest, deliveryFeeCents: deliveryFee }));
export type OrderSettingsInput = z.output<typeof orderSettingsSchema>;

// ---------------------------------------------------------------------------------------------
// The board's steps, as forms

const partId = z
  .string({ error: 'invalid' })
  .regex(/^[1-9][0-9]{0,9}$/, 'invalid')
  .transform(Number);

export const partStepSchema = z.object({ part: partId });
export const refuseFormSchema = z.object({
  part: partId,
  reason: z.string({ error: 'reason_required' }).trim().min(3, 'reason_required').max(300, 'too_long')
});
export const collectFormSchema = z.object({
  part: partId,
  code: z.string({ error: 'code_required' }).trim().min(1, 'code_required').max(20, 'pickup_code_wrong')
});

// ---------------------------------------------------------------------------------------------
// Payout period and commission

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`, at most about a year, `to` not before `from`. */
export const payoutPeriodSchema = z
  .object({ from: slotDateSchema, to: slotDateSchema })
  .refine((p) => p.to >= p.from, { path: ['to'], message: 'period_order' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 400 * 86_400_000, { path: ['to'], message: 'period_too_long' });

/** "2,5" (%) → 250 basis points; 0 to 50 %, two decimals at most. */
export const commissionSchema = z.object({
  commission: z
    .string({ error: 'required' })
    .trim()
    .min(1, 'required')
    .transform((v, ctx) => {
      const match = /^(\d{1,2})(?:[.,](\d{1,2}))?\s*%?$/.exec(v);
      const bps = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : NaN;
      if (!Number.isInteger(bps) || bps > 5000) {
        ctx.addIssue({ code: 'custom', message: 'commission_invalid' });
        return z.NEVER;
      }
      return bps;
    })
});
