/**
 * The source registry a new corpus starts with: the news agencies Arabic news about Syria
 * and Russia quotes most, plus a few outlets, governments, international organisations,
 * armed groups and the anonymous source. Users edit their corpus's copy; this list only
 * seeds it. Names listed in `ambiguous` are also ordinary words or other things, so
 * suggestions from them start with a low confidence (see suggest.ts).
 */
import type { SourceRecord } from '../model/types';

/** A registry entry before it belongs to a corpus (no id, corpus or creation time). */
export type SourceDraft = Omit<SourceRecord, 'id' | 'corpusId' | 'createdAt'>;

/** The registry new corpora start with, news agencies first. */
export const DEFAULT_SOURCES: ReadonlyArray<SourceDraft> = [
  // News agencies.
  {
    nameAr: 'وكالة نوفوستي',
    nameLatin: 'RIA Novosti',
    kind: 'news-agency',
    aliasesAr: ['نوفوستي', 'ريا نوفوستي', 'وكالة ريا نوفوستي', 'وكالة نوفوستي للأنباء'],
    aliasesLatin: ['RIA', 'Novosti'],
    url: 'https://ria.ru',
  },
  {
    nameAr: 'وكالة قاسيون للأنباء',
    nameLatin: 'Qasioun News Agency',
    kind: 'news-agency',
    aliasesAr: ['قاسيون', 'وكالة قاسيون', 'قاسيون للأنباء'],
    aliasesLatin: ['Qasioun'],
    ambiguous: ['قاسيون', 'Qasioun'],
    note: 'قاسيون is also the mountain above Damascus (جبل قاسيون) and the nickname of the Syrian football team (نسور قاسيون).',
  },
  {
    nameAr: 'الوكالة العربية السورية للأنباء',
    nameLatin: 'SANA',
    kind: 'news-agency',
    aliasesAr: ['سانا', 'وكالة سانا', 'وكالة الأنباء السورية', 'وكالة الأنباء الحكومية السورية', 'وكالة الأنباء الرسمية السورية'],
    aliasesLatin: ['Syrian Arab News Agency'],
    url: 'https://sana.sy',
  },
  {
    nameAr: 'رويترز',
    nameLatin: 'Reuters',
    kind: 'news-agency',
    aliasesAr: ['وكالة رويترز', 'وكالة رويترز للأنباء'],
    aliasesLatin: ['Thomson Reuters'],
    url: 'https://www.reuters.com',
  },
  {
    nameAr: 'وكالة فرانس برس',
    nameLatin: 'AFP',
    kind: 'news-agency',
    aliasesAr: ['فرانس برس', 'فرانس بريس', 'وكالة الصحافة الفرنسية', 'أ ف ب'],
    aliasesLatin: ['Agence France-Presse', 'France-Presse'],
    url: 'https://www.afp.com',
  },
  {
    nameAr: 'أسوشيتد برس',
    nameLatin: 'AP',
    kind: 'news-agency',
    aliasesAr: ['وكالة أسوشيتد برس', 'أسوشييتد برس', 'أ ب'],
    aliasesLatin: ['Associated Press'],
    url: 'https://apnews.com',
  },
  {
    nameAr: 'وكالة الأناضول',
    nameLatin: 'Anadolu Agency',
    kind: 'news-agency',
    aliasesAr: ['الأناضول', 'وكالة الأناضول للأنباء'],
    aliasesLatin: ['Anadolu', 'AA'],
    url: 'https://www.aa.com.tr/ar',
  },
  {
    nameAr: 'سبوتنيك',
    nameLatin: 'Sputnik',
    kind: 'news-agency',
    aliasesAr: ['وكالة سبوتنيك'],
    aliasesLatin: [],
  },
  {
    nameAr: 'إنترفاكس',
    nameLatin: 'Interfax',
    kind: 'news-agency',
    aliasesAr: ['وكالة إنترفاكس'],
    aliasesLatin: [],
  },
  {
    nameAr: 'وكالة تاس',
    nameLatin: 'TASS',
    kind: 'news-agency',
    aliasesAr: ['تاس', 'إيتار تاس'],
    aliasesLatin: ['ITAR-TASS'],
  },
  // Media outlets.
  {
    nameAr: 'سكاي نيوز عربية',
    nameLatin: 'Sky News Arabia',
    kind: 'media-outlet',
    aliasesAr: [],
    aliasesLatin: [],
  },
  {
    nameAr: 'بي بي سي',
    nameLatin: 'BBC',
    kind: 'media-outlet',
    aliasesAr: ['هيئة الإذاعة البريطانية'],
    aliasesLatin: [],
  },
  {
    nameAr: 'فرانس 24',
    nameLatin: 'France 24',
    kind: 'media-outlet',
    aliasesAr: [],
    aliasesLatin: [],
  },
  {
    nameAr: 'قناة الجزيرة',
    nameLatin: 'Al Jazeera',
    kind: 'media-outlet',
    aliasesAr: ['الجزيرة'],
    aliasesLatin: ['Aljazeera'],
    ambiguous: ['الجزيرة'],
    note: 'الجزيرة is also the Jazira region of Syria and Iraq, and means "the island" or "the peninsula".',
  },
  // Governments.
  {
    nameAr: 'وزارة الدفاع الروسية',
    nameLatin: 'Russian Ministry of Defence',
    kind: 'government',
    aliasesAr: ['الدفاع الروسية'],
    aliasesLatin: ['Russian Defence Ministry', 'Russian Defense Ministry'],
  },
  {
    nameAr: 'وزارة الخارجية الروسية',
    nameLatin: 'Russian Ministry of Foreign Affairs',
    kind: 'government',
    aliasesAr: ['الخارجية الروسية'],
    aliasesLatin: ['Russian Foreign Ministry'],
  },
  {
    nameAr: 'الكرملين',
    nameLatin: 'Kremlin',
    kind: 'government',
    aliasesAr: [],
    aliasesLatin: [],
  },
  {
    nameAr: 'البيت الأبيض',
    nameLatin: 'White House',
    kind: 'government',
    aliasesAr: [],
    aliasesLatin: [],
  },
  {
    nameAr: 'وزارة الدفاع الأمريكية',
    nameLatin: 'Pentagon',
    kind: 'government',
    aliasesAr: ['البنتاغون', 'البنتاجون', 'وزارة الدفاع الأميركية'],
    aliasesLatin: ['US Department of Defense'],
  },
  // International organisations.
  {
    nameAr: 'الأمم المتحدة',
    nameLatin: 'United Nations',
    kind: 'international-org',
    aliasesAr: ['منظمة الأمم المتحدة'],
    aliasesLatin: ['UN'],
  },
  {
    nameAr: 'منظمة الصحة العالمية',
    nameLatin: 'World Health Organization',
    kind: 'international-org',
    aliasesAr: [],
    aliasesLatin: ['WHO'],
  },
  {
    nameAr: 'منظمة حظر الأسلحة الكيميائية',
    nameLatin: 'OPCW',
    kind: 'international-org',
    aliasesAr: [],
    aliasesLatin: ['Organisation for the Prohibition of Chemical Weapons'],
  },
  {
    nameAr: 'اللجنة الدولية للصليب الأحمر',
    nameLatin: 'International Committee of the Red Cross',
    kind: 'international-org',
    aliasesAr: ['الصليب الأحمر'],
    aliasesLatin: ['ICRC'],
  },
  {
    nameAr: 'المرصد السوري لحقوق الإنسان',
    nameLatin: 'Syrian Observatory for Human Rights',
    kind: 'international-org',
    aliasesAr: ['المرصد السوري', 'المرصد'],
    aliasesLatin: ['SOHR'],
    ambiguous: ['المرصد'],
    note: 'A UK-based monitoring group (the registry has no NGO kind); المرصد alone also means any observatory.',
  },
  // Armed groups.
  {
    nameAr: 'قوات سوريا الديمقراطية',
    nameLatin: 'Syrian Democratic Forces',
    kind: 'armed-group',
    aliasesAr: ['قسد'],
    aliasesLatin: ['SDF'],
  },
  {
    nameAr: 'هيئة تحرير الشام',
    nameLatin: 'Hayat Tahrir al-Sham',
    kind: 'armed-group',
    aliasesAr: [],
    aliasesLatin: ['HTS'],
  },
  // Anonymous sources: the bare words مصدر / مصادر are ordinary words, hence ambiguous.
  {
    nameAr: 'مصدر مجهول',
    nameLatin: 'Anonymous source',
    kind: 'anonymous',
    aliasesAr: ['مصدر مسؤول', 'مصدر مطلع', 'مصادر مطلعة', 'مصدر عسكري', 'مصادر محلية', 'مصدر', 'مصادر'],
    aliasesLatin: ['anonymous source'],
    ambiguous: ['مصدر', 'مصادر'],
  },
  // Social media.
  {
    nameAr: 'تويتر',
    nameLatin: 'Twitter',
    kind: 'social-media',
    aliasesAr: ['منصة إكس'],
    aliasesLatin: [],
  },
];
