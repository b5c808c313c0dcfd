import { browser } from '$app/environment';
import { error } from '@sveltejs/kit';
import type { CatalogIndex } from '$lib/catalog/lookup';
import { deviceCatalog } from './device-catalog.svelte';
import { appStarted } from './app-started';

/**
 * Page data from the catalog. On the server (direct links, crawlers) and while the app is
 * hydrating, it comes from a small same-for-everyone endpoint; inside the running app it is
 * computed from the device's copy, so browsing tells the server nothing. Offline (the service
 * worker served its app shell and the endpoint cannot be reached), the device's copy answers too.
 */
export async function fromCatalog<T>(
  fetch: typeof globalThis.fetch,
  endpoint: string,
  pick: (index: CatalogIndex) => T | null,
  notFound: string
): Promise<T> {
  if (browser && appStarted()) return fromDevice(pick, notFound);
  let response: Response;
  try {
    response = await fetch(endpoint);
  } catch (failure) {
    if (browser) return fromDevice(pick, notFound);
    throw failure;
  }
  if (response.status === 404) error(404, notFound);
  if (!response.ok) error(response.status, 'Catalog unavailable');
  return (await response.json()) as T;
}

async function fromDevice<T>(pick: (index: CatalogIndex) => T | null, notFound: string): Promise<T> {
  const found = pick(await deviceIndex());
  if (!found) error(404, notFound);
  return found;
}

/** The device's copy; fails (instead of waiting forever) when there is none and it cannot be fetched. */
function deviceIndex(): Promise<CatalogIndex> {
  if (deviceCatalog.index) return Promise.resolve(deviceCatalog.index);
  return new Promise((resolve, reject) => {
    let settled = false;
    void deviceCatalog.whenReady().then((index) => {
      settled = true;
      resolve(index);
    });
    const check = () => {
      if (settled) return;
      const status = deviceCatalog.status;
      if (!deviceCatalog.index && (status === 'offline' || status === 'error')) {
        settled = true;
        try {
          error(503, 'Catalog unavailable');
        } catch (failure) {
          reject(failure);
        }
      } else {
        setTimeout(check, 250);
      }
    };
    setTimeout(check, 250);
  });
}
