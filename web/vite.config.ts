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

const editor = fileURLToPath(new URL('src/pages/SketchEditor.tsx', import.meta.url));
let formClosure: { ctx: ChunkingContext; modules: Set<string> } | undefined;

/** The modules the sketch form's code imports (statically, all the way down), for one chunking pass. */
function formModules(ctx: ChunkingContext): Set<string> {
  if (formClosure?.ctx === ctx) return formClosure.modules;
  const modules = new Set<string>();
  const todo = [editor];
  while (todo.length) {
    const id = todo.pop() as string;
    if (modules.has(id)) continue;
    modules.add(id);
    todo.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  formClosure = { ctx, modules };
  return modules;
}

/*
 * The front end: `vite build web` writes web/dist, which the local portal and S3/CloudFront serve.
 * The API lives on the same origin under /api; in development Vite forwards it to the local portal.
 */
export default defineConfig({
  plugins: [preact(), openApi()],
  // The typed API client's addresses, from the route table (web/src/lib/api.ts); no schema ships.
  define: { __VOTUM_ROUTES__: JSON.stringify(routeAddresses()) },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the published site; the code is small and readable in the repository.
    sourcemap: false,
    // Browsers without native modulepreload (Safari < 17) still run every page, only without preloading.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Each request on a page's way to its first paint costs a round trip on a slow line: the first
        // script is one chunk, and the sketch form's code (pages/SketchEditor.tsx and everything it
        // imports: its schema with zod, its texts) is another, instead of a dozen small shared ones.
        codeSplitting: {
          groups: [
            // Everything the entry imports (the shared frame and the form's frame), into the entry.
            { name: 'frame', tags: ['$initial'], priority: 2 },
            { name: (id, ctx) => (formModules(ctx).has(id) ? 'sketch-form' : null), priority: 1 },
          ],
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
