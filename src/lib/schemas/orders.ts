import { z } from 'zod';

/**
 * The orders API contract (`POST /api/orders`, `GET /api/shops/[id]/slots`), shared by the
 * endpoints, the basket on the device and the tests. Ids are public catalog ids.
 */

export const productRef = z.string().regex(/^product-[1-9][0-9]{0,9}$/, 'expected a product id such as "product-12"');
export const shopRef = z.string().regex(/^shop-[1-9][0-9]{0,9}$/, 'expected a shop id such as "shop-3"');

/** Most of one product a basket may hold. */
export const MAX_QTY = 99;
export const MAX_LINES = 100;

export const orderLineSchema = z
  .object({
    productId: productRef,
    qty: z.number().int().min(1).max(MAX_QTY),
    /** Optional: the unit price the basket showed; a different current price answers 409 `price_changed`. */
    price_cents: z.number().int().min(0).optional()
  })
  .strict();

const text = (max: number) => z.string().trim().min(1).max(max);

export const deliveryAddressSchema = z
  .object({
    name: text(100),
    line: text(200),
    postcode: z.string().trim().regex(/^[0-9]{5}$/, 'a French postcode has 5 digits'),
    city: text(100),
    phone: z.string().trim().max(30).optional(),
    instructions: z.string().trim().max(300).optional()
  })
  .strict();

export const fulfilmentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pickup'), slot: z.iso.datetime({ offset: true }) }).strict(),
  z.object({ type: z.literal('delivery'), address: deliveryAddressSchema }).strict()
]);

export const paymentChoices = ['pickup', 'online'] as const;

export const orderRequestSchema = z
  .object({
    lines: z.array(orderLineSchema).min(1).max(MAX_LINES),
    fulfilment: z.record(shopRef, fulfilmentSchema),
    payment: z.enum(paymentChoices)
  })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.lines.forEach((line, i) => {
      if (seen.has(line.productId)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'productId'], message: 'the same product twice: add up the quantities' });
      seen.add(line.productId);
    });
  });

export type OrderRequest = z.output<typeof orderRequestSchema>;
export type FulfilmentChoice = z.output<typeof fulfilmentSchema>;
export type DeliveryAddressInput = z.output<typeof deliveryAddressSchema>;

/** `Idempotency-Key`: any client-made token, e.g. a UUID, per checkout attempt. */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,200}$/, 'Idempotency-Key: 1 to 200 visible ASCII characters');

/** `?date=YYYY-MM-DD` (a real calendar date). */
export const slotDateSchema = z
  .string()
  .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'date must be YYYY-MM-DD')
  .refine((d) => {
    const [y, m, day] = d.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, day));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
  }, 'not a calendar date');


/** A merchant's step on one part of an order. */
export const partActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept') }).strict(),
  z.object({ action: z.literal('ready') }).strict(),
  z.object({ action: z.literal('refuse'), reason: z.string().trim().min(3).max(300) }).strict(),
  z.object({ action: z.literal('collect'), code: z.string().trim().min(4).max(20) }).strict()
]);
export type PartAction = z.output<typeof partActionSchema>;
