import type { CatalogDelta, CatalogSnapshot } from './types';

/** Applies a `?since=` delta to a device copy, returning the new copy (inputs untouched). */
export function applyDelta(snapshot: CatalogSnapshot, delta: CatalogDelta): CatalogSnapshot {
  if (delta.version <= snapshot.version) return snapshot;
  const byId = new Map(snapshot.items.map((item) => [item.id, item]));
  for (const id of delta.deletions) byId.delete(id);
  for (const item of delta.upserts) byId.set(item.id, item);
  const items = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { version: delta.version, themes: delta.themes, items };
}
