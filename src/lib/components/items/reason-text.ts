import * as m from '$lib/paraglide/messages';
import type { Theme } from '$lib/catalog/types';
import type { Reason } from '$lib/personalisation/rank';
import { formatDistance } from '$lib/format';

/** The sentence under a card that says why the device chose to show it. */
export function reasonText(reason: Reason, themes: Map<string, Theme>, locale: 'fr' | 'en'): string {
  switch (reason.type) {
    case 'theme':
      return m.reason_theme({ theme: themes.get(reason.theme)?.labels[locale] ?? reason.theme });
    case 'followed-shop':
      return m.reason_followed_shop();
    case 'saved':
      return m.reason_saved();
    case 'featured':
      return m.reason_featured();
    case 'soon':
      return m.reason_soon();
    case 'deal-ending':
      return m.reason_deal_ending();
    case 'near':
      return m.reason_near({ distance: formatDistance(reason.meters, locale) });
    case 'popular':
      return m.reason_popular();
  }
}
