import { describe, expect, it } from 'vitest';
import { extractHtmlArticle } from '../../../shared/formats/intake/html';
import { extractArticles } from '../../../shared/formats/intake';
import { fixture } from './support';

const page = new TextDecoder().decode(fixture('news-page.html'));

/** Text that appears in the fixture only inside things that must be dropped. */
const MUST_NOT_SURVIVE = [
  'نص من السكربت', 'alert', 'نص من الأنماط', 'تعليق في رأس الصفحة', 'صحيفة الوادي', 'سياسة', 'رياضة', 'ملفات تعريف الارتباط',
  'الرئيسية', 'أخبار محلية', 'شارك على فيسبوك', 'انسخ الرابط', 'صورة لا تظهر', 'نص مخفي', 'نص داخل الرسم', 'نص رياضي',
  'نص الإطار', 'فعّل جافاسكربت', 'نص القالب', 'نص الكائن', 'بريدك', 'نص الحقل', 'اشترك', 'أخبار ذات صلة', 'خبر قديم',
  'تعليق قارئ', 'إعلان', 'النشرة البريدية', 'كتب هذا التقرير', 'الأكثر قراءة', 'جميع الحقوق', 'تويتر', 'javascript', 'onerror',
  'onclick', 'onload', '<', '>', 'share(',
];

describe('extractHtmlArticle on a saved news page', () => {
  const article = extractHtmlArticle(page);

  it('keeps the article paragraphs in order, as plain text', () => {
    expect(article.paragraphs).toEqual([
      'أغلقت السلطات المحلية ثلاثة طرق جبلية صباح الأحد بعد أمطار غزيرة استمرت طوال الليل، بحسب ما أفادت وكالة السهل للأنباء.',
      'وقال المتحدث باسم الدفاع المدني إن فرق الإنقاذ أخلت\u00A0عشرين عائلة من منازلها & نقلتها إلى مدرسة قريبة.',
      'توقعات الأيام المقبلة',
      'وتتوقع دائرة الأرصاد أن تتراجع الأمطار تدريجياً مساء الاثنين.',
      '«الطرق ستبقى مغلقة حتى إشعار آخر»، قال مسؤول في البلدية.',
      'طريق القمة',
      'طريق الوادي الأخضر',
      'نصائح للسائقين: تجنبوا القيادة ليلاً.',
    ]);
  });

  it('lets nothing from scripts, styles, chrome, hidden or boilerplate blocks through', () => {
    const all = [article.title ?? '', ...article.paragraphs].join('\n');
    for (const text of MUST_NOT_SURVIVE) expect(all, text).not.toContain(text);
  });

  it('reads title (og:title), canonical url, published time and outlet', () => {
    expect(article.title).toBe('أمطار غزيرة تغلق طرقاً جبلية في الشمال');
    expect(article.url).toBe('https://example.org/news/2024/02/rain-roads');
    expect(article.date).toBe('2024-02-11T08:30:00+03:00');
    expect(article.outlet).toBe('صحيفة الوادي');
  });

  it('through extractArticles: one html draft, paragraphs joined with \\n, title not prepended', () => {
    const result = extractArticles('news-page.html', fixture('news-page.html'));
    if (!result.ok || !('articles' in result)) throw new Error(JSON.stringify(result));
    expect(result.format).toBe('html');
    expect(result.articles).toHaveLength(1);
    const draft = result.articles[0]!;
    expect(draft.text).toBe(article.paragraphs.join('\n'));
    expect(draft.text.startsWith('أغلقت')).toBe(true);
    expect(draft).toMatchObject({ format: 'html', title: article.title, url: article.url, date: article.date, outlet: article.outlet });
    expect(draft.decoding).toEqual({ encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf' });
  });
});

describe('extractHtmlArticle: choosing the container', () => {
  it('prefers [itemprop=articleBody] when there is no <article>', () => {
    const html = `<body><div class="teaser"><p>ملخص قصير في أعلى الصفحة يطول قليلاً كي ينافس</p></div>
      <div itemprop="articleBody"><p>الفقرة الأولى من المتن.</p><p>الفقرة الثانية.</p></div></body>`;
    expect(extractHtmlArticle(html).paragraphs).toEqual(['الفقرة الأولى من المتن.', 'الفقرة الثانية.']);
  });

  it('then <main>', () => {
    const html = `<body><div><p>نص خارج المتن الرئيسي</p></div><main><p>نص المتن.</p></main></body>`;
    expect(extractHtmlArticle(html).paragraphs).toEqual(['نص المتن.']);
  });

  it('else the element with the most paragraph text, penalising link lists', () => {
    const links = Array.from({ length: 12 }, (_, i) => `<p><a href="/n${i}">عنوان خبر آخر رقم ${i} في القائمة الطويلة</a></p>`).join('');
    const html = `<body><div id="list">${links}</div><div id="story"><p>بدأت اليوم أعمال ترميم الجسر القديم في وسط المدينة.</p><p>وتستمر الأعمال شهرين.</p></div></body>`;
    expect(extractHtmlArticle(html).paragraphs).toEqual(['بدأت اليوم أعمال ترميم الجسر القديم في وسط المدينة.', 'وتستمر الأعمال شهرين.']);
  });

  it('counts one-<div>-per-paragraph bodies as paragraph text', () => {
    const html = `<body><div class="links"><div><a href="/1">رابط أول إلى خبر آخر طويل العنوان</a></div><div><a href="/2">رابط ثان إلى خبر آخر</a></div></div>
      <div class="content"><div>بدأت البلدية حملة لتنظيف الشواطئ بمشاركة متطوعين.</div><div>وتستمر الحملة أسبوعاً كاملاً.</div><div>ودعت البلدية السكان إلى المشاركة.</div></div></body>`;
    expect(extractHtmlArticle(html).paragraphs).toEqual(['بدأت البلدية حملة لتنظيف الشواطئ بمشاركة متطوعين.', 'وتستمر الحملة أسبوعاً كاملاً.', 'ودعت البلدية السكان إلى المشاركة.']);
  });

  it('uses the first h1 of the article when there is no og:title, and <title> minus the site name last', () => {
    expect(extractHtmlArticle('<title>ت</title><article><header><h1>عنوان المقال</h1></header><p>نص.</p></article>').title).toBe('عنوان المقال');
    expect(extractHtmlArticle('<head><title>افتتاح معرض الكتاب | موقع الأخبار</title></head><body><p>نص.</p></body>').title).toBe('افتتاح معرض الكتاب');
    expect(extractHtmlArticle('<head><title>افتتاح - معرض - الكتاب - موقع</title></head><body><p>نص.</p></body>').title).toBe('افتتاح - معرض - الكتاب');
    // Nothing is left before the separator: the title is kept whole.
    expect(extractHtmlArticle('<head><title> - موقع الأخبار</title></head><body><p>نص.</p></body>').title).toBe('- موقع الأخبار');
  });

  it('takes og:url when there is no canonical link, itemprop/JSON-LD/<time> dates, and ignores non-http addresses', () => {
    const a = extractHtmlArticle('<meta property="og:url" content="https://example.org/a"><article><p>نص.</p><span itemprop="datePublished" content="2023-05-06">٦ أيار</span></article>');
    expect(a).toMatchObject({ url: 'https://example.org/a', date: '2023-05-06' });
    const b = extractHtmlArticle('<link rel="canonical" href="javascript:alert(1)"><script type="application/ld+json">{"@graph":[{"datePublished":"2022-01-02"}]}</script><article><p>نص.</p></article>');
    expect(b.url).toBeUndefined();
    expect(b.date).toBe('2022-01-02');
    expect(extractHtmlArticle('<article><p>نص.</p><time datetime="2021-03-04T10:00">أمس</time></article>').date).toBe('2021-03-04T10:00');
  });
});

describe('extractHtmlArticle: text', () => {
  it('collapses only ASCII whitespace and keeps NBSP, ZWNJ and harakat', () => {
    const html = '<p>  كَتَبَ\t\t الطالبُ\n\n\r\nالدرسَ&nbsp;&nbsp;اليوم\u200Cمساءً \f </p>';
    expect(extractHtmlArticle(html).paragraphs).toEqual(['كَتَبَ الطالبُ الدرسَ\u00A0\u00A0اليوم\u200Cمساءً']);
  });

  it('removes soft hyphens (&shy; and U+00AD) from paragraphs and title', () => {
    const html = '<html><head><title>مؤ&shy;تمر صحفي</title></head><body><p>أعلنت الوزا&shy;رة أمس بدء التسج\u00ADيل.</p></body></html>';
    expect(extractHtmlArticle(html)).toEqual({ title: 'مؤتمر صحفي', paragraphs: ['أعلنت الوزارة أمس بدء التسجيل.'] });
  });

  it('decodes entities; escaped markup stays literal text and is never parsed', () => {
    expect(extractHtmlArticle('<p>&#1605;&#x631;&#1581;&#1576;&#1575; &quot;&lt;b&gt;&quot;</p>').paragraphs).toEqual(['مرحبا "<b>"']);
  });

  it('turns divs of inline text, lists and quotes into paragraphs, and a <br> into a line break (two leave no blank line)', () => {
    const html = '<article><div>سطر <b>أول</b><br>يكمل<br><br>فقرة ثانية</div><ul><li>بند<ul><li>بند فرعي</li></ul></li></ul><blockquote>اقتباس</blockquote><p>&nbsp;</p></article>';
    expect(extractHtmlArticle(html).paragraphs).toEqual(['سطر أول', 'يكمل', 'فقرة ثانية', 'بند', 'بند فرعي', 'اقتباس']);
    const result = extractArticles('verse.html', new TextEncoder().encode('<p>البيت الأول<br>\nالبيت الثاني<br/></p><p>تعليق</p>'));
    expect(result).toMatchObject({ ok: true, articles: [{ text: 'البيت الأول\nالبيت الثاني\nتعليق' }] });
  });

  it('keeps the line feeds of <pre> as line breaks, collapsing the other whitespace of each line', () => {
    const html = '<article><p>نص البيان:</p><pre>\n  البند الأول:   التسجيل\r\n\n  البند الثاني:\tالدفع\n</pre><p>انتهى.</p></article>';
    expect(extractHtmlArticle(html).paragraphs).toEqual(['نص البيان:', 'البند الأول: التسجيل', 'البند الثاني: الدفع', 'انتهى.']);
  });

  it('writes a <q> with quotation marks of the direction of the text around it, nested ones with the inner pair', () => {
    const html =
      '<article><p>ونقل المراسل <q>قوله: لا تقدم بعد</q> عن الوزير.</p><p>The minister said <q>no progress yet</q>.</p>' +
      '<p>وأضاف <q>قال لي <q>انتظر</q> ثم غادر</q>.</p><p>He wrote <q>she said <q>wait</q></q></p></article>';
    expect(extractHtmlArticle(html).paragraphs).toEqual([
      'ونقل المراسل «قوله: لا تقدم بعد» عن الوزير.',
      'The minister said “no progress yet”.',
      'وأضاف «قال لي “انتظر” ثم غادر».',
      'He wrote “she said ‘wait’”',
    ]);
  });

  it('does not lose an article whose container has an unlucky class name', () => {
    const html = '<body><div class="comments-column"><p>نص المقال الوحيد في الصفحة.</p></div></body>';
    expect(extractHtmlArticle(html).paragraphs).toEqual(['نص المقال الوحيد في الصفحة.']);
  });

  it('keeps a state class like "has-sidebar" and drops blocks named like boilerplate', () => {
    const html = '<article class="story has-sidebar"><p>نص.</p><div class="post-share">شارك</div><div id="relatedPosts">ذات صلة</div></article>';
    expect(extractHtmlArticle(html).paragraphs).toEqual(['نص.']);
  });
});

describe('HTML without article text', () => {
  it('is refused by name', () => {
    const html = '<html><head><title>صفحة</title><script>var a = "نص";</script></head><body><nav><a href="/">الرئيسية</a></nav><div hidden>مخفي</div></body></html>';
    expect(extractArticles('empty.html', new TextEncoder().encode(html))).toMatchObject({ ok: false, format: 'html', reason: '“empty.html” has no article text.' });
  });
});

describe('extractHtmlArticle on hostile structure', () => {
  it('stays linear for deeply nested <article> elements', () => {
    const depth = 3000;
    const html = `${'<article>'.repeat(depth)}<p>نص في العمق.</p>${'</article>'.repeat(depth)}`;
    expect(extractHtmlArticle(html).paragraphs).toEqual(['نص في العمق.']);
  });

  it('reads a fragment without <html> or <body>, and text outside any block', () => {
    expect(extractHtmlArticle('<p>أول</p>نص حر<br><br>بعده<div>داخل <p>فقرة</p> خارج</div>').paragraphs).toEqual(['أول', 'نص حر', 'بعده', 'داخل', 'فقرة', 'خارج']);
  });

  it('closes self-closing tags in XHTML', () => {
    expect(extractHtmlArticle('<html xmlns="http://www.w3.org/1999/xhtml"><body><div/><p>نص</p></body></html>', { xhtml: true }).paragraphs).toEqual(['نص']);
  });
});
