import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isBlank } from '../../../shared/text/chars';
import { extractArticles } from '../../../shared/formats/intake';

// Real material lives beside the checkout (../shared), never inside it; skip when absent.
const shared = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared');
const sources = [
  { dir: resolve(shared, 'corpora/news/raw'), pick: (f: string) => f.endsWith('.xml.txt') },
  { dir: resolve(shared, 'seed'), pick: (f: string) => f.endsWith('.txt') },
];

describe('real articles beside the checkout (../shared)', () => {
  for (const { dir, pick } of sources) {
    const present = existsSync(dir);
    const files = present ? readdirSync(dir).filter(pick).sort() : [];
    const label = dir.slice(shared.length + 1);
    it.skipIf(!present || files.length === 0)(
      present ? `${label}: each of ${files.length} files yields at least one article with text` : `skipped: ${dir} does not exist beside the checkout`,
      () => {
        for (const file of files) {
          const result = extractArticles(file, new Uint8Array(readFileSync(resolve(dir, file))));
          if (!result.ok) throw new Error(`${file}: ${result.reason}`);
          if (!('articles' in result)) throw new Error(`${file}: unexpectedly an Isnad export`);
          expect(result.articles.length, file).toBeGreaterThanOrEqual(1);
          for (const article of result.articles) {
            expect(isBlank(article.text), file).toBe(false);
            expect(article.text.includes('\r'), file).toBe(false);
          }
        }
      },
    );
  }
});
