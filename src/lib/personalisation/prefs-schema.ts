/**
 * The schema of the device preferences, for what comes in from outside the running page: the
 * stored copy (localStorage, IndexedDB for the service worker) and import files. Kept apart from
 * prefs.ts because zod is only needed when there is something to validate: a first visit never
 * loads it, a returning one loads it on demand (see prefs-store).
 */
// zod/mini: the same validation as zod with a tree-shakable API.
import { z } from 'zod/mini';
import { EXPORT_FORMAT, MAX_IMPORT_CHARS } from './prefs-file';
import {
  catalogIdPattern,
  locales,
  MAX_FOLLOWED_SHOPS,
  MAX_SAVED,
  MAX_THEMES,
  shopIdPattern,
  themeSlugPattern,
  themeWeights,
  type Prefs
} from './prefs';

// zod compiles validators with `new Function` when it can; the CSP forbids eval in the browser,
// so its feature probe would be reported as a violation. Interpreted validation is plenty here.
z.config({ jitless: true });

const themeSlugSchema = z.string().check(z.regex(themeSlugPattern));
const catalogIdSchema = z.string().check(z.regex(catalogIdPattern));

export const prefsSchema = z.strictObject({
  v: z.literal(1),
  themes: z
    .record(themeSlugSchema, z.enum(themeWeights))
    .check(z.refine((t) => Object.keys(t).length <= MAX_THEMES, { message: `at most ${MAX_THEMES} themes` })),
  saved: z.array(catalogIdSchema).check(z.maxLength(MAX_SAVED)),
  followedShops: z.array(z.string().check(z.regex(shopIdPattern))).check(z.maxLength(MAX_FOLLOWED_SHOPS)),
  locale: z.enum(locales),
  onboarded: z.boolean(),
  lastVisit: z.nullable(z.iso.datetime({ offset: true }))
});

// Compile-time check that the schema and the hand-written type agree both ways.
type _SchemaMatchesType = [z.output<typeof prefsSchema>, Prefs] extends [Prefs, z.output<typeof prefsSchema>]
  ? true
  : never;
const _schemaMatchesType: _SchemaMatchesType = true;
void _schemaMatchesType;

/** A stored copy of the preferences, or null when it is missing, unreadable or invalid. */
export function parseStoredPrefs(value: unknown): Prefs | null {
  const parsed = prefsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Why an import was refused; the UI turns it into a sentence.
 * - 'not-json': the file is not JSON at all (or is empty / far too large);
 * - 'wrong-format': JSON, but not a Placette preferences export (or an unknown version);
 * - 'invalid': a Placette export whose content fails validation.
 */
export type PrefsImportError = 'not-json' | 'wrong-format' | 'invalid';

export type PrefsImportResult = { ok: true; prefs: Prefs } | { ok: false; error: PrefsImportError };

const envelopeSchema = z.object({ format: z.literal(EXPORT_FORMAT), v: z.literal(1), prefs: z.unknown() });

export function parsePrefsImport(text: string): PrefsImportResult {
  if (typeof text !== 'string' || text.length > MAX_IMPORT_CHARS) return { ok: false, error: 'not-json' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: 'not-json' };
  }
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) return { ok: false, error: 'wrong-format' };
  const parsed = prefsSchema.safeParse(envelope.data.prefs);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const p = parsed.data;
  return {
    ok: true,
    prefs: { ...p, saved: dedupe(p.saved), followedShops: dedupe(p.followedShops) }
  };
}

function dedupe(ids: string[]): string[] {
  return ids.length < 2 ? ids : [...new Set(ids)];
}

