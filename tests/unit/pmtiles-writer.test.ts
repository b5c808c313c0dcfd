/**
 * The test-support PMTiles writer and the demo-city fixture, read back with the `pmtiles` reader
 * the browser uses, and the tiles decoded as MVT: if the fixture is wrong, the map e2e tests would
 * fail for the wrong reason.
 */
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { Compression, PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { serializeDirectory, writePmtiles } from '../support/pmtiles-writer';
import { demoCityArchive, FIXTURE_ZOOMS } from '../support/tile-fixture';

class BytesSource implements Source {
  reads: { offset: number; length: number }[] = [];
  constructor(private bytes: Uint8Array) {}
  getKey() {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.reads.push({ offset, length });
    const slice = this.bytes.slice(offset, offset + length);
    return { data: slice.buffer };
  }
}

function lonLatToTile(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}

describe('pmtiles writer', () => {
  it('encodes directories as the v3 spec says (delta ids, runs, lengths, offsets + 1 or 0)', () => {
    const dir = serializeDirectory([
      { tileId: 0, offset: 0, length: 10, runLength: 1 },
      { tileId: 5, offset: 10, length: 300, runLength: 2 },
      { tileId: 9, offset: 0, length: 10, runLength: 1 }
    ]);
    // 3 entries | ids 0,+5,+4 | runs 1,2,1 | lengths 10, 300 (0xac 0x02), 10 | offsets 0+1, 0 (contiguous), 0+1
    expect([...dir]).toEqual([3, 0, 5, 4, 1, 2, 1, 10, 0xac, 0x02, 10, 1, 0, 1]);
  });

  it('writes an archive the pmtiles reader opens, with deduplicated, run-length tiles', async () => {
    const same = new Uint8Array([1, 2, 3]);
    const archive = writePmtiles({
      tiles: [
        { z: 0, x: 0, y: 0, data: new Uint8Array([9]) },
        { z: 1, x: 0, y: 0, data: same },
        { z: 1, x: 0, y: 1, data: same },
        { z: 1, x: 1, y: 1, data: same },
        { z: 1, x: 1, y: 0, data: new Uint8Array([7, 7]) }
      ],
      tileType: TileType.Png,
      tileCompression: Compression.None,
      internalCompression: Compression.None,
      bounds: { minLon: -180, minLat: -85, maxLon: 180, maxLat: 85 },
      metadata: { name: 'tiny' }
    });
    const pm = new PMTiles(new BytesSource(archive));
    const header = await pm.getHeader();
    expect(header).toMatchObject({ specVersion: 3, minZoom: 0, maxZoom: 1, numAddressedTiles: 5, numTileContents: 3, clustered: true, tileType: TileType.Png });
    expect(await pm.getMetadata()).toEqual({ name: 'tiny' });
    expect(new Uint8Array((await pm.getZxy(0, 0, 0))!.data)).toEqual(new Uint8Array([9]));
    for (const [x, y] of [[0, 0], [0, 1], [1, 1]]) expect(new Uint8Array((await pm.getZxy(1, x, y))!.data)).toEqual(same);
    expect(new Uint8Array((await pm.getZxy(1, 1, 0))!.data)).toEqual(new Uint8Array([7, 7]));
    expect(await pm.getZxy(2, 0, 0)).toBeUndefined();
  });

  it('makes a small demo-city archive in the Protomaps schema, readable with range requests', async () => {
    const { archive, tiles, bounds } = demoCityArchive();
    expect(archive.length).toBeLessThan(1_500_000);
    expect(tiles).toBeGreaterThan(50);

    const source = new BytesSource(archive);
    const pm = new PMTiles(source);
    const header = await pm.getHeader();
    expect(header).toMatchObject({ minZoom: FIXTURE_ZOOMS.min, maxZoom: FIXTURE_ZOOMS.max, tileType: TileType.Mvt, tileCompression: Compression.Gzip });
    expect(header.minLon).toBeCloseTo(bounds.minLon, 5);
    expect(header.maxLat).toBeCloseTo(bounds.maxLat, 5);

    // Le Capitole at z15: every layer the style draws is in the tile.
    const { x, y } = lonLatToTile(1.4442, 43.6045, 15);
    const tile = await pm.getZxy(15, x, y);
    expect(tile).toBeDefined();
    // The reader has already undone the tile's gzip, as it does in the browser.
    const mvt = new VectorTile(new PbfReader(new Uint8Array(tile!.data)));
    expect(Object.keys(mvt.layers).sort()).toEqual(expect.arrayContaining(['buildings', 'earth', 'landuse', 'roads']));
    const roads = mvt.layers.roads;
    const kinds = new Set<unknown>();
    const names: unknown[] = [];
    for (let i = 0; i < roads.length; i++) {
      const f = roads.feature(i);
      kinds.add(f.properties.kind);
      if (f.properties.name) names.push(f.properties.name);
    }
    expect([...kinds]).toEqual(expect.arrayContaining(['major_road', 'minor_road']));
    expect(names.length).toBeGreaterThan(0);
    // Every read is a range of the file, the first one the 16 KiB a browser asks for.
    expect(source.reads[0]).toEqual({ offset: 0, length: 16_384 });
  });
});
