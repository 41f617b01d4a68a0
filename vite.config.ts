import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The build bakes in no endpoints: the app reads config.json at start-up (src/app/config.ts).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
