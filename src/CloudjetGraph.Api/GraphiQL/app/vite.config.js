import { defineConfig } from 'vite';
import embeddedAsFiles from './embedded-as-files.js';

// The gateway serves the bundle under /graphql/ui/ (GraphiQLEndpoints.cs).
const base = '/graphql/ui/';

export default defineConfig({
  base,
  plugins: [embeddedAsFiles(base)],
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No data: URLs: every asset is a file of the gateway's own origin, the only one its policy allows.
    assetsInlineLimit: 0,
    // Monaco is large; the gateway serves it locally, so its size costs only a first load.
    chunkSizeWarningLimit: 8192,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React's "use client" markers mean nothing in a bundle for the browser.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') {
          warn(warning);
        }
      },
    },
  },
  worker: {
    format: 'es',
  },
});
