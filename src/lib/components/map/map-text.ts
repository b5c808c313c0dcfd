import * as m from '$lib/paraglide/messages';
import { distanceMeters, walkingMinutes, type LatLng } from '$lib/catalog/geo';
import { formatDistance, type Locale } from '$lib/format';
import { keyFact, kindLabel, type Tone } from '$lib/components/items/item-facts';
import type { MapItem } from './map-items';

/*
 * Kind colours are CSS (`.k-shop`, `.k-event`, `.k-heritage`, `.k-parking` set `--k`, in
 * CityMap.svelte and the /map page): shop #b23a48, event #6a3fa0, heritage #9a5710, parking
 * #1f5fa8. White pictograms on them reach 4.5:1 (3:1 is the bar for graphics).
 */

/** Where an item is, in words: the venue, else the street address (a monument is its own venue). */
export function placeOf(item: MapItem): string | null {
  if (item.kind === 'event' || item.kind === 'heritage') {
    const venue = item.place && !item.title.includes(item.place) && !item.place.includes(item.title) ? item.place : null;
    return item.kind === 'heritage' ? (item.address ?? venue) : (venue ?? item.address);
  }
  return item.address;
}

/** "350 m · 6 min à pied" from the visitor's position, or null without one. */
export function walkText(item: MapItem, from: LatLng | null, locale: Locale): string | null {
  if (!from) return null;
  const meters = distanceMeters(from, { lat: item.lat!, lng: item.lng! });
  return m.map_walk({ distance: formatDistance(meters, locale), minutes: walkingMinutes(meters) });
}

/** The marker's accessible name: "La Plume du Taur, boutique". */
export function markerLabel(item: MapItem): string {
  return m.map_marker_label({ title: item.title, kind: kindLabel(item.kind) });
}

/** The card's key fact (a date, "open", a price…), unless it only repeats the title. */
export function cardFact(item: MapItem, now: Date, locale: Locale): { text: string; tone: Tone } | null {
  const fact = keyFact(item, now, locale);
  return fact && !item.title.includes(fact.text) && !fact.text.includes(item.title) ? fact : null;
}

/** Spaces and punctuation (ASCII, Latin-1's « » ¿, and – — ’ “ ” … of General Punctuation). */
const SEPARATORS = /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2010-\u206f]/g;

/**
 * What titles sort by, the way a French collator orders them at its first level: accents and case
 * left out, ligatures spelled out, spaces and punctuation (each a space) before digits before letters.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(SEPARATORS, ' ');
}

/** Keys of the titles sorted so far (a catalog's worth: a few hundred short strings). */
const keys = new Map<string, string>();
function cachedKey(title: string): string {
  let key = keys.get(title);
  if (key === undefined) keys.set(title, (key = titleKey(title)));
  return key;
}

/**
 * Orders titles A → Z like `Intl.Collator('fr')` for the list under the map, without one: the first
 * collator a page makes loads the locale's collation data, a long task on a phone (15–35 ms here).
 */
export function compareTitles(a: string, b: string): number {
  const ka = cachedKey(a);
  const kb = cachedKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
