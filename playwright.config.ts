import { defineConfig } from '@playwright/test';
import { e2eServer } from './tests/e2e/support/paths';
import { CHROME_PATH, CHROMIUM_FLAGS } from './scripts/lib/built-app.mjs';

/**
 * End-to-end tests run against the BUILT app (`npm run build` first; `npm test` does it) with a
 * fresh demo database in a temporary directory. See tests/e2e/start-server.mjs.
 */
const server = e2eServer(4173);
const CI = !!process.env.CI;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: {
    browserName: 'chromium',
    baseURL: server.origin,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'off',
    launchOptions: { executablePath: CHROME_PATH, args: CHROMIUM_FLAGS }
  },
  webServer: {
    command: 'node tests/e2e/start-server.mjs',
    url: `${server.origin}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: server.env
  }
});
