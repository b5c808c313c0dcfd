// Starts the built app (./build) for end-to-end tests on a FRESH database:
// removes the previous database file, then runs the server in this process while copying
// everything it writes to stdout/stderr into $PLACETTE_E2E_LOG (the privacy tests read it).
import { appendFileSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const database = process.env.DATABASE_URL;
const log = process.env.PLACETTE_E2E_LOG;
if (!database || !log) {
  console.error('start-server: DATABASE_URL and PLACETTE_E2E_LOG must be set');
  process.exit(2);
}
// PLACETTE_DEMO is either '0' (empty install) or absent (demo seed): never inherited by accident.
if (process.env.PLACETTE_DEMO !== '0') delete process.env.PLACETTE_DEMO;

// PLACETTE_E2E_BUILD: another copy of the build (e.g. one a test modifies); default ./build.
const entry = resolve(process.env.PLACETTE_E2E_BUILD || 'build', 'index.js');
if (!existsSync(entry)) {
  console.error('start-server: build/index.js is missing; run `npm run build` first');
  process.exit(2);
}

mkdirSync(dirname(database), { recursive: true });
for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(database + suffix, { force: true });
mkdirSync(dirname(log), { recursive: true });
writeFileSync(log, '');

for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    try {
      appendFileSync(log, typeof chunk === 'string' ? chunk : Buffer.from(chunk));
    } catch {
      // The log is a test aid; never let it break the server.
    }
    return write(chunk, ...rest);
  };
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));

await import(pathToFileURL(entry).href);
