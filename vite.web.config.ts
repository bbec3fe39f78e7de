import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspMetaTagPlugin } from './shared/security/csp.ts';

/**
 * The browser build of the renderer (`npm run web`, and what the end-to-end tests drive).
 * Same React code as the Electron renderer; `renderer/platform/` picks the browser host when
 * no preload API is present.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMetaTagPlugin()],
  build: { outDir: '../dist-web', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
