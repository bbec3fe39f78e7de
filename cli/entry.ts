/** Process entry of the `isnad` command (bundled to out/cli/isnad.mjs). */
import { main } from './isnad';

/** Exit status of a program the shell saw killed by SIGPIPE (128 + 13), as `cat big | head` leaves `cat`. */
const SIGPIPE_STATUS = 141;

/**
 * Output into a pipe whose reader has gone (`isnad inspect … | head`): stop at once and
 * quietly, as a Unix tool killed by SIGPIPE does (Node ignores the signal, so the write
 * fails with EPIPE instead). Any other output error is still thrown.
 */
function onOutputError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(SIGPIPE_STATUS);
  throw error;
}
process.stdout.on('error', onOutputError);
process.stderr.on('error', onOutputError);

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
