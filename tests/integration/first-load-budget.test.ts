import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startApp, stopAll, type AppProcess } from '../support/app-server';

/**
 * The JavaScript budget of a first visit to `/` (issues 2 and 3: ≤ 60 KiB gzip), checked on the
 * BUILT app (`npm run build` first) without a browser: the scripts the page names (modulepreload
 * links and its start-up script), the root error page that SvelteKit loads at start, and
 * everything they import statically. The browser-measured figure is in
 * tests/bench/first-load.bench.ts; both count the same files for an anonymous first visit.
 */
const BUDGET_KIB = 60;
const CLIENT = 'build/client';

let dir: string;
let app: AppProcess;

beforeAll(async () => {
  if (!existsSync('build/index.js')) throw new Error('run `npm run build` first');
  dir = mkdtempSync(join(tmpdir(), 'placette-first-load-'));
  app = await startApp(join(dir, 'budget.db'));
});

afterAll(async () => {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
});

/** `/_app/…/x.js` URLs the page asks for before any code runs. */
function pageScripts(html: string, link: string): string[] {
  const urls = new Set<string>();
  for (const [, url] of link.matchAll(/<([^>]+\.js)>;\s*rel="modulepreload"/g)) urls.add(url);
  for (const [, url] of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) urls.add(url);
  for (const [, url] of html.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) urls.add(url);
  return [...urls];
}

/** Static imports only (`import"./x.js"`, `from"./x.js"`): dynamic `import(…)` loads later, if ever. */
function staticImports(url: string, code: string): string[] {
  return [...code.matchAll(/\b(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map(([, path]) =>
    posix.join(posix.dirname(url), path)
  );
}

describe('first load of /', () => {
  it(`ships at most ${BUDGET_KIB} KiB of JavaScript (gzip)`, async () => {
    const response = await fetch(`${app.origin}/`);
    expect(response.status).toBe(200);
    const start = pageScripts(await response.text(), response.headers.get('link') ?? '');
    expect(start.some((url) => url.includes('/entry/app.'))).toBe(true);

    // SvelteKit imports the root error page (node 1) as soon as it starts.
    const appUrl = start.find((url) => url.includes('/entry/app.'))!;
    const errorNode = /["'`](\.\.\/nodes\/1\.[\w-]+\.js)["'`]/.exec(readFileSync(join(CLIENT, appUrl), 'utf8'))?.[1];
    expect(errorNode, 'root error page in the route table').toBeDefined();

    const files = new Map<string, Buffer>();
    const queue = [...start, posix.join(posix.dirname(appUrl), errorNode!)];
    while (queue.length > 0) {
      const url = queue.pop()!;
      if (files.has(url)) continue;
      const body = readFileSync(join(CLIENT, url));
      files.set(url, body);
      queue.push(...staticImports(url, body.toString('utf8')));
    }

    const gzip = [...files.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    const kib = gzip / 1024;
    console.log(`[first-load /] ${files.size} scripts, ${kib.toFixed(1)} KiB gzip (budget ${BUDGET_KIB} KiB)`);
    expect(kib, `KiB gzip of:\n${[...files.keys()].join('\n')}\n`).toBeLessThanOrEqual(BUDGET_KIB);
  });
});
