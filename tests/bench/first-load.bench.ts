import { bench, describe } from 'vitest';
import { freePort } from '../support/app-server';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

/**
 * JavaScript shipped on the first load of `/` (target ≤ 60 KiB gzip), measured in Debian's
 * Chromium against the built server (`npm run build` first).
 */
/** A port nothing listens on, so a stale server can never answer in place of this build. */
const PORT = await freePort();
const origin = `http://127.0.0.1:${PORT}`;
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function measure(): Promise<{ files: number; raw: number; gzip: number }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
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

/** Runs `fn` against a fresh server on its own database, always stopping the server after. */
async function withServer<T>(fn: () => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'placette-bench-'));
  const server = spawn(process.execPath, ['build'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_URL: join(dir, 'bench.db') },
    stdio: 'ignore'
  });
  try {
    await waitForHealth(Date.now() + 30_000);
    return await fn();
  } finally {
    server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
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
