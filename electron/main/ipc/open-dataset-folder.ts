/**
 * `openDatasetFolder()`: the folder dialog for importing a brat dataset (a folder of .txt +
 * .ann files, perhaps with annotation.conf). The folder is walked and read exactly as
 * `openArticleFolder()` does (confined to the folder, no links, same limits), taking its brat
 * files instead of its articles; every other file is reported as skipped.
 */
import { basename } from 'node:path';
import type { OpenDialogOptions } from 'electron';
import { isBratFolderFile, NOT_A_BRAT_FILE } from '../../../shared/formats/dataset-detect';
import type { OpenDatasetFolderResult } from '../../../shared/ipc/contract';
import { readArticleFolder } from './open-article-folder';
import type { OpenArticleFolderDeps } from './open-article-folder';
import type { DialogText } from './dialog-text';

/** Options given to the native folder dialog, its title in the language of `t`. */
export function datasetFolderDialogOptions(t: DialogText): OpenDialogOptions {
  return { title: t('dialog.title.importBratFolder'), properties: ['openDirectory'] };
}

/**
 * Shows the folder dialog (its title in the language of `deps.t`) and reads the brat files
 * of the chosen folder's tree. Cancel → `{ cancelled: true }`, without touching the disk.
 */
export async function openDatasetFolder(deps: Omit<OpenArticleFolderDeps, 'accept' | 'notAccepted'>): Promise<OpenDatasetFolderResult> {
  const choice = await deps.showOpenDialog(datasetFolderDialogOptions(deps.t));
  const root = choice.filePaths[0];
  if (choice.canceled || root === undefined) return { cancelled: true };
  const { files, skipped } = await readArticleFolder(root, { ...deps, accept: isBratFolderFile, notAccepted: NOT_A_BRAT_FILE });
  return { folder: basename(root) || root, files, skipped };
}
