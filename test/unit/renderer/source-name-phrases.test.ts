/**
 * Sources named in what shared/ says (undoable changes, refusals): English keeps the Latin
 * name first ("RIA Novosti (وكالة نوفوستي)", what the CLI and files write), Arabic names the
 * source Arabic first («وكالة نوفوستي (RIA Novosti)»), as the interface lists sources.
 */
import { describe, expect, it } from 'vitest';
import { addSource, deleteSource, mergeSources, updateSource } from '../../../shared/model/attribution-commands';
import { createTranslator } from '../../../shared/i18n/i18n';
import { stateWithDocument, testContext, testTransaction } from '../helpers/tagged';
import { withoutIsolates } from '../helpers/isolates';
import type { SourceFields } from '../../../shared/model/attribution-commands';

const arabic = createTranslator('ar');
const NOVOSTI: SourceFields = { nameAr: 'وكالة نوفوستي', nameLatin: 'RIA Novosti', kind: 'news-agency', aliasesAr: [], aliasesLatin: [] };
const SANA: SourceFields = { nameAr: 'سانا', nameLatin: 'SANA', kind: 'news-agency', aliasesAr: [], aliasesLatin: [] };
const ONLY_ARABIC: SourceFields = { nameAr: 'مصدر مطلع', nameLatin: '', kind: 'anonymous', aliasesAr: [], aliasesLatin: [] };

describe('sources named in changes and refusals', () => {
  it('English keeps the Latin name first, Arabic puts the Arabic name first; one name is just that name', () => {
    const ctx = testContext();
    let state = stateWithDocument('قالت وكالة نوفوستي إن المحادثات ستستأنف.');
    const added = addSource(state, NOVOSTI, ctx);
    if (!added.ok) throw new Error('not added');
    expect(added.tx.description).toBe('Add source RIA Novosti (وكالة نوفوستي)');
    expect(withoutIsolates(arabic.phrase(added.tx.phrase!))).toBe('إضافة المصدر وكالة نوفوستي (RIA Novosti)');
    state = testTransaction(state, added).state;
    const novostiId = added.tx.changes[0]!.id;

    const other = addSource(state, SANA, ctx);
    state = testTransaction(state, other).state;
    const sanaId = other.ok ? other.tx.changes[0]!.id : '';
    const merged = mergeSources(state, { keepId: sanaId, mergeId: novostiId });
    if (!merged.ok) throw new Error('not merged');
    expect(merged.tx.description).toBe('Merge RIA Novosti (وكالة نوفوستي) into SANA (سانا)');
    expect(withoutIsolates(arabic.phrase(merged.tx.phrase!))).toBe('دمج وكالة نوفوستي (RIA Novosti) في سانا (SANA)');

    const lone = addSource(state, ONLY_ARABIC, ctx);
    if (!lone.ok) throw new Error('not added');
    expect(lone.tx.description).toBe('Add source مصدر مطلع');
    expect(withoutIsolates(arabic.phrase(lone.tx.phrase!))).toBe('إضافة المصدر مصدر مطلع');
    state = testTransaction(state, lone).state;
    const loneId = lone.tx.changes[0]!.id;
    const renamed = updateSource(state, { sourceId: loneId, fields: { ...ONLY_ARABIC, nameLatin: 'informed source' } });
    if (!renamed.ok) throw new Error('not renamed');
    expect(withoutIsolates(arabic.phrase(renamed.tx.phrase!))).toMatch(/مصدر مطلع \(informed source\)/u);
    expect(deleteSource(state, { sourceId: loneId }).ok).toBe(true);
  });

  it('each name is isolated on its own in the Arabic sentence', () => {
    const added = addSource(stateWithDocument('نص.'), NOVOSTI, testContext());
    if (!added.ok) throw new Error('not added');
    expect(arabic.phrase(added.tx.phrase!)).toBe('إضافة المصدر \u2068وكالة نوفوستي\u2069 (\u2068RIA Novosti\u2069)');
  });
});
