/** How an import report is told to the user: one sentence plus one line per file worth mentioning. */
import type { ImportReport } from '../../shared/model/import';

const IMPORTED_LINES = 30;
const REPORT_LINES = 300;

/** Summarises an import report in one sentence plus one line per file worth mentioning. */
export function describeImport(report: ImportReport): { text: string; details: string[]; tone: 'info' | 'error' } {
  const parts: string[] = [];
  const n = report.imported.length;
  parts.push(n ? `Imported ${n} document${n === 1 ? '' : 's'}.` : 'Nothing was imported.');
  if (report.duplicates.length) parts.push(`Skipped ${report.duplicates.length} already in the corpus.`);
  if (report.refused.length) parts.push(`Refused ${report.refused.length} file${report.refused.length === 1 ? '' : 's'}.`);
  if (report.problems.length) parts.push(`Skipped ${report.problems.length} record${report.problems.length === 1 ? '' : 's'} inside files.`);
  const lines = [
    ...report.refused.map((r) => r.message),
    ...report.problems.map((p) => `${p.fileName}, ${p.message}`),
    ...report.duplicates.map((d) => `${d.fileName}: same text as “${d.existingTitle}”, skipped.`),
  ];
  // Every refusal and problem is listed; imported files only while the list stays readable.
  if (report.imported.length <= IMPORTED_LINES) lines.push(...report.imported.map((i) => `${i.fileName}: ${i.detail}`));
  const details = lines.length > REPORT_LINES ? [...lines.slice(0, REPORT_LINES), `…and ${lines.length - REPORT_LINES} more lines (the full report is kept with the import).`] : lines;
  return { text: parts.join(' '), details, tone: report.refused.length && !n ? 'error' : 'info' };
}
