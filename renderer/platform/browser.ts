/**
 * The browser host (`npm run web`, end-to-end tests): a file input for opening files or a
 * folder, a download for saving. No menu.
 */
import { DATASET_EXTENSIONS } from '../../shared/formats/dataset-detect';
import { SUPPORTED_EXTENSIONS } from '../../shared/formats/intake';
import { DEFAULT_MAX_FILE_BYTES } from '../../shared/text/decode';
import { splitArticleFiles, splitBratFolderFiles } from './folders';
import { toWorkerFiles, type HostPlatform } from './host';

/** Opens the browser's file chooser and resolves with the chosen files (empty on cancel). */
function chooseFiles(options: { folder: boolean; accept?: string }): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    if (options.folder) input.webkitdirectory = true;
    else input.accept = options.accept ?? SUPPORTED_EXTENSIONS.map((ext) => `.${ext}`).join(',');
    input.style.display = 'none';
    const done = (files: File[]): void => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** The MIME type of a download, by its file name (exports come as text or as bytes of either kind). */
function downloadType(fileName: string): string {
  if (/\.zip$/i.test(fileName)) return 'application/zip';
  if (/\.json(ld)?$/i.test(fileName)) return 'application/json';
  return 'text/plain;charset=utf-8';
}

/** The browser implementation of the host. */
export const browserPlatform: HostPlatform = {
  kind: 'browser',
  async pickArticleFiles() {
    return toWorkerFiles(await chooseFiles({ folder: false }), DEFAULT_MAX_FILE_BYTES);
  },
  async pickArticleFolder() {
    const files = await chooseFiles({ folder: true });
    if (!files.length) return null;
    return splitArticleFiles(files.map((file) => ({ file, name: file.webkitRelativePath || file.name })));
  },
  async pickDatasetFiles() {
    return toWorkerFiles(await chooseFiles({ folder: false, accept: DATASET_EXTENSIONS.map((ext) => `.${ext}`).join(',') }), DEFAULT_MAX_FILE_BYTES);
  },
  async pickDatasetFolder() {
    const files = await chooseFiles({ folder: true });
    if (!files.length) return null;
    const named = files.map((file) => ({ file, name: file.webkitRelativePath || file.name }));
    const folder = named[0]!.name.split('/')[0] ?? '';
    return { folder, ...splitBratFolderFiles(named) };
  },
  async saveExport(suggestedName, contents) {
    const type = downloadType(suggestedName);
    const url = URL.createObjectURL(new Blob([contents as BlobPart], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = suggestedName;
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { saved: true, where: suggestedName, downloaded: true };
  },
  onMenuCommand() {
    return () => undefined;
  },
  setMenuLanguage() {
    // A browser tab has no application menu.
  },
  snapshots: null,
};
