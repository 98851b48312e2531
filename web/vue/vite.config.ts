import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

/**
 * Served by the gateway under /vue/ (http://localhost:8080/vue/). `npm run dev` serves it on
 * http://localhost:5174/vue/ and sends /api and /vue/config.json (the app's settings) to the gateway;
 * signing in from there needs the realm to accept that origin's redirect URI (it accepts
 * http://localhost:8080/* only), see web/README.md.
 */
export default defineConfig({
  base: '/vue/',
  plugins: [vue()],
  server: {
    port: 5174,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
      // the settings the app reads at start (where people sign in, Stripe's key), as the gateway serves them
      '/vue/config.json': { target: 'http://localhost:8080', changeOrigin: false },
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
});
