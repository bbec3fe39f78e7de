#!/usr/bin/env node
/**
 * Runs Electronegativity (installed in this folder, apart from the app's dependencies) on one
 * folder and prints its results as JSON on stdout, for test/security/electronegativity.test.ts:
 *
 *   node tools/electronegativity/scan.mjs <folder> <electron version> [excluded,check,ids]
 *
 * The library's own CLI exits 0 whatever it finds and does not print parse errors in its CSV
 * or SARIF output; calling its runner directly gives both the findings and the files it could
 * not parse, so the gate can fail on either.
 *
 * Output: { files, checks: { global, atomic }, errors: [{ file, message, tolerable }],
 *           issues: [{ id, severity, confidence, file, line, column, description, manualReview }] }
 */
import fs from 'node:fs';
import path from 'node:path';

async function main() {
  const [input, electronVersion, excluded = ''] = process.argv.slice(2);
  if (!input || !electronVersion) {
    console.error('usage: node tools/electronegativity/scan.mjs <folder> <electron version> [excluded,check,ids]');
    process.exit(2);
  }
  const folder = path.resolve(input);
  if (!fs.statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);

  // The library logs progress and network failures (translations, Electron releases) with
  // console.log; keep stdout for the JSON.
  const log = console.log;
  console.log = (...args) => console.error(...args);
  const { default: run } = await import('@doyensec/electronegativity/dist/runner.js');
  const result = await run(
    {
      input: folder,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: excluded ? excluded.split(',').map((id) => id.trim()).filter(Boolean) : [],
      customScan: [],
      parserPlugins: [],
    },
    false,
  );
  console.log = log;

  const issues = result.issues.map((issue) => ({
    id: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    // Relative to the scanned folder, with forward slashes.
    file: String(issue.file).split(path.sep).join('/'),
    line: issue.location.line,
    column: issue.location.column,
    description: issue.description,
    manualReview: Boolean(issue.manualReview),
  }));
  const errors = result.errors.map((error) => ({
    file: path.relative(folder, error.file).split(path.sep).join('/'),
    message: error.message,
    tolerable: error.tolerable,
  }));
  process.stdout.write(
    `${JSON.stringify({ checks: { global: result.globalChecks, atomic: result.atomicChecks }, errors, issues }, null, 2)}\n`,
  );
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
