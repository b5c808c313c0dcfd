import type { Basemap } from './basemap';

let loading: Promise<Basemap> | null = null;

/**
 * The built-in base map, once per page load. Its paths are computed when the app is built
 * (scripts/vite/basemap.ts) from the GeoJSON in static/map: the browser only loads them, from
 * this origin, the same module for everyone.
 */
export function loadBasemap(): Promise<Basemap> {
  loading ??= import('../../../../static/map/toulouse-centre.geojson?basemap')
    .then((module) => module.default)
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
