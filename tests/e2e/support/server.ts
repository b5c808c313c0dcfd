import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { e2eServer, type E2eServer } from './paths';

export interface RunningServer extends E2eServer {
  stop(): Promise<void>;
  logText(): string;
}

/**
 * Ports in use by specs (base + parallelIndex, so at most +1 with 2 workers): api 4180, orders-api 4320, orders-board 4330, xss 4300, merchant-chain 4310, curator
 * 4184, merchant 4210, merchant-settings 4230, curator-content 4240, moderation 4250/4252/4254,
 * authz 4260, map-tiles 4270/4274, messaging 4280/4281, personal-push 4400, refunds 4450, offline 4626–4629; the shared server is 4173.
 *
 * Starts an extra instance of the built app (e.g. an empty install with PLACETTE_DEMO=0, or a
 * copy of the build) on its own port and database, and waits until /api/health answers.
 */
export async function startServer(
  port: number,
  options: { demo?: boolean; build?: string; env?: Record<string, string> } = {}
): Promise<RunningServer> {
  const server = e2eServer(port, options);
  // Operator settings (e.g. PLACETTE_MAP_TILES) only for the instance that asks for them.
  const env: NodeJS.ProcessEnv = { ...process.env, ...server.env, ...options.env };
  if (!options.env?.PLACETTE_MAP_TILES) delete env.PLACETTE_MAP_TILES;
  if (options.demo !== false) delete env.PLACETTE_DEMO;
  // A copy of the build directory to serve instead of ./build (it needs node_modules above it).
  if (options.build) env.PLACETTE_E2E_BUILD = options.build;
  else delete env.PLACETTE_E2E_BUILD;
  const child: ChildProcess = spawn(process.execPath, ['tests/e2e/start-server.mjs'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`server on port ${port} exited: ${stderr}`);
        try {
          return (await fetch(`${server.origin}/api/health`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 30_000, intervals: [100, 200, 500] }
    )
    .toBe(200);

  return {
    ...server,
    logText: () => readFileSync(server.log, 'utf8'),
    async stop() {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
        await exited;
      }
    }
  };
}
