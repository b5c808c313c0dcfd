/**
 * Where a shop may stand: the territory the platform serves, with its suburbs (the demo's is
 * Toulouse: the built-in map draws its centre, the box reaches the ring road and beyond).
 * Another territory edits these numbers, like the map's bounds in CityMap.svelte.
 */
export const SHOP_AREA = {
  south: 43.5,
  north: 43.72,
  west: 1.3,
  east: 1.6,
  /** Where the location picker opens when the shop has no position yet. */
  centre: { lat: 43.6045, lng: 1.444 }
} as const;

export function inShopArea(lat: number, lng: number): boolean {
  return lat >= SHOP_AREA.south && lat <= SHOP_AREA.north && lng >= SHOP_AREA.west && lng <= SHOP_AREA.east;
}

/** A coordinate as stored and shown in the form: 6 decimals (about 10 cm). */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
