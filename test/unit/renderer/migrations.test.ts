import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IsnadDatabase, readCorpus, readHistory, readSetting, writeTransaction } from '../../../renderer/db/db';
import { CorpusStore, type HistoryEntry } from '../../../renderer/state/corpus-store';
import { DatabaseSnapshotStorage } from '../../../renderer/snapshots/snapshot-storage';
import { integrityProblems } from '../../../shared/model/attribution-commands';
import { sha256Hex } from '../../../shared/model/hash';
import { minHashSignature } from '../../../shared/model/near-duplicates';
import { createCorpusState } from '../../../shared/model/state';
import { makeSnapshot } from '../../../shared/snapshots/snapshot';
import type { DocumentRecord } from '../../../shared/model/types';
import { testContext } from '../helpers/tagged';

/**
 * Every past database version has a fixture of the rows it wrote (test/fixtures/db/vN.json,
 * with the table definitions of version N), and each is upgraded to the current version here.
 */
interface DbFixture {
  dexieVersion: number;
  stores: Record<string, string>;
  [table: string]: unknown;
}

const fixtureUrl = (version: number): URL => new URL(`../../fixtures/db/v${version}.json`, import.meta.url);

function readFixture(version: number): DbFixture {
  return JSON.parse(readFileSync(fileURLToPath(fixtureUrl(version)), 'utf8')) as DbFixture;
}

/** JSON cannot hold a Uint32Array: MinHash signatures are listed as numbers and typed again here. */
function revive(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return key === 'minhash' ? Uint32Array.from(value as number[]) : value.map((v) => revive(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, k)]));
  return value;
}

/** Writes a fixture's rows with the table definitions of its version, as that version of Isnad did. */
async function databaseAtVersion(name: string, fixture: DbFixture): Promise<void> {
  const old = new Dexie(name);
  old.version(fixture.dexieVersion).stores(fixture.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const table of Object.keys(fixture.stores)) {
      const rows = fixture[table];
      if (Array.isArray(rows)) await old.table(table).bulkPut(revive(rows) as object[]);
    }
  });
  old.close();
}

/** The current schema version, as declared (the database is not opened). */
const CURRENT = new IsnadDatabase('declared-version-probe').verno;
const PAST = Array.from({ length: CURRENT - 1 }, (_, i) => i + 1);

describe('every database version has a migration fixture', () => {
  it(`versions 1 to ${CURRENT - 1} each have test/fixtures/db/vN.json made by that version`, () => {
    expect(CURRENT).toBeGreaterThanOrEqual(4);
    for (const version of PAST) {
      expect(existsSync(fileURLToPath(fixtureUrl(version))), `test/fixtures/db/v${version}.json is missing: add a fixture of the rows version ${version} wrote`).toBe(true);
      const fixture = readFixture(version);
      expect(fixture.dexieVersion).toBe(version);
      expect(Object.keys(fixture.stores)).toEqual(expect.arrayContaining(['corpora', 'documents', 'spans', 'settings', 'history']));
    }
  });

  it.each(PAST)('a version-%i database opens at the current version with every row it had', async (version) => {
    const fixture = readFixture(version);
    const name = `migrate-all-v${version}`;
    await databaseAtVersion(name, fixture);
    const db = new IsnadDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT);
    const corpusId = (fixture.corpora as Array<{ id: string }>)[0]!.id;
    const records = (await readCorpus(db, corpusId))!;
    const documents = fixture.documents as Array<{ id: string; text: string; title: string; meta: Record<string, unknown> }>;
    expect(records.documents.map((d) => d.id).sort()).toEqual(documents.map((d) => d.id).sort());
    for (const doc of records.documents) {
      const before = documents.find((d) => d.id === doc.id)!;
      expect(doc.text).toBe(before.text);
      expect(doc.title).toBe(before.title);
      expect(doc.sha256).toBe(sha256Hex(doc.text));
      expect(doc.meta).toMatchObject(before.meta);
      expect([...doc.minhash!]).toEqual([...minHashSignature(doc.text)]);
    }
    expect(records.spans).toEqual(expect.arrayContaining(fixture.spans as object[]));
    expect(records.spans).toHaveLength((fixture.spans as unknown[]).length);
    for (const table of ['sources', 'attributions'] as const) {
      if (Array.isArray(fixture[table])) expect(records[table]).toEqual(expect.arrayContaining(fixture[table] as object[]));
    }
    expect(integrityProblems(createCorpusState(records.corpus, records.documents, records.spans, records.sources, records.attributions))).toEqual([]);
    for (const setting of fixture.settings as Array<{ key: string; value: unknown }>) {
      // Version 6 moved a document's rejected suggestions from a setting into its corpus record.
      const rejectedIn = /^rejectedSuggestions:(.+)$/u.exec(setting.key)?.[1];
      if (rejectedIn) {
        expect(await readSetting(db, setting.key, null)).toBeNull();
        expect(records.documents.find((d) => d.id === rejectedIn)?.rejectedSuggestions).toEqual([...new Set(setting.value as string[])]);
      } else expect(await readSetting(db, setting.key, null)).toEqual(setting.value);
    }
    expect((await readHistory(db, corpusId)).map((h) => h.id).sort()).toEqual((fixture.history as Array<{ id: string }>).map((h) => h.id).sort());
    db.close();
  });
});

describe('database migrations', () => {
  it('version 1 → 2: documents get their format and a MinHash signature; nothing else changes', async () => {
    const fixture = readFixture(1);
    await databaseAtVersion('migrate-v1', fixture);
    const db = new IsnadDatabase('migrate-v1');
    await db.open();
    const records = (await readCorpus(db, (fixture.corpora as Array<{ id: string }>)[0]!.id))!;
    const documents = fixture.documents as Array<{ id: string; meta: object }>;
    expect(records.documents).toHaveLength(documents.length);
    for (const doc of records.documents) {
      const before = documents.find((d) => d.id === doc.id)!;
      expect(doc.meta.format).toBe('text');
      expect(doc.minhash).toEqual(minHashSignature(doc.text));
      const { format: _format, ...rest } = doc.meta;
      expect(rest).toEqual(before.meta);
    }
    expect(records.spans).toEqual(fixture.spans);
    db.close();
  });

  it('version 2 → 3: adds the source registry (the default one) to every corpus; documents and spans are untouched', async () => {
    const fixture = readFixture(2);
    await databaseAtVersion('migrate-v2', fixture);
    const db = new IsnadDatabase('migrate-v2');
    await db.open();
    const corpusId = (fixture.corpora as Array<{ id: string }>)[0]!.id;
    const records = (await readCorpus(db, corpusId))!;
    expect(records.sources.map((s) => s.nameLatin)).toEqual(expect.arrayContaining(['RIA Novosti', 'Reuters', 'SANA']));
    expect(records.sources.every((s) => s.corpusId === corpusId)).toBe(true);
    expect(records.attributions).toEqual([]);
    expect(records.spans).toEqual(fixture.spans);
    // (Version 4 signs the documents again; see below.)
    expect(records.documents.map(({ minhash: _minhash, ...rest }) => rest)).toEqual((fixture.documents as Array<{ minhash: number[] }>).map(({ minhash: _minhash, ...rest }) => rest));
    db.close();
  });

  it('version 3 → 4: signs every document again with one-permutation MinHash; nothing else changes', async () => {
    const fixture = readFixture(3);
    await databaseAtVersion('migrate-v3-minhash', fixture);
    const db = new IsnadDatabase('migrate-v3-minhash');
    await db.open();
    const corpusId = (fixture.corpora as Array<{ id: string }>)[0]!.id;
    const records = (await readCorpus(db, corpusId))!;
    const documents = fixture.documents as Array<{ id: string; minhash: number[] }>;
    for (const doc of records.documents) {
      const before = documents.find((d) => d.id === doc.id)!;
      expect(doc.minhash).toEqual(minHashSignature(doc.text));
      expect([...doc.minhash!]).not.toEqual(before.minhash);
      // (Version 6 moves rejected suggestions into their documents; see below.)
      const { minhash: _after, rejectedSuggestions: _rejected, ...rest } = doc;
      const { minhash: _before, ...restBefore } = before;
      expect(rest).toEqual(restBefore);
    }
    expect(records.spans).toEqual(expect.arrayContaining(fixture.spans as object[]));
    expect(records.sources).toEqual(expect.arrayContaining(fixture.sources as object[]));
    expect(records.attributions).toEqual(expect.arrayContaining(fixture.attributions as object[]));
    // The document copies in the undo history are signed again too: undoing puts them back.
    const history = await readHistory(db, corpusId);
    const copies = history.flatMap((h) => h.tx.changes.filter((c) => c.table === 'documents').flatMap((c) => [c.before, c.after])).filter((d): d is DocumentRecord => d !== null);
    expect(copies.length).toBeGreaterThan(0);
    for (const doc of copies) expect(doc.minhash).toEqual(minHashSignature(doc.text));
    db.close();
  });

  it('version 4 → 5: adds empty snapshot tables; registry, attributions, publisher and the undo history carry on working', async () => {
    const fixture = readFixture(4);
    await databaseAtVersion('migrate-v4', fixture);
    const db = new IsnadDatabase('migrate-v4');
    await db.open();
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.snapshotFiles.count()).toBe(0);
    const corpusId = (fixture.corpora as Array<{ id: string }>)[0]!.id;
    const records = (await readCorpus(db, corpusId))!;
    expect(records.documents.map(({ rejectedSuggestions: _rejected, ...d }) => ({ ...d, minhash: [...d.minhash!] }))).toEqual(expect.arrayContaining(fixture.documents as object[]));
    expect(records.attributions.find((a) => a.viaId)).toBeDefined();
    const state = createCorpusState(records.corpus, records.documents, records.spans, records.sources, records.attributions);

    // The stored undo and redo entries still fit the stored rows (written before the upgrade).
    const history: HistoryEntry[] = await readHistory(db, corpusId);
    const store = new CorpusStore(state, { write: (tx, h) => writeTransaction(db, tx, h) }, testContext(), history);
    expect(store.history).toEqual({ undo: 'Add LOC span', redo: 'Add LOC span' });
    const spans = records.spans.length;
    await store.redo();
    expect(await db.spans.count()).toBe(spans + 1);
    await store.undo();
    await store.undo();
    expect(await db.spans.count()).toBe(spans - 1);
    expect(store.history.undo).toBeNull();

    // The new table takes a snapshot of the migrated corpus.
    const storage = new DatabaseSnapshotStorage(db);
    const made = makeSnapshot(store.state, 'manual', '2026-12-02T10:00:00.000Z');
    if (!made.ok) throw new Error(made.problems.join(' '));
    const id = await storage.write(made.draft, 5);
    expect((await storage.list(corpusId)).map((s) => [s.id, s.documents, s.spans])).toEqual([[id, 2, spans - 1]]);
    db.close();
  });

  it('version 5 → 6: rejected suggestions move from settings into their documents and the documents’ copies in the undo history; undo works across them', async () => {
    const fixture = readFixture(5);
    await databaseAtVersion('migrate-v5', fixture);
    const db = new IsnadDatabase('migrate-v5');
    await db.open();
    const corpusId = (fixture.corpora as Array<{ id: string }>)[0]!.id;
    const settings = (fixture.settings as Array<{ key: string; value: string[] }>).filter((s) => s.key.startsWith('rejectedSuggestions:'));
    expect(settings).toHaveLength(2);
    const records = (await readCorpus(db, corpusId))!;
    const fixtureDocs = fixture.documents as Array<{ id: string }>;
    for (const setting of settings) {
      const docId = setting.key.slice('rejectedSuggestions:'.length);
      expect(await db.settings.get(setting.key)).toBeUndefined();
      // Listed once each, in the order rejected; everything else in the record as it was.
      const { rejectedSuggestions, minhash: _minhash, ...rest } = records.documents.find((d) => d.id === docId)!;
      expect(rejectedSuggestions).toEqual([...new Set(setting.value)]);
      const { minhash: _before, ...restBefore } = fixtureDocs.find((d) => d.id === docId) as unknown as { minhash: unknown };
      expect(rest).toEqual(restBefore);
    }
    expect(records.corpus).toEqual((fixture.corpora as object[])[0]);
    // The second document's copies in the undo history carry its rejections too.
    const second = '00000000-0000-4000-8000-000000000011';
    const history: HistoryEntry[] = await readHistory(db, corpusId);
    const copies = history.flatMap((h) => h.tx.changes.flatMap((c) => (c.table === 'documents' && c.id === second ? [c.before, c.after] : [])));
    expect(copies).toHaveLength(2);
    for (const copy of copies) expect(copy?.rejectedSuggestions).toEqual(['CUE:0:4']);

    // Undoing the attribute-value edit, then the span added to the second document (which set
    // its status): the rejections stay, and neither undo is refused as a concurrent change.
    const state = createCorpusState(records.corpus, records.documents, records.spans, records.sources, records.attributions);
    const store = new CorpusStore(state, { write: (tx, h) => writeTransaction(db, tx, h) }, testContext(), history);
    expect(store.history.undo).toBe('Edit attribute values');
    await store.undo();
    expect((await db.corpora.get(corpusId))!.schema.attributes).toBeUndefined();
    await store.undo();
    const doc = (await db.documents.get(second))!;
    expect(doc.status).toBe('todo');
    expect(doc.rejectedSuggestions).toEqual(['CUE:0:4']);
    await store.redo();
    expect((await db.documents.get(second))!.status).toBe('in-progress');
    db.close();
  });
});
