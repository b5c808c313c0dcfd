import { redirect } from '@sveltejs/kit';

/**
 * The offline app shell: an empty page that boots the client router on whatever URL it is
 * served at. The service worker precaches it and answers offline navigations to pages it has
 * not seen with it; the page itself then renders from the device's catalog copy.
 * Opened directly, it has nothing to show: go to the feed.
 */
export const ssr = false;

export const load = () => redirect(307, '/');
