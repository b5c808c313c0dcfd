import type { Handle } from '@sveltejs/kit';

const baseHeaders: Record<string, string> = {
  // No referrer at all, even to ourselves; see ./csrf.ts for what this means for form posts.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // Geolocation is the only powerful feature Placette uses, on its own origin, on the device.
  'permissions-policy':
    'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), ' +
    'magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=()'
};

/**
 * Security headers on every response the app renders. Pages get their CSP from `kit.csp`
 * (with nonces); other responses (JSON, files) get a deny-all policy.
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  for (const [name, value] of Object.entries(baseHeaders)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  if (!response.headers.has('content-security-policy')) {
    response.headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
  }
  if (event.url.protocol === 'https:') {
    response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
  }
  return response;
};
