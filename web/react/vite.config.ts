import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Served by the gateway under /react/ (http://localhost:8080/react/). `npm run dev` serves it on
 * http://localhost:5173/react/ and sends /api to the gateway; signing in from there needs the realm to accept
 * that origin's redirect URI (it accepts http://localhost:8080/* only), see web/README.md.
 */
export default defineConfig({
  base: '/react/',
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
