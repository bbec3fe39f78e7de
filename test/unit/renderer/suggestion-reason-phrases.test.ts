/**
 * Why a suggestion was made, in the interface's language: every reason keeps its English
 * sentence (the CLI prints it, and the suggestion tests read it), carries a phrase whose
 * English is that sentence, and the Arabic interface says it in Arabic, with only the
 * registry's and the article's own words (names, aliases, quotes, a source's note) kept as
 * they are, isolated (FSI … PDI).
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/i18n';
import { suggestAnnotations, type Suggestion } from '../../../shared/attribution/suggest';
import { english, type Phrase, type PhraseParam } from '../../../shared/phrases/phrase';
import { SOURCES, record } from '../attribution/fixtures';
import { withoutIsolates } from '../helpers/isolates';

const arabic = createTranslator('ar');
const englishT = createTranslator('en');
const ISOLATED = /\u2068[^\u2068\u2069]*\u2069/gu;
const LATIN_LETTER = /[A-Za-z]/u;
const PLACEHOLDER = /\{\w+\}/u;

/** An ambiguous source without a note: its reason says the name may be something else. */
const WATAN = record('test:watan', { nameAr: 'وطن', nameLatin: 'Watan Agency', ambiguous: ['وطن'] });

/** Sentences that reach every way a reason is built (see confidence.ts). */
const SENTENCES = [
  'ونقلت وكالة نوفوستي عن مصدر في الخارجية قوله إن الاجتماع سيعقد غدا.', // several words, agency context, cue
  'صعد المتسلقون جبل قاسيون صباح السبت.', // ambiguous, a word showing it is the mountain
  'يطل قاسيون على المدينة من الشمال.', // ambiguous, no context
  'نقلت قاسيون عن شهود أن الطريق أغلق.', // ambiguous right after a cue
  'وذكرت قاسيون الإخبارية أن الطريق أغلق.', // ambiguous followed by an agency word
  'نشرت وكالة AP صورا من الموقع.', // two-capital acronym after وكالة
  'التقت الصحفية Sana بالوزير أمس.', // acronym not in capitals
  'وقال المتحدث لوكالة أ ف ب إن الحدود مغلقة.', // letter abbreviation
  'وأكد مراسل أ ب الخبر.', // two-letter abbreviation
  'ذكرت تاس أن الوفد وصل.', // one short word
  'ذكرت نوفوستي أن الوفد وصل.', // one word
  'أشار وطن إلى تقدم المفاوضات.', // ambiguous without a note
];

function suggestionsOf(text: string): Suggestion[] {
  return suggestAnnotations(text, [...SOURCES, WATAN]).suggestions;
}

/** Every phrase code in a phrase, nested ones included. */
function codesIn(value: Phrase, into = new Set<string>()): Set<string> {
  into.add(value.code);
  const visit = (p: PhraseParam): void => {
    if (Array.isArray(p)) p.forEach(visit);
    else if (typeof p === 'object' && p !== null) codesIn(p as Phrase, into);
  };
  Object.values(value.params ?? {}).forEach(visit);
  return into;
}

describe('suggestion reasons', () => {
  const suggestions = SENTENCES.flatMap(suggestionsOf);

  it('keep their English sentence, which is their phrase in English', () => {
    expect(suggestions.length).toBeGreaterThanOrEqual(SENTENCES.length);
    for (const s of suggestions) {
      expect(english(s.reasonPhrase)).toBe(s.reason);
      expect(withoutIsolates(englishT.phrase(s.reasonPhrase))).toBe(s.reason);
    }
  });

  it('are said in Arabic, the registry’s and the article’s words isolated', () => {
    for (const s of suggestions) {
      const said = arabic.phrase(s.reasonPhrase);
      expect(said).not.toMatch(PLACEHOLDER);
      // Outside the isolated data, no English is left.
      expect(said.replace(ISOLATED, ''), said).not.toMatch(LATIN_LETTER);
      // The quote the reason is about appears whole, isolated.
      if (s.label === 'CUE') expect(said).toContain(`\u2068${s.text}\u2069`);
    }
  });

  it('reach every reason phrase', () => {
    const used = new Set<string>();
    for (const s of suggestions) codesIn(s.reasonPhrase, used);
    const expected = [
      'suggest.cue', 'suggest.name', 'suggest.alias', 'suggest.after', 'suggest.followedBy', 'suggest.afterCue', 'suggest.nextTo', 'suggest.mayBeOrdinary',
      'suggest.ambiguousOther', 'suggest.ambiguousInContext', 'suggest.ambiguous', 'suggest.mention', 'suggest.mentionInContext',
      'suggest.what.acronymLower', 'suggest.what.acronym', 'suggest.what.letters', 'suggest.what.twoLetters', 'suggest.what.words', 'suggest.what.shortWord', 'suggest.what.word',
      // (a source with an Arabic and a Latin name is named by both, in each language's order)
      'source.names',
    ];
    expect([...used].sort()).toEqual([...expected].sort());
  });

  it('an example in both languages', () => {
    const [mountain] = suggestionsOf('صعد المتسلقون جبل قاسيون صباح السبت.').filter((s) => s.label === 'SOURCE');
    expect(mountain!.reason).toMatch(/^ambiguous: alias “قاسيون” of Qasioun News Agency \(وكالة قاسيون للأنباء\) — next to “جبل”, so probably not the source\. قاسيون is also the mountain/u);
    // The Arabic names the source Arabic first, as the interface lists sources.
    expect(arabic.phrase(mountain!.reasonPhrase)).toMatch(/^ملتبس: الاسم البديل «\u2068قاسيون\u2069» للمصدر \u2068وكالة قاسيون للأنباء\u2069 \(\u2068Qasioun News Agency\u2069\) — بجوار «\u2068جبل\u2069»، فالأرجح أنه ليس المصدر\. \u2068قاسيون is also/u);
  });
});
