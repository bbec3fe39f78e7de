import { defineConfig } from 'vite';

/** Bundles the `isnad` command line (cli/entry.ts) for Node into out/cli/isnad.mjs. */
export default defineConfig({
  build: {
    ssr: 'cli/entry.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'isnad.mjs', format: 'es' } },
  },
  ssr: { noExternal: true },
});
