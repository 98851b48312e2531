import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // component styles go to the CSS file, never into a <style> the page injects: the CSP says style-src 'self'
    css: 'external',
  },
};
