import { z } from 'zod';
import { markdownField } from './markdown';

/**
 * The curator's content form (events, heritage, culture, leisure, news). Messages are error
 * codes the page translates (form-errors.ts). Dates are typed as Europe/Paris wall-clock times
 * (`<input type="datetime-local">`) and stored as UTC ISO strings.
 */

export const contentKindValues = ['event', 'heritage', 'culture', 'leisure', 'news'] as const;
export type ContentKind = (typeof contentKindValues)[number];
export const contentIntents = ['draft', 'publish', 'schedule'] as const;
export type ContentIntent = (typeof contentIntents)[number];

export const CONTENT_BODY_MAX = 20_000;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .optional()
    .transform((v) => (v ? v : null));

const optionalCoordinate = (min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v.replace(',', '.'));
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: 'invalid' });
        return z.NEVER;
      }
      return n;
    });

/** "2030-03-01T20:00" (Paris wall clock) → UTC ISO string; null when empty; an issue when malformed. */
const parisDateTime = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const iso = parisWallToIso(v);
    if (iso === null) {
      ctx.addIssue({ code: 'custom', message: 'date_invalid' });
      return z.NEVER;
    }
    return iso;
  });

const HOUR_MS = 3_600_000;

/** Europe/Paris offset at a UTC instant (EU rule: summer time from the last Sunday of March to the last Sunday of October, 01:00 UTC). */
function parisOffsetMs(at: number): number {
  const year = new Date(at).getUTCFullYear();
  const lastSundayAt1 = (month: number) => {
    const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
    return lastDay.getTime() - lastDay.getUTCDay() * 24 * HOUR_MS;
  };
  return at >= lastSundayAt1(2) && at < lastSundayAt1(9) ? 2 * HOUR_MS : HOUR_MS;
}

/** "YYYY-MM-DDTHH:MM" read as Paris wall-clock time → ISO UTC string, or null. */
export function parisWallToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(wall).getUTCDate() !== d) return null;
  const utc = wall - parisOffsetMs(wall - parisOffsetMs(wall));
  return new Date(utc).toISOString();
}

/** ISO UTC string → "YYYY-MM-DDTHH:MM" in Paris wall-clock time (for datetime-local inputs). */
export function isoToParisWall(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + parisOffsetMs(ms)).toISOString().slice(0, 16);
}

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === '1');

export const contentFormSchema = z.object({
  kind: z.enum(contentKindValues, { error: 'required' }),
  title: z.string({ error: 'required' }).trim().min(1, 'required').max(140, 'too_long'),
  summary: z.string().trim().max(300, 'too_long').default(''),
  body: markdownField(CONTENT_BODY_MAX).default(''),
  place: optionalText(120),
  address: optionalText(200),
  lat: optionalCoordinate(-90, 90),
  lng: optionalCoordinate(-180, 180),
  startsAt: parisDateTime,
  endsAt: parisDateTime,
  priceLabel: optionalText(80),
  featured: checkbox,
  publishAt: parisDateTime,
  removeImage: checkbox,
  intent: z.enum(contentIntents).default('draft')
});
export type ContentForm = z.output<typeof contentFormSchema>;

/** Just what the preview needs. */
export const contentPreviewSchema = z.object({ body: markdownField(CONTENT_BODY_MAX).default('') });

export const contentListQuery = z.object({
  kind: z.enum(contentKindValues).optional().catch(undefined),
  status: z.enum(['draft', 'published', 'scheduled']).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined)
});

export type ContentState = 'draft' | 'scheduled' | 'published';

/**
 * The facts of a content item, as the curator writes them and the service stores them; the
 * service's input and row and the edit form's item each add their own bookkeeping to these.
 */
export interface ContentFields {
  kind: ContentKind;
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  place: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  /** ISO UTC; required for events. */
  startsAt: string | null;
  endsAt: string | null;
  priceLabel: string | null;
  themes: string[];
  featured: boolean;
}
