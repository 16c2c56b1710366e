import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/*
 * The front end: `vite build web` writes web/dist, which the local portal and S3/CloudFront serve.
 * The API lives on the same origin under /api; in development Vite forwards it to the local portal.
 */
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the published site; the code is small and readable in the repository.
    sourcemap: false,
  },
  server: {
    // web/src imports the shared schemas and texts from ../functions/core.
    fs: { allow: ['..'] },
    proxy: { '/api': { target: process.env.VOTUM_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
