/**
 * Locale-aware formatting with French typography, always in Europe/Paris time.
 * Pure (Intl only): runs in Node, in the browser and in a Web Worker.
 *
 * Typography: in French a no-break space (U+00A0) separates a number from its unit ("20 h 30",
 * "350 m", "1,2 km") and a narrow no-break space (U+202F) precedes "€" and groups thousands.
 * English output uses plain spaces.
 * Names of days and months are fixed tables (CLDR abbreviations) so that output is identical
 * in every browser.
 */
import type { Locale } from './personalisation/prefs';
import { parisClock, type ParisClock } from './catalog/hours';

export type { Locale };

/** U+00A0 NO-BREAK SPACE. */
export const NBSP = '\u00a0';
/** U+202F NARROW NO-BREAK SPACE. */
export const NNBSP = '\u202f';

/** `text` when it has at most `max` characters, else its first `max - 1` and "…" (a summary, a notification title). */
export function ellipsis(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const WEEKDAYS_SHORT: Record<Locale, string[]> = {
  fr: ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
};
export const MONTHS_SHORT: Record<Locale, string[]> = {
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
};
export const RELATIVE: Record<Locale, { today: string; tomorrow: string; yesterday: string }> = {
  fr: { today: 'aujourd’hui', tomorrow: 'demain', yesterday: 'hier' },
  en: { today: 'today', tomorrow: 'tomorrow', yesterday: 'yesterday' }
};

// ---------------------------------------------------------------------------------------------
// Dates through Intl (back-office pages, e-mails)

/** The tag Intl formats a language with: British English, whose day comes before its month as in French. */
export function intlLocale(locale: string): 'fr-FR' | 'en-GB' {
  return locale === 'en' ? 'en-GB' : 'fr-FR';
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * An instant (ISO string or Date) in Paris time, in `locale`. A calendar day "YYYY-MM-DD" is
 * given as its noon UTC (`${day}T12:00:00Z`), the same day in Paris. Each format is made once.
 */
export function parisDateTime(at: string | Date, locale: string, options: Intl.DateTimeFormatOptions): string {
  const key = locale + JSON.stringify(options);
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: 'Europe/Paris' });
    dateFormats.set(key, f);
  }
  return f.format(typeof at === 'string' ? new Date(at) : at);
}

// ---------------------------------------------------------------------------------------------
// Numbers

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormats.set(key, f);
  }
  return f;
}

/** French digit grouping and currency spacing both use U+202F whatever the ICU version. */
function frenchSpaces(s: string): string {
  return s.replace(/[\u00a0\u202f ]/g, NNBSP);
}

/** "1234567" → "1 234 567" with `separator` between groups of three digits. */
function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * 1250 → "12,50 €" (fr, U+202F before € and between thousands) / "€12.50" (en). Written out
 * rather than asked of Intl.NumberFormat: same text, without loading the locale's number data
 * on the first page that shows a price.
 */
export function formatPrice(cents: number, locale: Locale): string {
  const total = Math.round(cents);
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  const fraction = String(abs % 100).padStart(2, '0');
  if (locale === 'fr') return `${sign}${groupThousands(String(Math.floor(abs / 100)), NNBSP)},${fraction}${NNBSP}€`;
  return `${sign}€${groupThousands(String(Math.floor(abs / 100)), ',')}.${fraction}`;
}

/** 20000 → "20 000" (fr, U+202F between thousands) / "20,000" (en). */
export function formatCount(n: number, locale: Locale): string {
  const total = Math.round(n);
  const sign = total < 0 ? '-' : '';
  return sign + groupThousands(String(Math.abs(total)), locale === 'fr' ? NNBSP : ',');
}

/** 350 → "350 m", 1234 → "1,2 km" (fr) / "1.2 km" (en), 12 345 → "12 km". Rounded to 10 m. */
export function formatDistance(meters: number, locale: Locale): string {
  const sep = locale === 'fr' ? NBSP : ' ';
  const m = Math.max(0, Math.round(meters / 10) * 10);
  if (m < 1000) return `${m}${sep}m`;
  const km = m / 1000;
  const digits = km < 10 ? 1 : 0;
  let n = numberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(km);
  if (locale === 'fr') n = frenchSpaces(n);
  return `${n}${sep}km`;
}

// ---------------------------------------------------------------------------------------------
// Dates (spans and relative days, which pages other than the feed show, are in format-days.ts;
// the tables and helpers they share with this module are exported for it)

const DAY_MS = 86_400_000;

/** Whole calendar days from Paris date `a` to Paris date `b`. */
export function dayDiff(a: ParisClock, b: ParisClock): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

export function toDate(iso: string | Date): Date {
  return iso instanceof Date ? iso : new Date(iso);
}

/** "20 h", "20 h 30" (fr) / "8 pm", "8:30 pm" (en). */
export function formatTime(c: { hour: number; minute: number }, locale: Locale): string {
  const mm = String(c.minute).padStart(2, '0');
  if (locale === 'fr') return c.minute === 0 ? `${c.hour}${NBSP}h` : `${c.hour}${NBSP}h${NBSP}${mm}`;
  const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
  const suffix = c.hour < 12 ? 'am' : 'pm';
  return c.minute === 0 ? `${h12} ${suffix}` : `${h12}:${mm} ${suffix}`;
}

/** Show the year when the date is more than ~6 months away from now. */
export function needsYear(c: ParisClock, now: ParisClock): boolean {
  return Math.abs(dayDiff(now, c)) > 183;
}

/** "sam. 6 déc." / "Sat 6 Dec" (+ year when far away). */
export function shortDate(c: ParisClock, locale: Locale, now: ParisClock, withWeekday = true): string {
  const wd = WEEKDAYS_SHORT[locale][Number(c.weekday) - 1];
  const base = `${c.day} ${MONTHS_SHORT[locale][c.month - 1]}`;
  const year = needsYear(c, now) ? ` ${c.year}` : '';
  return withWeekday ? `${wd} ${base}${year}` : `${base}${year}`;
}

/**
 * Start of an event: "sam. 6 déc., 20 h", "aujourd’hui, 20 h 30", "demain, 9 h" (fr);
 * "Sat 6 Dec, 8 pm", "today, 8:30 pm", "tomorrow, 9 am" (en). Europe/Paris time.
 */
export function formatEventDate(iso: string | Date, locale: Locale, now: Date): string {
  const c = parisClock(toDate(iso));
  const n = parisClock(now);
  const diff = dayDiff(n, c);
  const day =
    diff === 0 ? RELATIVE[locale].today : diff === 1 ? RELATIVE[locale].tomorrow : shortDate(c, locale, n);
  return `${day}, ${formatTime(c, locale)}`;
}
