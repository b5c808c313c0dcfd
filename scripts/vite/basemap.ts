import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { buildBasemap, type FeatureCollection } from '../../src/lib/components/map/basemap.ts';

/** `import('…/toulouse-centre.geojson?basemap')`: the drawing, already turned into SVG paths. */
const QUERY = '?basemap';

/**
 * Turns the built-in base map's GeoJSON (static/map/…) into what the map draws (SVG paths in
 * local units, label candidates: `buildBasemap`) when the app is built, not in the visitor's
 * browser: on a phone that took a long task on the main thread every time /map opened. The
 * GeoJSON stays the one source to edit; the result is a module of its own, loaded by the map
 * pages only and kept offline by the service worker like the rest of the build.
 */
export function basemapPaths(): Plugin {
  return {
    name: 'placette-basemap-paths',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith('.geojson' + QUERY)) return null;
      const file = id.slice(0, -QUERY.length);
      this.addWatchFile(file);
      const basemap = buildBasemap(JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection);
      // A JSON string parses faster than the same object as a JavaScript literal.
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(basemap))});`, map: { mappings: '' } };
    }
  };
}
