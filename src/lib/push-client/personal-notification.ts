import * as m from '$lib/paraglide/messages';
import type { PersonalPayload } from '$lib/schemas/push';

export interface PersonalNotification {
  title: string;
  body: string;
  /** Where a tap leads (a path of this app). */
  url: string;
  /** One notification per order part or conversation: a newer one replaces it. */
  tag: string;
}

type Locale = 'fr' | 'en';

const isPath = (value: unknown): value is string => typeof value === 'string' && /^\/(?![/\\])/.test(value) && value.length <= 200;
const isName = (value: unknown): value is string => typeof value === 'string' && value.length <= 200;

/** A personal payload as the service worker receives it, or null for anything else (e.g. the digest). */
export function parsePersonalPayload(value: unknown): PersonalPayload | null {
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object' || v.v !== 1 || !isPath(v.url) || !isName(v.shop)) return null;
  if (v.type === 'order-ready') return { v: 1, type: 'order-ready', shop: v.shop, url: v.url };
  if (v.type === 'message' && (v.to === 'citizen' || v.to === 'shop')) return { v: 1, type: 'message', to: v.to, shop: v.shop, url: v.url };
  return null;
}

/** Words a personal notification in the device's language. */
export function personalNotification(payload: PersonalPayload, locale: Locale): PersonalNotification {
  if (payload.type === 'order-ready') {
    return {
      title: m.push_order_ready_title({ shop: payload.shop }, { locale }),
      body: m.push_order_ready_body({}, { locale }),
      url: payload.url,
      tag: `placette-order:${payload.url}:${payload.shop}`
    };
  }
  return payload.to === 'citizen'
    ? { title: m.push_message_title({ shop: payload.shop }, { locale }), body: m.push_message_body({}, { locale }), url: payload.url, tag: `placette-message:${payload.url}` }
    : { title: m.push_message_shop_title({ shop: payload.shop }, { locale }), body: m.push_message_shop_body({}, { locale }), url: payload.url, tag: `placette-message:${payload.url}` };
}
