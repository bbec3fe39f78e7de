/**
 * Helpers of the intake tests: byte encoders for the legacy Arabic code pages (tables
 * built by decoding bytes 0–255 with the platform's own decoder), UTF-16, and a builder
 * of minimal Word .docx archives.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import type { ExportOutcome } from '../../../shared/formats/dataset';
import { createTranslator } from '../../../shared/i18n/i18n';

const tables = new Map<string, Map<string, number>>();

/** Encodes `text` in a single-byte code page; throws on a character the code page lacks. */
export function encodeCodePage(text: string, label: 'windows-1256' | 'iso-8859-6'): Uint8Array {
  let table = tables.get(label);
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder(label);
    for (let byte = 0; byte < 256; byte++) {
      const ch = decoder.decode(new Uint8Array([byte]));
      if (ch !== '\uFFFD' && !table.has(ch)) table.set(ch, byte);
    }
    tables.set(label, table);
  }
  const map = table;
  return Uint8Array.from(Array.from(text, (ch) => {
    const byte = map.get(ch);
    if (byte === undefined) throw new Error(`${label} cannot encode U+${ch.codePointAt(0)!.toString(16)}`);
    return byte;
  }));
}

/** UTF-16 bytes of `text` in the given byte order, with a byte-order mark. */
export function encodeUtf16(text: string, order: 'le' | 'be'): Uint8Array {
  const units = `\uFEFF${text}`;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i] = order === 'le' ? u & 0xff : u >> 8;
    out[2 * i + 1] = order === 'le' ? u >> 8 : u & 0xff;
  }
  return out;
}

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * A minimal .docx: content types, `word/document.xml` with `bodyXml` inside <w:body>, a
 * core.xml with `title` when given, and `word/footnotes.xml` / `word/endnotes.xml` holding
 * `footnotes` / `endnotes` (w:footnote / w:endnote elements) when given.
 */
export function makeDocx(bodyXml: string, options: { title?: string; prefix?: string; footnotes?: string; endnotes?: string } = {}): Uint8Array {
  const p = options.prefix ?? 'w';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}:document xmlns:${p}="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><${p}:body>${bodyXml}</${p}:body></${p}:document>`,
    ),
  };
  if (options.title !== undefined) {
    files['docProps/core.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${options.title}</dc:title><dc:creator>ليس عنواناً</dc:creator></cp:coreProperties>`,
    );
  }
  for (const kind of ['footnotes', 'endnotes'] as const) {
    const notes = options[kind];
    if (notes !== undefined) files[`word/${kind}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><${p}:${kind} xmlns:${p}="${W}">${notes}</${p}:${kind}>`);
  }
  return zipSync(files);
}

/** The bytes of a fixture in test/fixtures/intake/. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/intake/${name}`, import.meta.url))));
}

/** The notes of an export that say attribution attributes were left out: English and Arabic. */
export function attributeNotes(outcome: ExportOutcome): Array<{ where: string; english: string; arabic: string }> {
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  const arabic = createTranslator('ar');
  return outcome.notes
    .filter((n) => n.phrase?.code === 'exportNote.attributesLeftOut')
    .map((n) => ({ where: n.where, english: n.message, arabic: arabic.phrase(n.phrase!) }));
}
