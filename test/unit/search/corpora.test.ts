import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeArticleBytes } from '../../../shared/text/decode';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { collapseRepeatedParagraphs, findRepeatedParagraphs } from '../../../shared/text/repeats';
import { estimateJaccard, exactJaccard, groupNearDuplicates, minHashSignature } from '../../../shared/model/near-duplicates';
import { findInText } from '../../../shared/search/search';
import { isGraphemeBoundary } from '../../../shared/text/graphemes';

// Real articles live beside the checkout (../shared), never inside it; read only, never copied.
const seedDir = fileURLToPath(new URL('../../../../shared/seed', import.meta.url));
const newsDir = fileURLToPath(new URL('../../../../shared/corpora/news', import.meta.url));
const seedFile = resolve(seedDir, 'article-syria-2019-ar.txt');
const hasSeed = existsSync(seedFile);
const hasNews = existsSync(newsDir);
const ABSENT = 'skipped: ../shared is absent beside the checkout';

function readArticle(path: string): string {
  const decoded = decodeArticleBytes(new Uint8Array(readFileSync(path)), path);
  if (!decoded.ok) throw new Error(`${path}: ${decoded.message}`);
  return decoded.text;
}

/** Non-overlapping occurrences of `needle` in `hay`. */
function count(hay: string, needle: string): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
}

describe('the seed article (../shared/seed)', () => {
  it.skipIf(!hasSeed)(hasSeed ? 'finds its repeated paragraphs, and collapsing keeps each once' : ABSENT, () => {
    const text = readArticle(seedFile);
    const paragraphs = splitParagraphs(text);
    const repeats = findRepeatedParagraphs(text);
    console.log(
      `seed article: ${paragraphs.length} paragraphs; repeated: ${repeats.map((r) => `[${r.occurrences.join(', ')}] (${r.text.length} chars)`).join(', ')}`,
    );
    expect(repeats.length).toBeGreaterThan(0);
    const collapsed = collapseRepeatedParagraphs(text);
    console.log(`seed article collapsed: removed ${collapsed.removed}, kept ${collapsed.kept}, ${text.length} → ${collapsed.text.length} chars`);
    expect(collapsed.removed).toBe(repeats.reduce((sum, r) => sum + r.occurrences.length - 1, 0));
    expect(collapsed.kept).toBe(paragraphs.length - collapsed.removed);
    for (const r of repeats) {
      expect(count(text, r.text)).toBeGreaterThanOrEqual(2);
      expect(count(collapsed.text, r.text)).toBe(1);
    }
    expect(findRepeatedParagraphs(collapsed.text)).toEqual([]);
    // Every kept line is unchanged and in the original order.
    const kept = splitParagraphs(collapsed.text).map((p) => collapsed.text.slice(p.start, p.end));
    const original = paragraphs.map((p) => text.slice(p.start, p.end));
    let from = 0;
    for (const line of kept) {
      const at = original.indexOf(line, from);
      expect(at).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
  });

  it.skipIf(!hasSeed)(hasSeed ? 'search finds words despite hamza and harakat, with grapheme-safe offsets' : ABSENT, () => {
    const text = readArticle(seedFile);
    let total = 0;
    for (const query of ['نوفوستي', 'للامم', 'الامين', 'اعلنت']) {
      const matches = findInText(text, query);
      total += matches.length;
      console.log(`seed article: "${query}" → ${matches.length} matches: ${[...new Set(matches.map((m) => text.slice(m.start, m.end)))].join(' | ')}`);
      for (const m of matches) {
        expect(isGraphemeBoundary(text, m.start)).toBe(true);
        expect(isGraphemeBoundary(text, m.end)).toBe(true);
      }
    }
    expect(total).toBeGreaterThan(0);
  });
});

describe('the news corpus (../shared/corpora/news)', () => {
  const files = hasNews ? readdirSync(newsDir).filter((f) => f.endsWith('.txt')).sort() : [];
  it.skipIf(!hasNews)(hasNews ? `groups near-duplicates among the ${files.length} articles without failing` : ABSENT, () => {
    const docs = files.map((f) => ({ id: f, text: readArticle(resolve(newsDir, f)) }));
    if (hasSeed) docs.push({ id: 'seed/article-syria-2019-ar.txt', text: readArticle(seedFile) });
    const started = performance.now();
    const groups = groupNearDuplicates(docs);
    const ms = performance.now() - started;
    console.log(`news corpus: ${docs.length} docs grouped in ${ms.toFixed(0)} ms → ${groups.length ? groups.map((g) => g.join(' + ')).join('; ') : 'no near-duplicate groups'}`);
    // The most similar pairs, for the record.
    const sigs = docs.map((d) => minHashSignature(d.text));
    const pairs: Array<[number, string, string]> = [];
    for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) pairs.push([estimateJaccard(sigs[i]!, sigs[j]!), docs[i]!.id, docs[j]!.id]);
    pairs.sort((a, b) => b[0] - a[0]);
    console.log(`news corpus: most similar pairs (estimated Jaccard): ${pairs.slice(0, 3).map(([s, a, b]) => `${a} ~ ${b} ${s.toFixed(2)} (exact ${exactJaccard(docs.find((d) => d.id === a)!.text, docs.find((d) => d.id === b)!.text).toFixed(2)})`).join('; ')}`);
    // Groups are consistent: disjoint, ≥ 2 members, in input order, ordered by first member.
    const ids = docs.map((d) => d.id);
    const seen = new Set<string>();
    let lastFirst = -1;
    for (const group of groups) {
      expect(group.length).toBeGreaterThanOrEqual(2);
      const positions = group.map((id) => ids.indexOf(id));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(positions[0]!).toBeGreaterThan(lastFirst);
      lastFirst = positions[0]!;
      for (const id of group) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
    // Every article against itself is a near-duplicate; an article with its copy is grouped.
    const withCopy = [...docs, { id: 'copy', text: `نقلا عن وكالة\n${docs[0]!.text}` }];
    expect(groupNearDuplicates(withCopy).some((g) => g.includes(docs[0]!.id) && g.includes('copy'))).toBe(true);
  });

  it.skipIf(!hasNews)(hasNews ? 'finds no repeated paragraphs that collapse would damage' : ABSENT, () => {
    for (const f of files) {
      const text = readArticle(resolve(newsDir, f));
      const repeats = findRepeatedParagraphs(text);
      if (repeats.length) console.log(`${f}: repeated paragraphs ${repeats.map((r) => `[${r.occurrences.join(', ')}]`).join(', ')}`);
      const collapsed = collapseRepeatedParagraphs(text);
      expect(findRepeatedParagraphs(collapsed.text)).toEqual([]);
      if (repeats.length === 0) expect(collapsed.text).toBe(text);
    }
  });
});
