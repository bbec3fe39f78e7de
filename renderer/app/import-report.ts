/** How an import report is told to the user: one sentence plus one line per file worth mentioning. */
import type { ImportReport } from '../../shared/model/import';
import type { Translate } from '../../shared/i18n/i18n';
import { appendAll } from '../../shared/arrays';

const IMPORTED_LINES = 30;
const REPORT_LINES = 300;

/** Summarises an import report in one sentence plus one line per file worth mentioning. */
export function describeImport(report: ImportReport, t: Translate): { text: string; details: string[]; detailsShown: number; tone: 'info' | 'error' } {
  const parts: string[] = [];
  const n = report.imported.length;
  parts.push(n ? t('importReport.imported', { count: n }) : t('importReport.nothing'));
  // A copy of a document the corpus held, or of a file earlier in this same import (named).
  const ofThisImport = report.duplicates.filter((d) => d.existingFile !== undefined).length;
  const ofTheCorpus = report.duplicates.length - ofThisImport;
  if (ofTheCorpus) parts.push(t('importReport.duplicates', { count: ofTheCorpus }));
  if (ofThisImport) parts.push(t('importReport.duplicatesInImport', { count: ofThisImport }));
  // Entries the folder walk left out (hidden, not articles) are not refusals: counted apart.
  const skipped = report.refused.filter((r) => r.phrase?.code === 'file.skipped').length;
  const refused = report.refused.length - skipped;
  if (refused) parts.push(t('importReport.refused', { count: refused }));
  if (skipped) parts.push(t('importReport.skipped', { count: skipped }));
  if (report.problems.length) parts.push(t('importReport.problems', { count: report.problems.length }));
  // Reasons come from shared/ as phrases, said in the interface language (a report kept from
  // before phrases, or a host's own reason, has only its sentence, shown as it is).
  const lines = [
    ...report.refused.map((r) => t.text(r.message, r.phrase)),
    ...report.problems.map((p) => t('importReport.problemLine', { file: p.fileName, problem: t.text(p.message, p.phrase) })),
    ...report.duplicates.map((d) =>
      d.existingFile === undefined
        ? t('importReport.duplicateLine', { file: d.fileName, title: d.existingTitle })
        : t('importReport.duplicateInImportLine', { file: d.fileName, other: d.existingFile, title: d.existingTitle }),
    ),
  ];
  // What went wrong shows at once; the imported files may be folded away after it (StatusArea).
  const detailsShown = lines.length;
  // Every refusal and problem is listed; imported files only while the list stays readable.
  if (report.imported.length <= IMPORTED_LINES) appendAll(lines, report.imported.map((i) => t('importReport.importedLine', { file: i.fileName, detail: t.text(i.detail, i.detailPhrase) })));
  const details = lines.length > REPORT_LINES ? [...lines.slice(0, REPORT_LINES), t('importReport.moreLines', { count: lines.length - REPORT_LINES })] : lines;
  return { text: parts.join(' '), details, detailsShown, tone: refused && !n ? 'error' : 'info' };
}
