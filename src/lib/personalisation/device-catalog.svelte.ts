import { get, set } from 'idb-keyval';
import { nextTask } from '$lib/next-task';
import { applyDelta } from '$lib/catalog/delta';
import { indexCatalog, type CatalogIndex } from '$lib/catalog/lookup';
import type { CatalogDelta, CatalogSnapshot } from '$lib/catalog/types';

const STORAGE_KEY = 'placette.catalog';
/** Re-check for a newer catalog when the app comes back to the foreground after this long. */
const RESYNC_AFTER_MS = 5 * 60_000;

export type SyncStatus = 'idle' | 'syncing' | 'ready' | 'offline' | 'error';

/**
 * The device's copy of the catalog, kept in IndexedDB and synced with `?since=`. Every personal
 * computation (feed, search, favourites) reads this copy, so the server only ever sees requests
 * for the catalog as a whole.
 */
class DeviceCatalog {
  snapshot = $state.raw<CatalogSnapshot | null>(null);
  index = $derived<CatalogIndex | null>(this.snapshot ? indexCatalog(this.snapshot) : null);
  status = $state<SyncStatus>('idle');

  #started = false;
  #lastSync = 0;
  #syncing: Promise<void> | null = null;
  #waiters: ((index: CatalogIndex) => void)[] = [];

  /** Resolves with the index as soon as a copy is available (from storage or the network). */
  whenReady(): Promise<CatalogIndex> {
    if (this.index) return Promise.resolve(this.index);
    this.start();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  start(): void {
    if (this.#started || typeof window === 'undefined') return;
    this.#started = true;
    window.addEventListener('online', () => void this.sync());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && Date.now() - this.#lastSync > RESYNC_AFTER_MS) void this.sync();
    });
    // Opening IndexedDB is slow the first time: do it in its own task, not in the one that
    // hydrates the page (start() is called while the app mounts).
    setTimeout(() => void this.#restore().then(() => this.sync()), 0);
  }

  async #restore(): Promise<void> {
    try {
      const stored = await get<string | CatalogSnapshot>(STORAGE_KEY);
      // Kept as the JSON text (see #replace); copies stored by earlier versions are objects.
      if (stored && !this.snapshot) this.#publish(typeof stored === 'string' ? (JSON.parse(stored) as CatalogSnapshot) : stored);
    } catch {
      // Private mode or storage disabled: the app still works from the network.
    }
  }

  sync(): Promise<void> {
    this.#syncing ??= this.#fetchLatest().finally(() => (this.#syncing = null));
    return this.#syncing;
  }

  async #fetchLatest(): Promise<void> {
    this.status = 'syncing';
    const held = this.snapshot;
    try {
      const response = await fetch(held ? `/api/catalog?since=${held.version}` : '/api/catalog');
      if (response.status === 400 && held) {
        // The server was reset behind our back (version from its future): start over.
        await this.#replace(await (await fetch('/api/catalog')).text());
      } else if (!response.ok) {
        throw new Error(`catalog ${response.status}`);
      } else if (held) {
        const delta = (await response.json()) as CatalogDelta;
        if (delta.version !== held.version) await this.#replace(applyDelta(held, delta));
      } else {
        await this.#replace(await response.text());
      }
      this.#lastSync = Date.now();
      this.status = 'ready';
    } catch {
      this.status = navigator.onLine === false ? 'offline' : this.snapshot ? 'ready' : 'error';
    }
  }

  /** `next` is the catalog, or its JSON text as downloaded. */
  async #replace(next: CatalogSnapshot | string): Promise<void> {
    // Parsing the download, drawing from it and storing it are three tasks, not one long one.
    await nextTask();
    this.#publish(typeof next === 'string' ? (JSON.parse(next) as CatalogSnapshot) : next);
    await nextTask();
    try {
      // Stored as JSON text: IndexedDB copies a string in one go, where cloning the catalog's
      // thousands of small objects took a phone's main thread about 100 ms.
      await set(STORAGE_KEY, typeof next === 'string' ? next : JSON.stringify(next));
    } catch {
      // Storage full or unavailable: keep the in-memory copy.
    }
  }

  #publish(next: CatalogSnapshot): void {
    this.snapshot = next;
    const index = this.index!;
    for (const resolve of this.#waiters.splice(0)) resolve(index);
  }
}

export const deviceCatalog = new DeviceCatalog();
