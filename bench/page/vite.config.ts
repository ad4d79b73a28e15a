import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * The benchmark page: a bundle of the app's own database and replication code (renderer/src),
 * built like the app (production mode: no RxDB dev-mode, no schema validation on writes).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  // BENCH_PAGE_READABLE=1: unminified, for CPU profiles with the functions' own names.
  build: { outDir: '../../out/bench-page', emptyOutDir: true, target: 'chrome120', chunkSizeWarningLimit: 5000, minify: process.env.BENCH_PAGE_READABLE !== '1' },
});
