import { set } from 'idb-keyval';
import { defaultPrefs, prefsSchema, PREFS_STORAGE_KEY, type Prefs } from './prefs';
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

  load(): void {
    if (this.loaded || typeof localStorage === 'undefined') return;
    try {
      const raw = localStorage.getItem(PREFS_STORAGE_KEY);
      const parsed = raw ? prefsSchema.safeParse(JSON.parse(raw)) : null;
      if (parsed?.success) this.value = parsed.data;
    } catch {
      // Unreadable or blocked storage: start from defaults.
    }
    this.loaded = true;
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
      this.update((p) => ({ ...p, lastVisit: visit.lastVisit }));
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
