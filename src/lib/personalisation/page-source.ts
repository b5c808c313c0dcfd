import { browser } from '$app/environment';
import { error } from '@sveltejs/kit';
import type { CatalogIndex } from '$lib/catalog/lookup';
import { deviceCatalog } from './device-catalog.svelte';

let appStarted = false;

/** Called once the app has hydrated: from then on, pages read the device's catalog copy. */
export function markAppStarted(): void {
  appStarted = true;
}

/**
 * Page data from the catalog. On the server (direct links, crawlers) and while the app is
 * hydrating, it comes from a small same-for-everyone endpoint; inside the running app it is
 * computed from the device's copy, so browsing tells the server nothing.
 */
export async function fromCatalog<T>(
  fetch: typeof globalThis.fetch,
  endpoint: string,
  pick: (index: CatalogIndex) => T | null,
  notFound: string
): Promise<T> {
  if (browser && appStarted) {
    const found = pick(await deviceCatalog.whenReady());
    if (!found) error(404, notFound);
    return found;
  }
  const response = await fetch(endpoint);
  if (response.status === 404) error(404, notFound);
  if (!response.ok) error(response.status, 'Catalog unavailable');
  return (await response.json()) as T;
}
