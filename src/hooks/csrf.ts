import { json, text, type Handle } from '@sveltejs/kit';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses cross-site form submissions, in place of SvelteKit's own origin check.
 *
 * SvelteKit compares the `Origin` header with the app's origin. Under `Referrer-Policy:
 * no-referrer` (promise 1: nothing about a visit leaks through referrers) browsers send
 * `Origin: null` with ordinary form posts, even same-origin ones, so that check would refuse
 * every sign-in made without JavaScript. `Sec-Fetch-Site` is set by the browser itself, cannot be
 * forged by a page, and tells whether the form came from this origin: it is OWASP's recommended
 * Fetch-Metadata defence. A request from another site carries its real origin or `cross-site`.
 * Bodies that are not form types (JSON) cannot be sent cross-site without a CORS preflight, which
 * the app never grants.
 */
export function isCrossSiteForm(request: Request, appOrigin: string): boolean {
  if (!UNSAFE_METHODS.has(request.method)) return false;
  const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
  if (!FORM_TYPES.includes(type)) return false;
  const origin = request.headers.get('origin');
  if (origin === appOrigin) return false;
  const site = request.headers.get('sec-fetch-site');
  return !((origin === null || origin === 'null') && site === 'same-origin');
}

export const csrf: Handle = async ({ event, resolve }) => {
  if (isCrossSiteForm(event.request, event.url.origin)) {
    const message = `Cross-site ${event.request.method} form submissions are forbidden`;
    return event.request.headers.get('accept') === 'application/json'
      ? json({ message }, { status: 403 })
      : text(message, { status: 403 });
  }
  return resolve(event);
};
