import { deviceCatalog } from '$lib/personalisation/device-catalog.svelte';
import { basketStore } from '$lib/basket/basket-store.svelte';
import { refill } from '$lib/basket/basket';
import { reorderLines, type Order } from '$lib/basket/orders';

/**
 * « Commander à nouveau »: the order's products go back in the basket at today's price and
 * within today's stock (from the device's catalog copy); products gone are skipped.
 */
export async function reorder(order: Pick<Order, 'parts'>): Promise<{ added: number; missing: number }> {
  const index = await deviceCatalog.whenReady();
  let result = { added: 0, missing: [] as string[] };
  basketStore.update((basket) => {
    const r = refill(basket, reorderLines(order), index);
    result = r;
    return r.basket;
  });
  return { added: result.added, missing: result.missing.length };
}
