import * as m from '$lib/paraglide/messages';

/** "1 article", "3 articles". */
export function unitsText(count: number): string {
  return count === 1 ? m.basket_units_one({ count }) : m.basket_units({ count });
}

/** "1 boutique", "3 boutiques". */
export function shopsText(count: number): string {
  return count === 1 ? m.basket_shops_one({ count }) : m.basket_shops({ count });
}
