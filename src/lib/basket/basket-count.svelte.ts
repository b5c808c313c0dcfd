import { BASKET_CHANGED_EVENT, BASKET_STORAGE_KEY } from './keys';

/**
 * The number on the top bar's basket badge. Tiny on purpose: it is part of every page's first
 * load, so it only reads the stored basket's quantities (no validation library, no catalog). The
 * basket store tells it about changes; other tabs' changes arrive as `storage` events.
 */
class BasketCount {
  units = $state(0);
  #started = false;

  start(): void {
    if (this.#started || typeof window === 'undefined') return;
    this.#started = true;
    this.units = readUnits();
    window.addEventListener('storage', (event) => {
      if (event.key === BASKET_STORAGE_KEY || event.key === null) this.units = readUnits();
    });
    window.addEventListener(BASKET_CHANGED_EVENT, () => (this.units = readUnits()));
  }
}

function readUnits(): number {
  try {
    const raw = localStorage.getItem(BASKET_STORAGE_KEY);
    if (!raw) return 0;
    const lines = (JSON.parse(raw) as { lines?: unknown }).lines;
    if (!Array.isArray(lines)) return 0;
    let units = 0;
    for (const line of lines) {
      const qty = (line as { qty?: unknown } | null)?.qty;
      if (typeof qty === 'number' && Number.isInteger(qty) && qty > 0 && qty < 100) units += qty;
    }
    return units;
  } catch {
    return 0;
  }
}

export const basketCount = new BasketCount();
