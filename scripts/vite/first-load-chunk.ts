import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { minify } from 'terser';
import type { Plugin } from 'vite';

/** The modules a first visit to `/` starts from: SvelteKit's client app, root layout, error page and `/`. */
const ROOTS = [
  '.svelte-kit/generated/client-optimized/app.js',
  'src/routes/+layout.svelte',
  'src/routes/+error.svelte',
  'src/routes/+page.svelte'
];
const FIRST_LOAD = 'first-load';
const SVELTE_INTERNALS = 'node_modules/svelte/src/internal/client/index.js';
const MESSAGES = ['src/lib/paraglide/messages.js', 'src/lib/paraglide/messages/_index.js'];

/** Modules with no effect when loaded, so that the bundler may leave out what a page does not use. */
const PURE_MODULES = /[\\/](node_modules[\\/]svelte[\\/]src[\\/]internal[\\/](client|shared)|src[\\/]lib[\\/]paraglide)[\\/]/;

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[]; code: string | null } | null;
}

/** `export { a, b as c } from './x.js'` lines of a barrel module → exported name → defining module. */
function reExports(barrel: string, code: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const [, list, from] of code.matchAll(/export\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)) {
    for (const spec of list.split(',')) {
      const exported = spec.trim().split(/\s+as\s+/).pop();
      if (exported) names.set(exported, resolve(dirname(barrel), from));
    }
  }
  return names;
}

/** Members a module uses from an import of `specifier`: `ns.name` of `import * as ns`, and named imports. */
function usedMembers(code: string, specifier: RegExp): string[] {
  const used: string[] = [];
  const imports = new RegExp(`import\\s*([^'";]*?)\\s*from\\s*['"]${specifier.source}['"]`, 'g');
  for (const [, clause] of code.matchAll(imports)) {
    const namespace = /\*\s*as\s*([\w$]+)/.exec(clause)?.[1];
    if (namespace) {
      const member = new RegExp(`(?<![\\w$.])${namespace.replace(/\$/g, '\\$')}\\.([\\w$]+)`, 'g');
      for (const [, name] of code.matchAll(member)) used.push(name);
    }
    const named = /\{([^}]*)\}/.exec(clause)?.[1];
    if (named) used.push(...named.split(',').map((s) => s.trim().split(/\s+as\s+/)[0]).filter(Boolean));
  }
  return used;
}

/**
 * Puts the code that the first load of `/` runs into one chunk: the parts of the Svelte and
 * SvelteKit runtimes it uses, the root layout's and the feed's modules, their messages.
 *
 * Left to itself the bundler cuts that code into some thirty chunks by which pages share what, and
 * ships Svelte's whole runtime (forms included) to every page because components reach it through
 * one index module. Each file is compressed on its own, so identifiers and idioms are paid for in
 * each of them, plus import glue: one chunk is several KiB lighter than the same code in thirty.
 * The modules are found by walking static imports from the roots; through the two index modules
 * (Svelte's internals, Paraglide's messages) only to the names a module actually uses. Other pages
 * load this chunk too (they all start from the root layout) and keep their own code apart.
 *
 * Once Vite has minified it (Oxc), the chunk gets a second pass by Terser's compressor (no
 * renaming): it inlines the helpers used once and drops the constants nothing reads, which Oxc
 * leaves in, ≈1.7 KiB gzip of this chunk. The pass runs after Vite's own `generateBundle` work
 * (its preload markers are rewritten by then); the file keeps its name, whose hash already
 * depends on everything this deterministic pass reads (only a Terser upgrade could change the
 * bytes under one name, and both would be the same program).
 */
export function firstLoadChunk(): Plugin {
  return {
    name: 'placette:first-load-chunk',
    apply: 'build',
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        if (this.environment.config.consumer !== 'client') return;
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || chunk.name !== FIRST_LOAD) continue;
          const mapComment = /\n?\/\/# sourceMappingURL=\S+\s*$/.exec(chunk.code)?.[0] ?? '';
          const result = await minify(chunk.code.slice(0, chunk.code.length - mapComment.length), {
            module: true,
            compress: { passes: 2 },
            mangle: false,
            sourceMap: chunk.map ? { content: JSON.stringify(chunk.map), asObject: true } : false
          });
          if (result.code === undefined) continue;
          chunk.code = result.code + mapComment;
          if (chunk.map && result.map && typeof result.map === 'object') {
            // `vite build --sourcemap`: the map maps through both passes (written from its asset).
            chunk.map = Object.assign(chunk.map, result.map);
            const mapFile = bundle[`${chunk.fileName}.map`];
            if (mapFile?.type === 'asset') mapFile.source = JSON.stringify(chunk.map);
          }
        }
      }
    },
    config(config, { isSsrBuild }) {
      if (isSsrBuild) return;
      const root = resolve(config.root ?? process.cwd());
      const roots = ROOTS.map((file) => resolve(root, file));
      // Module ids are real paths: node_modules may be a symlink (a git worktree sharing one).
      const svelteInternals = realpathSync(resolve(root, SVELTE_INTERNALS));
      const messages = MESSAGES.map((file) => resolve(root, file));
      const routes = resolve(root, 'src/routes');
      let firstLoad: Set<string> | undefined;

      const walk = (graph: ModuleGraph): Set<string> => {
        const svelteExports = reExports(svelteInternals, graph.getModuleInfo(svelteInternals)?.code ?? '');
        const seen = new Set<string>();
        const queue = [...roots];
        while (queue.length > 0) {
          const id = queue.pop()!;
          if (seen.has(id)) continue;
          seen.add(id);
          const info = graph.getModuleInfo(id);
          if (!info) continue;
          for (const dep of info.importedIds) {
            if (dep === svelteInternals) {
              for (const name of usedMembers(info.code ?? '', /svelte\/internal\/client/)) {
                const module = svelteExports.get(name);
                if (module) queue.push(module);
              }
            } else if (messages.includes(dep)) {
              for (const name of usedMembers(info.code ?? '', /[^'"]*paraglide\/messages(?:\.js|\/_index\.js)?/)) {
                queue.push(resolve(messages[1], '..', `${name}.js`));
              }
            } else {
              queue.push(dep);
            }
          }
        }
        return seen;
      };

      return {
        build: {
          rollupOptions: {
            treeshake: { moduleSideEffects: (id: string) => !PURE_MODULES.test(id) },
            output: {
              codeSplitting: {
                groups: [
                  {
                    debugName: FIRST_LOAD,
                    name(id: string, graph: ModuleGraph) {
                      firstLoad ??= walk(graph);
                      const ownChunk = id.startsWith(routes) || roots.includes(id);
                      return firstLoad.has(id) && !ownChunk ? FIRST_LOAD : null;
                    }
                  }
                ]
              }
            }
          }
        }
      };
    }
  };
}
