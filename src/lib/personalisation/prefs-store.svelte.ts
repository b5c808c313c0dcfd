import { set } from 'idb-keyval';
import { defaultPrefs, PREFS_STORAGE_KEY, type Prefs } from './prefs';
import { setLocale } from '$lib/i18n/locale.svelte';
import { parseVisitMemo, startVisit } from './last-visit';

/** The current visit's "new since" reference (see last-visit.ts). */
const VISIT_KEY = 'placette.visit';

/**
 * The citizen's preferences, on this device only (localStorage). Nothing here is ever sent to
 * the server; export/import moves them between devices as a file.
 */
class PrefsStore {
  value = $state<Prefs>(defaultPrefs());
  loaded = $state(false);
  /** Items changed after this instant are new for this visit; null on a first visit. */
  since = $state<string | null>(null);

  #loading = false;
  /** Changes made before the stored copy was read, replayed on top of it. */
  #pending: ((prefs: Prefs) => Prefs)[] = [];

  load(): void {
    if (this.#loading || typeof localStorage === 'undefined') return;
    this.#loading = true;
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(PREFS_STORAGE_KEY);
    } catch {
      // Blocked storage: start from defaults.
    }
    if (raw === null) {
      this.#finishLoading();
      return;
    }
    // A stored copy is validated before use; the schema (zod) is fetched only then, so a first
    // visit's page does not carry it.
    const stored = raw;
    import('./prefs-schema')
      .then(({ parseStoredPrefs }) => {
        const prefs = parseStoredPrefs(JSON.parse(stored));
        if (prefs) this.value = this.#pending.reduce((p, change) => change(p), prefs);
      })
      .catch(() => {
        // Unreadable copy (or the schema could not load): start from defaults.
      })
      .finally(() => this.#finishLoading());
  }

  #finishLoading(): void {
    this.loaded = true;
    if (this.#pending.length > 0) this.#save();
    this.#pending = [];
    setLocale(this.value.locale);
    this.#startVisit();
  }

  /** Takes the previous visit as this visit's reference, then records this one. */
  #startVisit(): void {
    let memo = null;
    try {
      memo = parseVisitMemo(localStorage.getItem(VISIT_KEY));
    } catch {
      // Blocked storage: a fresh reference.
    }
    const visit = startVisit(this.value.lastVisit, memo, new Date());
    this.since = visit.since;
    // Stored in a later task, not in the one that hydrates the page (saving the preferences
    // also writes their IndexedDB copy, and opening IndexedDB is slow the first time).
    setTimeout(() => {
      // Set in place rather than through update(), which replaces the whole object: only what
      // reads `lastVisit` reacts, not the feed's ranking or every card's save button.
      this.value.lastVisit = visit.lastVisit;
      this.#save();
      try {
        localStorage.setItem(VISIT_KEY, JSON.stringify(visit.memo));
      } catch {
        // Storage full or blocked: the reference holds for this page only.
      }
    }, 0);
  }

  update(change: (prefs: Prefs) => Prefs): void {
    this.value = change(this.value);
    setLocale(this.value.locale);
    if (!this.loaded) {
      this.#pending.push(change);
      return;
    }
    this.#save();
  }

  #save(): void {
    try {
      localStorage.setItem(PREFS_STORAGE_KEY, JSON.stringify(this.value));
    } catch {
      // Storage full or blocked: the change still applies for this visit.
    }
    // The service worker words notifications from the same preferences; it cannot read localStorage.
    set(PREFS_STORAGE_KEY, $state.snapshot(this.value)).catch(() => {});
  }

  replace(next: Prefs): void {
    this.update(() => next);
  }
}

export const prefsStore = new PrefsStore();
