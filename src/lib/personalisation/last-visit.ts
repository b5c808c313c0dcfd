/**
 * « Nouveau depuis votre dernière visite », computed on the device only.
 *
 * A visit is a run of app starts less than `VISIT_GAP_MS` apart (a reload, reopening the app
 * a few minutes later). Its reference (`since`) is the time of the previous visit's last start:
 * catalog items published or updated after it are new for this visit. The first visit of a
 * device has no reference, so nothing is marked new.
 *
 * Two values are kept, both in the browser:
 * - `prefs.lastVisit`: the time of the latest app start (it becomes the next visit's reference);
 * - a small memo of the current visit's reference, so that a reload within the visit keeps
 *   the same badges instead of measuring from a few seconds ago. The memo is tied to the
 *   `lastVisit` value written with it, so an import or a reset of the preferences voids it.
 *
 * Pure functions, no clock or storage access: the store passes `now` and the stored values.
 */
import type { CatalogItem } from '../catalog/types';

/** Starts less than this apart belong to the same visit (a sliding window). */
export const VISIT_GAP_MS = 30 * 60_000;

export interface VisitMemo {
  /** The current visit's reference: the previous visit's time, or null on a first visit. */
  since: string | null;
  /** The `prefs.lastVisit` value written together with this memo. */
  at: string;
}

export interface VisitStart {
  /** What counts as new during this visit is what changed after this instant (null: nothing). */
  since: string | null;
  /** The new value of `prefs.lastVisit`. */
  lastVisit: string;
  /** The memo to store next to the preferences. */
  memo: VisitMemo;
}

/**
 * Called once when the app starts: decides this visit's reference from the stored last visit
 * and memo, and returns what to store.
 */
export function startVisit(lastVisit: string | null, memo: VisitMemo | null, now: Date): VisitStart {
  const at = now.toISOString();
  const last = lastVisit === null ? NaN : Date.parse(lastVisit);
  const elapsed = now.getTime() - last;
  const sameVisit = memo !== null && memo.at === lastVisit && elapsed >= 0 && elapsed < VISIT_GAP_MS;
  const since = sameVisit ? memo.since : Number.isFinite(last) ? lastVisit : null;
  return { since, lastVisit: at, memo: { since, at } };
}

/** Reads a stored memo; anything malformed counts as no memo. */
export function parseVisitMemo(raw: string | null): VisitMemo | null {
  if (!raw || raw.length > 200) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { since, at } = data as Record<string, unknown>;
  if (typeof at !== 'string' || !isInstant(at)) return null;
  if (since !== null && (typeof since !== 'string' || !isInstant(since))) return null;
  return { since, at };
}

function isInstant(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(text) && Number.isFinite(Date.parse(text));
}

/** When an item last appeared or changed: the later of `updated_at` and `published_at`. */
export function changedAt(item: CatalogItem): number {
  const updated = Date.parse(item.updated_at);
  const published = 'published_at' in item ? Date.parse(item.published_at) : NaN;
  if (Number.isNaN(published)) return updated;
  if (Number.isNaN(updated)) return published;
  return Math.max(updated, published);
}

/**
 * A predicate "is this item new since `since`?"; with no reference (first visit) it is
 * always false.
 */
export function newSince(since: string | null): (item: CatalogItem) => boolean {
  const reference = since === null ? NaN : Date.parse(since);
  if (Number.isNaN(reference)) return () => false;
  return (item) => changedAt(item) > reference;
}
