/**
 * What comes back from storage is checked before use: a line that does not validate is dropped
 * (the rest of the basket is kept), duplicates are merged.
 */
import { z } from 'zod/mini';
import { basketShopIdPattern, MAX_LINES, MAX_QTY, productIdPattern, type Basket, type BasketLine } from './basket';

// The CSP forbids eval: interpreted validation (see prefs-schema.ts).
z.config({ jitless: true });

export const basketLineSchema = z.strictObject({
  productId: z.string().check(z.regex(productIdPattern)),
  qty: z.int().check(z.gte(1), z.lte(MAX_QTY)),
  seen: z.strictObject({
    title: z.string().check(z.maxLength(500)),
    price_cents: z.int().check(z.gte(0), z.lte(100_000_000)),
    shop: z.string().check(z.regex(basketShopIdPattern)),
    shop_name: z.string().check(z.maxLength(500))
  })
});

const envelopeSchema = z.object({ v: z.literal(1), lines: z.array(z.unknown()) });

/** A stored basket, or null when it is missing or not a basket at all. */
export function parseStoredBasket(value: unknown): Basket | null {
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) return null;
  const lines: BasketLine[] = [];
  const seen = new Map<string, BasketLine>();
  for (const raw of envelope.data.lines) {
    const parsed = basketLineSchema.safeParse(raw);
    if (!parsed.success) continue;
    const line = parsed.data;
    const twin = seen.get(line.productId);
    if (twin) {
      twin.qty = Math.min(MAX_QTY, twin.qty + line.qty);
      continue;
    }
    if (lines.length >= MAX_LINES) break;
    seen.set(line.productId, line);
    lines.push(line);
  }
  return { v: 1, lines };
}
