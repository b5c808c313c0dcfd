/**
 * What the map shows, computed on the device from its catalog copy: the items to draw, and how
 * markers group into clusters at a zoom level. Pure; nothing here leaves the device.
 */
import type { EditorialItem, EventItem, ItemKind, ParkingItem, ShopItem } from '$lib/catalog/types';
import { openingState } from '$lib/catalog/hours';
import type { Prefs } from '$lib/personalisation/prefs';
import { parseIsoMs, themeAffinity } from '$lib/personalisation/rank';
import { project, worldSize, type Point } from './projection';

/** The kinds the map can show, in legend order. */
export const mapKinds = ['shop', 'event', 'heritage', 'parking'] as const satisfies readonly ItemKind[];
export type MapKind = (typeof mapKinds)[number];

export type MapItem = ShopItem | EventItem | (EditorialItem & { kind: 'heritage' }) | ParkingItem;

export interface MapFilters {
  kinds: readonly MapKind[];
  /** Only items carrying a followed theme (items without any theme, like car parks, stay). */
  mine: boolean;
  /** Hide shops that are closed right now. */
  openNow: boolean;
}

export function isMapKind(kind: string): kind is MapKind {
  return (mapKinds as readonly string[]).includes(kind);
}

function hasPosition(item: { lat?: number; lng?: number }): boolean {
  return typeof item.lat === 'number' && typeof item.lng === 'number' && Number.isFinite(item.lat) && Number.isFinite(item.lng);
}

/** Does the visitor follow at least one theme (high or low)? */
export function followsThemes(prefs: Pick<Prefs, 'themes'>): boolean {
  return Object.values(prefs.themes).some((w) => w !== 'muted');
}

/**
 * The items to draw: positioned, of a chosen kind, events not over yet, never an item with a
 * muted theme; with `mine`, only items matching a followed theme; with `openNow`, open shops only.
 */
export function selectMapItems(
  items: readonly { kind: ItemKind; lat?: number; lng?: number; themes: string[] }[],
  prefs: Pick<Prefs, 'themes'>,
  filters: MapFilters,
  now: Date
): MapItem[] {
  const nowMs = now.getTime();
  const kinds = new Set<string>(filters.kinds);
  const out: MapItem[] = [];
  for (const raw of items) {
    if (!kinds.has(raw.kind) || !hasPosition(raw)) continue;
    const item = raw as MapItem;
    if (item.kind === 'event' && !(parseIsoMs(item.ends_at ?? item.starts_at) >= nowMs)) continue;
    const affinity = themeAffinity(item, prefs);
    if (affinity === -Infinity) continue;
    if (filters.mine && item.themes.length > 0 && affinity <= 0) continue;
    if (filters.openNow && item.kind === 'shop' && !openingState(item.hours, item.closed_dates, now).open) continue;
    out.push(item);
  }
  return out;
}

export interface Placed<T> {
  id: string;
  /** World coordinates (see projection.ts). */
  p: Point;
  item: T;
}

export function place<T extends { id: string; lat?: number; lng?: number }>(items: readonly T[]): Placed<T>[] {
  return items.map((item) => ({ id: item.id, p: project({ lng: item.lng!, lat: item.lat! }), item }));
}

export interface Cluster<T> {
  /** The id of its first member: stable while the zoom level does not change the grouping. */
  key: string;
  /** Where the marker is drawn (its first member's position). */
  p: Point;
  members: Placed<T>[];
  /** All members stand at the same spot (an address with several events, say). */
  sameSpot: boolean;
}

/** Two positions closer than this (world units, ≈ 6 cm) are the same spot. */
const SAME_SPOT = 1e-9;

/**
 * Greedy clustering in screen space: in input order, each point joins the first cluster whose
 * anchor is within `radiusPx` pixels at `zoom`, or starts a new one. O(n) with a grid.
 */
export function clusterPoints<T>(points: readonly Placed<T>[], zoom: number, radiusPx: number): Cluster<T>[] {
  const k = worldSize(zoom);
  const cell = Math.max(1, radiusPx);
  const grid = new Map<string, Cluster<T>[]>();
  const clusters: Cluster<T>[] = [];
  const r2 = radiusPx * radiusPx;
  for (const point of points) {
    const sx = point.p.x * k;
    const sy = point.p.y * k;
    const cx = Math.floor(sx / cell);
    const cy = Math.floor(sy / cell);
    let found: Cluster<T> | null = null;
    for (let dx = -1; dx <= 1 && !found; dx++) {
      for (let dy = -1; dy <= 1 && !found; dy++) {
        for (const c of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          const ex = c.p.x * k - sx;
          const ey = c.p.y * k - sy;
          if (ex * ex + ey * ey <= r2) {
            found = c;
            break;
          }
        }
      }
    }
    if (found) {
      found.members.push(point);
      if (found.sameSpot && (Math.abs(found.p.x - point.p.x) > SAME_SPOT || Math.abs(found.p.y - point.p.y) > SAME_SPOT)) {
        found.sameSpot = false;
      }
    } else {
      const c: Cluster<T> = { key: point.id, p: point.p, members: [point], sameSpot: true };
      clusters.push(c);
      const key = `${cx},${cy}`;
      const list = grid.get(key);
      if (list) list.push(c);
      else grid.set(key, [c]);
    }
  }
  return clusters;
}

/** The kind most members share (ties: legend order), to colour a cluster. */
export function dominantKind(members: readonly Placed<MapItem>[]): MapKind {
  const counts = new Map<MapKind, number>();
  for (const m of members) counts.set(m.item.kind, (counts.get(m.item.kind) ?? 0) + 1);
  let best: MapKind = members[0]?.item.kind ?? 'shop';
  for (const kind of mapKinds) if ((counts.get(kind) ?? 0) > (counts.get(best) ?? 0)) best = kind;
  return best;
}
