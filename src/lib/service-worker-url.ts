/** The app's service worker (src/service-worker.ts, built by SvelteKit) and its scope. */
export const SERVICE_WORKER_URL = '/service-worker.js';
export const SERVICE_WORKER_SCOPE = '/';
