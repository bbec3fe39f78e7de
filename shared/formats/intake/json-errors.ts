/**
 * Where a JSON text is broken, for messages ("line 3, column 12"). JavaScript engines
 * disagree on their JSON.parse messages (V8 says "at position N" and lately "(line L
 * column C)", Firefox "at line L column C", Safari gives no position at all), so when the
 * engine's message has no position a small validating scanner finds the first error.
 * What the user reads is the scanner's finding as a phrase ({@link jsonSyntaxPhrase}): the
 * engine's words are English whatever the interface language, and differ between engines.
 */
import { english, phrase, type Phrase, type PhraseCode } from '../../phrases/phrase';

/** A JSON syntax error: 1-based line and column (UTF-16 units) when known, and what is wrong. */
export interface JsonErrorInfo {
  line?: number;
  column?: number;
  detail: string;
}

/** 1-based line and column of a UTF-16 offset in `text` (lines end at \n). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** A syntax error the scanner found: where (a UTF-16 offset), what (a phrase) and its English. */
export interface JsonSyntaxFinding {
  offset: number;
  message: string;
  why: Phrase;
}

function found(offset: number, code: PhraseCode, params?: Record<string, string>): JsonSyntaxFinding {
  const why = phrase(code, params);
  return { offset, message: english(why), why };
}

function describeChar(ch: string): string {
  return ch === "'" ? '"\'"' : `'${ch}'`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** The offset just after a JSON string starting at `start` (a `"`), or the error inside it. */
function scanString(text: string, start: number): number | JsonSyntaxFinding {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return found(i, c === 0x0a ? 'jsonWhy.lineBreakInString' : 'jsonWhy.controlInString');
    if (c === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!HEX4.test(text.slice(i + 2, i + 6))) return found(i, 'jsonWhy.badUnicodeEscape');
        i += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i++;
      else return found(i, 'jsonWhy.badEscape');
    }
  }
  return found(start, 'jsonWhy.unclosedString');
}

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'eof';

/** The first syntax error in `text` as strict JSON (offset and description), or undefined when it is valid. */
export function findJsonSyntaxError(text: string): JsonSyntaxFinding | undefined {
  const stack: Array<'array' | 'object'> = [];
  let expect: Expect = 'value';
  let pos = 0;
  let afterComma = false;
  const after = (): Expect => (stack.length ? 'commaOrEnd' : 'eof');
  for (;;) {
    while (pos < text.length && ' \t\n\r'.includes(text[pos]!)) pos++;
    if (pos >= text.length) return expect === 'eof' ? undefined : found(text.length, 'jsonWhy.endsEarly');
    const ch = text[pos]!;
    if (expect === 'value' || expect === 'valueOrEnd') {
      if (expect === 'valueOrEnd' && ch === ']') {
        stack.pop();
        pos++;
        expect = after();
      } else if (ch === '{') {
        stack.push('object');
        pos++;
        expect = 'keyOrEnd';
      } else if (ch === '[') {
        stack.push('array');
        pos++;
        expect = 'valueOrEnd';
      } else if (ch === '"') {
        const end = scanString(text, pos);
        if (typeof end !== 'number') return end;
        pos = end;
        expect = after();
      } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
        NUMBER.lastIndex = pos;
        const match = NUMBER.exec(text);
        if (!match) return found(pos, 'jsonWhy.badNumber');
        pos += match[0].length;
        expect = after();
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, pos));
        if (!literal) {
          return found(pos, afterComma && (ch === ']' || ch === '}') ? 'jsonWhy.notValueAfterComma' : 'jsonWhy.notValue', { char: describeChar(ch) });
        }
        pos += literal.length;
        expect = after();
      }
      afterComma = false;
    } else if (expect === 'key' || expect === 'keyOrEnd') {
      if (expect === 'keyOrEnd' && ch === '}') {
        stack.pop();
        pos++;
        expect = after();
      } else if (ch === '"') {
        const end = scanString(text, pos);
        if (typeof end !== 'number') return end;
        pos = end;
        expect = 'colon';
      } else {
        return found(pos, afterComma && ch === '}' ? 'jsonWhy.notKeyAfterComma' : 'jsonWhy.notKey', { char: describeChar(ch) });
      }
      afterComma = false;
    } else if (expect === 'colon') {
      if (ch !== ':') return found(pos, 'jsonWhy.noColon', { char: describeChar(ch) });
      pos++;
      expect = 'value';
    } else if (expect === 'commaOrEnd') {
      const top = stack.at(-1)!;
      const close = top === 'object' ? '}' : ']';
      if (ch === ',') {
        pos++;
        expect = top === 'object' ? 'key' : 'value';
        afterComma = true;
      } else if (ch === close) {
        stack.pop();
        pos++;
        expect = after();
      } else {
        return found(pos, 'jsonWhy.noCommaOrClose', { close, char: describeChar(ch) });
      }
    } else {
      return found(pos, 'jsonWhy.afterEnd', { char: describeChar(ch) });
    }
  }
}

/** The engine's message without positions or quoted excerpts of the data. */
function cleanEngineMessage(message: string): string {
  return message
    .replace(/^JSON\.parse:\s*/, '')
    .replace(/,\s*".*" is not valid JSON$/s, '')
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s+(?:in JSON\s+)?at position \d+/, '')
    .replace(/\s+at line \d+ column \d+ of the JSON data$/, '')
    .trim();
}

/**
 * Describes why `JSON.parse(text)` threw `error`: the line and column from the engine's
 * message ("line L column C", or "position N" converted), else from the scanner.
 */
export function describeJsonError(text: string, error: unknown): JsonErrorInfo {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]), detail: cleanEngineMessage(message) };
  const position = /at position (\d+)/.exec(message);
  if (position) return { ...lineColumnAt(text, Number(position[1])), detail: cleanEngineMessage(message) };
  const found = findJsonSyntaxError(text);
  if (found) return { ...lineColumnAt(text, found.offset), detail: found.message };
  return { detail: cleanEngineMessage(message) || 'not valid JSON' };
}

/**
 * Why `JSON.parse(text)` threw, as the user reads it: "line 3, column 12: unexpected '}'
 * where a value should be" — the scanner's finding (so the same words in every engine and in
 * every interface language), the engine's message only when the scanner finds nothing.
 * `within: 'line'` leaves the line out ("column 12: …"), for a text that is one line of a
 * larger file whose line number the caller gives.
 */
export function jsonSyntaxPhrase(text: string, error: unknown, within: 'file' | 'line' = 'file'): Phrase {
  const { line, column, why } = jsonSyntaxError(text, error);
  if (line === undefined || column === undefined) return why;
  return within === 'line' ? phrase('jsonWhere.column', { column, why }) : phrase('jsonWhere.at', { line, column, why });
}

/** Where `JSON.parse(text)` failed (1-based line and column, when known) and why, as a phrase. */
export function jsonSyntaxError(text: string, error: unknown): { line?: number; column?: number; why: Phrase } {
  const finding = findJsonSyntaxError(text);
  if (finding) return { ...lineColumnAt(text, finding.offset), why: finding.why };
  const { line, column, detail } = describeJsonError(text, error);
  return { ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), why: phrase('jsonWhy.engine', { detail }) };
}
