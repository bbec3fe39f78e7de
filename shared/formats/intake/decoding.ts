/**
 * Bytes to text for the text-based intake formats: the shared detector
 * (decodeArticleBytes), the user's per-file encoding override, and for HTML pages the
 * charset the page declares when detection alone was not sure. Every path removes a
 * byte-order mark and makes line endings \n, and nothing else.
 */
import { refusal, type DecodingInfo, type Refusal } from '../article-draft';
import { countControlChars, looksBinary } from '../../text/binarySniff';
import { isBlank } from '../../text/chars';
import { decodeArticleBytes, decodeStrict, DEFAULT_MAX_FILE_BYTES, invalidUtf8Phrase, type TextEncodingName } from '../../text/decode';
import { detectLineEndings, normaliseLineEndings } from '../../text/lineEndings';
import { tooLargeParams } from '../../phrases/sizes';

/** Decoded text with how it was decoded, or the reason the file was refused. */
export type IntakeText = { ok: true; text: string; decoding: DecodingInfo } | ({ ok: false } & Refusal);

const LEGACY_ARABIC: ReadonlySet<string> = new Set(['windows-1256', 'iso-8859-6']);

/** The refusal of a file over `maxBytes` (default {@link DEFAULT_MAX_FILE_BYTES}), or undefined. */
export function sizeRefusal(bytes: Uint8Array, fileName: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Refusal | undefined {
  if (bytes.length <= maxBytes) return undefined;
  return refusal('file.tooLarge', tooLargeParams(fileName, bytes.length, maxBytes));
}

/** Checks and finishes a decoding: no binary data, not blank; BOM removed, line endings made \n. */
function finish(raw: string, fileName: string, encoding: TextEncodingName, method: DecodingInfo['encodingMethod'], confidence: number): IntakeText {
  const body = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (looksBinary(countControlChars(body), body.length)) return { ok: false, ...refusal('file.binary', { file: fileName }) };
  if (isBlank(body)) return { ok: false, ...refusal('file.empty', { file: fileName }) };
  return {
    ok: true,
    text: normaliseLineEndings(body),
    decoding: { encoding, encodingMethod: method, encodingConfidence: confidence, lineEndings: detectLineEndings(body) },
  };
}

/**
 * Decodes with the encoding the user chose for this file (method 'user'). Refused when
 * the bytes are not valid in it: “x.txt” is not valid windows-1256 (for UTF-8, with where
 * the first invalid byte is).
 */
export function decodeWithEncoding(bytes: Uint8Array, fileName: string, encoding: TextEncodingName, maxBytes?: number): IntakeText {
  const tooLarge = sizeRefusal(bytes, fileName, maxBytes);
  if (tooLarge) return { ok: false, ...tooLarge };
  const raw = decodeStrict(bytes, encoding);
  if (raw === undefined && encoding === 'utf-8') {
    const { code, params } = invalidUtf8Phrase(bytes, fileName);
    return { ok: false, ...refusal(code, params ?? {}) };
  }
  if (raw === undefined) return { ok: false, ...refusal('file.notInEncoding', { file: fileName, encoding }) };
  return finish(raw, fileName, encoding, 'user', 1);
}

/**
 * The encoding an HTML (or XHTML) page declares in its first 4 KB (`<meta charset>`,
 * `http-equiv` content type, or the XML declaration), as a WHATWG name; undefined when
 * none is declared or the label is unknown.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i]!);
  const label =
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:()-]+)/i.exec(head)?.[1] ?? /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/**
 * Decodes an article file: the user's `encoding` when given, else the shared detector.
 * With `html`, a page whose bytes are not plain UTF-8 and that declares Windows-1256 or
 * ISO-8859-6 is read in the declared encoding (method 'declared') when the bytes are
 * valid in it — the page's own statement beats a statistical guess.
 */
export function decodeForIntake(bytes: Uint8Array, fileName: string, options: { encoding?: TextEncodingName; maxBytes?: number; html?: boolean } = {}): IntakeText {
  if (options.encoding) return decodeWithEncoding(bytes, fileName, options.encoding, options.maxBytes);
  const decoded = decodeArticleBytes(bytes, fileName, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
  const unsure = decoded.ok ? decoded.method === 'detected' : decoded.reason === 'undecodable';
  if (options.html && unsure) {
    const declared = declaredHtmlCharset(bytes);
    const raw = declared && LEGACY_ARABIC.has(declared) ? decodeStrict(bytes, declared) : undefined;
    if (raw !== undefined) return finish(raw, fileName, declared as TextEncodingName, 'declared', 1);
  }
  if (!decoded.ok) return { ok: false, reason: decoded.message, phrase: decoded.phrase };
  return {
    ok: true,
    text: decoded.text,
    decoding: { encoding: decoded.encoding, encodingMethod: decoded.method, encodingConfidence: decoded.confidence, lineEndings: decoded.lineEndings },
  };
}
