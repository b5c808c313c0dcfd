import { describe, expect, it } from 'vitest';
import type { CatalogItem, Theme } from '../../src/lib/catalog/types';
import { buildSearchIndex, searchItems, tokenize, updateSearchIndex } from '../../src/lib/personalisation/search';
import { foldText } from '../../src/lib/personalisation/text';
import {
  SYNTHETIC_NOW as NOW,
  SYNTHETIC_THEMES,
  makeDeal,
  makeEditorial,
  makeEvent,
  makeProduct,
  makeShop,
  syntheticItems
} from '../fixtures/synthetic-items';

const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const themes: Theme[] = SYNTHETIC_THEMES;
const fromage = makeShop(1, { title: 'La Cave à Fromages', category: 'fromagerie', summary: 'Tommes et bleus.' });

const items: CatalogItem[] = [
  makeEditorial('heritage', 1, {
    title: 'Théâtre du Capitole',
    summary: 'Opéra et ballet au cœur de la ville rose.',
    place: 'Place du Capitole',
    themes: ['theatre', 'patrimoine']
  }),
  makeEditorial('heritage', 2, {
    title: 'Couvent des Jacobins',
    summary: 'Chef-d’œuvre du gothique méridional et son palmier.',
    themes: ['patrimoine']
  }),
  makeEditorial('heritage', 3, {
    title: 'Basilique Saint-Sernin',
    summary: 'La plus grande église romane conservée en Europe.',
    themes: ['patrimoine']
  }),
  makeEvent(1, {
    title: 'Concert de jazz',
    summary: 'Un quartet sur la scène du Bikini.',
    place: 'Le Bikini',
    starts_at: at(2 * DAY),
    themes: ['musique']
  }),
  makeEvent(2, {
    title: 'Concert de jazz manouche',
    summary: 'Soirée guinguette.',
    starts_at: at(3 * DAY),
    themes: ['musique', 'vie-nocturne']
  }),
  makeEvent(3, { title: 'Concert de jazz d’hier', summary: 'Déjà passé.', starts_at: at(-2 * DAY) }),
  fromage,
  makeProduct(1, fromage, { title: 'Tomme des Pyrénées', summary: 'Lait cru.' }),
  makeDeal(1, fromage, { title: '−20 % sur les bleus', starts_at: at(-10 * DAY), ends_at: at(-DAY) }),
  makeEditorial('news', 1, { title: 'Nouveau marché', summary: 'Le samedi matin.', themes: ['marches'] }),
  makeEditorial('culture', 1, { title: 'Marché de producteurs', summary: 'Le dimanche.', themes: ['gastronomie'] })
];
const index = buildSearchIndex(items, themes);
const none = { themes: {} };
const titles = (q: string, p: { themes: Record<string, 'high' | 'low' | 'muted'> } = none) =>
  searchItems(index, q, p, NOW).map((h) => h.item.title);

describe('foldText', () => {
  it('folds case, accents, ligatures, apostrophes and spaces', () => {
    expect(foldText('  Théâtre   du CAPITOLE ')).toBe('theatre du capitole');
    expect(foldText('Chef-d’Œuvre Æsthète')).toBe("chef-d'oeuvre aesthete");
    expect(foldText('ÉGLISE\u00a0Saint-Étienne')).toBe('eglise saint-etienne');
  });

  it('tokenize splits on punctuation and folds each term', () => {
    expect(tokenize('L’Hôtel d’Assézat, Saint-Sernin !')).toEqual(['l', 'hotel', 'd', 'assezat', 'saint', 'sernin']);
  });
});

describe('searchItems — matching', () => {
  it('ignores accents and case', () => {
    expect(titles('theatre')[0]).toBe('Théâtre du Capitole');
    expect(titles('THÉÂTRE')[0]).toBe('Théâtre du Capitole');
  });

  it('matches prefixes', () => {
    expect(titles('capitol')[0]).toBe('Théâtre du Capitole');
    expect(titles('jacobin')[0]).toBe('Couvent des Jacobins');
    expect(titles('basili')[0]).toBe('Basilique Saint-Sernin');
  });

  it('tolerates typos in longer words', () => {
    expect(titles('basilque')[0]).toBe('Basilique Saint-Sernin');
    expect(titles('jacobnis')).toContain('Couvent des Jacobins');
  });

  it('is not fuzzy on words under 4 letters', () => {
    expect(titles('rose')).toContain('Théâtre du Capitole');
    expect(titles('roe')).toEqual([]);
    expect(titles('rosr')).toContain('Théâtre du Capitole');
  });

  it('requires all words, falling back to any word', () => {
    expect(titles('concert manouche')).toEqual(['Concert de jazz manouche']);
    const either = titles('jacobins sernin');
    expect(either).toEqual(expect.arrayContaining(['Couvent des Jacobins', 'Basilique Saint-Sernin']));
  });

  it('searches places, shop names, shop categories and theme labels in both languages', () => {
    expect(titles('bikini')).toContain('Concert de jazz');
    expect(titles('cave fromages')).toEqual(expect.arrayContaining(['La Cave à Fromages', 'Tomme des Pyrénées']));
    expect(titles('fromagerie')).toContain('La Cave à Fromages');
    expect(titles('cheese')).toContain('La Cave à Fromages');
    expect(titles('heritage')).toEqual(
      expect.arrayContaining(['Théâtre du Capitole', 'Couvent des Jacobins', 'Basilique Saint-Sernin'])
    );
    expect(titles('œuvre')).toContain('Couvent des Jacobins');
  });

  it('ignores stop words, but still searches a query made only of them', () => {
    expect(titles('le théâtre de la ville')).toContain('Théâtre du Capitole');
    expect(() => titles('la')).not.toThrow();
    expect(titles('   ')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(searchItems(index, 'marche', none, NOW, 1)).toHaveLength(1);
  });
});

describe('searchItems — filtering and preferences', () => {
  it('leaves out past events and ended deals', () => {
    expect(titles('concert')).not.toContain('Concert de jazz d’hier');
    expect(titles('bleus')).not.toContain('−20 % sur les bleus');
  });

  it('leaves out items with a muted theme', () => {
    expect(titles('jazz')).toContain('Concert de jazz manouche');
    expect(titles('jazz', { themes: { 'vie-nocturne': 'muted' } })).toEqual(['Concert de jazz']);
  });

  it('ranks followed themes higher', () => {
    const base = titles('marche');
    expect(base).toEqual(['Nouveau marché', 'Marché de producteurs']);
    expect(titles('marche', { themes: { gastronomie: 'high' } })[0]).toBe('Marché de producteurs');
    const hits = searchItems(index, 'marche', { themes: { gastronomie: 'high' } }, NOW);
    const plain = searchItems(index, 'marche', none, NOW);
    const score = (h: typeof hits, t: string) => h.find((x) => x.item.title === t)!.score;
    expect(score(hits, 'Marché de producteurs')).toBeCloseTo(score(plain, 'Marché de producteurs') * 1.75, 6);
  });
});

describe('updateSearchIndex', () => {
  it('applies upserts and deletions', () => {
    const idx = buildSearchIndex(items, themes);
    updateSearchIndex(
      idx,
      [makeEditorial('heritage', 2, { title: 'Cloître des Jacobins', themes: [] }), makeEditorial('leisure', 9, { title: 'Cité de l’espace' })],
      ['heritage-3']
    );
    const t = (q: string) => searchItems(idx, q, none, NOW).map((h) => h.item.title);
    expect(t('jacobins')).toEqual(['Cloître des Jacobins']);
    expect(t('espace')).toEqual(['Cité de l’espace']);
    expect(t('basilique')).toEqual([]);
  });
});

describe('buildSearchIndex — scale', () => {
  // Build time is measured by tests/bench/search.bench.ts, not asserted here (machines vary).
  it('finds the same landmarks in a large synthetic catalog, best matches first', () => {
    const big = buildSearchIndex(syntheticItems(3000, 3), themes);
    expect(big.byId.size).toBe(3000);
    const hits = searchItems(big, 'basilque sernin', none, NOW);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].item.title).toContain('Basilique Saint-Sernin');
    for (let k = 1; k < hits.length; k++) expect(hits[k - 1].score).toBeGreaterThanOrEqual(hits[k].score);
    // Stopping early at `limit` gives exactly the head of the full list.
    const p = { themes: { musique: 'high', patrimoine: 'low', sport: 'muted' } as const };
    for (const q of ['concert', 'expo', 'capitole', 'marche victor hugo', 'atelier']) {
      const all = searchItems(big, q, p, NOW, 100_000);
      expect(searchItems(big, q, p, NOW, 10)).toEqual(all.slice(0, 10));
    }
  });
});
