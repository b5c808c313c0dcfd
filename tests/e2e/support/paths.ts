import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface E2eServer {
  port: number;
  origin: string;
  /** Temporary directory holding the database and the server log. */
  dir: string;
  database: string;
  log: string;
  /** Environment for `node tests/e2e/start-server.mjs`. */
  env: Record<string, string>;
}

/**
 * Where a test server keeps its state. The same function runs in the Playwright config and in
 * the workers, so both agree on the paths without passing anything around.
 */
export function e2eServer(basePort: number, options: { demo?: boolean } = {}): E2eServer {
  // PLACETTE_E2E_PORT_OFFSET moves every test server, so two checkouts can run their suites at once.
  const port = basePort + (Number(process.env.PLACETTE_E2E_PORT_OFFSET) || 0);
  const dir = join(process.env.PLACETTE_E2E_TMP || tmpdir(), `placette-e2e-${port}`);
  const database = join(dir, 'placette.db');
  const log = join(dir, 'server.log');
  const env: Record<string, string> = {
    DATABASE_URL: database,
    PLACETTE_E2E_LOG: log,
    PORT: String(port),
    HOST: '0.0.0.0',
    ORIGIN: `http://127.0.0.1:${port}`,
    NODE_ENV: 'production',
    // Every test signs up from the same address.
    PLACETTE_SIGNUP_LIMIT: '10000',
    PLACETTE_UPLOADS: join(dir, 'uploads'),
    BODY_SIZE_LIMIT: '13M'
  };
  if (options.demo === false) env.PLACETTE_DEMO = '0';
  return { port, origin: `http://127.0.0.1:${port}`, dir, database, log, env };
}

/** The shared server Playwright starts for every spec (demo city, port 4173). */
export const mainServer = e2eServer(4173);
