/** Small geographic helpers. Pure; no network, positions stay on the device. */

export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
/** Walking speed used for estimates: 4.5 km/h, in metres per minute. */
export const WALKING_METERS_PER_MINUTE = 4500 / 60;
/** Streets are not straight lines: crow-flies distance × this ≈ walked distance. */
export const WALKING_DETOUR_FACTOR = 1.3;

const RAD = Math.PI / 180;

/** Great-circle (haversine) distance in metres. */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLng / 2);
  const h = s1 * s1 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Estimated walking time in whole minutes for a crow-flies distance (4.5 km/h, ×1.3 detour).
 * 0 for 0 m, at least 1 otherwise.
 */
export function walkingMinutes(meters: number): number {
  if (!(meters > 0)) return 0;
  return Math.max(1, Math.round((meters * WALKING_DETOUR_FACTOR) / WALKING_METERS_PER_MINUTE));
}

function hasPosition(x: { lat?: number | null; lng?: number | null }): x is LatLng {
  return typeof x.lat === 'number' && typeof x.lng === 'number' && Number.isFinite(x.lat) && Number.isFinite(x.lng);
}

/**
 * The `n` items closest to `point`, closest first (ties keep input order). Items without a
 * position are skipped.
 */
export function nearest<T extends { lat?: number | null; lng?: number | null }>(
  items: readonly T[],
  point: LatLng,
  n: number
): { item: T; meters: number }[] {
  if (n <= 0) return [];
  const found: { item: T; meters: number; i: number }[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!hasPosition(item)) continue;
    found.push({ item, meters: distanceMeters(point, item), i });
  }
  found.sort((a, b) => a.meters - b.meters || a.i - b.i);
  const out: { item: T; meters: number }[] = [];
  for (let k = 0; k < found.length && k < n; k++) out.push({ item: found[k].item, meters: found[k].meters });
  return out;
}
