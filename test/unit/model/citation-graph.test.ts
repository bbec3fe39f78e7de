import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { citationGraph, edgePath, graphHeight, graphLayers, layoutGraph, sourceTable, LABEL_ROOM, type CitationGraph } from '../../../shared/model/citation-graph';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/schema';
import { createCorpusState, type CorpusState } from '../../../shared/model/state';
import type { AttributionRecord, DocumentRecord, SourceKind, SourceRecord, SpanRecord } from '../../../shared/model/types';

const NOW = '2026-01-01T00:00:00.000Z';

function source(id: string, nameLatin: string, nameAr: string, kind: SourceKind = 'news-agency'): SourceRecord {
  return { id, corpusId: 'c', nameAr, nameLatin, kind, aliasesAr: [], aliasesLatin: [], createdAt: NOW };
}

function doc(id: string, publisherId?: string): DocumentRecord {
  return {
    id,
    corpusId: 'c',
    title: id,
    text: 'نص',
    sha256: '0'.repeat(64),
    status: 'todo',
    order: 0,
    meta: { origin: 'file', encoding: 'utf-8', encodingMethod: 'valid-utf8', encodingConfidence: 1, lineEndings: 'lf', importedAt: NOW },
    ...(publisherId ? { publisherId } : {}),
  };
}

/** Attributions as [id, docId, claim, sourceId, viaId?]; claim spans are made on the way. */
function corpus(sources: SourceRecord[], documents: DocumentRecord[], attributions: Array<[string, string, string, string, string?]>, reverse = false): CorpusState {
  const spans = new Map<string, SpanRecord>();
  const records: AttributionRecord[] = attributions.map(([id, docId, claim, sourceId, viaId]) => {
    spans.set(claim, { id: claim, corpusId: 'c', docId, start: 0, end: 1, label: 'CLAIM', annotator: 't', createdAt: NOW });
    return { id, corpusId: 'c', docId, claimSpanId: claim, sourceId, annotator: 't', createdAt: NOW, ...(viaId ? { viaId } : {}) };
  });
  const order = <T>(list: T[]): T[] => (reverse ? [...list].reverse() : list);
  return createCorpusState({ id: 'c', name: 'Test', schema: DEFAULT_LABEL_SCHEMA, createdAt: NOW }, order(documents), order([...spans.values()]), order(sources), order(records));
}

const SOURCES = [
  source('novosti', 'RIA Novosti', 'وكالة نوفوستي'),
  source('ministry', 'Foreign ministry source', 'مصدر في الخارجية', 'anonymous'),
  source('qasioun', 'Qasioun', 'وكالة قاسيون للأنباء'),
  source('sana', 'SANA', 'سانا'),
  source('reuters', 'Reuters', 'رويترز'),
  source('un', 'United Nations', 'الأمم المتحدة', 'international-org'),
];

/**
 * doc1 (published by Qasioun): c1 and c3 come from the ministry via Novosti; c2 from SANA.
 * doc2 (published by SANA): c4 is SANA's own; c5 is Novosti's.
 * doc3 (no publisher): c6 is Reuters'.
 */
function newsState(reverse = false): CorpusState {
  return corpus(
    SOURCES,
    [doc('doc1', 'qasioun'), doc('doc2', 'sana'), doc('doc3')],
    [
      ['a1', 'doc1', 'c1', 'novosti'],
      ['a2', 'doc1', 'c1', 'ministry', 'a1'],
      ['a3', 'doc1', 'c2', 'sana'],
      ['a4', 'doc1', 'c3', 'novosti'],
      ['a5', 'doc1', 'c3', 'ministry', 'a4'],
      ['a6', 'doc2', 'c4', 'sana'],
      ['a7', 'doc2', 'c5', 'novosti'],
      ['a8', 'doc3', 'c6', 'reuters'],
    ],
    reverse,
  );
}

describe('sourceTable', () => {
  it('counts claims, documents, publishing and relays per source, most-cited first, then by name', () => {
    const rows = sourceTable(newsState()).map((r) => ({ id: r.source.id, claims: r.claims, documents: r.documents, asPublisher: r.asPublisher, viaCount: r.viaCount }));
    expect(rows).toEqual([
      { id: 'novosti', claims: 3, documents: 2, asPublisher: 0, viaCount: 2 },
      { id: 'ministry', claims: 2, documents: 1, asPublisher: 0, viaCount: 0 },
      { id: 'sana', claims: 2, documents: 2, asPublisher: 1, viaCount: 0 },
      { id: 'reuters', claims: 1, documents: 1, asPublisher: 0, viaCount: 0 },
      { id: 'qasioun', claims: 0, documents: 1, asPublisher: 1, viaCount: 0 },
      { id: 'un', claims: 0, documents: 0, asPublisher: 0, viaCount: 0 },
    ]);
  });

  it('counts a claim once even when it is attributed to the same source twice, and ignores unknown sources', () => {
    const state = corpus(
      [source('novosti', 'RIA Novosti', 'وكالة نوفوستي')],
      [doc('doc1', 'gone')],
      [
        ['a1', 'doc1', 'c1', 'novosti'],
        ['a2', 'doc1', 'c1', 'novosti'],
        ['a3', 'doc1', 'c2', 'missing'],
      ],
    );
    expect(sourceTable(state).map((r) => [r.source.id, r.claims, r.documents, r.asPublisher])).toEqual([['novosti', 1, 1, 0]]);
    expect(citationGraph(state)).toMatchObject({ nodes: [{ id: 'novosti', claims: 1 }], edges: [] });
  });

  it('sorts sources without a Latin name by their Arabic name', () => {
    const state = corpus([source('b', '', 'ب'), source('a', '', 'أ'), source('z', 'Zeta', 'ز')], [], []);
    expect(sourceTable(state).map((r) => r.source.id)).toEqual(['z', 'a', 'b']);
  });
});

describe('citationGraph', () => {
  it('links relays from chains and publishers to the head of each chain, never a source to itself', () => {
    const graph = citationGraph(newsState());
    expect(graph.nodes.map((n) => n.id)).toEqual(['novosti', 'ministry', 'sana', 'reuters', 'qasioun']);
    expect(graph.edges.map((e) => [e.from, e.to, e.weight, e.relayed, e.published])).toEqual([
      ['qasioun', 'novosti', 2, 0, 2],
      ['novosti', 'ministry', 2, 2, 0],
      ['qasioun', 'sana', 1, 0, 1],
      ['sana', 'novosti', 1, 0, 1],
    ]);
  });

  it('does not depend on the order records were loaded in', () => {
    expect(citationGraph(newsState(true))).toEqual(citationGraph(newsState()));
    expect(sourceTable(newsState(true))).toEqual(sourceTable(newsState()));
  });

  it('is empty for a corpus without attributions or publishers', () => {
    expect(citationGraph(corpus(SOURCES, [doc('d')], []))).toEqual({ nodes: [], edges: [] });
    expect(graphLayers({ nodes: [], edges: [] })).toEqual([]);
    expect(layoutGraph({ nodes: [], edges: [] }, 800, 200).nodes.size).toBe(0);
  });
});

/** Checks every geometric promise of a layout. */
function checkLayout(graph: CitationGraph, width: number, height: number): void {
  const layout = layoutGraph(graph, width, height);
  expect(layout.nodes.size).toBe(graph.nodes.length);
  const nodes = [...layout.nodes.values()];
  for (const n of nodes) {
    expect(n.r).toBeGreaterThan(0);
    expect(n.x - n.r).toBeGreaterThanOrEqual(0);
    expect(n.x + n.r).toBeLessThanOrEqual(width);
    expect(n.y - n.r).toBeGreaterThanOrEqual(0);
    expect(n.y + n.r).toBeLessThanOrEqual(height);
  }
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id} and ${b.id} overlap`).toBeGreaterThan(a.r + b.r);
    }
  }
}

describe('layoutGraph', () => {
  it('puts what is cited on the left and who cites it on the right (the picture reads right to left)', () => {
    const graph = citationGraph(newsState());
    expect(graphLayers(graph)).toEqual([['ministry', 'reuters'], ['novosti'], ['sana'], ['qasioun']]);
    const layout = layoutGraph(graph, 960, graphHeight(graph));
    for (const e of graph.edges) expect(layout.nodes.get(e.from)!.x, `${e.from} → ${e.to}`).toBeGreaterThan(layout.nodes.get(e.to)!.x);
    checkLayout(graph, 960, graphHeight(graph));
  });

  it('is deterministic: the same graph always gets the same picture', () => {
    const a = layoutGraph(citationGraph(newsState()), 960, 300);
    const b = layoutGraph(citationGraph(newsState(true)), 960, 300);
    expect([...b.nodes.entries()]).toEqual([...a.nodes.entries()]);
    expect(a.nodes.get('novosti')).toEqual({ id: 'novosti', x: 100 + (760 / 3) * 1, y: a.nodes.get('novosti')!.y, r: 18, layer: 1 });
  });

  it('leaves room for labels at the suggested height and sizes circles by claims', () => {
    const graph = citationGraph(newsState());
    const height = graphHeight(graph);
    const layout = layoutGraph(graph, 960, height);
    const ministry = layout.nodes.get('ministry')!;
    const reuters = layout.nodes.get('reuters')!;
    expect(ministry.r).toBeGreaterThan(reuters.r);
    expect(layout.nodes.get('novosti')!.r).toBeGreaterThan(ministry.r);
    // Each circle and the label under it stay clear of the next node in the column.
    expect(Math.abs(reuters.y - ministry.y)).toBeGreaterThan(ministry.r + reuters.r + LABEL_ROOM);
  });

  it('survives cycles between sources (A relays B in one article, B relays A in another)', () => {
    const state = corpus(
      [source('a', 'A', 'أ'), source('b', 'B', 'ب'), source('p', 'P', 'پ')],
      [doc('d1', 'p'), doc('d2')],
      [
        ['x1', 'd1', 'c1', 'a'],
        ['x2', 'd1', 'c1', 'b', 'x1'],
        ['y1', 'd2', 'c2', 'b'],
        ['y2', 'd2', 'c2', 'a', 'y1'],
      ],
    );
    const graph = citationGraph(state);
    expect(graph.edges.map((e) => e.id).sort()).toEqual(['a->b', 'b->a', 'p->a']);
    const layers = graphLayers(graph);
    expect(layers.flat().sort()).toEqual(['a', 'b', 'p']);
    checkLayout(graph, 600, graphHeight(graph));
    const layout = layoutGraph(graph, 600, graphHeight(graph));
    expect(layout.nodes.get('p')!.x).toBeGreaterThan(layout.nodes.get('a')!.x);
  });

  it('keeps every node inside the picture and apart from the others, for any small graph and size', () => {
    const arbitraryGraph = fc
      .record({
        n: fc.integer({ min: 1, max: 12 }),
        claims: fc.array(fc.nat(40), { minLength: 12, maxLength: 12 }),
        links: fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.integer({ min: 1, max: 9 })), { maxLength: 30 }),
      })
      .map(({ n, claims, links }): CitationGraph => {
        const nodes = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, source: source(`s${i}`, `Source ${i}`, `مصدر ${i}`), claims: claims[i]!, documents: 1, asPublisher: 0 }));
        const edges = new Map<string, CitationGraph['edges'][number]>();
        for (const [a, b, w] of links) {
          const from = `s${a % n}`;
          const to = `s${b % n}`;
          if (from !== to) edges.set(`${from}->${to}`, { id: `${from}->${to}`, from, to, weight: w, relayed: w, published: 0 });
        }
        return { nodes, edges: [...edges.values()] };
      });
    fc.assert(
      fc.property(arbitraryGraph, fc.integer({ min: 200, max: 1400 }), fc.boolean(), (graph, width, suggested) => {
        const height = suggested ? graphHeight(graph) : 120;
        checkLayout(graph, width, height);
        expect(layoutGraph(graph, width, height)).toEqual(layoutGraph(graph, width, height));
      }),
      { numRuns: 200 },
    );
  });
});

describe('edgePath', () => {
  it('runs from the rim of the citing circle to the rim of the cited one', () => {
    const from = { id: 'a', x: 500, y: 100, r: 10, layer: 1 };
    const to = { id: 'b', x: 100, y: 100, r: 15, layer: 0 };
    const { d, end } = edgePath(from, to);
    const [, sx, sy] = /^M([\d.-]+),([\d.-]+)/.exec(d)!.map(Number);
    expect(Math.hypot(sx! - from.x, sy! - from.y)).toBeCloseTo(10, 0);
    expect(Math.hypot(end.x - to.x, end.y - to.y)).toBeCloseTo(16, 0);
    // A→B and B→A bend to opposite sides.
    const back = edgePath(to, from);
    expect(/Q[\d.-]+,([\d.-]+)/.exec(d)![1]).not.toBe(/Q[\d.-]+,([\d.-]+)/.exec(back.d)![1]);
  });
});
