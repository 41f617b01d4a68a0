import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Static hosts that serve 404.html for unknown paths (GitHub Pages and friends) then boot the SPA: deep links survive. */
function spaFallback(): Plugin {
  return {
    name: 'certportal-spa-fallback',
    apply: 'build',
    closeBundle() {
      copyFileSync(resolve('dist/index.html'), resolve('dist/404.html'));
    },
  };
}

// The build bakes in no endpoints: the app reads config.json at start-up (src/app/load-config.ts, checked by src/lib/runtime-config.ts).
export default defineConfig({
  plugins: [react(), spaFallback()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { main: resolve('index.html'), redirect: resolve('redirect.html') },
    },
  },
});
