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
import { allFilesFilter, type DialogText } from './dialog-text';

/**
 * The open dialog's filters, named in the language of `t`: every dataset extension, then one
 * filter per kind, then "All files".
 */
export function datasetFileFilters(t: DialogText): FileFilter[] {
  return [
    { name: t('dialog.filter.datasets'), extensions: [...DATASET_EXTENSIONS] },
    { name: t('dialog.filter.datasetJson'), extensions: ['json', 'jsonl', 'ndjson'] },
    { name: t('dialog.filter.conll'), extensions: ['conll', 'bio', 'iob', 'tsv', 'txt'] },
    { name: t('dialog.filter.bratStandoff'), extensions: ['txt', 'ann', 'conf'] },
    allFilesFilter(t),
  ];
}

/** Options given to the native open dialog, its title and filter names in the language of `t`. */
export function datasetDialogOptions(t: DialogText): OpenDialogOptions {
  return {
    title: t('dialog.title.importDataset'),
    properties: ['openFile', 'multiSelections'],
    filters: datasetFileFilters(t),
  };
}

/**
 * Shows the dataset open dialog (several files: brat pairs; its words in the language of
 * `deps.t`) and reads each chosen file in order, under its base name. Cancel gives
 * `{ files: [] }`.
 */
export async function openDatasetFiles(deps: OpenArticleFilesDeps): Promise<OpenArticleFilesResult> {
  const result = await deps.showOpenDialog(datasetDialogOptions(deps.t));
  if (result.canceled) return { files: [] };
  const paths = result.filePaths;
  return { files: await readFilesWithinLimits(paths, paths.map((path) => basename(path)), deps) };
}
