import { describe, expect, it } from 'vitest';
import { formatPrice } from '../../src/lib/format';

/** formatPrice writes prices out by hand; it must say exactly what Intl.NumberFormat says. */
describe('formatPrice agrees with Intl.NumberFormat', () => {
  const fr = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const en = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });
  const values = [0, 1, 5, 10, 99, 100, 101, 999, 1000, 1250, 99_999, 100_000, 123_456, 1_000_000, 12_345_678, 1_000_000_000];
  for (let i = 0; i < 500; i++) values.push(Math.floor(Math.abs(Math.sin(i + 1)) * 10 ** (1 + (i % 9))));

  it(`for ${values.length} amounts from 0 to 10 million euros`, () => {
    for (const cents of values) {
      expect(formatPrice(cents, 'fr'), `${cents}`).toBe(fr.format(cents / 100).replace(/[\u00a0\u202f ]/g, '\u202f') + '\u202f€');
      expect(formatPrice(cents, 'en'), `${cents}`).toBe(en.format(cents / 100));
    }
  });
});
