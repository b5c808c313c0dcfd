import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ precompress: true }),
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
