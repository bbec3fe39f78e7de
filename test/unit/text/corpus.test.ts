import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeArticleBytes } from '../../../shared/text/decode';
import { isGraphemeBoundary } from '../../../shared/text/graphemes';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { wordSegments } from '../../../shared/text/words';

// The reference articles live beside the checkout (../shared), never inside it.
const here = fileURLToPath(new URL('.', import.meta.url));
const newsDir = resolve(here, '../../../../shared/corpora/news');
const exists = existsSync(newsDir);
const files = exists ? readdirSync(newsDir).filter((f) => f.endsWith('.txt')).sort() : [];

describe('real news articles (../shared/corpora/news)', () => {
  it.skipIf(!exists)(
    exists ? `decodes all ${files.length} articles and every word edge is a grapheme boundary` : 'skipped: ../shared is absent beside the checkout',
    () => {
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const decoded = decodeArticleBytes(new Uint8Array(readFileSync(resolve(newsDir, file))), file);
        if (!decoded.ok) throw new Error(`${file}: ${decoded.message}`);
        const { text } = decoded;
        expect(text.includes('\r'), file).toBe(false);
        const segments = wordSegments(text);
        expect(segments.filter((s) => s.isWord).length, file).toBeGreaterThan(10);
        for (const s of segments) {
          if (!isGraphemeBoundary(text, s.start) || !isGraphemeBoundary(text, s.end)) {
            throw new Error(`${file}: word segment [${s.start}, ${s.end}) is not on grapheme boundaries`);
          }
        }
        expect(splitParagraphs(text).length, file).toBeGreaterThan(0);
      }
    },
  );
});
