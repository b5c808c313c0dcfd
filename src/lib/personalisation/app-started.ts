let started = false;

/** Called once the app has hydrated: from then on, pages read the device's catalog copy. */
export function markAppStarted(): void {
  started = true;
}

/**
 * Whether the app has hydrated (see page-source.ts). Apart from page-source.ts, which only item
 * and shop pages need, so that the root layout (loaded on every first visit) stays small.
 */
export function appStarted(): boolean {
  return started;
}
