import * as m from '$lib/paraglide/messages';
import { openingState, parisClock } from '$lib/catalog/hours';
import type { IsoWeekday, WeeklyHours } from '$lib/catalog/types';

const WEEKDAY_NAMES = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
} as const;

/** "lundi" / "Monday" for an ISO weekday (a table: no Intl formatter to build on a first page). */
export function weekdayName(day: IsoWeekday, locale: string): string {
  return WEEKDAY_NAMES[locale.startsWith('fr') ? 'fr' : 'en'][Number(day) - 1];
}

export function formatClock(hhmm: string, locale: string): string {
  const [h, min] = hhmm.split(':');
  if (locale === 'fr') return min === '00' ? `${Number(h)} h` : `${Number(h)} h ${min}`;
  return hhmm;
}

/** "Ouvert jusqu’à 19 h", "Fermé · ouvre mardi à 10 h" and whether it is open. */
export function openingLabel(
  hours: WeeklyHours | null,
  closedDates: readonly string[],
  now: Date,
  locale: string
): { open: boolean; text: string } {
  const state = openingState(hours, closedDates, now);
  if (state.alwaysOpen) return { open: true, text: m.open_24h() };
  if (state.open) {
    return { open: true, text: state.closesAt ? m.open_until({ time: formatClock(state.closesAt, locale) }) : m.open_now() };
  }
  if (state.opensAt) {
    const today = Number(parisClock(now).weekday);
    const offset = (Number(state.opensAt.day) - today + 7) % 7;
    const day = offset === 0 ? m.today() : offset === 1 ? m.tomorrow() : weekdayName(state.opensAt.day, locale);
    return { open: false, text: `${m.closed_now()} · ${m.opens_at({ day, time: formatClock(state.opensAt.time, locale) })}` };
  }
  return { open: false, text: m.closed_now() };
}
