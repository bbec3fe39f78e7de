/**
 * The real import path, fuzzed: batches of damaged and random files plus one good article go
 * through ImportSession (preparing workers and the writing worker inline), ImportBuilder and CorpusStore into IndexedDB
 * (fake-indexeddb), on top of a corpus with spans and attributions. Afterwards the database
 * holds only whole documents, exactly what the store shows, everything that was there before
 * unchanged, the good article, nothing from a refused file, and a report line naming each
 * refused file.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { IsnadDatabase, readCorpus, writeRecords, writeTransaction } from '../../../renderer/db/db';
import { ImportSession } from '../../../renderer/import/import-session';
import { CorpusStore } from '../../../renderer/state/corpus-store';
import { createCorpusState, type CorpusState } from '../../../shared/model/state';
import { InlinePreparer, InlineWriter, closeInlineWriters } from '../helpers/inline-import-workers';
import { partialDocumentProblems } from './invariants';
import { FUZZ_TIMEOUT, INTERNAL_ERROR, anyArticleFile, bytesOf, fuzzParameters, importContext, seedState } from './support';

afterEach(closeInlineWriters);

const before = seedState();
let databases = 0;

async function storedState(db: IsnadDatabase): Promise<CorpusState> {
  const records = await readCorpus(db, before.corpus.id);
  if (!records) throw new Error('the corpus is gone');
  return createCorpusState(records.corpus, records.documents, records.spans, records.sources, records.attributions);
}

/** The records of `state` as plain comparable rows (minhash arrays as lists). */
function rows(state: CorpusState, table: 'documents' | 'spans' | 'sources' | 'attributions'): Map<string, unknown> {
  return new Map([...state[table].values()].map((r) => [r.id, JSON.parse(JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint32Array ? [...v] : v))) as unknown]));
}

describe('import into the store, fuzzed', () => {
  it('a batch of bad files leaves only whole documents, and nothing already stored changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyArticleFile(), { minLength: 1, maxLength: 4 }), fc.nat(4), async (bad, goodAt) => {
        const db = new IsnadDatabase(`fuzz-import-${++databases}`);
        await db.open();
        try {
          await writeRecords(db, {
            corpus: before.corpus,
            documents: [...before.documents.values()],
            spans: [...before.spans.values()],
            sources: [...before.sources.values()],
            attributions: [...before.attributions.values()],
          });
          const store = new CorpusStore(before, { write: (tx, history) => writeTransaction(db, tx, history) }, importContext());
          const files = bad.map((f, i) => ({ name: `bad-${i}-${f.name}`, bytes: f.bytes }));
          const good = { name: 'good.txt', bytes: bytesOf(`خبر سليم رقم ${databases}: وصل الوفد إلى المدينة.\n`) };
          files.splice(Math.min(goodAt, files.length), 0, good);

          const result = await new ImportSession(store, files, {}, () => {}, {
            database: db.name,
            createPreparer: () => new InlinePreparer(),
            createWriter: () => new InlineWriter(),
            preparers: 2,
          }).start();

          const stored = await storedState(db);
          expect(partialDocumentProblems(stored)).toEqual([]);
          for (const table of ['documents', 'spans', 'sources', 'attributions'] as const) {
            expect(rows(stored, table)).toEqual(rows(store.state, table));
            const now = rows(stored, table);
            for (const [id, row] of rows(before, table)) expect(now.get(id)).toEqual(row);
          }
          const refused = new Set(result.report.refused.map((r) => r.fileName));
          for (const r of result.report.refused) {
            expect(r.message).toContain(`“${r.fileName}”`);
            expect(r.message).not.toMatch(INTERNAL_ERROR);
          }
          for (const doc of stored.documents.values()) {
            if (before.documents.has(doc.id)) continue;
            const fileName = doc.meta.fileName ?? '';
            expect([...refused].some((name) => fileName === name || fileName.startsWith(`${name} #`))).toBe(false);
          }
          expect(result.report.imported.map((i) => i.fileName)).toContain('good.txt');
          // Every file is accounted for: imported, duplicate, refused, or a native file's documents.
          for (const file of files) {
            const seen = [...result.report.imported, ...result.report.duplicates, ...result.report.refused].some((r) => r.fileName === file.name || r.fileName.startsWith(`${file.name} #`));
            if (!seen) expect(file.name).toMatch(/\.json$/); // an Isnad export without documents
          }
        } finally {
          db.close();
          await db.delete();
        }
      }),
      // Each case opens a database and runs a whole import: a tenth of FUZZ_RUNS.
      fuzzParameters(12, 0.1),
    );
  }, FUZZ_TIMEOUT);
});
