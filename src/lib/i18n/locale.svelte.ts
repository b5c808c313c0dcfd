import { overwriteGetLocale, baseLocale, type Locale } from '$lib/paraglide/runtime';

/**
 * The interface language. It lives on the device (in the preferences), never in a cookie or a
 * URL, so the server always renders the base locale and the browser switches after start-up.
 * Paraglide's messages read it through getLocale(), which makes every message reactive.
 */
class LocaleState {
  current = $state<Locale>(baseLocale);
}

export const locale = new LocaleState();

overwriteGetLocale(() => locale.current);

export function setLocale(next: Locale): void {
  locale.current = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}
