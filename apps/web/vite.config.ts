import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
// DKFDS exports only its script; its borger.dk stylesheet (for the citizen pages) is found beside it.
const dkfdsDist = path.resolve(path.dirname(createRequire(import.meta.url).resolve('dkfds')), '..');

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: { alias: [{ find: /^dkfds-borgerdk\.css$/, replacement: path.join(dkfdsDist, 'css/dkfds-borgerdk.min.css') }] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // bench/web-bundle reads which chunks the first page needs.
    manifest: true,
    rolldownOptions: {
      output: {
        // React changes less often than the app: its own chunk keeps browser caches warm. Other
        // libraries are split with the pages that use them (each page is loaded on first use), so
        // the sign-in page does not carry the charts, dates and tables of the rest.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
