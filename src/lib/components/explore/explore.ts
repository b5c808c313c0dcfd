import * as m from '$lib/paraglide/messages';
import type { CatalogItem, DealItem, EditorialItem, EventItem, ItemKind, ParkingItem, ShopItem } from '$lib/catalog/types';
import { parisClock } from '$lib/catalog/hours';
import { parisDateTime } from '$lib/format';
import { compareTitles } from '$lib/catalog/title-order';
import type { Prefs } from '$lib/personalisation/prefs';
import { parseIsoMs, themeAffinity } from '$lib/personalisation/rank';

/** The sections of « Explorer », in display order (products live on their shop's page). */
export const exploreKinds = ['event', 'heritage', 'culture', 'leisure', 'news', 'shop', 'deal', 'parking'] as const;
export type ExploreKind = (typeof exploreKinds)[number];

export function isExploreKind(value: string): value is ExploreKind {
  return (exploreKinds as readonly string[]).includes(value);
}

const descriptions: Record<ExploreKind, () => string> = {
  event: () => m.explore_desc_event(),
  heritage: () => m.explore_desc_heritage(),
  culture: () => m.explore_desc_culture(),
  leisure: () => m.explore_desc_leisure(),
  news: () => m.explore_desc_news(),
  shop: () => m.explore_desc_shop(),
  deal: () => m.explore_desc_deal(),
  parking: () => m.explore_desc_parking()
};

/** One line under a section's name: "Concerts, spectacles, expositions…". */
export function kindDescription(kind: ExploreKind): string {
  return descriptions[kind]();
}

const notes: Partial<Record<ExploreKind, () => string>> = {
  event: () => m.explore_note_event(),
  deal: () => m.explore_note_deal(),
  parking: () => m.explore_note_parking(),
  news: () => m.explore_note_news()
};

/** How a section is sorted or filtered, when that is worth saying. */
export function kindNote(kind: ExploreKind): string | null {
  return notes[kind]?.() ?? null;
}

type ItemOf<K extends ExploreKind> = Extract<CatalogItem, { kind: K }>;

/** Whether an item is still worth listing: upcoming or ongoing events, deals valid right now. */
export function isCurrent(item: CatalogItem, nowMs: number): boolean {
  if (item.kind === 'event') return parseIsoMs(item.ends_at ?? item.starts_at) >= nowMs;
  if (item.kind === 'deal') return parseIsoMs(item.starts_at) <= nowMs && nowMs < parseIsoMs(item.ends_at);
  return true;
}

const byTitle = (a: { title: string }, b: { title: string }) => compareTitles(a.title, b.title);

function sortSection(kind: ExploreKind, items: CatalogItem[]): CatalogItem[] {
  switch (kind) {
    case 'event':
      return (items as EventItem[]).sort((a, b) => parseIsoMs(a.starts_at) - parseIsoMs(b.starts_at) || byTitle(a, b));
    case 'deal':
      return (items as DealItem[]).sort((a, b) => parseIsoMs(a.ends_at) - parseIsoMs(b.ends_at) || byTitle(a, b));
    case 'parking':
      return (items as ParkingItem[]).sort(
        (a, b) => a.hourly_price_cents - b.hourly_price_cents || b.capacity - a.capacity || byTitle(a, b)
      );
    case 'news':
      return (items as EditorialItem[]).sort((a, b) => parseIsoMs(b.published_at) - parseIsoMs(a.published_at) || byTitle(a, b));
    case 'shop':
      return (items as ShopItem[]).sort(byTitle);
    default:
      // Heritage, culture, leisure: evergreen; the highlighted ones first, then A → Z.
      return items.sort((a, b) => Number(b.featured) - Number(a.featured) || byTitle(a, b));
  }
}

export interface Section<K extends ExploreKind = ExploreKind> {
  /** What to list, in order. */
  items: ItemOf<K>[];
  /** How many current items the visitor's muted themes hide. */
  muted: number;
}

/** The items of one section, current only, muted themes left out, sorted for that section. */
export function sectionItems<K extends ExploreKind>(
  items: readonly CatalogItem[],
  kind: K,
  prefs: Pick<Prefs, 'themes'>,
  now: Date
): Section<K> {
  const nowMs = now.getTime();
  const kept: CatalogItem[] = [];
  let muted = 0;
  for (const item of items) {
    if (item.kind !== kind || !isCurrent(item, nowMs)) continue;
    if (themeAffinity(item, prefs) === -Infinity) muted++;
    else kept.push(item);
  }
  return { items: sortSection(kind, kept) as ItemOf<K>[], muted };
}

/** Current, not muted, items per section, in one pass (for the hub's tiles). */
export function sectionCounts(items: readonly CatalogItem[], prefs: Pick<Prefs, 'themes'>, now: Date): Record<ExploreKind, number> {
  const nowMs = now.getTime();
  const counts = Object.fromEntries(exploreKinds.map((k) => [k, 0])) as Record<ExploreKind, number>;
  for (const item of items) {
    const kind = item.kind as ItemKind;
    if (!isExploreKind(kind) || !isCurrent(item, nowMs) || themeAffinity(item, prefs) === -Infinity) continue;
    counts[kind]++;
  }
  return counts;
}

/** Themes carried by these items, most frequent first (for the filter chips). */
export function themesIn(items: readonly CatalogItem[], max = 12): string[] {
  const counts = new Map<string, number>();
  for (const item of items) for (const t of item.themes) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([slug]) => slug);
}

export interface DayGroup {
  /** "YYYY-MM-DD" in Paris, or 'ongoing' for events that started before today. */
  key: string;
  title: string;
  /** "Aujourd’hui" / "Demain" next to the date, when it applies. */
  relative: string | null;
  events: EventItem[];
}

/** "samedi 6 décembre" / "Saturday 6 December", in Paris time. */
export function longDay(iso: string, locale: 'fr' | 'en'): string {
  return parisDateTime(iso, locale, { weekday: 'long', day: 'numeric', month: 'long' }).replace(/,/g, '');
}

function addOneDay(date: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * Upcoming events (already sorted by start) grouped under a heading per Paris calendar day;
 * events that started on an earlier day and are still running come first, « En ce moment ».
 */
export function groupByDay(events: readonly EventItem[], now: Date, locale: 'fr' | 'en'): DayGroup[] {
  const today = parisClock(now).date;
  const tomorrow = addOneDay(today);
  const groups: DayGroup[] = [];
  const ongoing: EventItem[] = [];
  let current: DayGroup | null = null;
  for (const event of events) {
    const day = parisClock(new Date(event.starts_at)).date;
    if (day < today) {
      ongoing.push(event);
      continue;
    }
    if (!current || current.key !== day) {
      current = {
        key: day,
        title: longDay(event.starts_at, locale),
        relative: day === today ? m.explore_today() : day === tomorrow ? m.explore_tomorrow() : null,
        events: []
      };
      groups.push(current);
    }
    current.events.push(event);
  }
  if (ongoing.length > 0) groups.unshift({ key: 'ongoing', title: m.explore_ongoing(), relative: null, events: ongoing });
  return groups;
}
