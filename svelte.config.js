import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * A build's version name must be the same for the server and the client bundles. Vite 8 builds
 * them as two environments that each load this config, so a timestamp would differ between them;
 * the package version plus the commit is stable within a build and changes with every release.
 */
function versionName() {
  const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
  try {
    const commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return `${version}-${commit}`;
  } catch {
    return version;
  }
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ precompress: true }),
    version: { name: process.env.PLACETTE_VERSION || versionName() },
    // src/service-worker.ts is registered by UpdatePrompt.svelte (production builds only), which
    // also asks before activating a new version.
    serviceWorker: { register: false },
    // Cross-site form posts are refused by src/hooks/csrf.ts instead: it also accepts the
    // `Origin: null` that browsers send from our own pages under `Referrer-Policy: no-referrer`.
    csrf: { trustedOrigins: ['*'] },
    // Absolute asset paths: the service worker serves one app shell at every URL, however deep.
    paths: { relative: false },
    // Same-origin only, no inline script: SvelteKit adds a nonce (SSR) or hash (prerender)
    // to the one bootstrap script it needs. Inline *style attributes* are allowed because
    // Svelte writes them for transitions; they cannot run code.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'media-src': ['self', 'blob:'],
        'worker-src': ['self'],
        'manifest-src': ['self'],
        'frame-src': ['none'],
        'frame-ancestors': ['none'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    }
  }
};

export default config;
