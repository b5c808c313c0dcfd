import { defineConfig } from 'vitest/config';
import base from './vite.config.ts';

/**
 * Reliability tests against the BUILT server (`npm run build` first): several processes on one
 * SQLite file, kill -9 in the middle of a load. `npm test` runs them after the build.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/integration/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000
  }
});
