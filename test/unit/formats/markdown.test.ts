import { describe, expect, it } from 'vitest';
import { extractMarkdownArticle } from '../../../shared/formats/intake/markdown';
import { extractArticles } from '../../../shared/formats/intake';
import { utf8 } from './support';

describe('Markdown', () => {
  it('removes front matter and takes title, url, date and outlet (or source) from it; the rest is unchanged', () => {
    const md = [
      '---',
      'title: "جولة في سوق الخضار"',
      "url: 'https://example.org/market'",
      'date: 2024-04-05',
      'source: راديو الحي',
      'tags:',
      '  - أسواق',
      '# تعليق',
      '---',
      '',
      '# جولة في السوق',
      '',
      'يزدحم **السوق** صباح كل جمعة.  ',
      '',
    ].join('\n');
    expect(extractMarkdownArticle(md)).toEqual({
      text: '# جولة في السوق\n\nيزدحم **السوق** صباح كل جمعة.  \n',
      title: 'جولة في سوق الخضار',
      url: 'https://example.org/market',
      date: '2024-04-05',
      outlet: 'راديو الحي',
    });
  });

  it('prefers outlet over source and unescapes quotes', () => {
    expect(extractMarkdownArticle("---\noutlet: 'صحيفة ''الغد'''\nsource: أخرى\n---\nنص")).toEqual({ text: 'نص', outlet: "صحيفة 'الغد'" });
  });

  it('leaves text without (closed, YAML-like) front matter exactly as it is', () => {
    for (const md of ['نص بلا مقدمة\n---\nبعد خط', '---\ntitle: لم يغلق\nنص', '---\nفقرة بين خطين أفقيين\n---\nتتمة', '--- \n']) {
      expect(extractMarkdownArticle(md)).toEqual({ text: md });
    }
  });

  it('through extractArticles: format markdown, metadata title, no title without front matter', () => {
    const withMeta = extractArticles('post.md', utf8('---\r\ntitle: عنوان\r\n---\r\nنص المقال.\r\n'));
    expect(withMeta).toMatchObject({ ok: true, format: 'markdown', articles: [{ text: 'نص المقال.\n', title: 'عنوان', format: 'markdown', decoding: { lineEndings: 'crlf' } }] });
    const plain = extractArticles('post.markdown', utf8('## عنوان فرعي\n\nنص.'));
    expect(plain).toMatchObject({ ok: true, articles: [{ text: '## عنوان فرعي\n\nنص.' }] });
    expect(plain.ok && 'articles' in plain && plain.articles[0]!.title).toBeUndefined();
  });
});
