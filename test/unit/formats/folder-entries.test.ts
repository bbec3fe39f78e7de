/**
 * One rule for every folder walk (shared/formats/intake/folder-entries.ts): the browser's
 * folder picker, the desktop app's folder reader and `isnad inspect|import|convert` on a folder skip
 * the same entries and report each with the same reason.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byFolderPath, compareFolderPaths, folderEntryVerdict, pathVerdict } from '../../../shared/formats/intake/folder-entries';
import { isBratFolderFile, NOT_A_BRAT_FILE } from '../../../shared/formats/dataset-detect';
import { readArticleFolder } from '../../../electron/main/ipc/open-article-folder';
import { filesFromDrop, splitArticleFiles, splitBratFolderFiles } from '../../../renderer/platform/folders';
import { main } from '../../../cli/isnad';

/** Writes `tree` (relative path → text) into a new temporary folder; returns that folder. */
async function writeTree(tree: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'isnad-walk-'));
  for (const [path, text] of Object.entries(tree)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/**
 * A drop of the folder holding `tree` (paths whose first part is the folder), as a browser
 * gives it: entries read folder by folder; `opened` lists the folders whose reader was made.
 */
function droppedFolder(tree: Record<string, string>): { transfer: DataTransfer; opened: string[] } {
  const opened: string[] = [];
  type Fake = { name: string; fullPath: string; isFile: boolean; isDirectory: boolean; children?: Fake[] };
  const root: Fake = { name: 'news', fullPath: '/news', isFile: false, isDirectory: true, children: [] };
  for (const [path, text] of Object.entries(tree)) {
    let folder = root;
    const parts = path.split('/');
    for (let i = 1; i < parts.length - 1; i += 1) {
      let next = folder.children!.find((c) => c.name === parts[i]);
      if (!next) folder.children!.push((next = { name: parts[i]!, fullPath: `/${parts.slice(0, i + 1).join('/')}`, isFile: false, isDirectory: true, children: [] }));
      folder = next;
    }
    folder.children!.push({ name: parts.at(-1)!, fullPath: `/${path}`, isFile: true, isDirectory: false, text } as Fake);
  }
  const entry = (fake: Fake): unknown => ({
    ...fake,
    file: (ok: (file: File) => void) => ok(new File([(fake as Fake & { text: string }).text], fake.name)),
    createReader: () => {
      opened.push(fake.fullPath);
      let given = false;
      return { readEntries: (ok: (batch: unknown[]) => void) => ok(given ? [] : ((given = true), fake.children!.map(entry))) };
    },
  });
  const transfer = { items: [{ webkitGetAsEntry: () => entry(root) }], files: [] } as unknown as DataTransfer;
  return { transfer, opened };
}

describe('the folder-walk rule', () => {
  it('reads articles, enters folders, and skips hidden entries, links, pipes and non-articles with why', () => {
    expect(folderEntryVerdict('a.txt', 'file')).toEqual({ action: 'read' });
    expect(folderEntryVerdict('2019', 'folder')).toEqual({ action: 'enter' });
    expect(folderEntryVerdict('.DS_Store', 'file')).toEqual({ action: 'skip', reason: 'hidden file' });
    expect(folderEntryVerdict('.hidden.txt', 'file')).toEqual({ action: 'skip', reason: 'hidden file' });
    expect(folderEntryVerdict('.git', 'folder')).toEqual({ action: 'skip', reason: 'hidden folder (not opened)' });
    expect(folderEntryVerdict('.link', 'symlink')).toEqual({ action: 'skip', reason: 'hidden file' });
    expect(folderEntryVerdict('link.txt', 'symlink')).toEqual({ action: 'skip', reason: 'symbolic link (not followed)' });
    expect(folderEntryVerdict('fifo', 'other')).toEqual({ action: 'skip', reason: 'not a regular file' });
    expect(folderEntryVerdict('photo.png', 'file')).toEqual({ action: 'skip', reason: 'not an article file' });
    expect(folderEntryVerdict('photo.png', 'file', isBratFolderFile, NOT_A_BRAT_FILE)).toEqual({ action: 'skip', reason: NOT_A_BRAT_FILE });
  });

  it('judges a listed path by the hidden folder that holds it, never by the folder chosen', () => {
    expect(pathVerdict('news/a.txt')).toBeNull();
    expect(pathVerdict('.notes/a.txt')).toBeNull(); // the user chose .notes
    expect(pathVerdict('news/.hidden/h.txt')).toEqual({ name: 'news/.hidden', reason: 'hidden folder (not opened)' });
    expect(pathVerdict('news/a/.git/objects/x.txt')).toEqual({ name: 'news/a/.git', reason: 'hidden folder (not opened)' });
    expect(pathVerdict('news/.DS_Store')).toEqual({ name: 'news/.DS_Store', reason: 'hidden file' });
    expect(pathVerdict('news/photo.png')).toEqual({ name: 'news/photo.png', reason: 'not an article file' });
  });
});

describe('the three folder walks agree', () => {
  const tree: Record<string, string> = {
    'news/a.txt': 'الخبر الأول',
    'news/.DS_Store': 'mac',
    'news/.hidden/h.txt': 'في مجلد مخفي',
    'news/.hidden/deeper/i.txt': 'أعمق',
    'news/sub/.git/config': '[core]',
    'news/sub/b.md': '# ب',
    'news/sub/photo.png': 'png',
  };

  const expected = [
    { name: 'news/.DS_Store', reason: 'hidden file' },
    { name: 'news/.hidden', reason: 'hidden folder (not opened)' },
    { name: 'news/sub/.git', reason: 'hidden folder (not opened)' },
    { name: 'news/sub/photo.png', reason: 'not an article file' },
  ];

  it('the browser’s folder picker (files listed with relative paths)', () => {
    const listed = Object.keys(tree).map((name) => ({ file: new File([tree[name]!], name.split('/').pop()!), name }));
    const { files, skipped } = splitArticleFiles(listed);
    expect(files.map((f) => f.name)).toEqual(['news/a.txt', 'news/sub/b.md']);
    expect(skipped).toEqual(expected);
    expect(splitBratFolderFiles(listed).skipped.map((s) => s.name)).toEqual(['news/.DS_Store', 'news/.hidden', 'news/sub/.git', 'news/sub/b.md', 'news/sub/photo.png']);
  });

  it('the browser’s dropped folder (walked entry by entry; a hidden folder is not read)', async () => {
    const { transfer, opened } = droppedFolder(tree);
    const { contents, all } = await filesFromDrop(transfer);
    expect(contents.files.map((f) => f.name)).toEqual(['news/a.txt', 'news/sub/b.md']);
    expect(contents.skipped).toEqual(expected);
    expect(all.map((f) => f.name)).not.toContain('news/.hidden/h.txt'); // nor looked at as a dataset
    expect(opened).toEqual(['/news', '/news/sub']);
  });

  it('the desktop app’s folder reader', async () => {
    const dir = await writeTree(tree);
    const { files, skipped } = await readArticleFolder(join(dir, 'news'));
    expect(files.map((f) => f.name)).toEqual(['news/a.txt', 'news/sub/b.md']);
    expect(skipped).toEqual(expected);
  });

  it('isnad inspect on a folder, on stderr', async () => {
    const dir = await writeTree(tree);
    const err: string[] = [];
    const out: string[] = [];
    const code = await main(['inspect', join(dir, 'news')], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    expect(code).toBe(0);
    expect(err).toEqual(expected.map((s) => `skipped ${s.name}: ${s.reason}`));
    expect(out.filter((line) => line.startsWith('== '))).toEqual(['== news/a.txt', '== news/sub/b.md']);
  });

  it.skipIf(process.platform === 'win32')('a symbolic link is skipped and reported by the desktop app and the command line alike', async () => {
    const dir = await writeTree(tree);
    await symlink(join(dir, 'news', 'a.txt'), join(dir, 'news', 'link.txt'));
    await symlink(join(dir, 'news', 'sub'), join(dir, 'news', 'sub-link'));
    const links = [
      { name: 'news/link.txt', reason: 'symbolic link (not followed)' },
      { name: 'news/sub-link', reason: 'symbolic link (not followed)' },
    ];
    const desktop = await readArticleFolder(join(dir, 'news'));
    expect(desktop.skipped).toEqual(expect.arrayContaining(links));
    const err: string[] = [];
    const out: string[] = [];
    await main(['inspect', join(dir, 'news')], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    expect(err).toEqual(expect.arrayContaining(links.map((s) => `skipped ${s.name}: ${s.reason}`)));
    expect(out.filter((line) => line.startsWith('== '))).toEqual(['== news/a.txt', '== news/sub/b.md']);
  });
});

describe('the order of every folder walk', () => {
  // As documented on compareFolderPaths: the whole relative path, code unit by code unit, a
  // run of digits (ASCII or Arabic-Indic) by the number it writes.
  const ordered = [
    'news/2.txt',
    'news/10.txt',
    'news/B.txt', // upper-case Latin before lower-case
    'news/Sub/x.txt',
    'news/a-b.txt', // "-" and "." come before "/": a.txt before the folder a
    'news/a.txt',
    'news/a/c.txt',
    'news/sub.txt',
    'news/sub/z.txt',
    'news/sub2/a.txt', // a digit after "/"
    'news/sub10/a.txt',
    'news/ا.txt', // Latin before Arabic, Arabic letters in Unicode order
    'news/ب.txt',
    'news/خبر 3.txt',
    'news/خبر ٢٠.txt', // Arabic-Indic digits count by value: 3 < ٢٠ (20) < ۱۰۰ (100)
    'news/خبر ۱۰۰.txt',
    'news/ملف.txt',
  ];

  it('orders a mixed list of relative paths as documented, whatever order it came in', () => {
    const shuffled = [...ordered.filter((_, i) => i % 2 === 1), ...ordered.filter((_, i) => i % 2 === 0).reverse()];
    expect([...shuffled].sort(compareFolderPaths)).toEqual(ordered);
    expect([...ordered].reverse().sort(compareFolderPaths)).toEqual(ordered);
    expect(shuffled.map((name) => ({ name })).sort(byFolderPath).map((e) => e.name)).toEqual(ordered);
  });

  it('ties only a path with itself, so the order is total; equal numbers are told apart by their digits', () => {
    expect(compareFolderPaths('news/a.txt', 'news/a.txt')).toBe(0);
    expect(['news/2.txt', 'news/02.txt', 'news/٢.txt'].sort(compareFolderPaths)).toEqual(['news/02.txt', 'news/2.txt', 'news/٢.txt']);
    // Sibling folders "2" and "02" do not interleave: each folder's files stay together.
    expect(['news/2/b.txt', 'news/02/a.txt', 'news/2/a.txt', 'news/02/b.txt'].sort(compareFolderPaths)).toEqual(['news/02/a.txt', 'news/02/b.txt', 'news/2/a.txt', 'news/2/b.txt']);
    // Every pair of the documented list, either way round, compares as the list says.
    ordered.forEach((a, i) => ordered.forEach((b, j) => expect(Math.sign(compareFolderPaths(a, b)), `${a} ~ ${b}`).toBe(Math.sign(i - j))));
  });

  const tree: Record<string, string> = {};
  for (const [k, name] of ordered.filter((n) => !n.startsWith('news/Sub/')).entries()) tree[name] = `خبر رقم ${k}`;
  tree['news/.z'] = 'hidden';
  tree['news/b.png'] = 'png';
  tree['news/Z.png'] = 'png';
  const files = ordered.filter((n) => !n.startsWith('news/Sub/')); // one "sub" folder only: a disk may ignore case
  const skipped = ['news/.z', 'news/Z.png', 'news/b.png'];

  it('the browser’s folder picker, listed in any order', () => {
    const listed = Object.keys(tree).reverse().map((name) => ({ file: new File([tree[name]!], name.split('/').pop()!), name }));
    const split = splitArticleFiles(listed);
    expect(split.files.map((f) => f.name)).toEqual(files);
    expect(split.skipped.map((s) => s.name)).toEqual(skipped);
  });

  it('the browser’s dropped folder, its entries listed in any order', async () => {
    const reversed = Object.fromEntries(Object.entries(tree).reverse());
    const { contents, all } = await filesFromDrop(droppedFolder(reversed).transfer);
    expect(contents.files.map((f) => f.name)).toEqual(files);
    expect(contents.skipped.map((s) => s.name)).toEqual(skipped);
    expect(all.map((f) => f.name)).toEqual([...skipped.slice(1), ...files].sort(compareFolderPaths));
  });

  it('the desktop app’s folder reader', async () => {
    const dir = await writeTree(tree);
    const result = await readArticleFolder(join(dir, 'news'));
    expect(result.files.map((f) => f.name)).toEqual(files);
    expect(result.skipped.map((s) => s.name)).toEqual(skipped);
  });

  it('isnad inspect on a folder', async () => {
    const dir = await writeTree(tree);
    const err: string[] = [];
    const out: string[] = [];
    expect(await main(['inspect', join(dir, 'news')], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) })).toBe(0);
    expect(out.filter((line) => line.startsWith('== '))).toEqual(files.map((name) => `== ${name}`));
    expect(err.map((line) => line.split(':')[0])).toEqual(skipped.map((name) => `skipped ${name}`));
  });
});
