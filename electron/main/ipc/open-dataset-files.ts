/**
 * `openDatasetFiles()`: the open dialog for "Import dataset…", with filters for the dataset
 * formats (JSON and JSON Lines, CoNLL/BIO, brat .txt + .ann) and "All files"; the chosen files
 * are read like `openArticleFiles()` reads them (same per-file and total limits).
 */
import { basename } from 'node:path';
import type { FileFilter, OpenDialogOptions } from 'electron';
import { DATASET_EXTENSIONS } from '../../../shared/formats/dataset-detect';
import type { OpenArticleFilesResult } from '../../../shared/ipc/contract';
import { readFilesWithinLimits } from './open-article-files';
import type { OpenArticleFilesDeps } from './open-article-files';

/** The open dialog's filters: every dataset extension, then one filter per kind, then "All files". */
export const DATASET_FILE_FILTERS: FileFilter[] = [
  { name: 'Datasets', extensions: [...DATASET_EXTENSIONS] },
  { name: 'JSON and JSON Lines (Isnad, doccano, Label Studio, spaCy, Web Annotation)', extensions: ['json', 'jsonl', 'ndjson'] },
  { name: 'CoNLL / BIO', extensions: ['conll', 'bio', 'iob', 'tsv', 'txt'] },
  { name: 'brat standoff (.txt + .ann)', extensions: ['txt', 'ann', 'conf'] },
  { name: 'All files', extensions: ['*'] },
];

/** Options given to the native open dialog. */
export const DATASET_DIALOG_OPTIONS: OpenDialogOptions = {
  title: 'Import a dataset',
  properties: ['openFile', 'multiSelections'],
  filters: DATASET_FILE_FILTERS,
};

/**
 * Shows the dataset open dialog (several files: brat pairs) and reads each chosen file in
 * order, under its base name. Cancel gives `{ files: [] }`.
 */
export async function openDatasetFiles(deps: OpenArticleFilesDeps): Promise<OpenArticleFilesResult> {
  const result = await deps.showOpenDialog(DATASET_DIALOG_OPTIONS);
  if (result.canceled) return { files: [] };
  const paths = result.filePaths;
  return { files: await readFilesWithinLimits(paths, paths.map((path) => basename(path)), deps) };
}
