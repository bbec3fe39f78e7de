/**
 * Token tags of flat chunks. Writing: BIO (= IOB2: every chunk starts with B-) or IOB1 (the
 * original CoNLL-2003 scheme: I- throughout, B- only for a chunk that directly follows a
 * chunk of the same type). Reading: BIO/IOB2, IOB1, and also BIOES/BILUO; an I- tag that
 * starts a chunk is normal in IOB1 and is noted as a repair only in a file that otherwise
 * starts its chunks with B- (IOB2).
 */
import { phrase, type Phrase } from '../phrases/phrase';

/** The tagging schemes the CoNLL exporter writes. */
export type TagScheme = 'BIO' | 'IOB1';

/** A chunk of tokens: `[first, last]` inclusive token indices and its type (the label). */
export interface Chunk {
  first: number;
  last: number;
  type: string;
}

/** The tags of `count` tokens carrying the given non-overlapping chunks. */
export function encodeTags(count: number, chunks: readonly Chunk[], scheme: TagScheme): string[] {
  const tags = new Array<string>(count).fill('O');
  const sorted = [...chunks].sort((a, b) => a.first - b.first);
  let previous: Chunk | undefined;
  for (const chunk of sorted) {
    const adjacentSame = previous !== undefined && previous.last + 1 === chunk.first && previous.type === chunk.type;
    const head = scheme === 'BIO' || adjacentSame ? 'B' : 'I';
    tags[chunk.first] = `${head}-${chunk.type}`;
    for (let i = chunk.first + 1; i <= chunk.last; i++) tags[i] = `I-${chunk.type}`;
    previous = chunk;
  }
  return tags;
}

/** Splits a tag into prefix and type ("B-Population-Center" → B, Population-Center); O → null. */
export function splitTag(tag: string): { prefix: string; type: string } | null {
  if (tag === 'O') return null;
  const dash = tag.indexOf('-');
  return { prefix: tag.slice(0, dash), type: tag.slice(dash + 1) };
}

/**
 * True when the tags start some chunk with B- after O or another type: the file is IOB2,
 * so an I- that starts a chunk is a defect rather than IOB1.
 */
export function looksLikeIob2(sentences: readonly (readonly string[])[]): boolean {
  for (const tags of sentences) {
    let previousType: string | null = null;
    for (const tag of tags) {
      const t = splitTag(tag);
      if (t && (t.prefix === 'B' || t.prefix === 'S' || t.prefix === 'U') && t.type !== previousType) return true;
      previousType = t ? t.type : null;
    }
  }
  return false;
}

/** A tag with the line it came from, for notes. */
export interface LinedTag {
  tag: string;
  line: number;
}

/**
 * The chunks of one sentence's tags. `iob2`: note (a repair) each I- tag that starts a
 * chunk; it is read as starting the chunk either way.
 */
export function decodeTags(tags: readonly LinedTag[], iob2: boolean, note: (line: number, said: Phrase) => void): Chunk[] {
  const chunks: Chunk[] = [];
  let open: Chunk | null = null;
  tags.forEach(({ tag, line }, i) => {
    const t = splitTag(tag);
    if (!t) {
      open = null;
      return;
    }
    const continues = open !== null && open.type === t.type && (t.prefix === 'I' || t.prefix === 'E' || t.prefix === 'L');
    if (continues && open) {
      open.last = i;
    } else {
      if ((t.prefix === 'I' || t.prefix === 'E' || t.prefix === 'L') && iob2) {
        note(line, phrase('conllNote.iStart', { tag, begin: `B-${t.type}`, type: t.type }));
      }
      open = { first: i, last: i, type: t.type };
      chunks.push(open);
    }
    if (t.prefix === 'E' || t.prefix === 'L' || t.prefix === 'S' || t.prefix === 'U') open = null;
  });
  return chunks;
}
