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
