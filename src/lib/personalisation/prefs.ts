/**
 * Device preferences: what the visitor follows, saved and chose. They never leave the device
 * except through an explicit export file, so everything here is pure and validated on the way
 * in (import) with strict, bounded schemas.
 */
// zod/mini: the same validation as zod with a tree-shakable API, because this module ships in
// the first-load bundle (the full zod would weigh ~26 KiB gzip there).
import { z } from 'zod/mini';

// zod compiles validators with `new Function` when it can; the CSP forbids eval in the browser,
// so its feature probe would be reported as a violation. Interpreted validation is plenty here.
z.config({ jitless: true });

/** Where the preferences live on the device: localStorage for the page, IndexedDB (same key) for the service worker. */
export const PREFS_STORAGE_KEY = 'placette.prefs';

export const themeWeights = ['high', 'low', 'muted'] as const;
/**
 * How much a theme is followed: 'high' = « beaucoup », 'low' = « un peu », 'muted' = never show.
 * A theme absent from `Prefs.themes` is simply not followed.
 */
export type ThemeWeight = (typeof themeWeights)[number];

export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

export const MAX_THEMES = 200;
export const MAX_SAVED = 2000;
export const MAX_FOLLOWED_SHOPS = 500;
/** Import files larger than this are rejected before parsing (a full export is ~40 kB). */
export const MAX_IMPORT_CHARS = 1_000_000;

export const themeSlugPattern = /^[a-z0-9-]{1,40}$/;
/** Catalog ids as produced by `catalogId()`: "event-12", "shop-3". */
export const catalogIdPattern = /^[a-z]+-[1-9][0-9]{0,9}$/;
const shopIdPattern = /^shop-[1-9][0-9]{0,9}$/;

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

export type Prefs = {
  v: 1;
  themes: Record<string, ThemeWeight>;
  /** Catalog ids, most recently saved first. */
  saved: string[];
  /** Shop catalog ids ("shop-3"), most recently followed first. */
  followedShops: string[];
  locale: Locale;
  onboarded: boolean;
  /** ISO date-time of the previous visit, for "new since your last visit". */
  lastVisit: string | null;
};

// Compile-time check that the schema and the hand-written type agree both ways.
type _SchemaMatchesType = [z.output<typeof prefsSchema>, Prefs] extends [Prefs, z.output<typeof prefsSchema>]
  ? true
  : never;
const _schemaMatchesType: _SchemaMatchesType = true;
void _schemaMatchesType;

export function defaultPrefs(): Prefs {
  return {
    v: 1,
    themes: {},
    saved: [],
    followedShops: [],
    locale: 'fr',
    onboarded: false,
    lastVisit: null
  };
}

export const EXPORT_FORMAT = 'placette-preferences';

export interface PrefsExportFile {
  format: typeof EXPORT_FORMAT;
  v: 1;
  exported_at: string;
  prefs: Prefs;
}

/** The export file's text (pretty JSON, stable key order). */
export function exportPrefs(prefs: Prefs, now: Date = new Date()): string {
  const file: PrefsExportFile = {
    format: EXPORT_FORMAT,
    v: 1,
    exported_at: now.toISOString(),
    prefs: {
      v: 1,
      themes: { ...prefs.themes },
      saved: [...prefs.saved],
      followedShops: [...prefs.followedShops],
      locale: prefs.locale,
      onboarded: prefs.onboarded,
      lastVisit: prefs.lastVisit
    }
  };
  return JSON.stringify(file, null, 2) + '\n';
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

/** Sets (or with `null` removes) how a theme is followed. Returns a new object. */
export function setThemeWeight(prefs: Prefs, slug: string, weight: ThemeWeight | null): Prefs {
  const themes: Record<string, ThemeWeight> = { ...prefs.themes };
  if (weight === null) {
    delete themes[slug];
  } else {
    if (!themeSlugPattern.test(slug)) throw new RangeError(`invalid theme slug: ${slug}`);
    if (!Object.hasOwn(themes, slug) && Object.keys(themes).length >= MAX_THEMES) return prefs;
    themes[slug] = weight;
  }
  return { ...prefs, themes };
}

/** Saves an item (newest first) or unsaves it if already saved. Returns a new object. */
export function toggleSaved(prefs: Prefs, id: string): Prefs {
  if (!catalogIdPattern.test(id)) throw new RangeError(`invalid catalog id: ${id}`);
  return { ...prefs, saved: toggleInList(prefs.saved, id, MAX_SAVED) };
}

/** Follows a shop (newest first) or unfollows it if already followed. Returns a new object. */
export function toggleFollowShop(prefs: Prefs, shopId: string): Prefs {
  if (!shopIdPattern.test(shopId)) throw new RangeError(`invalid shop id: ${shopId}`);
  return { ...prefs, followedShops: toggleInList(prefs.followedShops, shopId, MAX_FOLLOWED_SHOPS) };
}

/** Removes `id` if present, otherwise prepends it; drops the oldest entries beyond `max`. */
function toggleInList(list: string[], id: string, max: number): string[] {
  const i = list.indexOf(id);
  if (i !== -1) return [...list.slice(0, i), ...list.slice(i + 1)];
  const next = [id, ...list];
  if (next.length > max) next.length = max;
  return next;
}
