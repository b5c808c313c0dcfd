import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { paymentMethods } from '$lib/server/payments';

/** The payment choices of this instance: `{ "methods": ["pickup"] }`, plus "online" when a provider is configured. */
export const GET: RequestHandler = () => json({ methods: paymentMethods() }, { headers: { 'cache-control': 'public, max-age=60' } });
