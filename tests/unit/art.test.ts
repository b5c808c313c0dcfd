import { describe, expect, it } from 'vitest';
import { itemKinds } from '../../src/lib/catalog/types';
import { artSvg, hashString, kindPalettes } from '../../src/lib/components/items/art';

describe('artSvg', () => {
  it('draws every kind in each of the four motifs, deterministically', () => {
    const motifs = new Set<number>();
    for (const kind of itemKinds) {
      for (let n = 1; n <= 12; n++) {
        const id = `${kind}-${n}`;
        const svg = artSvg(id, kind);
        motifs.add(hashString(id) % 4);
        expect(svg).toBe(artSvg(id, kind));
        expect(svg).toMatch(/^<svg class="art art-card" viewBox="0 0 320 180" preserveAspectRatio="xMidYMid slice" aria-hidden="true" focusable="false">/);
        expect(svg.endsWith('</svg>')).toBe(true);
        expect(svg).toContain(`<linearGradient id="art-${id}-card"`);
        expect(svg).toContain(`fill="url(#art-${id}-card)"`);
        expect(svg).toContain(kindPalettes[kind][0]);
        // Every element is closed: as many openings as closings.
        const open = (svg.match(/<(?!\/)[a-zA-Z]+[^>]*[^/]>/g) ?? []).length;
        const close = (svg.match(/<\/[a-zA-Z]+>/g) ?? []).length;
        expect(open).toBe(close);
      }
    }
    expect([...motifs].sort()).toEqual([0, 1, 2, 3]);
  });

  it('leaves the pictogram out of heroes and anchors them at the bottom', () => {
    const hero = artSvg('heritage-1', 'heritage', 'hero');
    expect(hero).toContain('preserveAspectRatio="xMidYMax slice"');
    expect(hero).not.toContain('<g transform="translate(24 24)">');
    expect(artSvg('heritage-1', 'heritage', 'thumb')).toContain('<g transform="translate(24 24)">');
  });

  it('puts nothing but safe characters of the id into the markup', () => {
    const svg = artSvg('x"><script>alert(1)</script>', 'event');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('alert(1)');
    expect(svg).toContain('id="art-x___script_alert_1___script_-card"');
  });
});
