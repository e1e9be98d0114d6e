import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const require = createRequire(import.meta.url);
// The NHS.UK frontend's icons and favicons, served from the app's own origin (/images/...).
const nhsukAssets = join(dirname(require.resolve('nhsuk-frontend/package.json')), 'dist', 'nhsuk', 'assets');

export default defineConfig({
  root: fileURLToPath(new URL('./web/', import.meta.url)),
  publicDir: nhsukAssets,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web/', import.meta.url)),
    emptyOutDir: true,
    // Named for their content: the app server caches /assets/ for a year.
    assetsDir: 'assets',
    sourcemap: false,
  },
  css: {
    preprocessorOptions: {
      scss: {
        loadPaths: [dirname(dirname(require.resolve('nhsuk-frontend/package.json')))],
        // The NHS.UK frontend's own deprecation notices, not ours to act on.
        quietDeps: true,
      },
    },
  },
});
