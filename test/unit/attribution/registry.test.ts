import { describe, expect, it } from 'vitest';
import { DEFAULT_CUES, cueWords } from '../../../shared/attribution/cues';
import { DEFAULT_SOURCES } from '../../../shared/attribution/default-registry';
import { matchKey } from '../../../shared/attribution/fold';
import { sourceSlug, sourcesWithIds } from '../../../shared/attribution/records';
import { parseRegistryFile } from '../../../shared/attribution/registry-file';
import { searchRegistry } from '../../../shared/attribution/registry-search';
import { SOURCE_KINDS } from '../../../shared/model/types';
import { SOURCES } from './fixtures';

describe('DEFAULT_SOURCES', () => {
  const byLatin = (name: string) => DEFAULT_SOURCES.find((s) => s.nameLatin === name)!;

  it.each([
    ['RIA Novosti', 'وكالة نوفوستي', ['نوفوستي', 'ريا نوفوستي', 'وكالة ريا نوفوستي'], ['RIA', 'Novosti']],
    ['Qasioun News Agency', 'وكالة قاسيون للأنباء', ['قاسيون', 'وكالة قاسيون'], ['Qasioun']],
    ['SANA', 'الوكالة العربية السورية للأنباء', ['سانا'], ['Syrian Arab News Agency']],
    ['Reuters', 'رويترز', [], []],
    ['AFP', 'وكالة فرانس برس', ['فرانس برس', 'أ ف ب'], ['Agence France-Presse']],
    ['AP', 'أسوشيتد برس', ['وكالة أسوشيتد برس', 'أ ب'], ['Associated Press']],
    ['Anadolu Agency', 'وكالة الأناضول', ['الأناضول'], ['Anadolu', 'AA']],
    ['Sputnik', 'سبوتنيك', [], []],
    ['Interfax', 'إنترفاكس', [], []],
    ['TASS', 'وكالة تاس', ['تاس'], []],
  ])('%s: %s with its aliases', (latin, arabic, aliasesAr, aliasesLatin) => {
    const s = byLatin(latin);
    expect(s).toBeDefined();
    expect(s.kind).toBe('news-agency');
    expect(s.nameAr).toBe(arabic);
    for (const a of aliasesAr) expect(s.aliasesAr).toContain(a);
    for (const a of aliasesLatin) expect(s.aliasesLatin).toContain(a);
  });

  it('marks قاسيون / Qasioun ambiguous, and has other kinds than agencies', () => {
    expect(byLatin('Qasioun News Agency').ambiguous).toEqual(['قاسيون', 'Qasioun']);
    const kinds = new Set(DEFAULT_SOURCES.map((s) => s.kind));
    for (const kind of ['news-agency', 'media-outlet', 'government', 'international-org', 'armed-group', 'anonymous'] as const) expect(kinds.has(kind)).toBe(true);
    expect(byLatin('United Nations').nameAr).toBe('الأمم المتحدة');
    expect(byLatin('Syrian Observatory for Human Rights').nameAr).toBe('المرصد السوري لحقوق الإنسان');
    const anonymous = DEFAULT_SOURCES.find((s) => s.kind === 'anonymous')!;
    for (const bare of ['مصدر', 'مصادر']) if (anonymous.aliasesAr.includes(bare)) expect(anonymous.ambiguous).toContain(bare);
  });

  it('every entry is well formed: a known kind, non-empty keys, ambiguous names among its own names, no key shared by two sources', () => {
    const owner = new Map<string, string>();
    for (const s of DEFAULT_SOURCES) {
      expect(SOURCE_KINDS).toContain(s.kind);
      const names = [s.nameAr, s.nameLatin, ...s.aliasesAr, ...s.aliasesLatin];
      for (const name of names) {
        const key = matchKey(name);
        expect(key, name).not.toBe('');
        expect(name).toBe(name.trim());
        if (owner.has(key)) expect(owner.get(key), `${name} is also a name of ${owner.get(key)}`).toBe(s.nameLatin);
        owner.set(key, s.nameLatin);
      }
      for (const a of s.ambiguous ?? []) expect(names).toContain(a);
      for (const a of s.aliasesAr) expect(a).toMatch(/\p{Script=Arabic}/u);
      for (const a of s.aliasesLatin) expect(a).toMatch(/^[\p{Script=Latin}\d\s.'-]+$/u);
    }
  });

  it('every name and alias finds its own source first in registry search', () => {
    for (const s of SOURCES) {
      for (const name of [s.nameAr, s.nameLatin, ...s.aliasesAr, ...s.aliasesLatin]) {
        expect(searchRegistry(SOURCES, name)[0]?.source.id, name).toBe(s.id);
      }
    }
  });
});

describe('sourcesWithIds and sourceSlug', () => {
  it('gives deterministic, unique slug ids and keeps given ones', () => {
    expect(SOURCES.find((s) => s.nameLatin === 'RIA Novosti')!.id).toBe('default:ria-novosti');
    expect(SOURCES.find((s) => s.nameLatin === 'Qasioun News Agency')!.id).toBe('default:qasioun-news-agency');
    expect(new Set(SOURCES.map((s) => s.id)).size).toBe(SOURCES.length);
    const drafts = [
      { nameAr: 'أ', nameLatin: 'Same Name', kind: 'person' as const, aliasesAr: [], aliasesLatin: [] },
      { nameAr: 'ب', nameLatin: 'Same  name!', kind: 'person' as const, aliasesAr: [], aliasesLatin: [] },
      { id: 'kept', nameAr: 'ج', nameLatin: 'Other', kind: 'person' as const, aliasesAr: [], aliasesLatin: [] },
      { nameAr: 'صحيفة الوطن', nameLatin: '', kind: 'media-outlet' as const, aliasesAr: [], aliasesLatin: [] },
    ];
    const records = sourcesWithIds(drafts, { corpusId: 'c', createdAt: 'now', idPrefix: 'x' });
    expect(records.map((r) => r.id)).toEqual(['x:same-name', 'x:same-name-2', 'kept', 'x:صحيفه-الوطن']);
    expect(records[0]).toMatchObject({ corpusId: 'c', createdAt: 'now' });
    expect(sourcesWithIds(drafts, { corpusId: 'c', createdAt: 'now', idPrefix: 'x' })).toEqual(records);
    expect(sourceSlug({ nameLatin: 'Agence France-Presse (AFP)', nameAr: '' })).toBe('agence-france-presse-afp');
  });

  it('copies the alias lists, so records never share arrays with DEFAULT_SOURCES', () => {
    const [first] = sourcesWithIds(DEFAULT_SOURCES, { corpusId: 'c', createdAt: 'now', idPrefix: 'default' });
    expect(first!.aliasesAr).not.toBe(DEFAULT_SOURCES[0]!.aliasesAr);
    expect(first!.aliasesAr).toEqual(DEFAULT_SOURCES[0]!.aliasesAr);
  });
});

describe('cue words', () => {
  it('has the usual reporting verbs and phrases, each with its folded form', () => {
    const byText = new Map(DEFAULT_CUES.map((c) => [c.text, c]));
    for (const word of ['قال', 'قالت', 'أعلن', 'أعلنت', 'أكد', 'أكدت', 'نقلت', 'نقل', 'أفادت', 'أفاد', 'ذكرت', 'ذكر', 'أضاف', 'أضافت', 'بحسب', 'حسب', 'نقلاً عن', 'نفى', 'نفت', 'أشار', 'أشارت', 'صرح', 'زعم']) {
      expect(byText.has(word), word).toBe(true);
    }
    expect(byText.get('وفقاً لـ')?.normalised).toBe('وفقا ل');
    expect(byText.get('نقلاً عن')?.normalised).toBe('نقلا عن');
    expect(byText.get('أعلنت')?.normalised).toBe('اعلنت');
    expect(byText.get('نفى')?.normalised).toBe('نفي');
    expect(new Set(DEFAULT_CUES.map((c) => c.normalised)).size).toBe(DEFAULT_CUES.length);
    expect(byText.get('نقل')!.confidence).toBeLessThan(byText.get('نقلت')!.confidence); // نقل is also "transport"
  });

  it('a custom list: folded, deduplicated, empty entries dropped', () => {
    expect(cueWords(['صرّحت', 'صرحت', '', 'وفقاً لـ']).map((c) => c.normalised)).toEqual(['صرحت', 'وفقا ل']);
    expect(cueWords()).toBe(DEFAULT_CUES);
  });
});

describe('parseRegistryFile', () => {
  const options = { corpusId: 'c', createdAt: 'now' };

  it('accepts { sources: [...] } and a bare array, filling defaults and ids', () => {
    const entry = { nameAr: 'صحيفة الوطن', nameLatin: 'Al-Watan', kind: 'media-outlet', aliasesAr: ['الوطن'], ambiguous: ['الوطن'] };
    const wrapped = parseRegistryFile(JSON.stringify({ sources: [entry, { id: 'mine', nameLatin: 'Only Latin', kind: 'person' }] }), options);
    expect(wrapped).toEqual({
      ok: true,
      sources: [
        { id: 'registry:al-watan', corpusId: 'c', createdAt: 'now', nameAr: 'صحيفة الوطن', nameLatin: 'Al-Watan', kind: 'media-outlet', aliasesAr: ['الوطن'], aliasesLatin: [], ambiguous: ['الوطن'] },
        { id: 'mine', corpusId: 'c', createdAt: 'now', nameAr: '', nameLatin: 'Only Latin', kind: 'person', aliasesAr: [], aliasesLatin: [] },
      ],
    });
    const bare = parseRegistryFile(`\uFEFF${JSON.stringify([entry])}`, { ...options, idPrefix: 'file' });
    expect(bare.ok && bare.sources[0]!.id).toBe('file:al-watan');
  });

  it.each([
    ['not JSON', '{ sources: ', 'not valid JSON'],
    ['wrong shape', '{"registry": []}', 'expected { "sources"'],
    ['unknown kind', '[{"nameAr": "س", "kind": "blog"}]', 'sources[0].kind'],
    ['no name', '[{"nameAr": " ", "nameLatin": "", "kind": "person"}]', 'needs a nameAr or a nameLatin'],
    ['alias not a list', '[{"nameAr": "س", "kind": "person", "aliasesAr": "ص"}]', 'sources[0].aliasesAr'],
    ['ambiguous name that is not a name', '[{"nameAr": "س", "kind": "person", "ambiguous": ["ص"]}]', 'sources[0].ambiguous[0]: “ص” is not one of'],
    ['repeated ids', '[{"id": "a", "nameAr": "س", "kind": "person"}, {"id": "a", "nameAr": "ص", "kind": "person"}]', 'repeated source id: a'],
    ['another Isnad file', '{"format": "isnad-corpus", "formatVersion": 2, "documents": []}', 'format “isnad-corpus” is not “isnad-registry”'],
    // Found by the fuzz tests: a non-string tag used to read “[object Object]”.
    ['a format tag that is not a string', '{"format": {"name": "x"}, "sources": []}', 'format “{"name":"x"}” is not “isnad-registry”'],
    ['a newer registry version', '{"format": "isnad-registry", "version": 9, "sources": []}', 'registry version 9 was written by a newer Isnad'],
  ])('refuses %s, saying where', (_, text, message) => {
    const result = parseRegistryFile(text, options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toContain(message);
  });
});
