import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { ChunkingContext } from 'rolldown';
import { defineConfig, type Plugin } from 'vite';
import { routeAddresses } from '../functions/core/contract/index.ts';
import { votumOpenApi } from '../infra/openapi.ts';

/**
 * The API's OpenAPI document (from the route table) as /openapi.json of the built site, so every
 * portal serves it at that stable path beside the front end; the dev server answers it as well.
 */
const openApi = (): Plugin => {
  const json = () => `${JSON.stringify(votumOpenApi(), null, 2)}\n`;
  return {
    name: 'votum-openapi',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'openapi.json', source: json() });
    },
    configureServer(server) {
      server.middlewares.use('/openapi.json', (_request, response) => {
        response.setHeader('content-type', 'application/json; charset=utf-8');
        response.end(json());
      });
    },
  };
};

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const entry = source('src/main.tsx');
const checks = source('src/sketch-check.ts');

/** What a module imports statically, all the way down. */
function closure(ctx: ChunkingContext, from: string): Set<string> {
  const modules = new Set<string>();
  const todo = [from];
  while (todo.length) {
    const id = todo.pop() as string;
    if (modules.has(id)) continue;
    modules.add(id);
    todo.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  return modules;
}

/**
 * Which chunk a module goes into: `frame` (everything the entry imports, the sketch form's first
 * step with it, and the bundler's small runtime, which would otherwise be a request of its own) or
 * `sketch-check` (the form's checks, loaded on the form's first use: zod and the sketch's schemas,
 * all they import that the frame has not). Computed once per pass.
 */
type Group = 'frame' | 'sketch-check';
let chunking: { ctx: ChunkingContext; frame: Set<string>; check: Set<string> } | undefined;
function chunkOf(id: string, ctx: ChunkingContext): Group | null {
  if (chunking?.ctx !== ctx) chunking = { ctx, frame: closure(ctx, entry), check: closure(ctx, checks) };
  if (chunking.frame.has(id) || id.includes('rolldown/runtime')) return 'frame';
  return chunking.check.has(id) ? 'sketch-check' : null;
}

/**
 * Vite wraps every dynamic import in its preload helper (3.4 KB minified in the first script: module
 * preloading with fallbacks, nonces, error events). Without module preloading (below) all it has to
 * do is load an office page's stylesheet before the page's code: this is that, and nothing else.
 */
const preloadHelper = '\0vite/preload-helper.js';
const cssOnlyPreload = (): Plugin => ({
  name: 'votum-css-only-preload',
  apply: 'build',
  enforce: 'pre',
  load(id) {
    if (id !== preloadHelper) return null;
    return `export const __vitePreload = (load, deps) =>
  Promise.all((deps || []).map((dep) => {
    const href = '/' + dep;
    if (!href.endsWith('.css') || document.querySelector('link[href="' + href + '"]')) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    const loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = () => reject(new Error('stylesheet failed: ' + href));
    });
    document.head.append(link);
    return loaded;
  })).then(() => load());`;
  },
});

/**
 * The API client's addresses (web/src/lib/api.ts), from the route table: each module of web/src
 * that names a route (`call('getSketch', …)`, `useLoad('listVotes')`, any string literal that is a
 * route's id) starts with a call that tells the client where those routes live. So a chunk carries
 * the addresses it calls (the whole table is 5 KB, 1.2 KB gzip), and no schema ships. Prepended on
 * the module's first line, so the lines of a source map stay where they were.
 */
const routeTable = (): Plugin => {
  const table = routeAddresses();
  const ids = Object.keys(table) as (keyof typeof table)[];
  const api = source('src/lib/api.ts');
  const src = source('src/');
  return {
    name: 'votum-route-table',
    transform(code, id) {
      // Not the client itself, nor the texts it imports (that would be an import cycle).
      if (!id.startsWith(src) || id === api || !/\.tsx?$/.test(id) || id.endsWith('.de.ts')) return null;
      const named = ids.filter((route) => new RegExp(`['"\`]${route}['"\`]`).test(code));
      if (named.length === 0) return null;
      const addresses = JSON.stringify(Object.fromEntries(named.map((route) => [route, table[route]])));
      return {
        code: `import { knownRoutes as __votumRoutes } from ${JSON.stringify(api)};__votumRoutes(${addresses});${code}`,
        map: null,
      };
    },
  };
};

/*
 * The front end: `vite build web` writes web/dist, which the local portal and S3/CloudFront serve.
 * The API lives on the same origin under /api; in development Vite forwards it to the local portal.
 */
export default defineConfig({
  plugins: [preact(), openApi(), cssOnlyPreload(), routeTable()],
  // The API client's addresses come with the modules that call them (routeTable), none in advance.
  define: { __VOTUM_ROUTES__: '{}' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the published site; the code is small and readable in the repository.
    sourcemap: false,
    // No preloading of a page chunk's imports (the helper that did it weighed 3.4 KB in the first
    // script): a page opened later fetches its shared chunks one round trip after its own.
    modulePreload: false,
    rolldownOptions: {
      input: { index: source('index.html') },
      output: {
        // Each request on a page's way to its first paint costs a round trip on a slow line: the first
        // script is one chunk with the sketch form's first step (pages/SketchEditor.tsx and what it
        // imports), and the form's checks (zod with the sketch's schemas) another, instead of a dozen
        // small shared ones.
        codeSplitting: {
          // One group each, the frame first: a group takes along what its modules import, unless
          // a group of higher priority has it already.
          groups: (['frame', 'sketch-check'] as const).map((group, i) => ({
            name: (id: string, ctx: ChunkingContext) => (chunkOf(id, ctx) === group ? group : null),
            // Names the group in the bundler's timing report (it warns about a `name` function without it).
            debugName: group,
            priority: 2 - i,
          })),
        },
      },
    },
  },
  server: {
    // web/src imports the shared schemas and texts from ../functions/core.
    fs: { allow: ['..'] },
    proxy: { '/api': { target: process.env.VOTUM_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
