import { describe, expect, it } from 'vitest';
import { groupDocumentsBySignature, minHashSignature } from '../../../shared/model/near-duplicates';
import type { DocumentRecord } from '../../../shared/model/types';
import { DocumentGroups } from '../../../renderer/state/document-groups';
import { makeCorpus } from '../search/synthetic';

function records(docs: Array<{ id: string; text: string }>): DocumentRecord[] {
  return docs.map((d, order) => ({ id: d.id, corpusId: 'c', title: d.id, text: d.text, sha256: d.id, status: 'todo', order, minhash: minHashSignature(d.text), meta: { origin: 'file', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: '2026-01-01T00:00:00.000Z' } }));
}

/** What the list shows: each grouped document with its group number, size and members. */
function shown(groups: ReadonlyMap<string, { number: number; size: number; members: string[] }>): Array<[string, number, number, string[]]> {
  return [...groups].map(([id, g]) => [id, g.number, g.size, g.members]);
}

function expected(docs: DocumentRecord[]): Array<[string, number, number, string[]]> {
  return groupDocumentsBySignature(docs).flatMap((members, k) => members.map((id): [string, number, number, string[]] => [id, k + 1, members.length, members]));
}

describe('DocumentGroups', () => {
  const { docs, pairs } = makeCorpus(11, 600, 60, 120);
  const all = records(docs);

  it('groups a list that grows batch by batch (an import) exactly as grouping it at once', () => {
    const groups = new DocumentGroups();
    for (let end = 0; end <= all.length; end += 97) {
      const prefix = all.slice(0, end);
      expect(shown(groups.of(prefix))).toEqual(expected(prefix));
    }
    expect(shown(groups.of(all))).toEqual(expected(all));
    expect(new Set([...groups.of(all).values()].map((g) => g.number)).size).toBe(pairs.length);
  });

  it('keeps the groups when a document is edited, and regroups when one is removed or the corpus changes', () => {
    const groups = new DocumentGroups();
    groups.of(all);
    const edited = all.map((d, i) => (i === 5 ? { ...d, status: 'done' as const } : d));
    expect(shown(groups.of(edited))).toEqual(expected(all));
    const [a, b] = pairs[0]!;
    const removed = all.filter((d) => d.id !== a);
    expect(shown(groups.of(removed)).some(([id]) => id === b)).toBe(false);
    expect(shown(groups.of(removed))).toEqual(expected(removed));
    const other = records(makeCorpus(12, 100, 10, 120).docs);
    expect(shown(groups.of(other))).toEqual(expected(other));
  });

  it('never groups documents without a signature', () => {
    const groups = new DocumentGroups();
    const unsigned = all.slice(0, 50).map(({ minhash: _minhash, ...d }) => d);
    expect(groups.of(unsigned).size).toBe(0);
  });
});
