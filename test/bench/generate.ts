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
