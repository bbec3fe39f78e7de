/** Process entry of the `isnad` command (bundled to out/cli/isnad.mjs). */
import { main } from './isnad';

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
