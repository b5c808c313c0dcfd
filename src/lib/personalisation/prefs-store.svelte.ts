import { defaultPrefs, prefsSchema, type Prefs } from './prefs';
import { setLocale } from '$lib/i18n/locale.svelte';

const STORAGE_KEY = 'placette.prefs';

/**
 * The citizen's preferences, on this device only (localStorage). Nothing here is ever sent to
 * the server; export/import moves them between devices as a file.
 */
class PrefsStore {
  value = $state<Prefs>(defaultPrefs());
  loaded = $state(false);

  load(): void {
    if (this.loaded || typeof localStorage === 'undefined') return;
    try {
      const raw = localStorage.getItem(STORAGE_KEY);
      const parsed = raw ? prefsSchema.safeParse(JSON.parse(raw)) : null;
      if (parsed?.success) this.value = parsed.data;
    } catch {
      // Unreadable or blocked storage: start from defaults.
    }
    this.loaded = true;
    setLocale(this.value.locale);
  }

  update(change: (prefs: Prefs) => Prefs): void {
    this.value = change(this.value);
    setLocale(this.value.locale);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(this.value));
    } catch {
      // Storage full or blocked: the change still applies for this visit.
    }
  }

  replace(next: Prefs): void {
    this.update(() => next);
  }
}

export const prefsStore = new PrefsStore();
