/**
 * The last line of defence of the brat, CoNLL and spaCy modules: an unexpected exception
 * becomes `{ ok: false, problems }`, so that importers and exporters never throw.
 */
import { refusedAs, type ExportOutcome, type ImportOutcome, type Refused } from './dataset';

function problem(error: unknown): Refused {
  return refusedAs('dataset.unexpected', { error: error instanceof Error ? error.message : String(error) });
}

/** Runs an export; an exception becomes a problem. */
export function guardExport(run: () => ExportOutcome): ExportOutcome {
  try {
    return run();
  } catch (error) {
    return problem(error);
  }
}

/** Runs an import; an exception becomes a problem. */
export function guardImport(run: () => ImportOutcome): ImportOutcome {
  try {
    return run();
  } catch (error) {
    return problem(error);
  }
}
