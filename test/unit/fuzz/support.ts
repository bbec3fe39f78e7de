/**
 * Shared pieces of the property-based ("fuzz") tests: how many cases to run, seed files of
 * every format (made from the built-in sample corpus and our own texts), and fast-check
 * arbitraries that damage them — random bytes, byte and text mutations, structural JSON
 * mutations, line mutations for CoNLL and brat.
 *
 * `npm test` runs each property a fixed, modest number of times; `npm run fuzz` runs many
 * more (FUZZ_RUNS per property, default 1000 there). FUZZ_SEED replays a failure fast-check
 * reported (it prints the seed).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { DATASET_FORMATS } from '../../../shared/formats/formats';
import type { FormatName, OutputFile } from '../../../shared/formats/dataset';
import { datasetFromState } from '../../../shared/formats/dataset';
import { exportNative } from '../../../shared/formats/native';
import { addAttribution } from '../../../shared/model/attribution-commands';
import type { CommandContext } from '../../../shared/model/commands';
import { sha256Hex } from '../../../shared/model/hash';
import { buildSampleCorpus } from '../../../shared/model/sample-corpus';
import { createCorpusState, type CorpusState } from '../../../shared/model/state';
import { applyTransaction } from '../../../shared/model/transaction';
import { testContext } from '../helpers/tagged';
import { makeDocx } from '../formats/support';

/**
 * fast-check parameters: `defaultRuns` cases, or FUZZ_RUNS × `weight` when FUZZ_RUNS is set
 * (`weight` < 1 for properties much slower than the others); FUZZ_SEED replays a failure.
 */
export function fuzzParameters(defaultRuns: number, weight = 1): fc.Parameters<unknown> {
  const runs = Number(process.env['FUZZ_RUNS']);
  const seed = Number(process.env['FUZZ_SEED']);
  return {
    numRuns: Number.isFinite(runs) && runs > 0 ? Math.max(1, Math.round(runs * weight)) : defaultRuns,
    ...(Number.isFinite(seed) && process.env['FUZZ_SEED'] ? { seed } : {}),
  };
}

/** Vitest timeout for a property: generous, because `npm run fuzz` runs it many times. */
export const FUZZ_TIMEOUT = Number(process.env['FUZZ_RUNS']) > 0 ? 30 * 60_000 : 60_000;

const encoder = new TextEncoder();

/** UTF-8 bytes of `text`. */
export function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

/** A command context whose ids (import-1, import-2 …) never collide with the seed corpus's (id-1 …). */
export function importContext(): CommandContext {
  let n = 0;
  return { newId: () => `import-${++n}`, now: () => '2026-02-01T00:00:00.000Z', annotator: 'fuzz' };
}

/** The sample corpus as a state, with a claim attributed through a chain, so every format has something to carry. */
export function seedState(ctx: CommandContext = testContext()): CorpusState {
  const sample = buildSampleCorpus(ctx);
  let state = createCorpusState(sample.corpus, sample.documents, sample.spans, sample.sources, sample.attributions);
  // "نقلت وكالة نوفوستي عن مصدر في الخارجية أن …": the claim, via Novosti, from a ministry source.
  const span = (label: string, quote: string) => [...state.spans.values()].find((s) => s.label === label && state.documents.get(s.docId)!.text.slice(s.start, s.end) === quote)!;
  const source = (nameLatin: string) => [...state.sources.values()].find((s) => s.nameLatin === nameLatin)!;
  const claim = span('CLAIM', 'المحادثات ستتناول وقف إطلاق النار وفتح الممرات الإنسانية');
  const viaNovosti = addAttribution(state, { claimSpanId: claim.id, sourceId: source('RIA Novosti').id, mentionSpanId: span('SOURCE', 'وكالة نوفوستي').id, cueSpanId: span('CUE', 'نقلت').id, quotation: 'indirect', stance: 'asserted' }, ctx);
  if (!viaNovosti.ok) throw new Error(viaNovosti.error);
  state = applyTransaction(state, viaNovosti.tx);
  const viaId = viaNovosti.tx.changes[0]!.id;
  const ministry = addAttribution(state, { claimSpanId: claim.id, sourceId: source('Russian Ministry of Foreign Affairs').id, mentionSpanId: span('SOURCE', 'مصدر في الخارجية').id, viaId }, ctx);
  if (!ministry.ok) throw new Error(ministry.error);
  return applyTransaction(state, ministry.tx);
}

/** The seed corpus exported in each dataset format (the files a user would convert back). */
export function datasetSeeds(): Record<FormatName, OutputFile[]> {
  const corpus = datasetFromState(seedState());
  const seeds = {} as Record<FormatName, OutputFile[]>;
  for (const [name, format] of Object.entries(DATASET_FORMATS) as Array<[FormatName, (typeof DATASET_FORMATS)[FormatName]]>) {
    const outcome = format.exportCorpus(corpus);
    if (!outcome.ok) throw new Error(`seed export to ${name} failed: ${outcome.problems.join('; ')}`);
    seeds[name] = outcome.files;
  }
  return seeds;
}

/**
 * The seed corpus as an Isnad native export; `other` gives another corpus (other ids, texts
 * with a line added), whose documents are new to the seed corpus — so importing it goes past
 * the duplicate check into spans, attributions and registry merging.
 */
export function nativeSeed(other = false): string {
  let state = seedState(other ? { newId: (() => { let n = 0; return () => `other-${++n}`; })(), now: () => '2026-01-02T00:00:00.000Z', annotator: 'other' } : testContext());
  if (other) {
    const documents = new Map([...state.documents].map(([id, d]) => { const text = `${d.text}وفي نسخة أخرى من الخبر.\n`; return [id, { ...d, text, sha256: sha256Hex(text) }]; }));
    state = { ...state, documents };
  }
  const result = exportNative(state, { exportedAt: '2026-01-01T00:00:00.000Z', generator: 'Isnad fuzz' });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.json;
}

const PARAGRAPHS = [
  'قالت وكالة الأنباء إن الوفد وصل إلى المدينة صباح الأحد.',
  'وأضاف مصدر في الوزارة أن المحادثات ستستمر يومين.',
  'The delegation arrived on Sunday morning, the agency said.',
];

/** One article file of every intake format, named so the extension tells its format. */
export function articleSeeds(): Array<{ name: string; bytes: Uint8Array }> {
  const text = PARAGRAPHS.join('\n');
  const records = PARAGRAPHS.map((p, i) => ({ title: `خبر ${i + 1}`, text: p, url: `https://example.org/${i}`, date: '2026-01-0' + (i + 1), outlet: 'وكالة' }));
  return [
    { name: 'article.txt', bytes: bytesOf(`${text}\n`) },
    { name: 'article.md', bytes: bytesOf(`---\ntitle: خبر\nurl: https://example.org/a\n---\n\n${PARAGRAPHS.join('\n\n')}\n`) },
    {
      name: 'page.html',
      bytes: bytesOf(
        `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title><meta property="og:site_name" content="وكالة"></head>` +
          `<body><nav>الرئيسية</nav><article><h1>خبر</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article><footer>حقوق</footer></body></html>`,
      ),
    },
    { name: 'records.json', bytes: bytesOf(JSON.stringify(records, null, 1)) },
    { name: 'records.jsonl', bytes: bytesOf(records.map((r) => JSON.stringify(r)).join('\n') + '\n') },
    { name: 'records.csv', bytes: bytesOf('title,text,url\n' + records.map((r) => `"${r.title}","${r.text.replace(/"/g, '""')}",${r.url}`).join('\n') + '\n') },
    { name: 'records.tsv', bytes: bytesOf('title\ttext\n' + records.map((r) => `${r.title}\t${r.text}`).join('\n') + '\n') },
    { name: 'article.docx', bytes: makeDocx(PARAGRAPHS.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join(''), { title: 'خبر' }) },
    { name: 'corpus.json', bytes: bytesOf(nativeSeed()) },
    { name: 'other-corpus.json', bytes: bytesOf(nativeSeed(true)) },
    // A version-1 export, so mutations go through the native migrations too.
    { name: 'corpus-v1.json', bytes: new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/native/v1.json', import.meta.url)))) },
  ];
}

/** Tokens that break parsers in interesting ways, inserted by the text mutations. */
const NASTY_TOKENS = [
  '"', "'", '{', '}', '[', ']', ',', ':', '\\', '\n', '\r\n', '\r', '\t', ' ', '\uFEFF', '\u200F', '\u202E', '\u0000', '\uD800', '\uDC00',
  'null', 'true', '-1', '0', '1e309', '9007199254740993', '-0', 'NaN', '""', '[]', '{}', '"__proto__"', '"constructor"',
  '<script>', '</p>', '<!--', ']]>', '&amp;', '&#0;', 'B-', 'I-', 'O', 'T1', 'R1', 'A1', '#', '---', '\t_\t', 'ـ', 'َ', 'لا', '😀',
];

/** A text mutation: applies to one string, position-independent of its length. */
type TextMutation = (text: string) => string;

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  // Delete a slice.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(64)).map(([at, length]) => (text: string) => {
    const start = Math.floor(at * text.length);
    return text.slice(0, start) + text.slice(start + length);
  }),
  // Insert a nasty token, or random characters.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constantFrom(...NASTY_TOKENS), fc.string({ maxLength: 8, unit: 'binary' }))).map(([at, token]) => (text: string) => {
    const start = Math.floor(at * text.length);
    return text.slice(0, start) + token + text.slice(start);
  }),
  // Replace a number (an offset, a count, a version) by another one.
  fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.constantFrom(-1, 0, 2 ** 31, 1e21, 0.5))).map(([which, value]) => (text: string) => {
    const numbers = [...text.matchAll(/\d+/g)];
    if (!numbers.length) return text;
    const match = numbers[which % numbers.length]!;
    return text.slice(0, match.index) + String(value) + text.slice(match.index + match[0].length);
  }),
  // Duplicate, drop or swap lines.
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('duplicate', 'drop', 'swap')).map(([a, b, how]) => (text: string) => {
    const lines = text.split('\n');
    const i = a % lines.length;
    const j = b % lines.length;
    if (how === 'duplicate') lines.splice(i, 0, lines[i]!);
    else if (how === 'drop') lines.splice(i, 1);
    else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  }),
  // Truncate.
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (text: string) => text.slice(0, Math.floor(at * text.length))),
);

/** `seed` with 1 to 6 text mutations applied. */
export function mutatedText(seed: string): fc.Arbitrary<string> {
  return fc.array(textMutation, { minLength: 1, maxLength: 6 }).map((mutations) => mutations.reduce((text, mutate) => mutate(text), seed));
}

/** A byte mutation. */
type ByteMutation = (bytes: Uint8Array) => Uint8Array;

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })).map(([at, value]) => (bytes: Uint8Array) => {
    if (!bytes.length) return bytes;
    const copy = bytes.slice();
    copy[Math.min(bytes.length - 1, Math.floor(at * bytes.length))] = value;
    return copy;
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ maxLength: 16 })).map(([at, insert]) => (bytes: Uint8Array) => {
    const start = Math.floor(at * bytes.length);
    return Uint8Array.from([...bytes.subarray(0, start), ...insert, ...bytes.subarray(start)]);
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(256)).map(([at, length]) => (bytes: Uint8Array) => {
    const start = Math.floor(at * bytes.length);
    return Uint8Array.from([...bytes.subarray(0, start), ...bytes.subarray(start + length)]);
  }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (bytes: Uint8Array) => bytes.slice(0, Math.floor(at * bytes.length))),
);

/** `seed` with 1 to 4 byte mutations applied (bit-level damage, truncation, garbage inserted). */
export function mutatedBytes(seed: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.array(byteMutation, { minLength: 1, maxLength: 4 }).map((mutations) => mutations.reduce((bytes, mutate) => mutate(bytes), seed));
}

/** Values a structural JSON mutation puts somewhere in a document. */
const jsonReplacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, '', -1, 0, 1e21, 2 ** 53, 0.5, [], {}, '<img src=x onerror=alert(1)>', '\uD800', 'ـ', { __proto__: { polluted: true } }),
);

/** A structural mutation of a parsed JSON value: replace, delete or duplicate at a random path. */
type JsonMutation = { path: number[]; action: 'replace' | 'delete' | 'duplicate'; value: unknown };

const jsonMutation: fc.Arbitrary<JsonMutation> = fc.record({
  path: fc.array(fc.nat(), { minLength: 0, maxLength: 8 }),
  action: fc.constantFrom('replace', 'delete', 'duplicate'),
  value: jsonReplacement,
});

function applyJsonMutation(value: unknown, mutation: JsonMutation, depth = 0): unknown {
  const children = Array.isArray(value) ? value.map((_, i) => i) : value && typeof value === 'object' ? Object.keys(value) : [];
  if (depth >= mutation.path.length || children.length === 0) return mutation.action === 'replace' ? mutation.value : value;
  const key = children[mutation.path[depth]! % children.length]!;
  const atLeaf = depth === mutation.path.length - 1;
  if (Array.isArray(value)) {
    const copy = [...value];
    const i = key as number;
    if (atLeaf && mutation.action === 'delete') copy.splice(i, 1);
    else if (atLeaf && mutation.action === 'duplicate') copy.splice(i, 0, copy[i]);
    else copy[i] = applyJsonMutation(copy[i], mutation, depth + 1);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const k = key as string;
  if (atLeaf && mutation.action === 'delete') delete copy[k];
  else if (atLeaf && mutation.action === 'duplicate') copy[`${k}_copy`] = copy[k];
  else copy[k] = applyJsonMutation(copy[k], mutation, depth + 1);
  return copy;
}

/** The JSON text `seed` with 1 to 4 structural mutations (values replaced by other types, keys deleted, items duplicated). */
export function mutatedJson(seed: string): fc.Arbitrary<string> {
  const parsed: unknown = JSON.parse(seed);
  return fc.array(jsonMutation, { minLength: 1, maxLength: 4 }).map((mutations) => JSON.stringify(mutations.reduce((value, m) => applyJsonMutation(value, m), parsed)));
}

/** A ZIP archive of random entries, some named like a Word document's parts. */
export const randomZip: fc.Arbitrary<Uint8Array> = fc
  .array(
    fc.tuple(
      // (fflate's zipSync takes an object of entries, where a "__proto__" key, which fast-check
      // likes to generate, sets the object's prototype instead and breaks the archiver.)
      fc.oneof(fc.constantFrom('word/document.xml', 'docProps/core.xml', '[Content_Types].xml', '../evil.xml', '/abs.xml'), fc.string({ minLength: 1, maxLength: 20 }).filter((name) => name !== '__proto__')),
      fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('<w:document><w:body><w:p><w:r><w:t>نص</w:t></w:r></w:p></w:body></w:document>', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;&a;</x>', '<w:t>')),
    ),
    { maxLength: 5 },
  )
  .map((entries) => zipSync(Object.fromEntries(entries.map(([name, content]) => [name, strToU8(content)]))));

/** Random bytes, mostly short, sometimes starting like a ZIP, a BOM or an HTML page. */
export const randomBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.tuple(fc.constantFrom([0x50, 0x4b, 0x03, 0x04], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [...bytesOf('<html>')], [...bytesOf('{"format":"isnad-corpus"')]), fc.uint8Array({ maxLength: 512 })).map(
    ([head, rest]) => Uint8Array.from([...head, ...rest]),
  ),
);

/** Messages that betray an internal error rather than telling the user what is wrong with the file. */
export const INTERNAL_ERROR = /could not be read:|Unexpected error:|is not a function|Cannot read propert|Cannot convert|of undefined|of null|is not iterable|Maximum call stack|Invalid array length|\[object Object\]/;

/** Any damaged or random article file: what a careless folder import could bring. */
export function anyArticleFile(): fc.Arbitrary<{ name: string; bytes: Uint8Array }> {
  const seeds = articleSeeds();
  const decoder = new TextDecoder();
  const seed = fc.constantFrom(...seeds);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...seeds.map((s) => s.name), 'no-extension'), randomBytes).map(([name, bytes]) => ({ name, bytes })),
    seed.chain((s) => mutatedBytes(s.bytes).map((bytes) => ({ name: s.name, bytes }))),
    seed.filter((s) => !s.name.endsWith('.docx')).chain((s) => mutatedText(decoder.decode(s.bytes)).map((text) => ({ name: s.name, bytes: bytesOf(text) }))),
    seed.filter((s) => s.name.endsWith('.json')).chain((s) => mutatedJson(decoder.decode(s.bytes)).map((text) => ({ name: s.name, bytes: bytesOf(text) }))),
    randomZip.map((bytes) => ({ name: 'article.docx', bytes })),
  );
}
