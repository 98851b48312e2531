import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

/**
 * Served by the gateway under /svelte/ (http://localhost:8080/svelte/). `npm run dev` serves it on
 * http://localhost:5175/svelte/ and sends /api and /svelte/config.json (the app's settings) to the gateway;
 * signing in from there needs the realm to accept that origin's redirect URI (it accepts
 * http://localhost:8080/* only), see web/README.md.
 */
export default defineConfig(({ mode }) => ({
  base: '/svelte/',
  plugins: [svelte(), svelteTesting()],
  // Svelte's package answers its server-side build under the `node` condition; components under test need the
  // browser one (mount, effects)
  ...(mode === 'test' ? { resolve: { conditions: ['browser'] } } : {}),
  server: {
    port: 5175,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
      // the settings the app reads at start (where people sign in, Stripe's key), as the gateway serves them
      '/svelte/config.json': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
  },
}));
