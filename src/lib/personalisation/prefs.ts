/**
 * Device preferences: what the visitor follows, saved and chose. They never leave the device
 * except through an explicit export file. Everything here is pure; what comes in from storage
 * or an import file is validated by the schema in prefs-schema.ts.
 */

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

export const themeSlugPattern = /^[a-z0-9-]{1,40}$/;
/** Catalog ids as produced by `catalogId()`: "event-12", "shop-3". */
export const catalogIdPattern = /^[a-z]+-[1-9][0-9]{0,9}$/;
export const shopIdPattern = /^shop-[1-9][0-9]{0,9}$/;

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
