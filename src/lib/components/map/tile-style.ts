/**
 * The MapLibre style for an operator's vector-tile archive, written in code: no style, sprite or
 * glyph file is fetched from anywhere. Text is drawn with the device's own fonts (MapLibre renders
 * glyphs locally when a style has no `glyphs` URL), and the colours are the built-in map's palette
 * (the `--map-*` custom properties of CityMap.svelte), so both base maps look alike, dark mode
 * included.
 *
 * Two tile schemas are understood, in the same style (a layer whose source layer is absent from
 * the tiles draws nothing):
 * - the Protomaps basemap, v4 (what `pmtiles extract` of a Protomaps build gives): `earth`,
 *   `landcover`, `landuse`, `water`, `buildings`, `roads` (`kind`, `kind_detail`, `is_bridge`,
 *   `is_tunnel`), `places`; v3's `transit` layer for railways;
 * - OpenMapTiles (what planetiler builds by default): `landcover`, `landuse`, `park`, `water`,
 *   `waterway`, `building`, `transportation` (`class`, `brunnel`), `transportation_name`,
 *   `water_name`, `place`.
 *
 * Zoom levels here are MapLibre's (512 px tiles): one less than CityMap's (256 px).
 *
 * Pure: no DOM, and only types from maplibre-gl, so that it costs nothing outside the map.
 */
import type { MapOptions } from 'maplibre-gl';

export type StyleSpecification = Exclude<MapOptions['style'], string | undefined>;
type Layer = StyleSpecification['layers'][number];
/** A layer without its source (`on` adds it); distributed, so that each layer type keeps its fields. */
type SourcelessLayer = Layer extends infer L ? (L extends unknown ? Omit<L, 'source' | 'source-layer'> : never) : never;
type Expression = unknown[];

/** The palette, by the name of the CityMap custom property it comes from (without `--map-`). */
export const paletteKeys = [
  'land',
  'park',
  'water',
  'water-line',
  'square',
  'square-line',
  'building',
  'building-line',
  'road',
  'casing',
  'primary',
  'primary-casing',
  'rail',
  'label',
  'district',
  'water-label',
  'park-label',
  'halo'
] as const;
export type PaletteKey = (typeof paletteKeys)[number];
export type TilePalette = Record<PaletteKey, string>;

export interface TileStyleOptions {
  /** Absolute URL of the archive on this origin; the `pmtiles://` protocol reads it by ranges. */
  archiveUrl: string;
  palette: TilePalette;
  /** A CSS font stack, as a list of family names (the page's own). */
  fonts: readonly string[];
}

export const SOURCE = 'basemap';

/** `kind` (Protomaps) or `class` (OpenMapTiles). */
const KIND: Expression = ['coalesce', ['get', 'kind'], ['get', 'class'], ''];
const DETAIL: Expression = ['coalesce', ['get', 'kind_detail'], ''];

const GREEN = ['park', 'garden', 'grass', 'grassland', 'forest', 'wood', 'scrub', 'meadow', 'cemetery', 'nature_reserve', 'national_park', 'protected_area', 'playground', 'recreation_ground', 'golf_course', 'village_green', 'allotments', 'dog_park', 'pitch'];
const WATERWAYS = ['river', 'canal', 'stream', 'ditch', 'drain'];
const NEIGHBOURHOODS = ['neighbourhood', 'macrohood', 'suburb', 'quarter', 'borough'];

/** Road ranks as the built-in map has them (basemap.ts), plus paths and railways. */
const RANK: Expression = [
  'match',
  KIND,
  ['highway', 'motorway', 'trunk', 'primary'],
  'primary',
  'major_road',
  ['match', DETAIL, ['motorway', 'trunk', 'primary', 'motorway_link', 'trunk_link', 'primary_link'], 'primary', 'secondary'],
  ['medium_road', 'secondary', 'tertiary'],
  'secondary',
  ['minor_road', 'minor', 'service', 'residential', 'unclassified', 'living_street', 'busway'],
  'street',
  ['path', 'track', 'other', 'footway', 'pedestrian', 'cycleway', 'steps'],
  'path',
  ['rail', 'transit', 'subway', 'light_rail', 'tram', 'narrow_gauge'],
  'rail',
  'none'
];
/** MapLibre 5+ tells multi-geometries apart (`MultiPolygon`…); both kinds are wanted. */
function geometry(type: 'Point' | 'LineString' | 'Polygon'): Expression {
  return ['in', ['geometry-type'], ['literal', [type, `Multi${type}`]]];
}
const IS_BRIDGE: Expression = ['any', ['==', ['get', 'is_bridge'], true], ['==', ['get', 'brunnel'], 'bridge']];
const IS_TUNNEL: Expression = ['any', ['==', ['get', 'is_tunnel'], true], ['==', ['get', 'brunnel'], 'tunnel']];

/** On-screen widths at MapLibre zoom 15, as CityMap's ROAD_PX at its zoom 16. */
const ROAD_PX = { primary: 8, secondary: 5.5, street: 3.4 } as const;

/**
 * A width that grows ×1.68 per zoom level (CityMap's `growth`), kept within 0.2× and 3.2× of
 * its zoom-15 value.
 */
function grow(byRank: (rank: keyof typeof ROAD_PX) => number): Expression {
  const at = (factor: number, extra = 0): Expression => ['match', RANK, 'primary', byRank('primary') * factor + extra, 'secondary', byRank('secondary') * factor + extra, byRank('street') * factor + extra];
  return ['interpolate', ['exponential', 1.68], ['zoom'], 11.9, at(0.2), 15, at(1), 17.25, at(3.2)];
}

function casingGrow(): Expression {
  // The casing is the fill plus a pixel each side from zoom 13.5, half that before.
  const fill = (rank: keyof typeof ROAD_PX, factor: number) => Math.max(rank === 'street' ? 0.6 : 1, ROAD_PX[rank] * factor);
  const at = (factor: number, extra: number): Expression => ['match', RANK, 'primary', fill('primary', factor) + extra, 'secondary', fill('secondary', factor) + extra, fill('street', factor) + extra];
  return ['interpolate', ['exponential', 1.68], ['zoom'], 11.9, at(0.2, 1), 13.4, at(0.5, 1), 13.5, at(0.5, 2), 15, at(1, 2), 17.25, at(3.2, 2)];
}

/** Streets fade in between zoom 12.6 and 13.4, as on the built-in map. */
const ROAD_OPACITY: Expression = ['interpolate', ['linear'], ['zoom'], 12.6, ['match', RANK, 'street', 0, 1], 13.4, 1];

function on(sourceLayer: string, layer: SourcelessLayer): Layer {
  return { ...layer, id: `${layer.id}:${sourceLayer}`, source: SOURCE, 'source-layer': sourceLayer } as Layer;
}

export function buildTileStyle({ archiveUrl, palette: c, fonts }: TileStyleOptions): StyleSpecification {
  const regular = [...fonts];
  // MapLibre takes weight and slant from the first family's name (a name no font has, so the
  // browser goes on to the page's stack): e.g. 'Placette Bold, system-ui, …, sans-serif'.
  const bold = ['Placette Bold', ...fonts];
  const italic = ['Placette Italic', ...fonts];
  const halo = { 'text-halo-color': c.halo, 'text-halo-width': 1.5, 'text-halo-blur': 0.5 };
  const roadFilter = (bridges: boolean): Expression => [
    'all',
    ['in', RANK, ['literal', ['primary', 'secondary', 'street']]],
    ['!', IS_TUNNEL],
    bridges ? IS_BRIDGE : ['!', IS_BRIDGE]
  ];
  const roadLayers = (bridges: boolean): Layer[] => {
    const layout = { 'line-cap': bridges ? 'butt' : 'round', 'line-join': 'round', 'line-sort-key': ['match', RANK, 'primary', 3, 'secondary', 2, 1] } as const;
    const schemas = ['roads', 'transportation'];
    return [
      ...schemas.map((sl) =>
        on(sl, {
          id: bridges ? 'bridge-casing' : 'road-casing',
          type: 'line',
          filter: roadFilter(bridges) as never,
          layout: layout as never,
          paint: {
            'line-color': ['match', RANK, 'primary', c['primary-casing'], c.casing] as never,
            'line-width': casingGrow() as never,
            'line-opacity': ROAD_OPACITY as never
          }
        })
      ),
      ...schemas.map((sl) =>
        on(sl, {
          id: bridges ? 'bridge' : 'road',
          type: 'line',
          filter: roadFilter(bridges) as never,
          layout: layout as never,
          paint: {
            'line-color': ['match', RANK, 'primary', bridges ? c.road : c.primary, c.road] as never,
            'line-width': grow((rank) => Math.max(rank === 'street' ? 0.6 : 1, ROAD_PX[rank])) as never,
            'line-opacity': ROAD_OPACITY as never
          }
        })
      )
    ];
  };

  const layers: Layer[] = [
    { id: 'land', type: 'background', paint: { 'background-color': c.land } },
    on('landcover', {
      id: 'green',
      type: 'fill',
      filter: ['in', KIND, ['literal', GREEN]] as never,
      paint: { 'fill-color': c.park, 'fill-opacity': 0.6 }
    }),
    on('landuse', { id: 'green', type: 'fill', filter: ['in', KIND, ['literal', GREEN]] as never, paint: { 'fill-color': c.park } }),
    on('park', { id: 'green', type: 'fill', paint: { 'fill-color': c.park } }),
    on('landuse', {
      id: 'square',
      type: 'fill',
      filter: ['in', KIND, ['literal', ['pedestrian', 'square', 'plaza']]] as never,
      paint: { 'fill-color': c.square, 'fill-outline-color': c['square-line'] }
    }),
    on('water', {
      id: 'water',
      type: 'fill',
      filter: geometry('Polygon') as never,
      paint: { 'fill-color': c.water, 'fill-outline-color': c['water-line'] }
    }),
    ...['water', 'waterway'].map((sl) =>
      on(sl, {
        id: 'waterway',
        type: 'line',
        filter: ['all', geometry('LineString'), ['in', KIND, ['literal', WATERWAYS]]] as never,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': c.water,
          'line-width': ['interpolate', ['exponential', 1.68], ['zoom'], 11, ['match', KIND, ['river', 'canal'], 1.5, 0.5], 15, ['match', KIND, ['river', 'canal'], 4.5, 1.5], 18, ['match', KIND, ['river', 'canal'], 14, 4]] as never
        }
      })
    ),
    ...['buildings', 'building'].map((sl) =>
      on(sl, {
        id: 'building',
        type: 'fill',
        minzoom: 13,
        filter: ['!=', KIND, 'address'] as never,
        paint: {
          'fill-color': c.building,
          'fill-outline-color': c['building-line'],
          'fill-opacity': ['interpolate', ['linear'], ['zoom'], 13.6, 0, 14.5, 1] as never
        }
      })
    ),
    ...['roads', 'transportation'].map((sl) =>
      on(sl, {
        id: 'path',
        type: 'line',
        minzoom: 14,
        filter: ['all', ['==', RANK, 'path'], ['!', IS_TUNNEL]] as never,
        paint: {
          'line-color': c.casing,
          'line-width': ['interpolate', ['linear'], ['zoom'], 14, 0.6, 18, 2] as never,
          'line-dasharray': [2, 1.5]
        }
      })
    ),
    ...['roads', 'transit', 'transportation'].map((sl) =>
      on(sl, {
        id: 'rail',
        type: 'line',
        filter: ['all', ['==', RANK, 'rail'], ['!', IS_TUNNEL]] as never,
        paint: { 'line-color': c.rail, 'line-width': 1.6, 'line-dasharray': [3, 2] }
      })
    ),
    ...roadLayers(false),
    ...roadLayers(true),

    // Labels: the page's fonts, drawn on the device.
    ...['water', 'waterway'].map((sl) =>
      on(sl, {
        id: 'water-line-label',
        type: 'symbol',
        minzoom: 13,
        filter: ['all', geometry('LineString'), ['has', 'name']] as never,
        layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'] as never, 'text-font': italic, 'text-size': 12, 'text-letter-spacing': 0.04 },
        paint: { 'text-color': c['water-label'], ...halo }
      })
    ),
    ...['water', 'water_name'].map((sl) =>
      on(sl, {
        id: 'water-label',
        type: 'symbol',
        filter: ['all', geometry('Point'), ['has', 'name']] as never,
        layout: { 'text-field': ['get', 'name'] as never, 'text-font': italic, 'text-size': 12, 'text-letter-spacing': 0.04 },
        paint: { 'text-color': c['water-label'], ...halo }
      })
    ),
    ...['landuse', 'park'].map((sl) =>
      on(sl, {
        id: 'park-label',
        type: 'symbol',
        minzoom: 14,
        filter: (sl === 'park' ? ['has', 'name'] : ['all', ['has', 'name'], ['in', KIND, ['literal', GREEN]]]) as never,
        layout: { 'text-field': ['get', 'name'] as never, 'text-font': italic, 'text-size': 11, 'text-max-width': 8 },
        paint: { 'text-color': c['park-label'], ...halo }
      })
    ),
    ...['roads', 'transportation_name'].map((sl) =>
      on(sl, {
        id: 'road-label',
        type: 'symbol',
        minzoom: 13.5,
        filter: ['all', ['has', 'name'], ['in', RANK, ['literal', ['primary', 'secondary', 'street']]]] as never,
        layout: {
          'symbol-placement': 'line',
          'symbol-sort-key': ['match', RANK, 'primary', 0, 'secondary', 1, 2] as never,
          'text-field': ['get', 'name'] as never,
          'text-font': regular,
          'text-size': 11,
          'text-max-angle': 30
        },
        paint: { 'text-color': c.label, ...halo }
      })
    ),
    ...['places', 'place'].map((sl) =>
      on(sl, {
        id: 'district-label',
        type: 'symbol',
        minzoom: 12.5,
        maxzoom: 16.5,
        filter: ['all', ['has', 'name'], ['in', KIND, ['literal', NEIGHBOURHOODS]]] as never,
        layout: {
          'text-field': ['upcase', ['get', 'name']] as never,
          'text-font': bold,
          'text-size': 11,
          'text-letter-spacing': 0.14,
          'text-max-width': 9
        },
        paint: { 'text-color': c.district, ...halo }
      })
    )
  ];

  return {
    version: 8,
    // The archive's own header says which zoom levels and bounds it has.
    sources: { [SOURCE]: { type: 'vector', url: `pmtiles://${archiveUrl}` } },
    layers
  };
}
