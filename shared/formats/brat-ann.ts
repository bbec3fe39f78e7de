/**
 * The lines of a brat standoff `.ann` file (FORMAT_SPECS.md §1): the ID is separated by TAB,
 * the other fields by SPACE. Read: `T` text-bound (with discontinuous fragments `0 5;16 23`),
 * `R` relations, `A`/`M` attributes, `N` normalizations (brat's own double TAB before the
 * string is tolerated and noted); `#` notes, `E` events and `*` equivalences are not held
 * (noted); anything else is noted as unparseable, with its line number. Never throws.
 */
import type { FormatNote } from './dataset';
import { lineNote } from './dataset';
import { phrase, type PhraseCode, type PhraseParam } from '../phrases/phrase';

/** A text-bound annotation: fragments `[start, end)` in the file's offset unit. */
export interface BratTextBound {
  id: string;
  type: string;
  fragments: Array<[number, number]>;
  text: string;
  line: number;
}

/** A binary relation `Type Arg1:T1 Arg2:T2`. */
export interface BratRelation {
  id: string;
  type: string;
  arg1: string;
  arg2: string;
  line: number;
}

/** An attribute `Name T1 [Value]` (value absent for a binary attribute). */
export interface BratAttribute {
  id: string;
  name: string;
  target: string;
  value?: string;
  line: number;
}

/** A normalization `Reference T1 RID:EID<TAB>string`. */
export interface BratReference {
  id: string;
  target: string;
  rid: string;
  eid: string;
  name: string;
  line: number;
}

/** A parsed `.ann` file. */
export interface BratAnnotations {
  textBounds: BratTextBound[];
  relations: BratRelation[];
  attributes: BratAttribute[];
  references: BratReference[];
}

const T_LINE = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/su;
const R_LINE = /^(R\d+)\t(\S+) Arg1:(\S+) Arg2:(\S+)\s*$/u;
const A_LINE = /^([AM]\d+)\t(\S+) (\S+)(?: (\S+))?\s*$/u;
const N_LINE = /^(N\d+)\t(\S+) (\S+) ([^\s:]+):(\S+)\t(\t?)(.*)$/su;
const NOT_HELD = /^([#E*])\S*\t/u;

/** Parses one `.ann` file; unparseable lines and lines Isnad does not hold become notes. */
export function parseAnn(where: string, contents: string, notes: FormatNote[]): BratAnnotations {
  const out: BratAnnotations = { textBounds: [], relations: [], attributes: [], references: [] };
  const lines = contents.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const note = (kind: FormatNote['kind'], code: PhraseCode, params?: Record<string, PhraseParam>): void => void notes.push(lineNote(where, line, kind, code, params));
    let m: RegExpExecArray | null;
    if ((m = T_LINE.exec(raw))) {
      const fragments = m[3]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      out.textBounds.push({ id: m[1]!, type: m[2]!, fragments, text: m[4]!, line });
    } else if ((m = R_LINE.exec(raw))) {
      out.relations.push({ id: m[1]!, type: m[2]!, arg1: m[3]!, arg2: m[4]!, line });
    } else if ((m = A_LINE.exec(raw))) {
      out.attributes.push({ id: m[1]!, name: m[2]!, target: m[3]!, ...(m[4] !== undefined ? { value: m[4] } : {}), line });
    } else if ((m = N_LINE.exec(raw))) {
      if (m[2] !== 'Reference') note('repaired', 'bratNote.normalization', { type: m[2]! });
      if (m[6]) note('repaired', 'bratNote.doubleTab');
      out.references.push({ id: m[1]!, target: m[3]!, rid: m[4]!, eid: m[5]!, name: m[7]!, line });
    } else if ((m = NOT_HELD.exec(raw))) {
      const what = m[1] === '#' ? 'bratWhat.note' : m[1] === 'E' ? 'bratWhat.event' : 'bratWhat.equivalence';
      note('skipped', 'bratNote.notHeld', { what: phrase(what), line: raw.slice(0, 80) });
    } else {
      note('skipped', 'bratNote.unparseable', { line: raw.slice(0, 80) });
    }
  });
  return out;
}

/** One `.ann` line of each kind, as brat writes them. */
export const annLine = {
  textBound: (id: string, type: string, fragments: ReadonlyArray<readonly [number, number]>, text: string): string => `${id}\t${type} ${fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${text}`,
  relation: (id: string, type: string, arg1: string, arg2: string): string => `${id}\t${type} Arg1:${arg1} Arg2:${arg2}`,
  attribute: (id: string, name: string, target: string, value?: string): string => `${id}\t${name} ${target}${value !== undefined ? ` ${value}` : ''}`,
  reference: (id: string, target: string, rid: string, eid: string, name: string): string => `${id}\tReference ${target} ${rid}:${eid}\t${name}`,
};
