/**
 * Date spans and relative days for item, shop, basket and order pages, with the same typography
 * as format.ts. Apart from it so that the feed's first load (which formats only event dates,
 * times and prices) does not carry them.
 */
import { parisClock } from './catalog/hours';
import { MONTHS_SHORT, RELATIVE, dayDiff, formatEventDate, formatTime, needsYear, shortDate, toDate, type Locale } from './format';

const WEEKDAYS_LONG: Record<Locale, string[]> = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
};
/**
 * A span of time:
 * - no end → as `formatEventDate`;
 * - same Paris day → "sam. 6 déc., 20 h – 22 h 30" / "Sat 6 Dec, 8 pm – 10:30 pm";
 * - several days → "du 6 au 14 déc." / "6–14 Dec", "du 28 nov. au 3 déc." / "28 Nov – 3 Dec".
 */
export function formatDateRange(startIso: string | Date, endIso: string | Date | null, locale: Locale, now: Date): string {
  if (endIso === null) return formatEventDate(startIso, locale, now);
  const s = parisClock(toDate(startIso));
  const e = parisClock(toDate(endIso));
  const n = parisClock(now);
  if (s.date === e.date) return `${formatEventDate(startIso, locale, now)} – ${formatTime(e, locale)}`;
  const sameMonth = s.year === e.year && s.month === e.month;
  const showYear = needsYear(s, n) || needsYear(e, n) || s.year !== e.year;
  const endText = `${e.day} ${MONTHS_SHORT[locale][e.month - 1]}${showYear ? ` ${e.year}` : ''}`;
  const startText = sameMonth
    ? `${s.day}`
    : `${s.day} ${MONTHS_SHORT[locale][s.month - 1]}${s.year !== e.year ? ` ${s.year}` : ''}`;
  if (locale === 'fr') return `du ${startText} au ${endText}`;
  return sameMonth ? `${startText}–${endText}` : `${startText} – ${endText}`;
}

/**
 * A day relative to now (Paris calendar): "aujourd’hui" / "demain" / "hier", the weekday name
 * within the coming week ("samedi" / "Saturday"), otherwise "sam. 6 déc." / "Sat 6 Dec".
 */
export function formatRelativeDay(iso: string | Date, locale: Locale, now: Date): string {
  const c = parisClock(toDate(iso));
  const n = parisClock(now);
  const diff = dayDiff(n, c);
  if (diff === 0) return RELATIVE[locale].today;
  if (diff === 1) return RELATIVE[locale].tomorrow;
  if (diff === -1) return RELATIVE[locale].yesterday;
  if (diff > 1 && diff < 7) return WEEKDAYS_LONG[locale][Number(c.weekday) - 1];
  return shortDate(c, locale, n);
}
