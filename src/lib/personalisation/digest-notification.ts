import * as m from '$lib/paraglide/messages';
import type { DigestPayload } from '$lib/schemas/push';
import type { Prefs } from './prefs';
import { themeAffinity } from './rank';

export interface DigestNotification {
  title: string;
  body: string;
  /** Where a tap leads. */
  url: string;
  /** How many digest items matched the device's themes (0 = the neutral wording). */
  matched: number;
}

const BODY_TITLES = 3;

/**
 * Words the broadcast digest for this device: the server sent the same items to everyone, the
 * device ranks them against its own themes. Nothing matched (or no theme followed): a neutral
 * "Nouveautés à Toulouse", since a push must always show something.
 */
export function digestNotification(
  payload: DigestPayload,
  prefs: Pick<Prefs, 'themes' | 'locale'>
): DigestNotification {
  const locale = prefs.locale;
  const visible = payload.items.filter((item) => themeAffinity(item, prefs) !== -Infinity);
  const matched = visible
    .map((item, order) => ({ item, order, affinity: themeAffinity(item, prefs) }))
    .filter((entry) => entry.affinity > 0)
    .sort((a, b) => b.affinity - a.affinity || a.order - b.order)
    .map((entry) => entry.item);

  if (matched.length === 0) {
    const count = visible.length || payload.items.length;
    return {
      title: payload.city ? m.push_neutral_title({ city: payload.city }, { locale }) : m.push_neutral_title_no_city({}, { locale }),
      body:
        count === 0
          ? m.app_tagline({}, { locale })
          : count === 1
            ? m.push_neutral_body_one({}, { locale })
            : m.push_neutral_body_other({ count }, { locale }),
      url: '/',
      matched: 0
    };
  }
  const deals = matched.filter((item) => item.kind === 'deal').length;
  const events = matched.length - deals;
  const dealsText = deals === 1 ? m.push_deals_one({}, { locale }) : m.push_deals_other({ count: deals }, { locale });
  const eventsText = events === 1 ? m.push_events_one({}, { locale }) : m.push_events_other({ count: events }, { locale });
  const what = events === 0 ? dealsText : deals === 0 ? eventsText : m.push_and({ first: dealsText, second: eventsText }, { locale });
  const sentence = m.push_for_you({ what }, { locale });
  const title = sentence.charAt(0).toLocaleUpperCase(locale) + sentence.slice(1);
  const names = matched.slice(0, BODY_TITLES).map((item) => (item.shop_name ? `${item.shop_name}\u00a0: ${item.title}` : item.title));
  const more = matched.length > BODY_TITLES ? ' …' : '';
  return { title, body: names.join(' · ') + more, url: matched.length === 1 ? `/items/${matched[0].id}` : '/', matched: matched.length };
}
