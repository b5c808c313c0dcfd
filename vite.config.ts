import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { firstLoadChunk } from './scripts/vite/first-load-chunk.ts';
import { basemapPaths } from './scripts/vite/basemap.ts';

export default defineConfig({
  plugins: [
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      // The locale lives on the device (see $lib/i18n/locale.svelte.ts); the server always
      // renders the base locale so that no cookie or header is needed.
      strategy: ['baseLocale'],
      emitTsDeclarations: true,
      // Generated code only: no README or ignore files naming other sites next to shipped code.
      emitReadme: false,
      emitPrettierIgnore: false
    }),
    basemapPaths(),
    sveltekit(),
    firstLoadChunk()
  ],
  build: {
    // A page's stylesheets are still loaded with its code, but not the list of every page's
    // JavaScript chunks to preload: that list sat in SvelteKit's route table, shipped on every
    // first load (≈1.7 KiB gzip). A page's chunks are its code's static imports, fetched once its
    // node module has loaded: one round trip later, hidden by preloading on hover/tap
    // (data-sveltekit-preload-data) and by the service worker, which precaches them all.
    modulePreload: false
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    benchmark: { include: ['tests/bench/**/*.bench.ts'] }
  }
});
