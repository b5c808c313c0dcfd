import { BASKET_CHANGED_EVENT, BASKET_STORAGE_KEY } from './keys';
import { emptyBasket, type Basket } from './basket';
import { parseStoredBasket } from './basket-schema';

/**
 * The basket, on this device only (localStorage, like the preferences): it survives reloads,
 * works offline and is never sent anywhere before checkout. Changes in another tab arrive
 * through `storage` events.
 */
class BasketStore {
  value = $state<Basket>(emptyBasket());
  loaded = $state(false);
  #listening = false;

  load(): void {
    // Once per page: every « Ajouter au panier » asks as it mounts, and re-reading would hand
    // all the others a new basket to redraw from. Later changes come through update() (this
    // tab) and `storage` events (other tabs).
    if (this.loaded || typeof localStorage === 'undefined') return;
    this.value = readStored() ?? emptyBasket();
    this.loaded = true;
    if (this.#listening) return;
    this.#listening = true;
    window.addEventListener('storage', (event) => {
      if (event.key === BASKET_STORAGE_KEY || event.key === null) this.value = readStored() ?? emptyBasket();
    });
  }

  update(change: (basket: Basket) => Basket): void {
    if (!this.loaded) this.load();
    const next = change(this.value);
    if (next === this.value) return;
    this.value = next;
    try {
      localStorage.setItem(BASKET_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage full or blocked: the change still applies for this visit.
    }
    window.dispatchEvent(new Event(BASKET_CHANGED_EVENT));
  }

  clear(): void {
    this.update(() => emptyBasket());
  }
}

function readStored(): Basket | null {
  try {
    const raw = localStorage.getItem(BASKET_STORAGE_KEY);
    return raw === null ? null : parseStoredBasket(JSON.parse(raw));
  } catch {
    return null;
  }
}

export const basketStore = new BasketStore();
