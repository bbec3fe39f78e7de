/**
 * A registry import of several files at once is one user action: one undoable step named
 * after the import (English and Arabic), in IndexedDB when the action returns; sources the
 * registry has (same names) are skipped, invalid ones left out, and a refused file adds nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addSource, type SourceFields } from '../../../shared/model/attribution-commands';
import { importRegistrySources, planRegistryImport } from '../../../shared/model/registry-import';
import { applyTransaction } from '../../../shared/model/transaction';
import { createTranslator } from '../../../shared/i18n/i18n';
import type { IsnadApp } from '../../../renderer/app/controller';
import { closeApps, startApp } from '../helpers/app';
import { failWritesAfter } from '../helpers/storage-faults';
import { stateWithDocument, testContext } from '../helpers/tagged';

const source = (nameLatin: string, nameAr: string, kind: SourceFields['kind'] = 'news-agency'): SourceFields => ({ nameAr, nameLatin, kind, aliasesAr: [], aliasesLatin: [] });
const STEP = source('Step News Agency', 'وكالة ستيب نيوز');
const ENAB = source('Enab Baladi', 'عنب بلدي', 'media-outlet');
const CIVIL = source('Syria Civil Defence', 'الدفاع المدني السوري', 'international-org');

describe('registry import (command)', () => {
  it('adds the new sources of every file in one transaction named after the import', () => {
    const ctx = testContext();
    const added = addSource(stateWithDocument('نص'), source('Reuters', 'رويترز'), ctx);
    if (!added.ok) throw new Error(added.error);
    const state = applyTransaction(stateWithDocument('نص'), added.tx);
    const files = [
      { file: 'a.json', sources: [STEP, source('reuters', 'رويترز'), { ...ENAB, nameAr: '', nameLatin: ' ' }] },
      { file: 'b.json', sources: [ENAB, { ...STEP, aliasesLatin: ['Step'] }, CIVIL] },
    ];
    const plan = planRegistryImport(state, files);
    expect(plan).toEqual({ files: ['a.json', 'b.json'], fresh: [STEP, { ...ENAB, nameAr: '', nameLatin: ' ' }, ENAB, CIVIL], skipped: 2 });
    const result = importRegistrySources(state, plan, ctx);
    if (!result.ok) throw new Error(result.error);
    expect(result.tx.addToHistory).toBe(true);
    expect(result.tx.changes.map((c) => (c.after as { nameLatin: string }).nameLatin)).toEqual(['Step News Agency', 'Enab Baladi', 'Syria Civil Defence']);
    expect(result.tx.description).toBe('Import registry a.json, b.json (3 sources)');
    expect(createTranslator('ar').text(result.tx.description, result.tx.phrase)).toBe('استيراد سجل المصادر \u2068a.json\u2069، \u2068b.json\u2069 (3 مصادر)');
  });

  it('refuses a plan with nothing to add', () => {
    const state = stateWithDocument('نص');
    const result = importRegistrySources(state, planRegistryImport(state, [{ file: 'x.json', sources: [{ ...STEP, kind: 'planet' as SourceFields['kind'] }] }]), testContext());
    expect(result.ok).toBe(false);
  });
});

describe('registry import (store and IndexedDB)', () => {
  const opened: IsnadApp[] = [];
  afterEach(() => closeApps(opened));

  it('imports several files as one undo step, stored when the action returns; one Undo takes all of it back', async () => {
    const app = await startApp('registry-import-one-step');
    opened.push(app);
    const corpusId = app.corpus.state.corpus.id;
    const stored = async (): Promise<string[]> => (await app.db.sources.where('corpusId').equals(corpusId).toArray()).map((s) => s.nameLatin).sort();
    const before = await stored();
    expect(before).toContain('RIA Novosti');
    const historyBefore = await app.db.history.count();

    const report = await app.attribution.importRegistry([
      { file: 'one.json', sources: [STEP, source('RIA Novosti', 'وكالة نوفوستي')] },
      { file: 'two.json', sources: [ENAB, CIVIL] },
    ]);
    expect(report).toEqual({ imported: 3, skipped: 1, refused: 0, reported: false });
    // In IndexedDB already, with one history entry for the whole import.
    expect(await stored()).toEqual([...before, 'Enab Baladi', 'Step News Agency', 'Syria Civil Defence'].sort());
    expect(await app.db.history.count()).toBe(historyBefore + 1);
    expect(app.corpus.history.undo).toBe('Import registry one.json, two.json (3 sources)');

    await app.undo();
    expect(await stored()).toEqual(before);
    expect([...app.corpus.state.sources.values()].map((s) => s.nameLatin)).not.toContain('Step News Agency');
    expect(app.corpus.history).toEqual({ undo: null, redo: 'Import registry one.json, two.json (3 sources)' });
  });

  it('a refused write (disk full) adds nothing and says it was reported, so the view keeps the reason', async () => {
    const app = await startApp('registry-import-disk-full');
    opened.push(app);
    const count = await app.db.sources.count();
    const restore = failWritesAfter(0);
    try {
      const report = await app.attribution.importRegistry([{ file: 'one.json', sources: [STEP, ENAB] }]);
      expect(report).toEqual({ imported: 0, skipped: 0, refused: 2, reported: true });
    } finally {
      restore();
    }
    expect(app.ui.state.notice?.tone).toBe('error');
    expect(app.ui.state.notice?.text).toMatch(/disk|space|storage/i);
    expect(await app.db.sources.count()).toBe(count);
    expect(app.corpus.history.undo).toBeNull();
  });

  it('changes nothing when every source is already in the registry', async () => {
    const app = await startApp('registry-import-nothing');
    opened.push(app);
    const historyBefore = await app.db.history.count();
    const count = await app.db.sources.count();
    expect(await app.attribution.importRegistry([{ file: 'same.json', sources: [source('RIA Novosti', 'وكالة نوفوستي')] }])).toEqual({ imported: 0, skipped: 1, refused: 0, reported: false });
    expect(await app.db.sources.count()).toBe(count);
    expect(await app.db.history.count()).toBe(historyBefore);
  });
});
