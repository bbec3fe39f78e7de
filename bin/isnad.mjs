#!/usr/bin/env node
// The `isnad` command: runs the bundled CLI (built by `npm run build:cli`, which
// `npm install` runs through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../out/cli/isnad.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('isnad: the command line is not built yet; run `npm run build:cli` (or `npm install`) in the Isnad folder.\n');
  process.exit(2);
}
await import(pathToFileURL(bundle).href);
