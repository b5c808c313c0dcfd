import { describe, expect, it } from 'vitest';
import { applyDelta } from '$lib/catalog/delta';
import type { CatalogDelta, CatalogItem, CatalogSnapshot, Theme } from '$lib/catalog/types';

const themes: Theme[] = [
  { slug: 'opera', labels: { fr: 'Opéra & musique classique', en: 'Opera & classical music' } },
  { slug: 'patrimoine', labels: { fr: 'Patrimoine', en: 'Heritage' } }
];

function heritage(n: number, title: string, itemThemes: string[] = ['patrimoine']): CatalogItem {
  return {
    id: `heritage-${n}`,
    kind: 'heritage',
    title,
    summary: `${title}, en bref.`,
    themes: itemThemes,
    featured: false,
    updated_at: '2026-01-01T00:00:00.000Z',
    place: null,
    address: null,
    body_html: '<p>Texte.</p>',
    published_at: '2026-01-01T00:00:00.000Z',
    price_label: null
  };
}

function snapshot(version: number, items: CatalogItem[], t: Theme[] = themes): CatalogSnapshot {
  return { version, themes: t, items };
}

function delta(version: number, upserts: CatalogItem[], deletions: string[] = [], t: Theme[] = themes): CatalogDelta {
  return { version, themes: t, upserts, deletions };
}

const ids = (s: CatalogSnapshot) => s.items.map((i) => i.id);

describe('applyDelta', () => {
  it('adds new items, replaces changed ones and removes deleted ones', () => {
    const held = snapshot(3, [heritage(1, 'Capitole'), heritage(2, 'Saint-Sernin'), heritage(3, 'Jacobins')]);
    const next = applyDelta(held, delta(5, [heritage(2, 'Basilique Saint-Sernin'), heritage(4, 'Pont Neuf')], ['heritage-3']));

    expect(next.version).toBe(5);
    expect(ids(next)).toEqual(['heritage-1', 'heritage-2', 'heritage-4']);
    expect(next.items.find((i) => i.id === 'heritage-2')?.title).toBe('Basilique Saint-Sernin');
  });

  it('keeps the copy sorted by id whatever the order of the delta', () => {
    const held = snapshot(1, [heritage(5, 'E'), heritage(7, 'G')]);
    const next = applyDelta(held, delta(2, [heritage(9, 'I'), heritage(1, 'A'), heritage(6, 'F')]));
    expect(ids(next)).toEqual([...ids(next)].sort());
    expect(ids(next)).toEqual(['heritage-1', 'heritage-5', 'heritage-6', 'heritage-7', 'heritage-9']);
  });

  it('does not touch its inputs', () => {
    const held = snapshot(1, [heritage(1, 'Capitole'), heritage(2, 'Saint-Sernin')]);
    const d = delta(2, [heritage(3, 'Jacobins')], ['heritage-1']);
    const heldCopy = structuredClone(held);
    const deltaCopy = structuredClone(d);

    const next = applyDelta(held, d);

    expect(held).toEqual(heldCopy);
    expect(d).toEqual(deltaCopy);
    expect(next).not.toBe(held);
    expect(next.items).not.toBe(held.items);
  });

  it('ignores a delta that is not newer than the copy (stale or replayed response)', () => {
    const held = snapshot(7, [heritage(1, 'Capitole')]);
    expect(applyDelta(held, delta(7, [heritage(2, 'Nouveau')], ['heritage-1']))).toBe(held);
    expect(applyDelta(held, delta(4, [heritage(2, 'Ancien')], ['heritage-1']))).toBe(held);
  });

  it('takes the taxonomy from the delta (labels can change)', () => {
    const renamed: Theme[] = [{ slug: 'opera', labels: { fr: 'Opéra', en: 'Opera' } }];
    const next = applyDelta(snapshot(1, [heritage(1, 'Capitole')]), delta(2, [], [], renamed));
    expect(next.themes).toEqual(renamed);
    expect(ids(next)).toEqual(['heritage-1']);
  });

  it('ignores deletions of items the copy never had', () => {
    const next = applyDelta(snapshot(1, [heritage(1, 'Capitole')]), delta(2, [], ['heritage-99', 'shop-3']));
    expect(ids(next)).toEqual(['heritage-1']);
  });

  it('an empty delta at a newer version only moves the version forward', () => {
    const held = snapshot(1, [heritage(1, 'Capitole')]);
    const next = applyDelta(held, delta(2, []));
    expect(next).toEqual({ ...held, version: 2 });
  });

  it('applying successive deltas gives the same copy as one delta covering them all', () => {
    const v0 = snapshot(0, []);
    const step1 = delta(2, [heritage(1, 'A'), heritage(2, 'B')]);
    const step2 = delta(4, [heritage(2, 'B2'), heritage(3, 'C')], ['heritage-1']);
    const combined = delta(4, [heritage(2, 'B2'), heritage(3, 'C')], ['heritage-1']);
    expect(applyDelta(applyDelta(v0, step1), step2)).toEqual(applyDelta(v0, combined));
  });
});
