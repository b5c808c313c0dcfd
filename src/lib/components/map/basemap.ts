/**
 * The built-in base map: a small GeoJSON of the city centre (static/map/…), turned into SVG paths
 * (one per style class) and label candidates when the app is built (scripts/vite/basemap.ts).
 * Pure; the map component only moves them.
 */
import { boundsOf, project, toLocal, worldSize, type Bounds, type Point } from './projection.ts';

/** Local units per world unit: one unit is one pixel at zoom 16. */
export const LOCAL_UNITS = worldSize(16);

type Position = [number, number];
interface Feature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry:
    | { type: 'LineString'; coordinates: Position[] }
    | { type: 'MultiLineString'; coordinates: Position[][] }
    | { type: 'Polygon'; coordinates: Position[][] }
    | { type: 'MultiPolygon'; coordinates: Position[][][] }
    | { type: 'Point'; coordinates: Position };
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** Drawing order, bottom to top. */
export const areaLayers = ['centre', 'district', 'park', 'river', 'block', 'square', 'building'] as const;
export const roadRanks = ['street', 'secondary', 'primary', 'bridge'] as const;
export type AreaLayer = (typeof areaLayers)[number];
export type RoadRank = (typeof roadRanks)[number];

export type LabelKind = 'district' | 'water' | 'road' | 'park' | 'square' | 'poi';

export interface LabelCandidate {
  /** World coordinates. */
  p: Point;
  /** Degrees, within [-90, 90] so that text never reads upside down. */
  angle: number;
}

export interface MapLabel {
  text: string;
  kind: LabelKind;
  /** Where the label may sit; line labels have several along their line. */
  candidates: LabelCandidate[];
  /** For line labels: the line's length in world units (a label longer than its line is hidden). */
  span: number;
  minzoom: number;
  /** Lower draws first and wins collisions. */
  priority: number;
}

export interface Basemap {
  origin: Point;
  bounds: Bounds;
  /** One path (many sub-paths) per area class; districts by tint. */
  areas: { layer: AreaLayer; tint: number; d: string }[];
  canals: string;
  rail: string;
  roads: Record<RoadRank, string>;
  labels: MapLabel[];
}

const LABEL_PRIORITY: Record<LabelKind, number> = { district: 0, water: 1, poi: 2, park: 2.5, square: 3, road: 4 };
const ROAD_PRIORITY: Record<string, number> = { primary: 0, bridge: 0.5, secondary: 1, street: 2 };

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** A length in tenths of a local unit, as short as SVG allows (`.3`, `-1.2`, `12`). */
function tenths(t: number): string {
  const v = (t / 10).toString();
  return v.startsWith('0.') ? v.slice(1) : v.startsWith('-0.') ? '-' + v.slice(2) : v;
}

/** Appends a number to a path: a separator only where the sign or a command does not already separate it. */
function push(d: string, n: string): string {
  const last = d.charCodeAt(d.length - 1);
  return n.charCodeAt(0) === 45 /* - */ || last === 108 /* l */ || last === 77 /* M */ ? d + n : d + ' ' + n;
}

/**
 * A ring or line as an SVG path in local units, to 0.1 unit: the first point absolute, the others
 * relative to the previous one (rounded first, so that errors never add up); a closed ring does
 * not repeat its first point. Far shorter than absolute coordinates: less for the browser to read.
 */
export function ringPath(ring: Position[], origin: Point, close: boolean): string {
  let d = '';
  let x0 = 0;
  let y0 = 0;
  let px = 0;
  let py = 0;
  let relative = false;
  for (let i = 0; i < ring.length; i++) {
    const l = toLocal(project({ lng: ring[i][0], lat: ring[i][1] }), origin, LOCAL_UNITS);
    const x = Math.round(l.x * 10);
    const y = Math.round(l.y * 10);
    if (i === 0) {
      d = push(push('M', tenths(x)), tenths(y));
      x0 = px = x;
      y0 = py = y;
      continue;
    }
    if ((x === px && y === py) || (close && i === ring.length - 1 && x === x0 && y === y0)) continue;
    if (!relative) d += 'l';
    relative = true;
    d = push(push(d, tenths(x - px)), tenths(y - py));
    px = x;
    py = y;
  }
  return close ? d + 'Z' : d;
}

function angleOf(a: Point, b: Point): number {
  let deg = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
  if (deg > 90) deg -= 180;
  else if (deg < -90) deg += 180;
  return deg;
}

/** Label positions along a line: its middle, plus one every `every` world units on long lines. */
export function lineCandidates(points: Point[], every: number): { candidates: LabelCandidate[]; span: number } {
  const lengths = [0];
  for (let i = 1; i < points.length; i++) {
    lengths.push(lengths[i - 1] + Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y));
  }
  const span = lengths[lengths.length - 1];
  if (points.length < 2 || span === 0) return { candidates: [], span: 0 };
  const at = (s: number): LabelCandidate => {
    let i = 1;
    while (i < points.length - 1 && lengths[i] < s) i++;
    const a = points[i - 1];
    const b = points[i];
    const t = (s - lengths[i - 1]) / (lengths[i] - lengths[i - 1] || 1);
    // Direction over a window around the point, so that a kink does not tilt the text.
    const w = Math.min(span / 4, every / 4 || span / 4);
    const before = pointAt(points, lengths, Math.max(0, s - w));
    const after = pointAt(points, lengths, Math.min(span, s + w));
    return { p: { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }, angle: angleOf(before, after) };
  };
  const candidates = [at(span / 2)];
  if (every > 0 && span > 2 * every) {
    for (let s = every / 2; s < span - every / 4; s += every) {
      if (Math.abs(s - span / 2) > every / 3) candidates.push(at(s));
    }
  }
  return { candidates, span };
}

function pointAt(points: Point[], lengths: number[], s: number): Point {
  let i = 1;
  while (i < points.length - 1 && lengths[i] < s) i++;
  const a = points[i - 1];
  const b = points[i];
  const t = (s - lengths[i - 1]) / (lengths[i] - lengths[i - 1] || 1);
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** Turns the GeoJSON into paths and labels. Unknown classes are ignored. */
export function buildBasemap(geojson: FeatureCollection): Basemap {
  const all: Point[] = [];
  for (const f of geojson.features) {
    const g = f.geometry;
    const rings = g.type === 'Polygon' ? g.coordinates : g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
    for (const ring of rings) for (const c of ring) all.push(project({ lng: c[0], lat: c[1] }));
  }
  const bounds = boundsOf(all) ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  const origin = { x: (bounds.minX + bounds.maxX) / 2, y: (bounds.minY + bounds.maxY) / 2 };

  const areaPaths = new Map<string, { layer: AreaLayer; tint: number; d: string }>();
  const roads: Record<RoadRank, string> = { street: '', secondary: '', primary: '', bridge: '' };
  let canals = '';
  let rail = '';
  const labels: MapLabel[] = [];

  for (const f of geojson.features) {
    const props = f.properties ?? {};
    const cls = String(props.class ?? '');
    const name = typeof props.name === 'string' ? props.name : null;
    const minzoom = num(props.minzoom, 0);
    const g = f.geometry;

    if ((areaLayers as readonly string[]).includes(cls) && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
      const layer = cls as AreaLayer;
      const tint = layer === 'district' ? num(props.tint, 0) : 0;
      const key = `${layer}-${tint}`;
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      let d = '';
      for (const poly of polys) for (const ring of poly) d += ringPath(ring, origin, true);
      const entry = areaPaths.get(key);
      if (entry) entry.d += d;
      else areaPaths.set(key, { layer, tint, d });
      const ring = polys[0]?.[0] ?? [];
      const centroid: Position | null =
        ring.length > 1 ? [ring.slice(1).reduce((a, c) => a + c[0], 0) / (ring.length - 1), ring.slice(1).reduce((a, c) => a + c[1], 0) / (ring.length - 1)] : null;
      const anchor = Array.isArray(props.label) && props.label.length === 2 ? (props.label as Position) : layer === 'building' ? centroid : null;
      const kind: LabelKind | null =
        layer === 'building' ? 'poi' : layer === 'district' || layer === 'park' || layer === 'square' ? layer : null;
      if (name && anchor && kind) {
        labels.push({
          text: layer === 'district' ? name.toLocaleUpperCase('fr') : name,
          kind,
          candidates: [{ p: project({ lng: anchor[0], lat: anchor[1] }), angle: 0 }],
          span: 0,
          minzoom: layer === 'building' ? Math.max(minzoom, 16) : minzoom,
          priority: LABEL_PRIORITY[kind] + minzoom / 100
        });
      }
      continue;
    }

    if (g.type !== 'LineString') continue;
    const line = g.coordinates;
    const d = ringPath(line, origin, false);
    const points = line.map((c) => project({ lng: c[0], lat: c[1] }));
    if (cls === 'road') {
      const rank = (roadRanks as readonly string[]).includes(String(props.rank)) ? (props.rank as RoadRank) : 'street';
      roads[rank] += d;
      if (name) {
        const { candidates, span } = lineCandidates(points, 0);
        labels.push({ text: name, kind: 'road', candidates, span, minzoom, priority: LABEL_PRIORITY.road + (ROAD_PRIORITY[rank] ?? 2) / 10 + minzoom / 1000 });
      }
    } else if (cls === 'canal') {
      canals += d;
      if (name) {
        const { candidates, span } = lineCandidates(points, 0.000017);
        labels.push({ text: name, kind: 'water', candidates, span, minzoom, priority: LABEL_PRIORITY.water + 0.1 });
      }
    } else if (cls === 'rail') {
      rail += d;
    } else if (cls === 'river-label' && name) {
      const { candidates } = lineCandidates(points, 0.000014);
      labels.push({ text: name, kind: 'water', candidates, span: 0, minzoom, priority: LABEL_PRIORITY.water });
    }
  }

  const areas = [...areaPaths.values()].sort(
    (a, b) => areaLayers.indexOf(a.layer) - areaLayers.indexOf(b.layer) || a.tint - b.tint
  );
  labels.sort((a, b) => a.priority - b.priority);
  return { origin, bounds, areas, canals, rail, roads, labels };
}

export interface PlacedLabel {
  text: string;
  kind: LabelKind;
  x: number;
  y: number;
  angle: number;
}

export interface LabelStyle {
  fontSize: Record<LabelKind, number>;
  /** Average glyph width as a fraction of the font size (letter spacing included). */
  glyph: Record<LabelKind, number>;
}

/**
 * Which labels to draw at a view, in screen pixels: zoom-filtered, on screen, fitting their line,
 * and not overlapping a label drawn before them (greedy, by priority).
 */
export function placeLabels(
  labels: readonly MapLabel[],
  zoom: number,
  toScreen: (p: Point) => Point,
  size: { width: number; height: number },
  style: LabelStyle
): PlacedLabel[] {
  const k = worldSize(zoom);
  const boxes: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const out: PlacedLabel[] = [];
  const cx = size.width / 2;
  const cy = size.height / 2;
  for (const label of labels) {
    if (zoom < label.minzoom) continue;
    const fs = style.fontSize[label.kind];
    const width = label.text.length * fs * style.glyph[label.kind];
    if (label.span > 0 && label.span * k < width * 1.1) continue;
    let best: { s: Point; angle: number; d: number } | null = null;
    for (const c of label.candidates) {
      const s = toScreen(c.p);
      if (s.x < 0 || s.y < 0 || s.x > size.width || s.y > size.height) continue;
      const d = (s.x - cx) ** 2 + (s.y - cy) ** 2;
      if (!best || d < best.d) best = { s, angle: c.angle, d };
    }
    if (!best) continue;
    const rad = (best.angle * Math.PI) / 180;
    const hw = (Math.abs(Math.cos(rad)) * width + Math.abs(Math.sin(rad)) * fs) / 2 + 2;
    const hh = (Math.abs(Math.sin(rad)) * width + Math.abs(Math.cos(rad)) * fs) / 2 + 2;
    const box = { x0: best.s.x - hw, y0: best.s.y - hh, x1: best.s.x + hw, y1: best.s.y + hh };
    if (box.x0 < 0 || box.x1 > size.width || box.y0 < 0 || box.y1 > size.height) continue;
    if (boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) continue;
    boxes.push(box);
    out.push({ text: label.text, kind: label.kind, x: best.s.x, y: best.s.y, angle: best.angle });
  }
  return out;
}
