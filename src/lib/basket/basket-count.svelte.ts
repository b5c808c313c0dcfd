/**
 * The number on the top bar's basket badge. Tiny on purpose: it is part of every page's first
 * load, so it only reads the stored basket's quantities (no validation library, no catalog) and
 * imports nothing the basket's pages share (a shared module would be one more script on `/`).
 * The basket store tells it about changes with an event; other tabs' changes arrive as
 * `storage` events.
 */
/** Same as BASKET_STORAGE_KEY and BASKET_CHANGED_EVENT in keys.ts (a unit test checks it). */
export const COUNT_STORAGE_KEY = 'placette.basket';
export const COUNT_CHANGED_EVENT = 'placette:basket';

class BasketCount {
  units = $state(0);
  #started = false;

  start(): void {
    if (this.#started || typeof window === 'undefined') return;
    this.#started = true;
    this.units = readUnits();
    window.addEventListener('storage', (event) => {
      if (event.key === COUNT_STORAGE_KEY || event.key === null) this.units = readUnits();
    });
    window.addEventListener(COUNT_CHANGED_EVENT, () => (this.units = readUnits()));
  }
}

function readUnits(): number {
  try {
    const raw = localStorage.getItem(COUNT_STORAGE_KEY);
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
