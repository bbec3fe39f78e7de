/**
 * The one way the app imports zod: configured `jitless` before any schema is built. Zod 4
 * otherwise probes for `new Function` (to compile fast object parsers), which the app's
 * Content-Security-Policy (no 'unsafe-eval') refuses — each probe is a CSP violation report,
 * and in the browser it is indistinguishable from a script trying to run. ESLint forbids
 * importing 'zod' anywhere else.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
