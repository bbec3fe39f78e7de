/**
 * The built-in sample corpus a newcomer sees on first start: three short Arabic news
 * articles written for Isnad (not taken from any outlet), quoting agencies such as RIA
 * Novosti and Qasioun, with mixed scripts, both digit systems, harakat and parentheses,
 * and a few example spans in the first article (including a chain: a ministry source via
 * Novosti, and a cue word attached to the conjunction و).
 */
import { sha256Hex } from './hash';
import { minHashSignature } from './near-duplicates';
import type { CommandContext } from './commands';
import { DEFAULT_LABEL_SCHEMA } from './schema';
import { defaultRegistry } from './registry';
import type { AttributionRecord, CorpusRecord, DocumentRecord, SourceRecord, SpanRecord } from './types';

interface SampleArticle {
  fileName: string;
  paragraphs: string[];
  /** Example spans: the quoted text, its label, and (when the quote repeats) text it must follow. */
  spans: Array<{ quote: string; label: string; after?: string }>;
}

const ARTICLES: SampleArticle[] = [
  {
    fileName: 'sample-moscow-talks.txt',
    paragraphs: [
      'موسكو تعلن عن محادثات جديدة حول الوضع في إدلب',
      'أعلنت وزارة الخارجية الروسية، اليوم الأربعاء (12 آذار/مارس)، أن وزير الخارجية سيلتقي نظيره التركي في أنقرة الأسبوع المقبل لبحث الوضع في محافظة إدلب.',
      'ونقلت وكالة نوفوستي عن مصدر في الخارجية قوله إن «المحادثات ستتناول وقف إطلاق النار وفتح الممرات الإنسانية»، دون أن تذكر مزيداً من التفاصيل.',
      'من جهتها، أفادت وكالة قاسيون للأنباء بأن 7 مدنيين قُتلوا وجُرح 12 آخرون في قصف استهدف بلدة كفرنبل بريف إدلب الجنوبي صباح اليوم.',
      'وقال المتحدث باسم الأمم المتحدة جان مارتان (Jean Martin) للصحفيين في نيويورك: «نحثّ جميع الأطراف على حماية المدنيين والبنية التحتية».',
    ],
    spans: [
      { quote: 'وزارة الخارجية الروسية', label: 'ORG' },
      { quote: 'اليوم الأربعاء (12 آذار/مارس)', label: 'DATE' },
      { quote: 'أنقرة', label: 'LOC' },
      { quote: 'نقلت', label: 'CUE' },
      { quote: 'وكالة نوفوستي', label: 'SOURCE' },
      { quote: 'نوفوستي', label: 'ORG' },
      { quote: 'مصدر في الخارجية', label: 'SOURCE' },
      { quote: 'المحادثات ستتناول وقف إطلاق النار وفتح الممرات الإنسانية', label: 'CLAIM' },
    ],
  },
  {
    fileName: 'sample-bread-prices.txt',
    paragraphs: [
      'قاسيون: ارتفاع أسعار الخبز في دمشق',
      'ذكرت وكالة قاسيون للأنباء، نقلاً عن مصادر محلية، أن سعر ربطة الخبز ارتفع إلى ٤٠٠٠ ليرة سورية في عدد من أحياء دمشق، بزيادة تقارب ٣٣٪ خلال شهرين.',
      'وأكَّدَ مسؤول في وزارة التجارة الداخلية، طلب عدم الكشف عن اسمه، أن «الزيادة مؤقتة وسببها ارتفاع تكاليف النقل».',
      'بالمقابل، قال تجّار في سوق الحميدية إن الطلب على الخبز السياحي تراجع بنسبة ٢٠٪ منذ بداية العام.',
    ],
    spans: [],
  },
  {
    fileName: 'sample-aid-mechanism.txt',
    paragraphs: [
      'نوفوستي: مباحثات روسية أممية بشأن آلية المساعدات',
      'نقلت وكالة ريا نوفوستي (RIA Novosti) عن نائب وزير الخارجية الروسي قوله إن موسكو «مستعدة لمناقشة تمديد آلية إيصال المساعدات عبر الحدود لمدة 6 أشهر».',
      'Summary: RIA Novosti quoted a Russian deputy foreign minister as saying Moscow is ready to discuss a six-month extension of the cross-border aid mechanism.',
      'وبحسب بيان لمكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (OCHA)، فإن أكثر من 4.1 مليون شخص في شمال غرب سوريا يعتمدون على المساعدات.',
    ],
    spans: [],
  },
];

/**
 * The records of the sample corpus, with fresh ids from the context, named `name` (the app
 * names it in the interface language of the first start; the user may rename it).
 */
export function buildSampleCorpus(ctx: CommandContext, name = 'Sample corpus'): { corpus: CorpusRecord; documents: DocumentRecord[]; spans: SpanRecord[]; sources: SourceRecord[]; attributions: AttributionRecord[] } {
  const corpus: CorpusRecord = { id: ctx.newId(), name, schema: DEFAULT_LABEL_SCHEMA, createdAt: ctx.now() };
  const documents: DocumentRecord[] = [];
  const spans: SpanRecord[] = [];
  ARTICLES.forEach((article, order) => {
    const text = article.paragraphs.join('\n') + '\n';
    const doc: DocumentRecord = {
      id: ctx.newId(),
      corpusId: corpus.id,
      title: article.paragraphs[0]!,
      text,
      sha256: sha256Hex(text),
      status: article.spans.length ? 'in-progress' : 'todo',
      order,
      minhash: minHashSignature(text),
      meta: { fileName: article.fileName, origin: 'sample', format: 'text', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: ctx.now() },
    };
    documents.push(doc);
    for (const example of article.spans) {
      const from = example.after ? text.indexOf(example.after) + example.after.length : 0;
      const start = text.indexOf(example.quote, from);
      if (start < 0) throw new Error(`Sample span “${example.quote}” is not in ${article.fileName}.`);
      spans.push({ id: ctx.newId(), corpusId: corpus.id, docId: doc.id, start, end: start + example.quote.length, label: example.label, annotator: 'sample', createdAt: ctx.now() });
    }
  });
  const sources = defaultRegistry(corpus.id, ctx);
  return { corpus, documents, spans, sources, attributions: [] };
}
