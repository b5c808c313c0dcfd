/**
 * Where the basket lives on the device (localStorage). Kept in its own tiny module so the top
 * bar's badge can read the count without loading the basket's code.
 */
export const BASKET_STORAGE_KEY = 'placette.basket';

/** Dispatched on `window` after this page changed the basket (other tabs get a `storage` event). */
export const BASKET_CHANGED_EVENT = 'placette:basket';
