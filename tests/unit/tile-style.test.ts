/**
 * The MapLibre style written in code for an operator's tile archive: valid per the style spec,
 * same-origin only (no glyphs, sprites or other URLs), and drawing the layers of both supported
 * schemas (Protomaps v4, OpenMapTiles) with the built-in map's palette.
 */
import { describe, expect, it } from 'vitest';
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildTileStyle, paletteKeys, type TilePalette } from '$lib/components/map/tile-style';

const palette = Object.fromEntries(paletteKeys.map((key, i) => [key, `#${(0x100000 + i * 0x0a0b0c).toString(16).slice(-6)}`])) as TilePalette;
const style = buildTileStyle({ archiveUrl: 'http://placette.test/map/tiles.pmtiles?v=abc', palette, fonts: ['system-ui', 'Noto Sans', 'sans-serif'] });

type Props = Record<string, string | number | boolean>;
type GeometryType = 'Point' | 'LineString' | 'Polygon';
const GEOMETRY = { Point: 1, LineString: 2, Polygon: 3 } as const;

/** The ids of the layers that would draw a feature of `sourceLayer` (zoom 16). */
function drawnBy(sourceLayer: string, type: GeometryType, properties: Props): string[] {
  return style.layers
    .map((layer, i) => ({ layer, i }))
    .filter(({ layer }) => 'source-layer' in layer && layer['source-layer'] === sourceLayer)
    .filter(({ layer }) => (layer.minzoom ?? 0) <= 16 && (layer.maxzoom ?? 24) > 16)
    .filter(({ layer, i }) => {
      const filter = featureFilter('filter' in layer ? layer.filter : undefined, `layers[${i}].filter`);
      return filter.filter({ zoom: 16 }, { type: GEOMETRY[type], properties, geometry: [] } as never);
    })
    .map(({ layer }) => layer.id.split(':')[0]);
}

describe('tile style', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style as never)).toEqual([]);
  });

  it('fetches nothing but the archive: no glyphs, no sprite, one pmtiles source on this origin', () => {
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    expect(style.sources).toEqual({ basemap: { type: 'vector', url: 'pmtiles://http://placette.test/map/tiles.pmtiles?v=abc' } });
    const urls = JSON.stringify(style).match(/\b[a-z]+:\/\/[^"]*/g) ?? [];
    expect(urls).toEqual(['pmtiles://http://placette.test/map/tiles.pmtiles?v=abc']);
  });

  it('takes its colours from the palette and its fonts from the page', () => {
    const json = JSON.stringify(style.layers);
    for (const key of paletteKeys) expect(json, key).toContain(palette[key]);
    const fonts = style.layers.flatMap((l) => ('layout' in l && l.layout && 'text-font' in l.layout ? [l.layout['text-font']] : []));
    expect(fonts.length).toBeGreaterThan(0);
    for (const stack of fonts) expect((stack as string[]).slice(-3)).toEqual(['system-ui', 'Noto Sans', 'sans-serif']);
  });

  it('draws the Protomaps basemap layers (v4)', () => {
    expect(drawnBy('landuse', 'Polygon', { kind: 'park' })).toContain('green');
    expect(drawnBy('landuse', 'Polygon', { kind: 'pedestrian' })).toContain('square');
    expect(drawnBy('water', 'Polygon', { kind: 'river' })).toEqual(['water']);
    expect(drawnBy('water', 'LineString', { kind: 'canal', name: 'Canal du Midi' })).toEqual(['waterway', 'water-line-label']);
    expect(drawnBy('water', 'Point', { kind: 'river', name: 'Garonne' })).toEqual(['water-label']);
    expect(drawnBy('buildings', 'Polygon', { kind: 'building' })).toEqual(['building']);
    expect(drawnBy('roads', 'LineString', { kind: 'major_road', kind_detail: 'primary', name: 'Allées Jean-Jaurès' })).toEqual(['road-casing', 'road', 'road-label']);
    expect(drawnBy('roads', 'LineString', { kind: 'minor_road', kind_detail: 'residential' })).toEqual(['road-casing', 'road']);
    expect(drawnBy('roads', 'LineString', { kind: 'major_road', is_bridge: true })).toEqual(['bridge-casing', 'bridge']);
    expect(drawnBy('roads', 'LineString', { kind: 'major_road', is_tunnel: true })).toEqual([]);
    expect(drawnBy('roads', 'LineString', { kind: 'path', kind_detail: 'footway' })).toEqual(['path']);
    expect(drawnBy('roads', 'LineString', { kind: 'rail' })).toEqual(['rail']);
    expect(drawnBy('transit', 'LineString', { kind: 'rail' })).toEqual(['rail']);
    expect(drawnBy('places', 'Point', { kind: 'neighbourhood', name: 'Capitole' })).toEqual(['district-label']);
    expect(drawnBy('places', 'Point', { kind: 'country', name: 'France' })).toEqual([]);
  });

  it('draws the OpenMapTiles layers', () => {
    expect(drawnBy('park', 'Polygon', { class: 'park', name: 'Jardin des Plantes' })).toEqual(['green', 'park-label']);
    expect(drawnBy('landcover', 'Polygon', { class: 'wood' })).toEqual(['green']);
    expect(drawnBy('water', 'Polygon', { class: 'river' })).toEqual(['water']);
    expect(drawnBy('waterway', 'LineString', { class: 'canal', name: 'Canal de Brienne' })).toEqual(['waterway', 'water-line-label']);
    expect(drawnBy('building', 'Polygon', {})).toEqual(['building']);
    expect(drawnBy('transportation', 'LineString', { class: 'secondary' })).toEqual(['road-casing', 'road']);
    expect(drawnBy('transportation', 'LineString', { class: 'primary', brunnel: 'bridge' })).toEqual(['bridge-casing', 'bridge']);
    expect(drawnBy('transportation', 'LineString', { class: 'rail', brunnel: 'tunnel' })).toEqual([]);
    expect(drawnBy('transportation_name', 'LineString', { class: 'minor', name: 'Rue du Taur' })).toEqual(['road-label']);
    expect(drawnBy('water_name', 'Point', { class: 'river', name: 'Garonne' })).toEqual(['water-label']);
    expect(drawnBy('place', 'Point', { class: 'suburb', name: 'Saint-Cyprien' })).toEqual(['district-label']);
  });

  it('draws roads in the order casings, fills, then bridges over them, and labels last', () => {
    const ids = style.layers.map((l) => l.id.split(':')[0]);
    const first = (id: string) => ids.indexOf(id);
    const last = (id: string) => ids.lastIndexOf(id);
    expect(ids[0]).toBe('land');
    expect(last('water')).toBeLessThan(first('building'));
    expect(last('road-casing')).toBeLessThan(first('road'));
    expect(last('road')).toBeLessThan(first('bridge-casing'));
    expect(last('bridge')).toBeLessThan(first('road-label'));
    const symbols = style.layers.filter((l) => l.type === 'symbol');
    expect(style.layers.slice(-symbols.length)).toEqual(symbols);
    expect(new Set(style.layers.map((l) => l.id)).size).toBe(style.layers.length);
  });
});
