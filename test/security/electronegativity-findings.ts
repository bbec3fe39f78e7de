/**
 * Judging Electronegativity's results for the security gate: which findings fail the build
 * (HIGH or MEDIUM, not accepted), which accepted findings no longer occur (the list must stay
 * exact), and reading the accepted list from SECURITY.md, where each one has its reason.
 */

/** One finding, as tools/electronegativity/scan.mjs prints it (file relative to the scanned folder). */
export interface ScanFinding {
  id: string;
  severity: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
  confidence: string;
  file: string;
  line: number;
  column: number;
  description: string;
  manualReview: boolean;
}

/** A file the scanner could not parse (`tolerable` errors are warnings on a parsed file). */
export interface ScanError {
  file: string;
  message: string;
  tolerable: boolean;
}

/** What scan.mjs prints. */
export interface ScanResult {
  checks: { global: number; atomic: number };
  errors: ScanError[];
  issues: ScanFinding[];
}

/** A finding judged a false positive: one check in one file, with the reason. */
export interface AcceptedFinding {
  check: string;
  file: string;
  reason: string;
}

/** The outcome of the gate: everything that makes it fail, in words. */
export interface Verdict {
  /** HIGH or MEDIUM findings not accepted. */
  failing: ScanFinding[];
  /** Accepted entries that match no HIGH or MEDIUM finding any more (remove them from SECURITY.md). */
  stale: AcceptedFinding[];
  /** Files that could not be parsed, so were not checked. */
  unparsed: ScanError[];
}

const GATED = new Set(['HIGH', 'MEDIUM']);

/** The heading in SECURITY.md whose table lists the accepted findings. */
export const ACCEPTED_HEADING = 'Accepted Electronegativity findings';

/**
 * Reads the accepted findings from SECURITY.md: the first table after the heading
 * {@link ACCEPTED_HEADING}, columns `check | file | reason` (check and file may be in
 * backticks). A row without a reason is an error: every exclusion must say why.
 */
export function parseAcceptedFindings(markdown: string): AcceptedFinding[] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => /^#+\s/.test(line) && line.includes(ACCEPTED_HEADING));
  if (start < 0) throw new Error(`SECURITY.md has no "${ACCEPTED_HEADING}" section.`);
  const accepted: AcceptedFinding[] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (/^#+\s/.test(line)) break;
    if (!line.trim().startsWith('|')) {
      if (inTable) break;
      continue;
    }
    inTable = true;
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim().replace(/^`|`$/g, ''));
    if (cells.every((cell) => /^:?-+:?$/.test(cell))) continue;
    if (cells[0]?.toLowerCase() === 'check') continue;
    const [check, file, reason] = cells;
    if (!check || !file || !reason) throw new Error(`SECURITY.md: accepted finding row "${line.trim()}" needs a check, a file and a reason.`);
    accepted.push({ check, file, reason });
  }
  return accepted;
}

function matches(entry: AcceptedFinding, finding: ScanFinding): boolean {
  return entry.check === finding.id && entry.file === finding.file;
}

/** Applies the gate to a scan: see {@link Verdict}. */
export function judgeScan(result: ScanResult, accepted: readonly AcceptedFinding[]): Verdict {
  const gated = result.issues.filter((finding) => GATED.has(finding.severity));
  return {
    failing: gated.filter((finding) => !accepted.some((entry) => matches(entry, finding))),
    stale: accepted.filter((entry) => !gated.some((finding) => matches(entry, finding))),
    unparsed: result.errors.filter((error) => !error.tolerable),
  };
}

/** The verdict as lines for the test's failure message (empty when the gate passes). */
export function describeVerdict(verdict: Verdict): string[] {
  return [
    ...verdict.failing.map((f) => `${f.severity} ${f.id} at ${f.file}:${f.line}:${f.column}: ${f.description}`),
    ...verdict.stale.map((e) => `accepted in SECURITY.md but no longer reported: ${e.check} in ${e.file} (remove the row)`),
    ...verdict.unparsed.map((e) => `not scanned, could not parse ${e.file}: ${e.message}`),
  ];
}
