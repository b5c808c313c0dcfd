// Starts the BUILT app (`node build`, after `npm run build`) on a throwaway demo database, for
// the scripts that look at the real app (Lighthouse, store screenshots).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Chromium flags that keep Debian's Chromium quiet and offline-friendly (see STACK.md). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Waits until `origin` answers /api/health (or the child process exits, or time runs out).
 * @param {string} origin
 * @param {{ exitCode: number | null } | null} [child]
 * @param {number} [timeoutMs]
 */
export async function waitForHealth(origin, child = null, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${origin}/api/health did not answer`);
}

/**
 * Starts `node build` with the demo city on a temporary database.
 * @param {{ port?: number }} [options]
 * @returns {Promise<{ origin: string, stop: () => void }>}
 */
export async function startBuiltApp(options = {}) {
  const entry = resolve('build/index.js');
  if (!existsSync(entry)) throw new Error('build/index.js is missing: run `npm run build` first');
  const port = options.port || (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'placette-script-'));
  const origin = `http://127.0.0.1:${port}`;
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ORIGIN: origin,
    DATABASE_URL: join(dir, 'placette.db'),
    NODE_ENV: 'production'
  };
  delete env.PLACETTE_DEMO;
  let stderr = '';
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const stop = () => {
    if (child.exitCode === null) child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(origin, child);
  } catch (error) {
    stop();
    throw new Error(`${error instanceof Error ? error.message : error}\n${stderr}`);
  }
  return { origin, stop };
}

/**
 * An app to talk to: the one at `url` if given (left running), else a fresh built app.
 * @param {string | undefined} url
 * @param {{ port?: number }} [options]
 */
export async function appAt(url, options = {}) {
  if (url) {
    const origin = url.replace(/\/$/, '');
    await waitForHealth(origin, null, 10_000);
    return { origin, stop() {} };
  }
  return startBuiltApp(options);
}
