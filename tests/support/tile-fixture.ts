/**
 * A real, small vector-tile archive of the demo city for the tests, made from the base map the app
 * ships (static/map/toulouse-centre.geojson): its classes become the layers and `kind`s of the
 * Protomaps basemap schema (v4), the one an operator's `pmtiles extract` of a Protomaps build has.
 * Tiles are cut with geojson-vt, encoded as MVT with vt-pbf (both already installed, as MapLibre's
 * own dependencies), gzipped, and written with ./pmtiles-writer.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { writePmtiles, type WriterTile } from './pmtiles-writer';

type Position = [number, number];
type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };
interface Feature {
  type: 'Feature';
  properties: Record<string, string | number | boolean>;
  geometry: Geometry;
}

export const FIXTURE_ZOOMS = { min: 10, max: 16 } as const;

/** The built-in drawing as Protomaps layers. */
export function protomapsLayers(source: { features: { properties: Record<string, unknown> | null; geometry: Geometry }[] }): Record<string, Feature[]> {
  const layers: Record<string, Feature[]> = { earth: [], landuse: [], water: [], buildings: [], roads: [], places: [] };
  const add = (layer: string, properties: Feature['properties'], geometry: Geometry) => layers[layer].push({ type: 'Feature', properties, geometry });
  let minLon = Infinity,
    minLat = Infinity,
    maxLon = -Infinity,
    maxLat = -Infinity;
  for (const f of source.features) {
    for (const [lon, lat] of JSON.stringify(f.geometry.coordinates).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g)!.map((p) => p.split(',').map(Number))) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
    const p = f.properties ?? {};
    const name: Feature['properties'] = typeof p.name === 'string' ? { name: p.name } : {};
    const g = f.geometry;
    switch (p.class) {
      case 'park':
        add('landuse', { kind: 'park', ...name }, g);
        break;
      case 'square':
        add('landuse', { kind: 'pedestrian', ...name }, g);
        break;
      case 'river':
        add('water', { kind: 'river' }, g);
        break;
      case 'river-label':
        if (g.type === 'LineString') add('water', { kind: 'river', ...name }, { type: 'Point', coordinates: g.coordinates[Math.floor(g.coordinates.length / 2)] });
        break;
      case 'canal':
        add('water', { kind: 'canal', ...name }, g);
        break;
      case 'building':
      case 'block':
        add('buildings', { kind: 'building' }, g);
        break;
      case 'rail':
        add('roads', { kind: 'rail', kind_detail: 'rail' }, g);
        break;
      case 'road': {
        const rank = String(p.rank);
        const props: Feature['properties'] =
          rank === 'primary' || rank === 'bridge'
            ? { kind: 'major_road', kind_detail: 'primary' }
            : rank === 'secondary'
              ? { kind: 'major_road', kind_detail: 'secondary' }
              : { kind: 'minor_road', kind_detail: 'residential' };
        if (rank === 'bridge') props.is_bridge = true;
        add('roads', { ...props, ...name }, g);
        break;
      }
      case 'district':
        if (Array.isArray(p.label) && typeof p.name === 'string') {
          add('places', { kind: 'neighbourhood', name: p.name, min_zoom: 13 }, { type: 'Point', coordinates: p.label as Position });
        }
        break;
    }
  }
  // Land under everything, a little wider than the drawing.
  const pad = 0.02;
  add('earth', { kind: 'earth' }, {
    type: 'Polygon',
    coordinates: [[[minLon - pad, minLat - pad], [maxLon + pad, minLat - pad], [maxLon + pad, maxLat + pad], [minLon - pad, maxLat + pad], [minLon - pad, minLat - pad]]]
  });
  return layers;
}

function tileRange(z: number, b: { minLon: number; minLat: number; maxLon: number; maxLat: number }) {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  };
  return { x0: x(b.minLon), x1: x(b.maxLon), y0: y(b.maxLat), y1: y(b.minLat) };
}

export interface TileFixture {
  archive: Uint8Array;
  tiles: number;
  bounds: { minLon: number; minLat: number; maxLon: number; maxLat: number };
}

/** The demo city as a PMTiles archive (a few hundred KB at most). */
export function demoCityArchive(geojsonPath = 'static/map/toulouse-centre.geojson'): TileFixture {
  const layers = protomapsLayers(JSON.parse(readFileSync(geojsonPath, 'utf8')));
  const earth = layers.earth[0].geometry as { coordinates: Position[][] };
  const ring = earth.coordinates[0];
  const bounds = { minLon: ring[0][0], minLat: ring[0][1], maxLon: ring[2][0], maxLat: ring[2][1] };
  const indexes = Object.entries(layers).map(
    ([name, features]) => [name, new GeoJSONVT({ type: 'FeatureCollection', features } as GeoJSON.FeatureCollection, { maxZoom: FIXTURE_ZOOMS.max, tolerance: 2, buffer: 64 })] as const
  );
  const tiles: WriterTile[] = [];
  for (let z = FIXTURE_ZOOMS.min; z <= FIXTURE_ZOOMS.max; z++) {
    const { x0, x1, y0, y1 } = tileRange(z, bounds);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const found: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
        for (const [name, index] of indexes) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) found[name] = tile;
        }
        if (Object.keys(found).length === 0) continue;
        tiles.push({ z, x, y, data: new Uint8Array(gzipSync(fromGeojsonVt(found, { version: 2, extent: 4096 }))) });
      }
    }
  }
  const archive = writePmtiles({
    tiles,
    bounds,
    center: { lon: 1.4442, lat: 43.6045, zoom: 14 },
    metadata: {
      name: 'Placette test city',
      attribution: '© OpenStreetMap',
      vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} }))
    }
  });
  return { archive, tiles: tiles.length, bounds };
}
