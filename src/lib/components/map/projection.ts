/**
 * Web Mercator maths for the map, pure (no DOM): lon/lat ↔ world coordinates, the view
 * (centre + zoom) ↔ screen pixels, pan, zoom around a point, fitting and the scale bar.
 *
 * World coordinates are Web Mercator normalised to [0, 1] on both axes (x east, y south), so a
 * zoom level z spreads the world over 256 × 2^z pixels, like slippy-map tiles.
 */

export interface LngLat {
  lng: number;
  lat: number;
}

export interface Point {
  x: number;
  y: number;
}

/** What the map shows: the world point at the centre of the screen, and the zoom level. */
export interface View {
  x: number;
  y: number;
  zoom: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A rectangle in world coordinates. */
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export const TILE_SIZE = 256;
/** Web Mercator is undefined at the poles; it is cut at ±85.0511° like every web map. */
export const MAX_LATITUDE = 85.0511287798;
/** Equatorial circumference of the WGS 84 ellipsoid used by Web Mercator, metres. */
export const EARTH_CIRCUMFERENCE = 2 * Math.PI * 6_378_137;

const RAD = Math.PI / 180;

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function project({ lng, lat }: LngLat): Point {
  const s = Math.sin(clamp(lat, -MAX_LATITUDE, MAX_LATITUDE) * RAD);
  return { x: (lng + 180) / 360, y: 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI) };
}

export function unproject({ x, y }: Point): LngLat {
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return { lng: x * 360 - 180, lat };
}

/** Pixels across the whole world at a zoom level. */
export function worldSize(zoom: number): number {
  return TILE_SIZE * 2 ** zoom;
}

export function toScreen(view: View, size: Size, p: Point): Point {
  const k = worldSize(view.zoom);
  return { x: (p.x - view.x) * k + size.width / 2, y: (p.y - view.y) * k + size.height / 2 };
}

export function toWorld(view: View, size: Size, s: Point): Point {
  const k = worldSize(view.zoom);
  return { x: view.x + (s.x - size.width / 2) / k, y: view.y + (s.y - size.height / 2) / k };
}

/** Moves the content by (dx, dy) screen pixels, as a drag does: the centre moves the other way. */
export function panBy(view: View, dx: number, dy: number): View {
  const k = worldSize(view.zoom);
  return { x: view.x - dx / k, y: view.y - dy / k, zoom: view.zoom };
}

/** Changes the zoom while keeping the world point under `anchor` (screen pixels) in place. */
export function zoomAt(view: View, size: Size, zoom: number, anchor: Point): View {
  const before = toWorld(view, size, anchor);
  const k = worldSize(zoom);
  return {
    x: before.x - (anchor.x - size.width / 2) / k,
    y: before.y - (anchor.y - size.height / 2) / k,
    zoom
  };
}

/** Ground metres per screen pixel at a latitude and zoom. */
export function metersPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE * Math.cos(lat * RAD)) / worldSize(zoom);
}

/**
 * The scale bar: the longest "round" distance (1, 2 or 5 × 10ⁿ metres) that fits in `maxPx`
 * pixels, and its length on screen.
 */
export function scaleBar(metersPerPx: number, maxPx: number): { meters: number; px: number } {
  const max = metersPerPx * maxPx;
  if (!(max > 0) || !Number.isFinite(max)) return { meters: 0, px: 0 };
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [5, 2, 1].find((f) => f * magnitude <= max) ?? 1;
  const meters = step * magnitude;
  return { meters, px: meters / metersPerPx };
}

export function boundsOf(points: readonly Point[]): Bounds | null {
  if (points.length === 0) return null;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  return { minX, minY, maxX, maxY };
}

export function boundsOfLngLat(sw: LngLat, ne: LngLat): Bounds {
  const a = project(sw);
  const b = project(ne);
  return { minX: Math.min(a.x, b.x), minY: Math.min(a.y, b.y), maxX: Math.max(a.x, b.x), maxY: Math.max(a.y, b.y) };
}

/** The view that shows `bounds` whole, `padding` pixels from the edges, within the zoom limits. */
export function fitBounds(
  bounds: Bounds,
  size: Size,
  padding = 0,
  limits: { minZoom: number; maxZoom: number } = { minZoom: 0, maxZoom: 22 }
): View {
  const w = Math.max(1, size.width - 2 * padding);
  const h = Math.max(1, size.height - 2 * padding);
  const bw = bounds.maxX - bounds.minX;
  const bh = bounds.maxY - bounds.minY;
  const fit = Math.min(bw > 0 ? Math.log2(w / (bw * TILE_SIZE)) : Infinity, bh > 0 ? Math.log2(h / (bh * TILE_SIZE)) : Infinity);
  const zoom = clamp(Number.isFinite(fit) ? fit : limits.maxZoom, limits.minZoom, limits.maxZoom);
  return { x: (bounds.minX + bounds.maxX) / 2, y: (bounds.minY + bounds.maxY) / 2, zoom };
}

/** Keeps the zoom within limits and the centre of the screen inside `bounds`. */
export function clampView(view: View, bounds: Bounds, minZoom: number, maxZoom: number): View {
  return {
    x: clamp(view.x, bounds.minX, bounds.maxX),
    y: clamp(view.y, bounds.minY, bounds.maxY),
    zoom: clamp(view.zoom, minZoom, maxZoom)
  };
}

/** Is a screen point within the viewport, `margin` pixels around included? */
export function onScreen(p: Point, size: Size, margin = 0): boolean {
  return p.x >= -margin && p.y >= -margin && p.x <= size.width + margin && p.y <= size.height + margin;
}

/**
 * The SVG transform that draws geometry stored in "local units" (see `toLocal`) at a view:
 * `translate(tx ty) scale(s)`.
 */
export function localTransform(view: View, size: Size, origin: Point, unitsPerWorld: number): { tx: number; ty: number; s: number } {
  const k = worldSize(view.zoom);
  return { tx: (origin.x - view.x) * k + size.width / 2, ty: (origin.y - view.y) * k + size.height / 2, s: k / unitsPerWorld };
}

/**
 * Geometry is kept relative to an origin near the city, scaled so that a unit is about a pixel at
 * zoom 16: SVG works in 32-bit floats, and absolute world pixels (millions) would lose precision.
 */
export function toLocal(p: Point, origin: Point, unitsPerWorld: number): Point {
  return { x: (p.x - origin.x) * unitsPerWorld, y: (p.y - origin.y) * unitsPerWorld };
}
