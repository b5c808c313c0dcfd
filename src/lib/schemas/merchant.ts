import { z } from 'zod';
import type { ImageDescriptor } from '$lib/images/limits';
import { shopCategories, type ShopCategory } from '$lib/catalog/shop-categories';
import { parseCalendarDate } from '$lib/merchant/shop-hours';
import { SHOP_AREA } from '$lib/merchant/shop-area';
import { markdownField } from './markdown';
import { emailField } from './account';

/**
 * Merchant forms (shop application, products). Messages are error codes the pages translate
 * (see form-errors.ts). Checkbox lists (themes) are read separately with FormData.getAll.
 */

const MAX_CENTS = 99_999_999;

/**
 * "12,50", "12.50", "12", "12,5", "1 250,00 €" → cents; null when it is not a price.
 * Integer arithmetic only, so 0.1 + 0.2 never shows up in a till.
 */
export function parseEuros(input: string): number | null {
  const text = input.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  const match = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents <= MAX_CENTS ? cents : null;
}

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === '1');

/** A latitude or longitude typed in French or English ("43,6" or "43.6"), inside the territory. */
const coordinate = (min: number, max: number) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, 'required')
    .regex(/^-?\d{1,3}(?:[.,]\d{1,12})?$/, 'invalid')
    .transform((v) => Number(v.replace(',', '.')))
    .pipe(z.number({ error: 'invalid' }).min(min, 'coord_outside').max(max, 'coord_outside'));
const latitude = () => coordinate(SHOP_AREA.south, SHOP_AREA.north);
const longitude = () => coordinate(SHOP_AREA.west, SHOP_AREA.east);

/**
 * A textarea's text: browsers submit its line breaks as \r\n while `maxlength` counts one
 * character, so they are made \n before the length is checked.
 */
const longText = (params?: { error: string }) =>
  z
    .string(params)
    .overwrite((s) => s.replace(/\r\n?/g, '\n'))
    .trim();

export const shopApplicationSchema = z.object({
  shopName: z.string({ error: 'required' }).trim().min(2, 'required').max(80, 'too_long'),
  category: z
    .string({ error: 'required' })
    .refine((key): key is ShopCategory => Object.hasOwn(shopCategories, key), 'required'),
  description: longText({ error: 'required' }).min(1, 'required').max(2000, 'too_long'),
  address: z.string({ error: 'required' }).trim().min(5, 'required').max(200, 'too_long'),
  lat: latitude(),
  lng: longitude(),
  clickAndCollect: checkbox
});
export type ShopApplicationInput = z.output<typeof shopApplicationSchema>;

export const productSchema = z.object({
  name: z.string({ error: 'required' }).trim().min(1, 'required').max(120, 'too_long'),
  description: longText().max(2000, 'too_long').default(''),
  price: z
    .string({ error: 'required' })
    .trim()
    .min(1, 'required')
    .transform((v, ctx) => {
      const cents = parseEuros(v);
      if (cents === null) {
        ctx.addIssue({ code: 'custom', message: 'price_invalid' });
        return z.NEVER;
      }
      return cents;
    }),
  stock: z
    .string({ error: 'required' })
    .trim()
    .regex(/^\d{1,6}$/, 'stock_invalid')
    .transform(Number),
  visible: checkbox
});
export type ProductInput = z.output<typeof productSchema>;

/** A stored product as the merchant edits it (the service's row adds its id). */
export interface ProductFields {
  name: string;
  description: string;
  priceCents: number;
  stock: number;
  visible: boolean;
  themes: string[];
  photos: ImageDescriptor[];
}

/** Theme slugs from a form's checkboxes: distinct, well-formed, at most 8. */
export function themeSlugs(values: FormDataEntryValue[]): string[] {
  const slugs = values.filter((v): v is string => typeof v === 'string' && /^[a-z0-9-]{1,40}$/.test(v));
  return [...new Set(slugs)].slice(0, 8);
}

/** "Pétales & Briques !" → "petales-briques"; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'boutique';
}

/** The shop page (settings): hours, closures and themes are read separately (see shop-hours.ts). */
export const SHOP_DESCRIPTION_MAX = 4000;
export const shopSettingsSchema = z.object({
  name: z.string({ error: 'required' }).trim().min(2, 'required').max(80, 'too_long'),
  category: z
    .string({ error: 'required' })
    .refine((key): key is ShopCategory => Object.hasOwn(shopCategories, key), 'required'),
  summary: z.string().trim().max(200, 'too_long').default(''),
  // Markdown source, stored as typed; markdownField's own message is a sentence, the action maps it to 'too_long'.
  description: markdownField(SHOP_DESCRIPTION_MAX).default(''),
  address: z.string({ error: 'required' }).trim().min(5, 'required').max(200, 'too_long'),
  lat: latitude(),
  lng: longitude(),
  phone: z
    .string()
    .trim()
    .max(30, 'phone_invalid')
    .regex(/^(?:\+?[0-9][0-9 ().-]{5,28})?$/, 'phone_invalid')
    .default('')
});
export type ShopSettingsInput = z.output<typeof shopSettingsSchema>;

/** A deal: dates are calendar days (Paris), the deal runs from the start of `startsOn` to the end of `endsOn`. */
const calendarDay = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid')
  .refine((v) => parseCalendarDate(v) !== null, 'date_invalid');
export const dealSchema = z
  .object({
    title: z.string({ error: 'required' }).trim().min(3, 'required').max(100, 'too_long'),
    details: z.string().trim().max(1000, 'too_long').default(''),
    startsOn: calendarDay,
    endsOn: calendarDay
  })
  .refine((d) => d.endsOn >= d.startsOn, { path: ['endsOn'], message: 'deal_ends_before' });
export type DealInput = z.output<typeof dealSchema>;

export const inviteSchema = z.object({
  email: emailField
});
