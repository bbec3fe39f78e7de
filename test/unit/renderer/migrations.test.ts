import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { IsnadDatabase, readCorpus } from '../../../renderer/db/db';
import { sha256Hex } from '../../../shared/model/hash';
import { minHashSignature } from '../../../shared/model/near-duplicates';

/** Each past database version has a fixture of the rows it wrote; each upgrade is tested on it. */
async function databaseAtVersion1(name: string): Promise<void> {
  const fixture = JSON.parse(await readFile(fileURLToPath(new URL('../../fixtures/db/v1.json', import.meta.url)), 'utf8'));
  const v1 = new Dexie(name);
  v1.version(1).stores({ corpora: 'id', documents: 'id, corpusId, sha256, [corpusId+order]', spans: 'id, corpusId, docId', settings: 'key', history: 'id, corpusId' });
  await v1.open();
  await v1.transaction('rw', v1.tables, async () => {
    for (const table of ['corpora', 'documents', 'spans', 'settings', 'history']) await v1.table(table).bulkPut(fixture[table]);
  });
  v1.close();
}

describe('database migrations', () => {
  it('version 1 → 2: documents get their format and a MinHash signature; nothing else changes', async () => {
    await databaseAtVersion1('migrate-v1');
    const fixture = JSON.parse(await readFile(fileURLToPath(new URL('../../fixtures/db/v1.json', import.meta.url)), 'utf8'));
    const db = new IsnadDatabase('migrate-v1');
    await db.open();
    expect(db.verno).toBe(4);
    const records = (await readCorpus(db, fixture.corpora[0].id))!;
    expect(records.documents).toHaveLength(fixture.documents.length);
    for (const doc of records.documents) {
      const before = fixture.documents.find((d: { id: string }) => d.id === doc.id);
      expect(doc.meta.format).toBe('text');
      expect(doc.minhash).toEqual(minHashSignature(doc.text));
      expect(doc.text).toBe(before.text);
      expect(doc.sha256).toBe(sha256Hex(doc.text));
      const { format: _format, ...rest } = doc.meta;
      expect(rest).toEqual(before.meta);
    }
    expect(records.spans).toEqual(fixture.spans);
    db.close();
  });
});

describe('database version 2 → 3', () => {
  it('adds the source registry (the default one) to every corpus; documents and spans are untouched', async () => {
    const fixture = JSON.parse(await readFile(fileURLToPath(new URL('../../fixtures/db/v2.json', import.meta.url)), 'utf8'));
    const v2 = new Dexie('migrate-v2');
    v2.version(1).stores({ corpora: 'id', documents: 'id, corpusId, sha256, [corpusId+order]', spans: 'id, corpusId, docId', settings: 'key', history: 'id, corpusId' });
    v2.version(2).stores({});
    await v2.open();
    await v2.transaction('rw', v2.tables, async () => {
      await v2.table('corpora').bulkPut(fixture.corpora);
      await v2.table('documents').bulkPut(fixture.documents.map((d: { minhash: number[] }) => ({ ...d, minhash: Uint32Array.from(d.minhash) })));
      await v2.table('spans').bulkPut(fixture.spans);
      await v2.table('settings').bulkPut(fixture.settings);
    });
    v2.close();
    const db = new IsnadDatabase('migrate-v2');
    await db.open();
    expect(db.verno).toBe(4);
    const records = (await readCorpus(db, fixture.corpora[0].id))!;
    expect(records.sources.map((s) => s.nameLatin)).toEqual(expect.arrayContaining(['RIA Novosti', 'Reuters', 'SANA']));
    expect(records.sources.every((s) => s.corpusId === fixture.corpora[0].id)).toBe(true);
    expect(records.attributions).toEqual([]);
    expect(records.spans).toEqual(fixture.spans);
    // (Version 4 signs the documents again; see below.)
    expect(records.documents.map(({ minhash: _minhash, ...rest }) => rest)).toEqual(fixture.documents.map(({ minhash: _minhash, ...rest }: { minhash: number[] }) => rest));
    db.close();
  });
});

describe('database version 3 → 4', () => {
  it('signs every document again with one-permutation MinHash; nothing else changes', async () => {
    const fixture = JSON.parse(await readFile(fileURLToPath(new URL('../../fixtures/db/v3.json', import.meta.url)), 'utf8'));
    const v3 = new Dexie('migrate-v3');
    v3.version(1).stores({ corpora: 'id', documents: 'id, corpusId, sha256, [corpusId+order]', spans: 'id, corpusId, docId', settings: 'key', history: 'id, corpusId' });
    v3.version(2).stores({});
    v3.version(3).stores({ sources: 'id, corpusId', attributions: 'id, corpusId, docId, claimSpanId, sourceId' });
    await v3.open();
    await v3.transaction('rw', v3.tables, async () => {
      for (const table of ['corpora', 'spans', 'sources', 'attributions', 'settings', 'history']) await v3.table(table).bulkPut(fixture[table]);
      await v3.table('documents').bulkPut(fixture.documents.map((d: { minhash: number[] }) => ({ ...d, minhash: Uint32Array.from(d.minhash) })));
    });
    v3.close();
    const db = new IsnadDatabase('migrate-v3');
    await db.open();
    expect(db.verno).toBe(4);
    const records = (await readCorpus(db, fixture.corpora[0].id))!;
    for (const doc of records.documents) {
      const before = fixture.documents.find((d: { id: string }) => d.id === doc.id);
      expect(doc.minhash).toEqual(minHashSignature(doc.text));
      expect([...doc.minhash!]).not.toEqual(before.minhash);
      const { minhash: _after, ...rest } = doc;
      const { minhash: _before, ...restBefore } = before;
      expect(rest).toEqual(restBefore);
    }
    expect(records.spans).toEqual(fixture.spans);
    expect(records.sources).toEqual(fixture.sources);
    expect(records.attributions).toEqual(fixture.attributions);
    expect(await db.settings.toArray()).toEqual(fixture.settings);
    db.close();
  });
});
