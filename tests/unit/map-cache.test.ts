/**
 * The service worker's keys for the tile archive's byte ranges: only single closed ranges of the
 * versioned archive URL are kept (their bytes never change under that URL).
 */
import { describe, expect, it } from 'vitest';
import { rangeKey } from '$lib/service-worker/map-cache';

const at = (path: string) => new URL(path, 'https://placette.test');

describe('rangeKey', () => {
  it('names the archive version and the range', () => {
    expect(rangeKey(at('/map/tiles.pmtiles?v=1a-2b'), 'bytes=0-16383')).toBe('https://placette.test/map/tiles.pmtiles?v=1a-2b&bytes=0-16383');
    expect(rangeKey(at('/map/tiles.pmtiles?v=1a-2b'), ' bytes=100-199 ')).toBe('https://placette.test/map/tiles.pmtiles?v=1a-2b&bytes=100-199');
  });

  it('keeps nothing for an unversioned URL, another path, or a range that is not a single closed one', () => {
    expect(rangeKey(at('/map/tiles.pmtiles'), 'bytes=0-9')).toBeNull();
    expect(rangeKey(at('/map/other.pmtiles?v=1'), 'bytes=0-9')).toBeNull();
    expect(rangeKey(at('/map/tiles.pmtiles?v=1'), null)).toBeNull();
    for (const range of ['bytes=10-', 'bytes=-10', 'bytes=0-1,4-5', 'items=0-9']) {
      expect(rangeKey(at('/map/tiles.pmtiles?v=1'), range), range).toBeNull();
    }
  });
});
