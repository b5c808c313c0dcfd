import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  clampView,
  EARTH_CIRCUMFERENCE,
  fitBounds,
  localTransform,
  metersPerPixel,
  panBy,
  project,
  scaleBar,
  toLocal,
  toScreen,
  toWorld,
  unproject,
  worldSize,
  zoomAt,
  type View
} from '../../src/lib/components/map/projection';
import { buildBasemap, LOCAL_UNITS, placeLabels, ringPath, type FeatureCollection, type MapLabel } from '../../src/lib/components/map/basemap';
import { clusterPoints, place, selectMapItems, type MapItem } from '../../src/lib/components/map/map-items';
import { places } from '../../src/lib/server/db/seed/content/places';
import { parkingSeeds } from '../../src/lib/server/db/seed/parking';
import { shopSeeds } from '../../src/lib/server/db/seed/shops';

const capitole = { lat: 43.6045, lng: 1.4442 };
const size = { width: 400, height: 300 };

describe('Web Mercator projection', () => {
  it('maps the null island to the centre of the world and the antimeridian to its edges', () => {
    expect(project({ lng: 0, lat: 0 })).toEqual({ x: 0.5, y: 0.5 });
    expect(project({ lng: -180, lat: 0 }).x).toBe(0);
    expect(project({ lng: 180, lat: 0 }).x).toBe(1);
    // North is up: y decreases with latitude, and the cut at ±85.05° is the square's edge.
    expect(project({ lng: 0, lat: 85.0511287798 }).y).toBeCloseTo(0, 9);
    expect(project({ lng: 0, lat: -85.0511287798 }).y).toBeCloseTo(1, 9);
    expect(project({ lng: 0, lat: 89.9 }).y).toBeCloseTo(0, 9);
  });

  it('round-trips lon/lat', () => {
    for (const p of [capitole, { lat: -33.86, lng: 151.21 }, { lat: 64.14, lng: -21.94 }, { lat: 0, lng: 0 }]) {
      const back = unproject(project(p));
      expect(back.lat).toBeCloseTo(p.lat, 10);
      expect(back.lng).toBeCloseTo(p.lng, 10);
    }
  });

  it('places Toulouse where slippy-map tiles do (tile 16/33030/23929)', () => {
    const p = project(capitole);
    expect(Math.floor(p.x * 2 ** 16)).toBe(33030);
    expect(Math.floor(p.y * 2 ** 16)).toBe(23929);
  });
});

describe('view ↔ screen', () => {
  const view: View = { ...project(capitole), zoom: 16 };

  it('puts the view centre in the middle of the screen and inverts exactly', () => {
    expect(toScreen(view, size, view)).toEqual({ x: 200, y: 150 });
    const s = { x: 13.5, y: 271.25 };
    const back = toScreen(view, size, toWorld(view, size, s));
    expect(back.x).toBeCloseTo(s.x, 6);
    expect(back.y).toBeCloseTo(s.y, 6);
  });

  it('one zoom level doubles distances on screen', () => {
    const east = project({ lat: capitole.lat, lng: capitole.lng + 0.001 });
    const d16 = toScreen(view, size, east).x - 200;
    const d17 = toScreen({ ...view, zoom: 17 }, size, east).x - 200;
    expect(d17).toBeCloseTo(2 * d16, 9);
    // 0.001° of longitude is 1/360000 of the world: 256·2^16/360000 ≈ 46.6 px at zoom 16.
    expect(d16).toBeCloseTo(worldSize(16) / 360_000, 6);
  });

  it('panning moves the content with the pointer', () => {
    const point = toWorld(view, size, { x: 120, y: 80 });
    const moved = panBy(view, 30, -12);
    const s = toScreen(moved, size, point);
    expect(s.x).toBeCloseTo(150, 6);
    expect(s.y).toBeCloseTo(68, 6);
    expect(moved.zoom).toBe(16);
  });

  it('zooming keeps the point under the anchor still', () => {
    const anchor = { x: 333, y: 44 };
    const under = toWorld(view, size, anchor);
    for (const zoom of [12, 15.25, 18.5]) {
      const next = zoomAt(view, size, zoom, anchor);
      expect(next.zoom).toBe(zoom);
      const s = toScreen(next, size, under);
      expect(s.x).toBeCloseTo(anchor.x, 6);
      expect(s.y).toBeCloseTo(anchor.y, 6);
    }
    // Zooming at the centre does not move the centre.
    const centred = zoomAt(view, size, 18, { x: 200, y: 150 });
    expect(centred.x).toBeCloseTo(view.x, 15);
    expect(centred.y).toBeCloseTo(view.y, 15);
  });

  it('the SVG transform of local geometry agrees with toScreen', () => {
    const origin = project({ lat: 43.6, lng: 1.44 });
    const p = project({ lat: 43.6071, lng: 1.4487 });
    const l = toLocal(p, origin, LOCAL_UNITS);
    for (const v of [view, { ...view, zoom: 13.3 }, panBy({ ...view, zoom: 18 }, 90, -40)]) {
      const t = localTransform(v, size, origin, LOCAL_UNITS);
      const s = toScreen(v, size, p);
      expect(t.tx + l.x * t.s).toBeCloseTo(s.x, 6);
      expect(t.ty + l.y * t.s).toBeCloseTo(s.y, 6);
    }
    // Local coordinates stay small (float32-safe) across the city.
    expect(Math.abs(l.x)).toBeLessThan(20_000);
  });
});

describe('scale', () => {
  it('metres per pixel follow the latitude', () => {
    expect(metersPerPixel(0, 0)).toBeCloseTo(156_543.03, 2);
    expect(metersPerPixel(0, 0)).toBeCloseTo(EARTH_CIRCUMFERENCE / 256, 6);
    expect(metersPerPixel(60, 0)).toBeCloseTo(156_543.03 / 2, 2);
    expect(metersPerPixel(capitole.lat, 16)).toBeCloseTo(1.7293, 3);
  });

  it('the scale bar shows the longest round distance that fits', () => {
    expect(scaleBar(1, 96)).toEqual({ meters: 50, px: 50 });
    const z16 = scaleBar(metersPerPixel(capitole.lat, 16), 96);
    expect(z16.meters).toBe(100);
    expect(z16.px).toBeCloseTo(57.83, 1);
    expect(scaleBar(20, 96).meters).toBe(1000);
    expect(scaleBar(25, 96).meters).toBe(2000);
    expect(scaleBar(0.3, 96).meters).toBe(20);
    for (const mpp of [0.13, 0.7, 3.3, 9.9, 41]) {
      const bar = scaleBar(mpp, 120);
      expect(bar.px).toBeLessThanOrEqual(120);
      expect(bar.px).toBeGreaterThan(120 / 5 - 1e-9);
      expect(String(bar.meters)).toMatch(/^[125]0*$/);
    }
    expect(scaleBar(0, 96)).toEqual({ meters: 0, px: 0 });
  });
});

describe('fitting and limits', () => {
  const a = project({ lat: 43.5935, lng: 1.4335 });
  const b = project({ lat: 43.6112, lng: 1.4555 });
  const bounds = boundsOf([a, b])!;

  it('fits bounds inside the padded screen at the largest zoom', () => {
    const v = fitBounds(bounds, size, 10, { minZoom: 0, maxZoom: 22 });
    const sa = toScreen(v, size, a);
    const sb = toScreen(v, size, b);
    for (const s of [sa, sb]) {
      expect(s.x).toBeGreaterThanOrEqual(10 - 1e-6);
      expect(s.x).toBeLessThanOrEqual(390 + 1e-6);
      expect(s.y).toBeGreaterThanOrEqual(10 - 1e-6);
      expect(s.y).toBeLessThanOrEqual(290 + 1e-6);
    }
    // One side touches the padding: it is the largest such zoom.
    const touches = Math.abs(Math.abs(sb.y - sa.y) - 280) < 1e-6 || Math.abs(Math.abs(sb.x - sa.x) - 380) < 1e-6;
    expect(touches).toBe(true);
  });

  it('respects the zoom limits, and a single point gets the largest zoom', () => {
    expect(fitBounds(bounds, size, 0, { minZoom: 16, maxZoom: 18 }).zoom).toBe(16);
    const single = fitBounds(boundsOf([a])!, size, 0, { minZoom: 3, maxZoom: 18 });
    expect(single).toEqual({ x: a.x, y: a.y, zoom: 18 });
  });

  it('keeps the centre within bounds and the zoom within limits', () => {
    const far = clampView({ x: 0.1, y: 0.9, zoom: 25 }, bounds, 12, 19);
    expect(far).toEqual({ x: bounds.minX, y: bounds.maxY, zoom: 19 });
    const inside = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, zoom: 15 };
    expect(clampView(inside, bounds, 12, 19)).toEqual(inside);
  });
});

describe('clusters', () => {
  const at = (id: string, lat: number, lng: number) => ({ id, lat, lng, kind: 'shop' as const });

  it('merges markers closer than the radius on screen, and splits them when zooming in', () => {
    const pts = place([at('shop-1', 43.6045, 1.4442), at('shop-2', 43.6046, 1.4444), at('shop-3', 43.6, 1.45)]);
    const low = clusterPoints(pts, 14, 30);
    expect(low.map((c) => c.members.map((m) => m.id))).toEqual([['shop-1', 'shop-2'], ['shop-3']]);
    expect(low[0].key).toBe('shop-1');
    expect(low[0].sameSpot).toBe(false);
    const high = clusterPoints(pts, 19, 30);
    expect(high).toHaveLength(3);
  });

  it('keeps items at the same spot together at any zoom', () => {
    const pts = place([at('event-1', 43.6036, 1.4402), at('event-2', 43.6036, 1.4402)]);
    const c = clusterPoints(pts, 22, 24);
    expect(c).toHaveLength(1);
    expect(c[0].sameSpot).toBe(true);
  });
});

describe('what the map shows', () => {
  const now = new Date('2026-06-10T10:00:00+02:00');
  const items = [
    { id: 'shop-1', kind: 'shop', lat: 43.6, lng: 1.44, themes: ['librairies'], hours: { '3': [['09:00', '19:00']] }, closed_dates: [] },
    { id: 'shop-2', kind: 'shop', lat: 43.6, lng: 1.44, themes: ['mode'], hours: { '3': [['14:00', '19:00']] }, closed_dates: [] },
    { id: 'event-1', kind: 'event', lat: 43.6, lng: 1.44, themes: ['opera'], starts_at: '2026-06-12T20:00:00+02:00', ends_at: null },
    { id: 'event-2', kind: 'event', lat: 43.6, lng: 1.44, themes: ['opera'], starts_at: '2026-06-01T20:00:00+02:00', ends_at: '2026-06-01T22:00:00+02:00' },
    { id: 'event-3', kind: 'event', lat: 43.6, lng: 1.44, themes: ['sport'], starts_at: '2026-06-12T20:00:00+02:00', ends_at: null },
    { id: 'heritage-1', kind: 'heritage', lat: 43.6, lng: 1.44, themes: ['patrimoine'] },
    { id: 'heritage-2', kind: 'heritage', themes: ['patrimoine'] },
    { id: 'parking-1', kind: 'parking', lat: 43.6, lng: 1.44, themes: [], hours: null },
    { id: 'news-1', kind: 'news', lat: 43.6, lng: 1.44, themes: [] },
    { id: 'product-1', kind: 'product', lat: 43.6, lng: 1.44, themes: ['librairies'] }
  ] as unknown as MapItem[];
  const kinds = ['shop', 'event', 'heritage', 'parking'] as const;
  const ids = (list: MapItem[]) => list.map((i) => i.id);

  it('shows positioned shops, upcoming events, heritage and car parks; muted themes never', () => {
    const prefs = { themes: { sport: 'muted' as const } };
    expect(ids(selectMapItems(items, prefs, { kinds, mine: false, openNow: false }, now))).toEqual([
      'shop-1',
      'shop-2',
      'event-1',
      'heritage-1',
      'parking-1'
    ]);
  });

  it('filters by kind, by followed themes and by what is open now', () => {
    const prefs = { themes: { opera: 'high' as const, librairies: 'low' as const, sport: 'muted' as const } };
    expect(ids(selectMapItems(items, prefs, { kinds: ['parking', 'heritage'], mine: false, openNow: false }, now))).toEqual(['heritage-1', 'parking-1']);
    // "Mes thèmes": items of followed themes; car parks have no theme at all and stay.
    expect(ids(selectMapItems(items, prefs, { kinds, mine: true, openNow: false }, now))).toEqual(['shop-1', 'event-1', 'parking-1']);
    // 10:00 on a Wednesday: shop-2 opens at 14:00.
    expect(ids(selectMapItems(items, prefs, { kinds: ['shop'], mine: false, openNow: true }, now))).toEqual(['shop-1']);
  });
});

describe('labels', () => {
  const label = (text: string, lng: number, priority: number, extra: Partial<MapLabel> = {}): MapLabel => ({
    text,
    kind: 'road',
    candidates: [{ p: project({ lat: 43.6045, lng }), angle: 0 }],
    span: 0,
    minzoom: 0,
    priority,
    ...extra
  });
  const view: View = { ...project(capitole), zoom: 16 };
  const style = {
    fontSize: { district: 11, water: 12, road: 11, park: 11, square: 11, poi: 11 },
    glyph: { district: 0.8, water: 0.52, road: 0.53, park: 0.52, square: 0.54, poi: 0.52 }
  };
  const screen = (p: { x: number; y: number }) => toScreen(view, size, p);

  it('drops labels that overlap a more important one, are off screen or too small to read', () => {
    const placed = placeLabels(
      [label('Rue A', 1.4442, 0), label('Rue B', 1.44425, 1), label('Rue C', 1.4462, 2), label('Loin', 1.5, 3), label('Plus tard', 1.4432, 4, { minzoom: 17 })],
      16,
      screen,
      size,
      style
    );
    expect(placed.map((l) => l.text)).toEqual(['Rue A', 'Rue C']);
    // A line label longer than its line is not drawn.
    const short = label('Rue au nom bien trop long', 1.4442, 0, { span: 1e-7 });
    expect(placeLabels([short], 16, screen, size, style)).toEqual([]);
  });
});

/** The absolute points of an SVG path made of M, l (relative, implicit repeats) and Z commands. */
function pathPoints(d: string): { x: number; y: number }[][] {
  const rings: { x: number; y: number }[][] = [];
  for (const [, command, args] of d.matchAll(/([MlZ])([^MlZ]*)/g)) {
    if (command === 'Z') continue;
    const n = (args.match(/-?(\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    if (command === 'M') rings.push([{ x: n[0], y: n[1] }]);
    else for (let i = 0; i < n.length; i += 2) {
      const ring = rings[rings.length - 1];
      const last = ring[ring.length - 1];
      ring.push({ x: last.x + n[i], y: last.y + n[i + 1] });
    }
  }
  return rings;
}

describe('the base map paths', () => {
  const origin = project({ lng: 1.444, lat: 43.604 });
  const ring: [number, number][] = [
    [1.4431, 43.6049],
    [1.44412, 43.60493],
    [1.44412, 43.60493],
    [1.4452, 43.6031],
    [1.44301, 43.60288],
    [1.4431, 43.6049]
  ];

  it('are short: relative moves after the first point, no separator before a minus sign or leading zero, no repeated point', () => {
    const d = ringPath(ring, origin, true);
    expect(d).toMatch(/^M-?[\d.]+[ -][\d.]+l/);
    expect(d.endsWith('Z')).toBe(true);
    expect(d).not.toMatch(/ -|(?<![\d.])0\.\d/);
    // The duplicate point and the closing point (Z closes the ring) are left out.
    expect(pathPoints(d)[0]).toHaveLength(4);
  });

  it('land within a twentieth of a unit of every point, errors never adding up along a line', () => {
    const line: [number, number][] = Array.from({ length: 400 }, (_, i) => [1.43 + i * 0.0000731, 43.59 + Math.sin(i / 7) * 0.00037]);
    for (const [coords, close] of [[ring, true], [line, false]] as const) {
      const drawn = pathPoints(ringPath([...coords], origin, close))[0];
      const expected = coords.map(([lng, lat]) => toLocal(project({ lng, lat }), origin, LOCAL_UNITS)).filter((_, i, all) => i === 0 || !close || i < all.length - 1);
      const distinct = expected.filter((p, i) => i === 0 || Math.round(p.x * 10) !== Math.round(expected[i - 1].x * 10) || Math.round(p.y * 10) !== Math.round(expected[i - 1].y * 10));
      expect(drawn).toHaveLength(distinct.length);
      drawn.forEach((p, i) => {
        expect(Math.abs(p.x - distinct[i].x)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(p.y - distinct[i].y)).toBeLessThanOrEqual(0.05 + 1e-9);
      });
    }
  });
});

describe('the built-in base map', () => {
  const file = 'static/map/toulouse-centre.geojson';
  const geojson = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;

  it('ships brotli and gzip copies (served by adapter-node) identical to the GeoJSON', () => {
    const raw = readFileSync(file);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(raw), 'run node scripts/make-basemap.mjs').toBe(true);
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(raw), 'run node scripts/make-basemap.mjs').toBe(true);
  });
  const basemap = buildBasemap(geojson);
  const names = new Set(geojson.features.map((f) => f.properties?.name));

  it('draws the river, the canals, the boulevards, main streets, squares and districts', () => {
    for (const name of [
      'Garonne',
      'Canal du Midi',
      'Canal de Brienne',
      'Boulevard de Strasbourg',
      'Boulevard Lazare-Carnot',
      'Rue d’Alsace-Lorraine',
      'Rue de Metz',
      'Allées Jean-Jaurès',
      'Rue du Taur',
      'Place du Capitole',
      'Place Saint-Pierre',
      'Place Wilson',
      'Place Esquirol',
      'Place des Carmes',
      'Capitole',
      'Carmes',
      'Saint-Cyprien',
      'Saint-Aubin',
      'Saint-Sernin – Arnaud-Bernard',
      'Saint-Étienne'
    ]) {
      expect(names, name).toContain(name);
    }
    expect(basemap.areas.map((a) => a.layer)).toEqual(expect.arrayContaining(['centre', 'district', 'park', 'river', 'square', 'building']));
    expect(basemap.roads.primary.length).toBeGreaterThan(100);
    // The urban fabric: rows of buildings along the streets.
    expect(basemap.areas.find((a) => a.layer === 'block')?.d.split('Z').length).toBeGreaterThan(1000);
    expect(basemap.canals).toMatch(/^M/);
    expect(basemap.labels.some((l) => l.text === 'CAPITOLE' && l.kind === 'district')).toBe(true);
  });

  it('puts no demo place, shop or car park in the Garonne', () => {
    const river = geojson.features.find((f) => f.properties?.class === 'river')!;
    const ring = (river.geometry as { coordinates: [number, number][][] }).coordinates[0];
    const inRiver = ({ lat, lng }: { lat: number; lng: number }) => {
      let inside = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    };
    const all = [...Object.values(places), ...parkingSeeds, ...shopSeeds];
    expect(all.length).toBeGreaterThan(90);
    expect(all.filter(inRiver).map((p) => ('name' in p ? p.name : ''))).toEqual([]);
  });
});
