/**
 * What kind of file a name or its content says it is: the extensions Isnad imports,
 * the files that are certainly not articles (images, PDFs, archives, programs, system
 * files), and sniffing the format of a text whose name does not tell.
 */
import type { SourceFormat } from '../article-draft';
import { fileBaseName, fileExtension } from './names';
import type { PhraseCode } from '../../phrases/phrase';

/** The formats chosen from a name (native JSON is told apart from other JSON by content). */
export type NamedFormat = Exclude<SourceFormat, 'native'>;

const FORMAT_BY_EXTENSION: Readonly<Record<string, NamedFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  csv: 'csv',
  tsv: 'csv',
  docx: 'docx',
};

/** The extensions Isnad imports, without dots (for file dialogs and folder walks). */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(FORMAT_BY_EXTENSION));

const NOT_ARTICLES: ReadonlyArray<readonly [readonly string[], PhraseCode]> = [
  [['png', 'jpg', 'jpeg', 'jfif', 'gif', 'webp', 'bmp', 'tif', 'tiff', 'heic', 'heif', 'avif', 'ico', 'svg', 'psd', 'raw', 'cr2', 'nef', 'dng'], 'notArticle.images'],
  [['pdf'], 'notArticle.pdf'],
  [['doc'], 'notArticle.doc'],
  [['rtf'], 'notArticle.rtf'],
  [['odt', 'pages', 'wpd'], 'notArticle.otherWord'],
  [['xls', 'xlsx', 'xlsm', 'ods', 'numbers'], 'notArticle.spreadsheets'],
  [['ppt', 'pptx', 'odp', 'key'], 'notArticle.presentations'],
  [['epub', 'mobi', 'azw', 'azw3'], 'notArticle.ebooks'],
  [['zip', 'rar', '7z', 'gz', 'tgz', 'tar', 'bz2', 'xz', 'zst', 'lz', 'cab'], 'notArticle.archives'],
  [['iso', 'dmg', 'img', 'vhd', 'vmdk'], 'notArticle.diskImages'],
  [['exe', 'dll', 'msi', 'com', 'scr', 'app', 'bin', 'so', 'dylib', 'apk', 'deb', 'rpm', 'jar', 'class', 'wasm', 'o', 'pyc'], 'notArticle.programs'],
  [['mp3', 'wav', 'ogg', 'oga', 'm4a', 'flac', 'aac', 'opus', 'wma', 'mp4', 'm4v', 'mov', 'avi', 'mkv', 'webm', 'wmv', 'flv', '3gp'], 'notArticle.media'],
  [['ttf', 'otf', 'woff', 'woff2', 'eot'], 'notArticle.fonts'],
  [['js', 'mjs', 'css', 'map'], 'notArticle.webResources'],
  [['db', 'sqlite', 'sqlite3', 'mdb', 'accdb'], 'notArticle.databases'],
  [['lnk', 'url', 'webloc', 'desktop'], 'notArticle.shortcuts'],
];

const NOT_ARTICLE_BY_EXTENSION: ReadonlyMap<string, PhraseCode> = new Map(NOT_ARTICLES.flatMap(([exts, why]) => exts.map((ext) => [ext, why] as const)));

/** Why a system or helper file is not an article, by its exact (lower-case) name or a prefix. */
function systemFile(base: string): PhraseCode | undefined {
  const lower = base.toLowerCase();
  if (lower === '.ds_store') return 'notArticle.macFolder';
  if (lower === 'thumbs.db' || lower === 'desktop.ini' || lower === 'ehthumbs.db') return 'notArticle.windowsFolder';
  if (lower.startsWith('._')) return 'notArticle.macResource';
  if (lower.startsWith('~$')) return 'notArticle.officeLock';
  return undefined;
}

/** What the name says: a format, why it is not an article (a phrase code), or nothing (unknown or no extension). */
export type NameVerdict = { format: NamedFormat } | { notArticle: PhraseCode } | { unknown: true };

/** Classifies a file by its name (the last extension decides: "a.xml.txt" is text). */
export function classifyFileName(fileName: string): NameVerdict {
  const base = fileBaseName(fileName);
  const system = systemFile(base);
  if (system) return { notArticle: system };
  const ext = fileExtension(base);
  const format = Object.hasOwn(FORMAT_BY_EXTENSION, ext) ? FORMAT_BY_EXTENSION[ext] : undefined;
  if (format) return { format };
  const why = NOT_ARTICLE_BY_EXTENSION.get(ext);
  return why ? { notArticle: why } : { unknown: true };
}

/**
 * True when a folder walk should pick the file up: a supported extension, and neither a
 * hidden file nor a system or lock file. (A file chosen by hand is imported whatever its
 * name, its format sniffed from the content.)
 */
export function isProbablyArticleFile(fileName: string): boolean {
  const base = fileBaseName(fileName);
  if (base.startsWith('.') || base.startsWith('~$')) return false;
  const verdict = classifyFileName(base);
  return 'format' in verdict;
}

const HTML_START = /^(?:<\?xml\b[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html\b|html\b|head\b|body\b|meta\b|title\b)/i;
const JSON_START = /^(?:\[\s*[[{"]|\{\s*(?:"|\}))/

function parsesAsJson(text: string): { ok: boolean; value?: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** True when the first non-blank lines (up to 5, at least 2) are each a JSON object. */
export function looksLikeJsonLines(text: string): boolean {
  const lines = text.split('\n', 200).filter((l) => l.trim() !== '').slice(0, 5);
  if (lines.length < 2) return false;
  return lines.every((line) => {
    if (!/^\s*\{/.test(line)) return false;
    const parsed = parsesAsJson(line);
    return parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value);
  });
}

/**
 * The format of a decoded text whose name does not tell: an HTML page (doctype, <html>,
 * <head> …), JSON (parses, or clearly starts like JSON), JSON Lines (lines of objects),
 * Markdown with front matter, else plain text.
 */
export function sniffTextFormat(text: string): Exclude<NamedFormat, 'docx' | 'csv'> {
  const head = text.slice(0, 4096).replace(/^[\s\uFEFF]+/, '');
  if (HTML_START.test(head)) return 'html';
  if (head.startsWith('{') || head.startsWith('[')) {
    if (parsesAsJson(text).ok) return 'json';
    if (looksLikeJsonLines(text)) return 'jsonl';
    if (JSON_START.test(head)) return 'json';
  }
  if (/^---[ \t]*\n(?:[A-Za-z_][\w-]*[ \t]*:.*\n)+(?:---|\.\.\.)[ \t]*(?:\n|$)/.test(text)) return 'markdown';
  return 'text';
}
