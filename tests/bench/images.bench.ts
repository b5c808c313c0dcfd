import { bench, describe } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { deleteImage, saveImage } from '../../src/lib/server/images';
import { renderVariants } from '../../src/lib/server/images/process';
import { inspectImage } from '../../src/lib/server/images/validate';
import { SECRET_GPS } from '../support/image-fixtures';

/**
 * Time to take a 12 Mpx phone photo (4000 × 3000 JPEG, orientation 6, EXIF with GPS) through the
 * whole upload pipeline: inspect, decode once, six encodes (AVIF + WebP at 320/640/1280), write.
 * Prints the median of a few runs and the machine's load, which matters on a shared box.
 */

function seeded(seed: number): () => number {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

/**
 * Photo-like pixels: a sky over a brick-rose façade, with detail at every scale (value noise
 * from 400 px clouds down to 8 px texture, plus sensor grain), so that downscaled variants still
 * have something to encode. About 2.7 MB as a q90 JPEG, like a phone's 12 Mpx photo; the
 * 1280 px variants come out near 70–90 KiB, like a real street photo's.
 */
function photoPixels(width: number, height: number): Buffer {
  const random = seeded(7);
  const octaves = [
    [400, 60],
    [120, 40],
    [30, 28],
    [8, 18]
  ].map(([cell, amplitude]) => {
    const columns = Math.ceil(width / cell) + 2;
    const grid = Float32Array.from({ length: columns * (Math.ceil(height / cell) + 2) }, () => random() * 2 - 1);
    return { cell, amplitude, columns, grid };
  });
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const t = y / height;
    const sky = t < 0.4;
    const base = sky ? [130 + 90 * t, 175 + 40 * t, 225 - 30 * t] : [180 - 60 * t, 95 - 20 * t, 80 - 20 * t];
    for (let x = 0; x < width; x++) {
      let v = (random() - 0.5) * 16;
      for (const { cell, amplitude, columns, grid } of octaves) {
        const fx = x / cell;
        const fy = y / cell;
        const ix = Math.floor(fx);
        const iy = Math.floor(fy);
        const i = iy * columns + ix;
        const top = grid[i] + (grid[i + 1] - grid[i]) * (fx - ix);
        const bottom = grid[i + columns] + (grid[i + columns + 1] - grid[i + columns]) * (fx - ix);
        v += (top + (bottom - top) * (fy - iy)) * amplitude;
      }
      const at = (y * width + x) * 3;
      data[at] = Math.max(0, Math.min(255, base[0] + v));
      data[at + 1] = Math.max(0, Math.min(255, base[1] + v * 0.9));
      data[at + 2] = Math.max(0, Math.min(255, base[2] + v * 0.8));
    }
  }
  return data;
}

async function phonePhoto(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  return sharp(photoPixels(width, height), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'Acme', Model: 'Phone 9' }, IFD3: SECRET_GPS })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const photo = await phonePhoto();
const root = mkdtempSync(join(tmpdir(), 'placette-bench-uploads-'));
process.env.PLACETTE_UPLOADS = root;

async function saveAndDelete(): Promise<void> {
  await deleteImage((await saveImage(photo, { visibility: 'public' })).id);
}

/**
 * Wall-clock time, and CPU time of the whole process (libvips' threads included): on a loaded
 * machine the first grows with other people's work, the second much less.
 */
async function median(label: string, runs: number, run: () => Promise<unknown>): Promise<void> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    await run();
    const spent = process.cpuUsage(usage);
    wall.push(performance.now() - started);
    cpu.push((spent.user + spent.system) / 1000);
  }
  const mid = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[values.length >> 1]);
  console.log(
    `[images] ${label}: median ${mid(wall)} ms wall, ${mid(cpu)} ms CPU (wall runs: ${wall.map(Math.round).join(', ')} ms)`
  );
}

describe('image pipeline, 12 Mpx JPEG', async () => {
  const meta = await sharp(photo).metadata();
  console.log(
    `[images] input ${meta.width}×${meta.height} JPEG, ${(photo.length / 1e6).toFixed(1)} MB, orientation ${meta.orientation}; ` +
      `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`
  );
  const inspected = await inspectImage(photo);
  const variants = await renderVariants(inspected);
  console.log(
    `[images] variants: ${variants
      .sort((a, b) => a.width - b.width || a.format.localeCompare(b.format))
      .map((v) => `${v.width}×${v.height} ${v.format} ${(v.data.length / 1024).toFixed(0)} KiB`)
      .join(', ')}`
  );
  await median('saveImage (inspect + decode + 6 encodes + atomic write)', 5, saveAndDelete);
  await median('inspect only (header)', 5, () => inspectImage(photo));
  await median('decode + orient + shrink to 1280 (raw)', 5, () =>
    sharp(photo, { failOn: 'error' }).rotate().resize({ width: 1280 }).raw().toBuffer()
  );

  // The bench task is the last thing to run here: afterAll and process 'exit' come too late or not at all.
  bench('saveImage (+ deleteImage), 12 Mpx JPEG', saveAndDelete, {
    iterations: 3,
    time: 0,
    teardown: () => rmSync(root, { recursive: true, force: true })
  });

});
