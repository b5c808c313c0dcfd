import { bench, describe } from 'vitest';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROME_PATH, CHROMIUM_FLAGS, startBuiltApp } from '../../scripts/lib/built-app.mjs';

/**
 * JavaScript shipped on the first load of `/` (target ≤ 60 KiB gzip), measured in Debian's
 * Chromium against the built server (`npm run build` first).
 */
async function measure(origin: string): Promise<{ files: number; raw: number; gzip: number }> {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const scripts: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body());
    });
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    // The feed renders once the app has started and read its catalog copy.
    await page.locator('ul.feed article').first().waitFor({ timeout: 20_000 });
    const bodies = await Promise.all(scripts);
    if (bodies.length === 0) throw new Error('no script loaded: is the build current?');
    return {
      files: bodies.length,
      raw: bodies.reduce((sum, b) => sum + b.length, 0),
      gzip: bodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0)
    };
  } finally {
    await browser.close();
  }
}

/** Measures against a fresh server on its own database (a free port, so a stale server can never answer in place of this build), always stopping it after. */
async function withServer<T>(fn: (origin: string) => Promise<T>): Promise<T> {
  const server = await startBuiltApp();
  try {
    return await fn(server.origin);
  } finally {
    server.stop();
  }
}

describe('first load of /', async () => {
  if (!existsSync('build/index.js')) {
    console.log('[first-load] skipped: run `npm run build` first');
    return;
  }
  const result = await withServer(measure);
  console.log(
    `[first-load /] ${result.files} scripts, ${(result.raw / 1024).toFixed(1)} KiB raw, ` +
      `${(result.gzip / 1024).toFixed(1)} KiB gzip (target ≤ 60 KiB)`
  );
  // Each run starts its own server, so none outlives the suite however vitest ends.
  bench('start the app and load / in chromium (cold cache)', () => withServer(measure).then(() => undefined), { iterations: 3, time: 0 });
});
