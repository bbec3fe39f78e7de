/**
 * What every intake format produces: article drafts (text plus whatever metadata the file
 * had), before they become documents. One file can hold many articles (JSON Lines, CSV).
 */
import type { TextEncodingName } from '../text/decode';
import { said, type Phrase, type PhraseCode, type PhraseParam } from '../phrases/phrase';

/** The formats Isnad reads articles from. */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'json' | 'jsonl' | 'csv' | 'docx' | 'native';

/** Which record fields hold what (JSON, JSON Lines, CSV). Only `text` is required. */
export interface FieldMapping {
  text: string;
  title?: string;
  url?: string;
  date?: string;
  outlet?: string;
  id?: string;
}

/** The mapping used until the user sets another: fields named like the roles. */
export const DEFAULT_FIELD_MAPPING: FieldMapping = { text: 'text', title: 'title', url: 'url', date: 'date', outlet: 'outlet', id: 'id' };

/** How the bytes of a file were turned into text. */
export interface DecodingInfo {
  encoding: TextEncodingName;
  encodingMethod: 'bom' | 'valid-utf8' | 'detected' | 'declared' | 'user';
  encodingConfidence: number;
  lineEndings: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
}

/** One article found in a file. `text` has `\n` line endings and paragraphs separated by `\n`. */
export interface ArticleDraft {
  text: string;
  title?: string;
  url?: string;
  date?: string;
  outlet?: string;
  externalId?: string;
  format: SourceFormat;
  decoding: DecodingInfo;
  /** 1-based line (JSON Lines, CSV) or index (JSON array) of the record, for messages. */
  record?: number;
}

/** A problem with part of a file (a bad JSON line, a CSV row without text), in English and as a phrase. */
export interface IntakeProblem {
  message: string;
  phrase: Phrase;
  line?: number;
}

/** Why a file was refused: the English sentence and its phrase (see shared/phrases). */
export interface Refusal {
  reason: string;
  phrase: Phrase;
}

/** A refusal from a phrase code and its parameters. */
export function refusal(code: PhraseCode, params: Record<string, PhraseParam>): Refusal {
  const { text, phrase } = said(code, params);
  return { reason: text, phrase };
}

/** What a file yielded: articles, per-record problems, or a refusal of the whole file. */
export type IntakeResult =
  | { ok: true; format: SourceFormat; articles: ArticleDraft[]; problems: IntakeProblem[] }
  | ({ ok: false; format?: SourceFormat } & Refusal);

/** Options of intake for one file. */
export interface IntakeOptions {
  /** Field mapping for JSON, JSON Lines and CSV. */
  fieldMapping?: FieldMapping;
  /** Decode as this encoding instead of detecting (the user's per-file override). */
  encoding?: TextEncodingName;
  /** Files larger than this are refused (bytes). */
  maxBytes?: number;
}
