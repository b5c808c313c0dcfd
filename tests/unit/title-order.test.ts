import { describe, expect, it } from 'vitest';
import { compareTitles, titleKey } from '../../src/lib/catalog/title-order';
import { places } from '../../src/lib/server/db/seed/content/places';
import { parkingSeeds } from '../../src/lib/server/db/seed/parking';
import { shopSeeds } from '../../src/lib/server/db/seed/shops';
import { eventSeeds } from '../../src/lib/server/db/seed/content/events';
import { heritageSeeds } from '../../src/lib/server/db/seed/content/heritage';

describe('the order of the list under the map', () => {
  it('is the French collator’s for every title of the demo city', () => {
    const titles = [
      ...shopSeeds.map((s) => s.name),
      ...parkingSeeds.map((p) => p.name),
      ...eventSeeds.map((e) => e.title),
      ...heritageSeeds.map((h) => h.title),
      ...Object.values(places).map((p) => p.name)
    ];
    expect(titles.length).toBeGreaterThan(100);
    const collator = new Intl.Collator('fr');
    expect([...titles].sort(compareTitles)).toEqual([...titles].sort(collator.compare));
  });

  it('leaves out accents, case and punctuation, and spells ligatures out, like the collator', () => {
    const titles = ['Œuvres choisies', 'Église du Taur', 'eden', 'Ferme', 'La Cave', 'L’Atelier', 'Zoo', 'à côté', 'Oeil', '2 rue', 'Ça va', 'carré', 'Carre', '« Bal »'];
    const collator = new Intl.Collator('fr');
    expect([...titles].sort(compareTitles)).toEqual([...titles].sort(collator.compare));
    expect(titleKey('L’Œil – « Grand »')).toBe('l oeil     grand  ');
  });
});
