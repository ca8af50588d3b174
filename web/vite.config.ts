import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { fieldServiceWorker } from './src/field/pwa/vite-plugin.ts';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react(), fieldServiceWorker()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
