import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';

/**
 * Checkout needs an account (the order is tied to it). The basket itself stays on the device: a
 * visitor sent to sign in comes back here with it intact.
 */
export const load: PageServerLoad = async ({ locals, url, fetch }) => {
  const user = requireUser(locals, url);
  // The payment choices of this instance ("online" only when a provider is configured).
  let methods: string[] = ['pickup'];
  try {
    const response = await fetch('/api/payments');
    if (response.ok) {
      const body = (await response.json()) as { methods?: unknown };
      if (Array.isArray(body.methods)) methods = body.methods.filter((x): x is string => x === 'pickup' || x === 'online');
    }
  } catch {
    // Pay at pickup is always there.
  }
  if (!methods.includes('pickup')) methods.unshift('pickup');
  return { email: user.email, onlinePayment: methods.includes('online') };
};
