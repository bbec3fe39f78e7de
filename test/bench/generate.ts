/**
 * A generated Arabic news corpus for benchmarks: deterministic (seeded), built from a
 * vocabulary we wrote, about 3 KB of text per article in several paragraphs.
 */
import { seededRandom } from '../../shared/formats/splits';

const WORDS = (
  'قال أعلن أكد نقلت أفادت ذكرت وكالة نوفوستي قاسيون سانا رويترز الأناضول مصدر مسؤول وزير الخارجية الدفاع الحكومة المعارضة ' +
  'دمشق حلب إدلب حماة حمص درعا الرقة دير الزور موسكو أنقرة طهران جنيف بيروت عمان القاهرة اليوم أمس الثلاثاء الأربعاء ' +
  'الخميس الجمعة السبت الأحد الاثنين مدنيين قتلى جرحى قصف غارات اشتباكات هدنة وقف إطلاق النار محادثات اتفاق مفاوضات ' +
  'المساعدات الإنسانية الأمم المتحدة مجلس الأمن بيان رسمي مؤتمر صحفي المتحدث باسم الجيش القوات الفصائل المسلحة ريف ' +
  'الشمالي الجنوبي الشرقي الغربي مدينة بلدة قرية منطقة محافظة الحدود التركية السورية الروسية الأمريكية الإيرانية ' +
  'في من إلى على عن مع بعد قبل خلال حول بين أن إن لا لم لن قد كما أيضا وفق بحسب نقلا'
).split(' ');

/** The seeded PRNG of the splits (mulberry32), reused so generated corpora are reproducible. */
export const prng = seededRandom;

/** One article of about `chars` characters: a headline line and paragraphs. */
export function generateArticle(random: () => number, chars = 3000): string {
  const pick = (): string => WORDS[Math.floor(random() * WORDS.length)]!;
  const lines: string[] = [];
  lines.push(Array.from({ length: 7 }, pick).join(' '));
  let length = lines[0]!.length;
  while (length < chars) {
    const words = 30 + Math.floor(random() * 40);
    const paragraph = `${Array.from({ length: words }, pick).join(' ')}، ${Math.floor(random() * 100)} ${pick()}.`;
    lines.push(paragraph);
    length += paragraph.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** `count` articles with their file names. */
export function generateCorpus(count: number, seed = 42, chars = 3000): Array<{ name: string; text: string }> {
  const random = prng(seed);
  return Array.from({ length: count }, (_, i) => ({ name: `article-${String(i).padStart(5, '0')}.txt`, text: generateArticle(random, chars) }));
}

/** Latin names, digits and punctuation that Arabic news text mixes in (bidi-relevant runs). */
const MIXED = ['(Reuters)', 'RIA Novosti', '«سانا»', '“الأناضول”', '2024', '١٤٤٥', '(٣٥)', '12.5%', 'UN', '؟', '؛'];

/**
 * One long article for the rendering benchmark: about `bytes` of UTF-8 in about
 * `paragraphs` paragraphs of Arabic (with some Latin names, Western and Arabic-Indic digits,
 * brackets and quotation marks), deterministic for a seed.
 */
export function generateLongArticle(seed: number, bytes = 1_000_000, paragraphs = 3000): string {
  const random = prng(seed);
  const pick = (): string => (random() < 0.04 ? MIXED[Math.floor(random() * MIXED.length)]! : WORDS[Math.floor(random() * WORDS.length)]!);
  const encoder = new TextEncoder();
  const lines: string[] = [Array.from({ length: 7 }, () => WORDS[Math.floor(random() * WORDS.length)]!).join(' ')];
  let size = encoder.encode(lines[0]!).length + 1;
  const perParagraph = bytes / paragraphs;
  while (size < bytes) {
    // Average paragraph length ≈ perParagraph: a word is about 11.5 bytes with its space.
    const words = Math.max(6, Math.round((perParagraph / 11.5) * (0.5 + random())));
    const body = Array.from({ length: words }, pick);
    // Every paragraph starts with an Arabic word, so it is a right-to-left paragraph.
    const paragraph = `${WORDS[Math.floor(random() * WORDS.length)]!} ${body.join(' ')}، ${Math.floor(random() * 100)} ${WORDS[Math.floor(random() * WORDS.length)]!}.`;
    lines.push(paragraph);
    size += encoder.encode(paragraph).length + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** A span as the benchmark creates it (document-relative offsets). */
export interface GeneratedSpan {
  start: number;
  end: number;
  label: string;
}

/**
 * `count` spans over `text`, deterministic for a seed: entity spans on single words
 * (PER, ORG, LOC, DATE), and about one in eight a claim of several words that contains
 * entities (nested spans), with the occasional source and cue. No two spans share a range
 * and label, and spans never cross (they nest or are apart), as the schema allows.
 */
export function generateSpans(text: string, count: number, seed: number): GeneratedSpan[] {
  const random = prng(seed);
  const words = [...text.matchAll(/[^\s،.؛؟()«»“”]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const entities = ['PER', 'ORG', 'LOC', 'DATE'];
  const spans: GeneratedSpan[] = [];
  const taken = new Set<number>();
  // Claims first, on runs of words; then entities on words (inside or outside claims).
  const claims = Math.floor(count / 8);
  const roles = Math.floor(count / 40);
  const stride = Math.max(1, Math.floor(words.length / (claims + roles + 1)));
  for (let i = 0, w = 0; i < claims + roles && w < words.length; i += 1, w += stride) {
    const length = i < claims ? 4 + Math.floor(random() * 8) : 1 + Math.floor(random() * 2);
    const last = Math.min(words.length - 1, w + length - 1);
    const sameLine = !text.slice(words[w]!.start, words[last]!.end).includes('\n');
    if (!sameLine) continue;
    spans.push({ start: words[w]!.start, end: words[last]!.end, label: i < claims ? 'CLAIM' : random() < 0.5 ? 'SOURCE' : 'CUE' });
  }
  while (spans.length < count) {
    const w = Math.floor(random() * words.length);
    if (taken.has(w)) continue;
    taken.add(w);
    spans.push({ ...words[w]!, label: entities[Math.floor(random() * entities.length)]! });
  }
  return spans.slice(0, count);
}
