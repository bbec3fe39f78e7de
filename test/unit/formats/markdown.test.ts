import { describe, expect, it } from 'vitest';
import { extractMarkdownArticle, markdownLineText } from '../../../shared/formats/intake/markdown';
import { prepareFile } from '../../../shared/model/import';
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

  it('a line as plain words: heading markers, quotes, links, emphasis and code marks removed', () => {
    expect(markdownLineText('# اجتماع وزراء الخارجية')).toBe('اجتماع وزراء الخارجية');
    expect(markdownLineText('  ### عنوان فرعي ###  ')).toBe('عنوان فرعي');
    expect(markdownLineText('#')).toBe('');
    expect(markdownLineText('> ## **عاجل**: [بيان الوزارة](https://example.org/b) و`نص`')).toBe('عاجل: بيان الوزارة ونص');
    expect(markdownLineText('*تحليل* ما بعد الحرب ![صورة](a.png)')).toBe('تحليل ما بعد الحرب صورة');
    for (const rule of ['---', '* * *', '___', '====']) expect(markdownLineText(rule)).toBe('');
    // Not markup: a hashtag, a lone asterisk, a file_name.
    expect(markdownLineText('#وسم في أول السطر')).toBe('#وسم في أول السطر');
    expect(markdownLineText('5 * 3 = 15 في report_2024')).toBe('5 * 3 = 15 في report_2024');
  });
});

describe('Markdown titles and text, as imported', () => {
  const prepared = (name: string, md: string): { title: string; text: string } => {
    const file = prepareFile({ name, bytes: utf8(md) });
    if (file.kind !== 'articles') throw new Error(`${name} was not imported`);
    return { title: file.articles[0]!.title, text: file.articles[0]!.text };
  };

  it('without front matter the title is the leading heading without its markup; the text keeps it', () => {
    const md = '# اجتماع **الوزراء** في عمّان\n\nبحث الوزراء أمس ملف المياه.\n';
    expect(prepared('news/x.md', md)).toEqual({ title: 'اجتماع الوزراء في عمّان', text: md });
  });

  it('a rule or a blank heading before the first words is passed over; a long heading is cut at a word', () => {
    expect(prepared('a.md', '***\n\n##\n\n## الخبر\nنص').title).toBe('الخبر');
    const long = `# ${'كلمة '.repeat(40).trim()}\n\nنص`;
    const title = prepared('b.md', long).title;
    expect(title.endsWith('…')).toBe(true);
    expect(title.startsWith('كلمة كلمة')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(101);
  });

  it('a setext heading gives its line; the front matter title still wins', () => {
    expect(prepared('c.md', 'عنوان الخبر\n==========\n\nنص').title).toBe('عنوان الخبر');
    expect(prepared('d.md', '---\ntitle: من المقدمة\n---\n# من العنوان\nنص').title).toBe('من المقدمة');
  });

  it('a text file keeps its first line as written', () => {
    expect(prepared('e.txt', '# ليس Markdown\nنص').title).toBe('# ليس Markdown');
  });
});
