import preact from '@preact/preset-vite';
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
        // The sketch form's code, its schema with zod and its texts as one chunk instead of a dozen small
        // ones: one request, and it compresses better (about 2 KB gzip less). The review page shares it.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            {
              name: 'sketch-form',
              test: /zod|functions\/core\/(sketch|sketch-full|sketch-fields|dates|money)\.ts|web\/src\/(sketch-form|sketch-paths|form\.texts\.de|autosave|pages\/SketchEditor|components\/(ErrorSummary|SectionNav|FormField|SketchSections))\.tsx?$/,
            },
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
