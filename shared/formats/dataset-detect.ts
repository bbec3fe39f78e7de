/**
 * Which dataset format a set of files is in (for `isnad convert` without --from and the app's
 * "Import dataset…"), whether a dropped file is a dataset rather than an article, and how brat
 * .txt + .ann files pair up by name.
 */
import type { FormatName, FormatNote, OutputFile } from './dataset';
import { skipReasonText } from '../phrases/skip-reasons';
import { lineNote } from './dataset';

const CONLL_LINE = /^\S+[ \t]+(?:\S+[ \t]+)*(?:O|[BIES]-\S+)\s*$/;

/** Whether a text reads as CoNLL/BIO: most of its first non-empty lines end in a BIO tag. */
export function looksLikeConll(text: string): boolean {
  const lines = text
    .replace(/^\uFEFF/, '')
    .slice(0, 8000)
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() && !l.startsWith('-DOCSTART-'))
    .slice(0, 60);
  if (lines.length < 2) return /^-DOCSTART-/m.test(text.slice(0, 200));
  return lines.filter((l) => CONLL_LINE.test(l)).length >= lines.length * 0.8;
}

/** Guesses the format of input files from their names and contents. */
export function detectFormat(files: readonly OutputFile[]): FormatName | null {
  if (files.some((f) => f.path.endsWith('.ann'))) return 'brat';
  const first = files[0];
  if (!first) return null;
  const text = first.contents.replace(/^\uFEFF/, '').trimStart();
  if (/\.(conll|bio|iob)$/i.test(first.path) || /^-DOCSTART-/m.test(text.slice(0, 200))) return 'conll';
  if (text.startsWith('{') || text.startsWith('[')) {
    const head = text.slice(0, 4000);
    if (head.includes('"isnad-corpus"')) return 'native';
    if (head.includes('"@context"')) return 'web-annotation';
    const firstLine = text.split('\n', 1)[0]!;
    let whole: unknown = undefined;
    try {
      whole = JSON.parse(text);
    } catch {
      // JSON Lines, below.
    }
    if (Array.isArray(whole)) {
      const item = whole[0] as Record<string, unknown> | undefined;
      if (item && typeof item === 'object' && 'data' in item) return 'label-studio';
      return 'spacy';
    }
    try {
      const line = JSON.parse(firstLine) as Record<string, unknown>;
      if ('offsetUnit' in line || 'claims' in line) return 'jsonl';
      if ('label' in line || 'relations' in line || ('entities' in line && Array.isArray(line.entities) && typeof line.entities[0] === 'object')) return 'doccano';
    } catch {
      return null;
    }
    return 'doccano';
  }
  if (looksLikeConll(text)) return 'conll';
  return null;
}

/** The file name extensions of dataset files (for file choosers). */
export const DATASET_EXTENSIONS: readonly string[] = ['json', 'jsonl', 'ndjson', 'conll', 'bio', 'iob', 'txt', 'tsv', 'ann', 'conf'];

/** Whether a file of a brat dataset folder is read: its .txt and .ann files and annotation.conf (any case). */
export function isBratFolderFile(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return /\.(txt|ann)$/i.test(base) || base.toLowerCase() === 'annotation.conf';
}

/** Why another file of a brat folder is not read. */
export const NOT_A_BRAT_FILE = skipReasonText('skip.notBrat');

/** Extensions that are always datasets (never articles). */
const DATASET_ONLY = /\.(conll|bio|iob|ann)$/i;
/** Whether a record value looks like a list of annotations (spans as arrays or objects). */
function isAnnotationList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && typeof value[0] === 'object' && value[0] !== null;
}

/**
 * Record keys that only annotated data has, with the shape they must have (article records
 * may well have a "labels" list of words: that is not a span list).
 */
const ANNOTATION_KEYS: Record<string, (value: unknown) => boolean> = {
  label: isAnnotationList,
  labels: isAnnotationList,
  entities: isAnnotationList,
  relations: Array.isArray,
  annotations: Array.isArray,
  predictions: Array.isArray,
  spans: isAnnotationList,
  ents: isAnnotationList,
  claims: Array.isArray,
  offsetUnit: (v) => v === 'codepoint' || v === 'utf16',
};

/** The same keys as text, for the head of a file too large to parse here. */
const ANNOTATION_KEY_IN_TEXT = /"(?:label|labels|entities|spans|ents)"\s*:\s*\[\s*[[{]|"(?:annotations|predictions|relations|claims)"\s*:\s*\[|"offsetUnit"\s*:/;

function hasAnnotationKeys(value: unknown): boolean {
  if (Array.isArray(value)) {
    const item: unknown = value[0];
    if (Array.isArray(item)) return typeof item[0] === 'string' && typeof item[1] === 'object'; // spaCy [text, {entities}]
    return hasAnnotationKeys(item);
  }
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  if (record.format === 'isnad-corpus' || '@context' in record) return true;
  if (Object.entries(ANNOTATION_KEYS).some(([key, test]) => key in record && test(record[key]))) return true;
  // spaCy grouped by case: { "case": [ ... ] }.
  return Object.values(record).some((v) => Array.isArray(v) && v.length > 0 && hasAnnotationKeys(v));
}

/**
 * Whether a dropped or chosen file is a dataset (annotations) rather than an article: .conll,
 * .bio, .iob and .ann by name; .json/.jsonl whose records carry annotation fields (or an Isnad
 * export); text that reads as CoNLL. A .txt beside an .ann of the same name is a brat text
 * (decided by {@link pairBratFiles}, not here).
 */
export function looksLikeDataset(name: string, contents: string): boolean {
  if (DATASET_ONLY.test(name)) return true;
  const text = contents.replace(/^\uFEFF/, '').trimStart();
  if (/\.(json|jsonl|ndjson)$/i.test(name) && (text.startsWith('{') || text.startsWith('['))) {
    if (text.slice(0, 4096).includes('"isnad-corpus"')) return true;
    try {
      return hasAnnotationKeys(JSON.parse(text));
    } catch {
      try {
        return hasAnnotationKeys(JSON.parse(text.split('\n', 1)[0]!));
      } catch {
        // Only the head of a large file was read: look for annotation keys in it.
        return ANNOTATION_KEY_IN_TEXT.test(text.slice(0, 64 * 1024)) || /^\[\s*\[\s*"/.test(text);
      }
    }
  }
  if (/\.(txt|tsv)$/i.test(name) || !/\.[a-z0-9]+$/i.test(name)) return looksLikeConll(text);
  return false;
}

function stemOf(path: string): string {
  return path.replace(/\.(txt|ann)$/i, '');
}

/**
 * Pairs brat files by name (folder and stem): `a.txt` with `a.ann`. Returns the files to read
 * (pairs, annotation.conf) and a note for each file without its partner: an .ann without its
 * .txt cannot be read; a .txt without its .ann is read as a document without annotations.
 */
export function pairBratFiles(files: readonly OutputFile[]): { files: OutputFile[]; notes: FormatNote[] } {
  const byStem = new Map<string, { txt?: OutputFile; ann?: OutputFile }>();
  const other: OutputFile[] = [];
  for (const file of files) {
    const ext = /\.(txt|ann)$/i.exec(file.path)?.[1]?.toLowerCase() as 'txt' | 'ann' | undefined;
    if (ext) byStem.set(stemOf(file.path), { ...byStem.get(stemOf(file.path)), [ext]: file });
    else other.push(file);
  }
  const notes: FormatNote[] = [];
  const paired: OutputFile[] = [];
  for (const [stem, pair] of byStem) {
    if (pair.txt && pair.ann) paired.push(pair.txt, pair.ann);
    else if (pair.ann) notes.push(lineNote(pair.ann.path, undefined, 'skipped', 'readNote.unpairedAnn', { txt: `${stem}.txt` }));
    else if (pair.txt) {
      notes.push(lineNote(pair.txt.path, undefined, 'repaired', 'readNote.unpairedTxt', { ann: `${stem}.ann` }));
      paired.push(pair.txt);
    }
  }
  return { files: [...paired, ...other], notes };
}
