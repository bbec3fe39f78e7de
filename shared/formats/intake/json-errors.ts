/**
 * Where a JSON text is broken, for messages ("line 3, column 12"). JavaScript engines
 * disagree on their JSON.parse messages (V8 says "at position N" and lately "(line L
 * column C)", Firefox "at line L column C", Safari gives no position at all), so when the
 * engine's message has no position a small validating scanner finds the first error.
 */

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

function describeChar(ch: string): string {
  return ch === "'" ? '"\'"' : `'${ch}'`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** The offset just after a JSON string starting at `start` (a `"`), or the error inside it. */
function scanString(text: string, start: number): number | { offset: number; message: string } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { offset: i, message: c === 0x0a ? 'a line break inside a string (missing closing quote?)' : 'a control character inside a string' };
    if (c === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!HEX4.test(text.slice(i + 2, i + 6))) return { offset: i, message: 'an invalid \\u escape in a string' };
        i += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i++;
      else return { offset: i, message: 'an invalid escape in a string' };
    }
  }
  return { offset: start, message: 'a string that is never closed' };
}

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'eof';

/** The first syntax error in `text` as strict JSON (offset and description), or undefined when it is valid. */
export function findJsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  const stack: Array<'array' | 'object'> = [];
  let expect: Expect = 'value';
  let pos = 0;
  let afterComma = false;
  const after = (): Expect => (stack.length ? 'commaOrEnd' : 'eof');
  for (;;) {
    while (pos < text.length && ' \t\n\r'.includes(text[pos]!)) pos++;
    if (pos >= text.length) return expect === 'eof' ? undefined : { offset: text.length, message: 'the data ends too early' };
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
        if (!match) return { offset: pos, message: 'an invalid number' };
        pos += match[0].length;
        expect = after();
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, pos));
        if (!literal) {
          const trailing = afterComma && (ch === ']' || ch === '}') ? ' (a comma before it is one too many)' : '';
          return { offset: pos, message: `unexpected ${describeChar(ch)} where a value should be${trailing}` };
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
        const trailing = afterComma && ch === '}' ? ' (a comma before it is one too many)' : '';
        return { offset: pos, message: `unexpected ${describeChar(ch)} where a property name in double quotes should be${trailing}` };
      }
      afterComma = false;
    } else if (expect === 'colon') {
      if (ch !== ':') return { offset: pos, message: `expected ':' after the property name, found ${describeChar(ch)}` };
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
        return { offset: pos, message: `expected ',' or '${close}', found ${describeChar(ch)}` };
      }
    } else {
      return { offset: pos, message: `unexpected ${describeChar(ch)} after the end of the JSON data` };
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
