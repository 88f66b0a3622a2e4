/**
 * The web front end's build: one React app (marketplace/ui is its shell, dashboards/ its analytics pages)
 * built into dist/web, which api/web.ts serves, plus the embed page (dashboards/embed) as a second entry.
 * `npm run dev:web` serves it with hot reload and proxies the API to a running `npm start`.
 */
import path from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root: path.join(root, 'marketplace/ui'),
  base: '/',
  publicDir: false,
  // No React plugin: esbuild/oxc compile TSX with the automatic runtime from tsconfig's "jsx": "react-jsx";
  // the plugin would add only dev-time Fast Refresh, and its peer dependencies clash with Cube's Babel.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    // One copy of each even if a dependency nests its own (package.json overrides @cubejs-client/react's core).
    dedupe: ['@cubejs-client/core', 'react', 'react-dom'],
  },
  build: {
    // WHOLESAIL_WEB_DIR: see DEFAULT_WEB_DIR in api/web.ts (the server serves the same folder).
    outDir: process.env.WHOLESAIL_WEB_DIR
      ? path.resolve(process.env.WHOLESAIL_WEB_DIR)
      : path.join(root, 'dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
    // Lazy chunks only pass this: ECharts (~540 kB raw / ~180 kB gzipped, with the first chart) and the deck.gl
    // map (~880 kB raw, when the executive map comes on screen). The initial bundle is what the budget is about:
    // bench/web-bundle/size.ts measures it.
    chunkSizeWarningLimit: 1000,
    // The embed page shares chunks (React, the Cube client, the charts) with the app but not its shell; it has
    // no HTML of its own (Vite emits HTML only inside `root`), so api/web.ts finds its files in the manifest.
    manifest: true,
    rolldownOptions: {
      input: {
        index: path.join(root, 'marketplace/ui/index.html'),
        embed: path.join(root, 'dashboards/embed/main.tsx'),
      },
      onwarn(warning, warn) {
        // react-router marks itself "use client" for React Server Components; meaningless in a client bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    fs: { allow: [root] },
    proxy: { '/api': 'http://127.0.0.1:3000', '/cubejs-api': 'http://127.0.0.1:3000' },
  },
});
