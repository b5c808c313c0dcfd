import { describe, expect, it } from 'vitest';
import { distanceMeters, nearest, walkingMinutes } from '../../src/lib/catalog/geo';

const capitole = { lat: 43.6045, lng: 1.4442 };
const paris = { lat: 48.8566, lng: 2.3522 };

describe('distanceMeters', () => {
  it('measures great-circle distances', () => {
    expect(distanceMeters(capitole, capitole)).toBe(0);
    const d = distanceMeters(paris, capitole);
    expect(d).toBeGreaterThan(586_000);
    expect(d).toBeLessThan(590_000);
    expect(distanceMeters(capitole, paris)).toBeCloseTo(d, 6);
    // 0.001° of latitude ≈ 111.2 m
    expect(distanceMeters(capitole, { lat: capitole.lat + 0.001, lng: capitole.lng })).toBeCloseTo(111.19, 1);
  });
});

describe('walkingMinutes', () => {
  it('assumes 4.5 km/h with a 1.3 detour factor', () => {
    expect(walkingMinutes(750)).toBe(13); // 975 m walked
    expect(walkingMinutes(1000)).toBe(17);
    expect(walkingMinutes(10)).toBe(1);
    expect(walkingMinutes(0)).toBe(0);
  });
});

describe('nearest', () => {
  it('returns the n closest items, skipping those without a position', () => {
    const items = [
      { id: 'far', lat: 43.62, lng: 1.44 },
      { id: 'none' },
      { id: 'close', lat: 43.605, lng: 1.4442 },
      { id: 'mid', lat: 43.61, lng: 1.4442 }
    ];
    const r = nearest(items, capitole, 2);
    expect(r.map((x) => x.item.id)).toEqual(['close', 'mid']);
    expect(r[0].meters).toBeCloseTo(55.6, 0);
    expect(nearest(items, capitole, 10)).toHaveLength(3);
    expect(nearest(items, capitole, 0)).toEqual([]);
  });
});
