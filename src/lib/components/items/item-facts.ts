import * as m from '$lib/paraglide/messages';
import type { CatalogItem } from '$lib/catalog/types';
import { formatEventDate, formatPrice } from '$lib/format';
import { openingLabel } from './opening-label';

export type Tone = 'neutral' | 'success' | 'warning' | 'brand';

/** The one fact that matters on a card: a date, a price, "ouvert", a capacity. */
export function keyFact(item: CatalogItem, now: Date, locale: 'fr' | 'en'): { text: string; tone: Tone } | null {
  switch (item.kind) {
    case 'event':
      return { text: formatEventDate(item.starts_at, locale, now), tone: 'brand' };
    case 'shop': {
      const state = openingLabel(item.hours, item.closed_dates, now, locale);
      return { text: state.text, tone: state.open ? 'success' : 'neutral' };
    }
    case 'product':
      if (item.stock <= 0) return { text: `${formatPrice(item.price_cents, locale)} · ${m.out_of_stock()}`, tone: 'warning' };
      return { text: formatPrice(item.price_cents, locale), tone: 'brand' };
    case 'deal':
      return { text: item.shop_name, tone: 'brand' };
    case 'parking':
      return { text: `${m.item_capacity({ count: item.capacity })} · ${hourlyPrice(item.hourly_price_cents, locale)}`, tone: 'neutral' };
    default:
      return item.place ? { text: item.place, tone: 'neutral' } : null;
  }
}

/** "2,40 €/h", or "Gratuit" for a free car park. */
export function hourlyPrice(cents: number, locale: 'fr' | 'en'): string {
  return cents === 0 ? m.free() : `${formatPrice(cents, locale)}/h`;
}

export function itemHref(item: CatalogItem): string {
  return item.kind === 'shop' ? `/shops/${item.slug}` : `/items/${item.id}`;
}

const kindLabels = {
  event: () => m.kind_event(),
  heritage: () => m.kind_heritage(),
  culture: () => m.kind_culture(),
  leisure: () => m.kind_leisure(),
  news: () => m.kind_news(),
  shop: () => m.kind_shop(),
  product: () => m.kind_product(),
  deal: () => m.kind_deal(),
  parking: () => m.kind_parking()
} as const;

export function kindLabel(kind: CatalogItem['kind']): string {
  return kindLabels[kind]();
}

const kindsLabels = {
  event: () => m.kinds_event(),
  heritage: () => m.kinds_heritage(),
  culture: () => m.kinds_culture(),
  leisure: () => m.kinds_leisure(),
  news: () => m.kinds_news(),
  shop: () => m.kinds_shop(),
  product: () => m.kinds_product(),
  deal: () => m.kinds_deal(),
  parking: () => m.kinds_parking()
} as const;

/** Plural section names: "Agenda", "Boutiques", … */
export function kindsLabel(kind: CatalogItem['kind']): string {
  return kindsLabels[kind]();
}
