import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds the benchmark page (test/bench/index.html) into dist-bench/ (`BENCH_MINIFY=0` keeps function names readable in CPU profiles and traces). */
export default defineConfig({
  root: 'test/bench',
  base: './',
  plugins: [react()],
  build: { outDir: '../../dist-bench', emptyOutDir: true, chunkSizeWarningLimit: 2048, ...(process.env.BENCH_MINIFY === '0' ? { minify: false } : {}) },
  preview: { host: '127.0.0.1', port: Number(process.env.BENCH_PORT ?? 4199), strictPort: true },
  logLevel: 'warn',
});
