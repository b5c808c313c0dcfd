/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, version } from '$service-worker';
import { openFromNotification, showPush } from '$lib/service-worker/push';
import { renewPushSubscription } from '$lib/service-worker/push-renewal';
import { SERVICE_WORKER_URL } from '$lib/service-worker-url';
import { handleMapFetch, MAP_CACHE, pruneMapEngine } from '$lib/service-worker/map-cache';

/**
 * Placette's service worker: the app keeps working offline after the first visit.
 *
 * - The build's immutable files, the static files and an app shell are precached at install.
 * - Navigations go to the network first (short timeout); offline they get the page as last seen,
 *   or else the app shell, which boots the client and renders any page from the device's catalog
 *   copy (IndexedDB), so even never-visited item, shop and search pages open offline.
 * - `/api/*` is left to the network: the device copy is the offline source of the catalog.
 * - Nothing is fetched per item or per theme: the precache is the same list for every device.
 * - The tile map (MapLibre and the operator's archive) is kept as /map fetched it, not precached
 *   (see $lib/service-worker/map-cache.ts).
 * - A new version waits until the user accepts it (UpdatePrompt.svelte sends SKIP_WAITING with workbox-window).
 */

const sw = self as unknown as ServiceWorkerGlobalScope;

/** A server-rendered page with `ssr = false`: it boots the client router on whatever URL it is served at. */
const SHELL = '/app-shell';
const ASSETS = `placette-assets-${version}`;
const PAGES = `placette-pages-${version}`;
const NETWORK_TIMEOUT_MS = 3000;
/** Pages as last seen online, newest last; the shell covers the others. */
const MAX_PAGES = 40;

/**
 * Static files (icons, manifest), except tile archives, source maps, the precompressed twins
 * (.br/.gz) the server picks from by itself when the plain file is asked for, and the built-in
 * map's GeoJSON: pages load that drawing as a module of the build, made from it at build time.
 */
const precachedFiles = files.filter((path) => !/\.(pmtiles|mbtiles|pbf|map|br|gz|geojson)$|^\/robots\.txt$/.test(path));
/**
 * The tile map's engine (MapLibre, its worker and stylesheet, ~450 KB compressed) is only fetched
 * by /map on a server with a tile archive: precaching it would make every device download it.
 */
const MAP_ENGINE = /\/maplibre-gl[.-][^/]*\.(mjs|css)$/;
const isMapEngine = (path: string) => MAP_ENGINE.test(path) && build.includes(path);
const precachedBuild = build.filter((path) => !MAP_ENGINE.test(path));
const immutable = new Set(precachedBuild);
const precached = new Set([...precachedBuild, ...precachedFiles, SHELL]);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(ASSETS);
      // Hashed build files may come from the HTTP cache; the others are revalidated.
      await cache.addAll([...precached].map((path) => new Request(path, { cache: immutable.has(path) ? 'default' : 'no-cache' })));
    })()
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Pages seen under the previous version point at its files: drop them with the old caches.
      // The map's cache outlives versions: its tiles belong to the archive, not to the app.
      for (const key of await caches.keys()) {
        if (key.startsWith('placette-') && key !== ASSETS && key !== MAP_CACHE) await caches.delete(key);
      }
      await pruneMapEngine(new Set(build), isMapEngine);
      // Same version name (rebuild of one commit): drop files the new build no longer has.
      const cache = await caches.open(ASSETS);
      for (const request of await cache.keys()) {
        if (!precached.has(new URL(request.url).pathname)) await cache.delete(request);
      }
      await sw.clients.claim();
    })()
  );
});

// The daily digest is the same for every subscriber: this device words it from its own themes.
// A personal push (order ready, new message) names the shop and the page to open.
sw.addEventListener('push', (event) => {
  event.waitUntil(showPush(sw, event.data));
});

// The browser renewed the push subscription: the server gets the new one for the uses that were on.
sw.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(renewPushSubscription(sw, event).catch(() => undefined));
});

sw.addEventListener('notificationclick', (event) => {
  event.waitUntil(openFromNotification(sw, event.notification));
});

sw.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin || url.pathname.startsWith('/api/')) return;

  const map = request.mode === 'navigate' ? null : handleMapFetch(request, url, isMapEngine);
  if (request.mode === 'navigate') {
    if (url.pathname === SERVICE_WORKER_URL) return;
    event.respondWith(navigate(event));
  } else if (map) {
    event.respondWith(map);
  } else if (precached.has(url.pathname) && url.search === '') {
    event.respondWith(fromPrecache(request));
  }
});

async function fromPrecache(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: ASSETS });
  return cached ?? fetch(request);
}

async function navigate(event: FetchEvent): Promise<Response> {
  const { request } = event;
  let saved: Promise<void> = Promise.resolve();
  const network = fetch(request).then((response) => {
    // Pages seen while signed in are marked no-store: they stay out of the offline copy.
    const storable = !/no-store/.test(response.headers.get('cache-control') ?? '');
    if (response.ok && response.type === 'basic' && storable && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
      saved = remember(request, response.clone()).catch(() => undefined);
    }
    return response;
  });
  // Keep the worker alive until a late answer is stored, even after a fallback was served.
  event.waitUntil(network.then(() => saved, () => undefined));
  let response: Response | undefined;
  try {
    response = await Promise.race([network, timeout(NETWORK_TIMEOUT_MS)]);
    // A server-side failure (e.g. a proxy whose app is down) is treated like no network.
    if (response.status < 500) return response;
  } catch {
    // Offline, or the network is too slow.
  }
  // This page as last seen, else the app shell that renders it from the device's copy.
  const cached = (await caches.match(request, { cacheName: PAGES })) ?? (await caches.match(SHELL, { cacheName: ASSETS }));
  return cached ?? response ?? network;
}

async function remember(request: Request, response: Response): Promise<void> {
  const pages = await caches.open(PAGES);
  await pages.delete(request);
  await pages.put(request, response);
  const keys = await pages.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await pages.delete(old);
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('network timeout')), ms));
}
