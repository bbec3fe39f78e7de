/**
 * Decoding an article file's bytes into the document text: byte-order mark removed, line
 * endings made \n, nothing else changed. The encoding is never guessed silently: the
 * result says how it was determined and how sure that is, and files that are not text
 * are refused with a message naming the file.
 */
import { analyse } from 'chardet';
import { countControlBytes, countControlChars, looksBinary, sniffSignature, type ControlCounts } from './binarySniff';
import { isBlank } from './chars';
import { detectLineEndings, normaliseLineEndings, type LineEndingStyle } from './lineEndings';
import { arabicLetterLikelihood, arabicTextScore, ordinaryTextScore } from './textProfile';
import { english, phrase, said, type Phrase, type PhraseCode, type PhraseParam } from '../phrases/phrase';
import { tooLargeParams } from '../phrases/sizes';
import { findUtf8Errors, hexByte, isNearlyUtf8, type Utf8Errors } from './utf8-errors';

export { normaliseLineEndings } from './lineEndings';

/** The encodings Isnad reads (WHATWG Encoding labels). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6';

/** A successfully decoded file. */
export interface DecodedText {
  ok: true;
  /** The document text: BOM removed, CRLF and lone CR turned into \n, nothing else changed (no NFC, no trimming). */
  text: string;
  encoding: TextEncodingName;
  /** Whether the file started with a byte-order mark. */
  hadBom: boolean;
  /** How the encoding was determined: from the BOM, because the bytes are valid UTF-8, or detected (chardet or a plausibility check). */
  method: 'bom' | 'valid-utf8' | 'detected';
  /** 0..1; 1 for a BOM or valid UTF-8. */
  confidence: number;
  /** The line endings the file had before normalisation. */
  lineEndings: LineEndingStyle;
}

/** A file that was not imported, with a plain-English message naming it and its phrase. */
export interface RefusedFile {
  ok: false;
  reason: 'empty' | 'binary' | 'undecodable' | 'too-large';
  message: string;
  phrase: Phrase;
}

/** The largest article file accepted by default: 20 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** How many bytes chardet looks at; legacy code pages are recognised long before this. */
const DETECTION_SAMPLE_BYTES = 256 * 1024;

/** The plausibility a fallback decoding needs (see textProfile). */
const MIN_ARABIC_SCORE = 0.9;
const MIN_ORDINARY_SCORE = 0.95;

/** The names of the encodings as users read them. */
export const ENCODING_NAMES: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1256': 'Windows-1256 (Arabic)',
  'iso-8859-6': 'ISO-8859-6 (Arabic)',
};

const CHARDET_ARABIC: Readonly<Record<string, TextEncodingName>> = {
  'windows-1256': 'windows-1256',
  'ISO-8859-6': 'iso-8859-6',
};

function refuse(reason: RefusedFile['reason'], code: PhraseCode, params: Record<string, PhraseParam>): RefusedFile {
  const { text, phrase } = said(code, params);
  return { ok: false, reason, message: text, phrase };
}

/**
 * The phrase of bytes that are not valid UTF-8, saying where: the first invalid byte's
 * value, byte offset (from 0) and line, or that the bytes end inside a character.
 * `found` is {@link findUtf8Errors} of the same bytes, when already known.
 */
export function invalidUtf8Phrase(bytes: Uint8Array, file: string, found: Utf8Errors | undefined = findUtf8Errors(bytes)): Phrase {
  if (!found) return phrase('file.notInEncoding', { file, encoding: 'utf-8' });
  const where = { file, offset: found.offset, line: found.line };
  if (found.truncated) return phrase('file.truncatedUtf8', { ...where, bytes: found.bytes.map(hexByte).join(' ') });
  return phrase('file.invalidUtf8', { ...where, byte: hexByte(found.bytes[0]!) });
}

function refuseInvalidUtf8(bytes: Uint8Array, file: string, found?: Utf8Errors): RefusedFile {
  const { code, params } = invalidUtf8Phrase(bytes, file, found);
  return refuse('undecodable', code, params ?? {});
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

const strictDecoders = new Map<string, InstanceType<typeof TextDecoder>>();

/**
 * Strict decoding: undefined when the bytes are not valid in `encoding` (an encoding label
 * TextDecoder knows). One decoder per encoding is kept: making a decoder per file cost an
 * import of 10,000 files more than the decoding of their bytes.
 */
export function decodeStrict(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    let decoder = strictDecoders.get(encoding);
    if (!decoder) strictDecoders.set(encoding, (decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })));
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The control counts of `bytes` (see binarySniff.ts), given `utf8`, their strict UTF-8
 * decoding or undefined when they are not valid UTF-8. Valid UTF-8 (nearly every file) is
 * decoded anyway: its controls are counted in the text, by the engine's search, instead of
 * reading every byte a second time.
 */
function controlCounts(bytes: Uint8Array, utf8: string | undefined): ControlCounts {
  return utf8 === undefined ? countControlBytes(bytes) : countControlChars(utf8);
}

function isAsciiWhitespaceOnly(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
  }
  return true;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

interface Decision {
  raw: string;
  encoding: TextEncodingName;
  hadBom: boolean;
  method: DecodedText['method'];
  confidence: number;
}

/** UTF-16 without a BOM: accepted only when exactly one byte order gives ordinary text. */
function probeUtf16(bytes: Uint8Array): Decision | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const scored = (['utf-16le', 'utf-16be'] as const).map((encoding) => {
    const raw = decodeStrict(bytes, encoding);
    return { encoding, raw, score: raw === undefined ? 0 : ordinaryTextScore(raw) };
  });
  const good = scored.filter((s) => s.score >= MIN_ORDINARY_SCORE);
  const only = good.length === 1 ? good[0] : undefined;
  if (!only?.raw) return undefined;
  return { raw: only.raw, encoding: only.encoding, hadBom: false, method: 'detected', confidence: round2(0.8 * only.score) };
}

/**
 * How much more like Arabic prose (mean log letter frequency, see
 * {@link arabicLetterLikelihood}) the other Arabic code page's decoding must read for it to
 * overrule chardet. Right and wrong decodings differ by about 1 or more on a few words.
 */
const LIKELIER_BY = 0.5;

/**
 * Legacy Arabic code pages: chardet first, then a plausibility check of each decoding. The
 * two code pages map most bytes to Arabic letters, so a wrong choice still reads as Arabic
 * script; chardet's choice is overruled when the other decoding reads clearly more like
 * Arabic prose (short texts defeat chardet: “نعم” in ISO-8859-6 reads “وظه” as Windows-1256).
 */
function detectLegacyArabic(bytes: Uint8Array): { decision?: Decision; guess?: string } {
  const matches = analyse(bytes.subarray(0, DETECTION_SAMPLE_BYTES));
  const top = matches[0];
  const chosen = top ? CHARDET_ARABIC[top.name] : undefined;
  const candidates = (['windows-1256', 'iso-8859-6'] as const).flatMap((encoding) => {
    const raw = decodeStrict(bytes, encoding);
    return raw === undefined ? [] : [{ raw, encoding, score: arabicTextScore(raw), likelihood: arabicLetterLikelihood(raw) }];
  });
  const picked = candidates.find((c) => c.encoding === chosen);
  if (top && picked && picked.score > 0) {
    const other = candidates.find((c) => c !== picked && c.score >= MIN_ARABIC_SCORE && c.likelihood >= picked.likelihood + LIKELIER_BY);
    if (other) return { decision: { raw: other.raw, encoding: other.encoding, hadBom: false, method: 'detected', confidence: round2(0.5 * other.score) } };
    return { decision: { raw: picked.raw, encoding: picked.encoding, hadBom: false, method: 'detected', confidence: round2(top.confidence / 100) } };
  }
  // chardet did not point to an Arabic code page (short texts often defeat it): accept a
  // decoding only if it reads as Arabic prose, and say so with a lower confidence; of two,
  // the one that reads more like Arabic prose.
  const readable = candidates.filter((c) => c.score >= MIN_ARABIC_SCORE);
  const best = readable.reduce<(typeof readable)[number] | undefined>((a, c) => (!a || c.likelihood > a.likelihood || (c.likelihood === a.likelihood && c.score > a.score) ? c : a), undefined);
  if (best) {
    return { decision: { raw: best.raw, encoding: best.encoding, hadBom: false, method: 'detected', confidence: round2(0.5 * best.score) } };
  }
  return top ? { guess: top.name } : {};
}

/**
 * Decodes an article file. In order: the size limit (`options.maxBytes`, default
 * {@link DEFAULT_MAX_FILE_BYTES}); empty files (no bytes, only a BOM, only whitespace);
 * a byte-order mark (UTF-8, UTF-16 LE/BE); binary data (known file signatures, NUL bytes
 * outside UTF-16, many control characters); strict UTF-8; then legacy Arabic code pages
 * (Windows-1256, ISO-8859-6) detected with chardet or, failing that, accepted only if the
 * decoding reads as Arabic (lower confidence). UTF-16 without a BOM is accepted when
 * only one byte order yields ordinary text. Anything else is refused as undecodable.
 * Every refusal carries a message naming `fileName`.
 */
export function decodeArticleBytes(bytes: Uint8Array, fileName: string, options?: { maxBytes?: number }): DecodedText | RefusedFile {
  const file = fileName;
  const maxBytes = options?.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.length > maxBytes) {
    return refuse('too-large', 'file.tooLarge', tooLargeParams(file, bytes.length, maxBytes));
  }
  if (bytes.length === 0 || isAsciiWhitespaceOnly(bytes)) return refuse('empty', 'file.empty', { file });

  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return refuse('undecodable', 'file.utf32', { file });
  }

  let decision: Decision | undefined;
  const boms: ReadonlyArray<[readonly number[], TextEncodingName]> = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ];
  for (const [bom, encoding] of boms) {
    if (!startsWith(bytes, bom)) continue;
    const body = bytes.subarray(bom.length);
    if (body.length === 0) return refuse('empty', 'file.empty', { file });
    const raw = decodeStrict(body, encoding);
    if (encoding === 'utf-8' && looksBinary(controlCounts(body, raw), body.length)) {
      return refuse('binary', 'file.binary', { file });
    }
    if (raw === undefined) {
      if (encoding === 'utf-8') return refuseInvalidUtf8(bytes, file);
      return refuse('undecodable', 'file.badBom', { file, encoding: ENCODING_NAMES[encoding] });
    }
    decision = { raw, encoding, hadBom: true, method: 'bom', confidence: 1 };
    break;
  }

  /** Where bytes that are not valid UTF-8 go wrong, once scanned (findUtf8Errors). */
  let utf8Errors: Utf8Errors | undefined;
  if (!decision) {
    const kind = sniffSignature(bytes);
    if (kind) return refuse('binary', 'file.looksLike', { file, kind: phrase(kind) });
    const utf8 = decodeStrict(bytes, 'utf-8');
    if (looksBinary(controlCounts(bytes, utf8), bytes.length)) {
      decision = probeUtf16(bytes);
      if (!decision) return refuse('binary', 'file.binary', { file });
    } else if (utf8 !== undefined) decision = { raw: utf8, encoding: 'utf-8', hadBom: false, method: 'valid-utf8', confidence: 1 };
    else {
      // UTF-8 with a stray byte or a character cut short is damaged UTF-8, not a legacy code page.
      utf8Errors = findUtf8Errors(bytes);
      if (utf8Errors && isNearlyUtf8(utf8Errors)) return refuseInvalidUtf8(bytes, file, utf8Errors);
    }
  }

  let guess: string | undefined;
  if (!decision) {
    const legacy = detectLegacyArabic(bytes);
    decision = legacy.decision ?? probeUtf16(bytes);
    guess = legacy.guess;
  }

  if (!decision) {
    if (guess === 'UTF-8') return refuseInvalidUtf8(bytes, file, utf8Errors);
    return guess ? refuse('undecodable', 'file.undecodableGuess', { file, guess }) : refuse('undecodable', 'file.undecodable', { file });
  }

  if (decision.encoding !== 'utf-8' && looksBinary(countControlChars(decision.raw), decision.raw.length)) {
    return refuse('binary', 'file.binary', { file });
  }
  if (isBlank(decision.raw)) return refuse('empty', 'file.whitespace', { file });

  return {
    ok: true,
    text: normaliseLineEndings(decision.raw),
    encoding: decision.encoding,
    hadBom: decision.hadBom,
    method: decision.method,
    confidence: decision.confidence,
    lineEndings: detectLineEndings(decision.raw),
  };
}

/**
 * Whether bytes that are valid UTF-8 (`utf8`, their decoding) may still not be a text file
 * {@link decodeArticleBytes} reads: empty or only whitespace, a known binary signature, or
 * as many control characters as binary data has. When true, `decodeArticleBytes` says which
 * (or finds the text another way, UTF-16 without a byte-order mark). For readers that take
 * valid UTF-8 as it is (datasets) and must refuse what the article import refuses.
 */
export function mayNotBeText(bytes: Uint8Array, utf8: string): boolean {
  if (bytes.length === 0 || isAsciiWhitespaceOnly(bytes) || isBlank(utf8)) return true;
  if (sniffSignature(bytes)) return true;
  return looksBinary(countControlChars(utf8), bytes.length);
}

/** How a text's encoding was settled: by its bytes (BOM, valid UTF-8, detection), declared by its file, or chosen by the user. */
export type EncodingMethod = 'bom' | 'valid-utf8' | 'detected' | 'declared' | 'user';

/**
 * How a text was decoded, in words (the one wording for the article header, the document
 * details, the import report and the CLI): "UTF-8", "UTF-16 LE (byte-order mark)",
 * "UTF-8 (declared)", "Windows-1256 (Arabic) (chosen by you)",
 * "Windows-1256 (Arabic), detected 94%".
 */
export function encodingSummary(how: { encoding: TextEncodingName; encodingMethod: EncodingMethod; encodingConfidence: number }): string {
  return english(encodingPhrase(how));
}

/** {@link encodingSummary} as a phrase, for the interface to say in its language. */
export function encodingPhrase(how: { encoding: TextEncodingName; encodingMethod: EncodingMethod; encodingConfidence: number }): Phrase {
  const encoding = phrase(`encodingName.${how.encoding}`);
  switch (how.encodingMethod) {
    case 'bom':
      return phrase('decoded.bom', { encoding });
    case 'valid-utf8':
      return phrase('decoded.valid', { encoding });
    case 'declared':
      return phrase('decoded.declared', { encoding });
    case 'user':
      return phrase('decoded.user', { encoding });
    case 'detected':
      return phrase('decoded.detected', { encoding, percent: Math.round(how.encodingConfidence * 100) });
  }
}

/** `encodingSummary` of a decoding result. */
export function describeEncoding(d: DecodedText): string {
  return encodingSummary({ encoding: d.encoding, encodingMethod: d.method, encodingConfidence: d.confidence });
}
