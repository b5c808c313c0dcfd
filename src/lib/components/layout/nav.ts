import * as m from '$lib/paraglide/messages';

/** The app's main sections, shared by the desktop top bar and the mobile tab bar. */
export const mainNav = [
  { href: '/', icon: 'home', label: () => m.nav_feed() },
  { href: '/explore', icon: 'explore', label: () => m.nav_explore() },
  { href: '/map', icon: 'map', label: () => m.nav_map() },
  { href: '/search', icon: 'search', label: () => m.nav_search() },
  { href: '/favorites', icon: 'heart', label: () => m.nav_favorites() },
  { href: '/preferences', icon: 'sliders', label: () => m.nav_preferences() }
] as const;

export function isCurrent(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}
