import { describe, expect, it } from 'vitest';
import { describeEdge, describeLonelyNode, describeNode, graphSummary } from '../../../renderer/components/citation-graph-words';
import { createTranslator } from '../../../shared/i18n/i18n';
import type { CitationGraph, GraphNode } from '../../../shared/model/citation-graph';
import type { SourceRecord } from '../../../shared/model/types';

const NOW = '2026-01-01T00:00:00.000Z';
const source = (id: string, nameLatin: string, nameAr: string): SourceRecord => ({ id, corpusId: 'c', nameAr, nameLatin, kind: 'news-agency', aliasesAr: [], aliasesLatin: [], createdAt: NOW });
const node = (s: SourceRecord, claims: number, documents: number, asPublisher = 0): GraphNode => ({ id: s.id, source: s, claims, documents, asPublisher });

const novosti = source('novosti', 'RIA Novosti', 'وكالة نوفوستي');
const ministry = source('ministry', 'Foreign ministry source', 'مصدر في الخارجية');
const qasioun = source('qasioun', 'Qasioun', 'وكالة قاسيون للأنباء');
const sana = source('sana', 'SANA', 'سانا');
const graph: CitationGraph = {
  nodes: [node(novosti, 3, 2), node(ministry, 2, 1), node(qasioun, 0, 1, 1), node(sana, 2, 2, 1)],
  edges: [
    { id: 'qasioun->novosti', from: 'qasioun', to: 'novosti', weight: 2, relayed: 0, published: 2 },
    { id: 'novosti->ministry', from: 'novosti', to: 'ministry', weight: 3, relayed: 2, published: 1 },
    { id: 'sana->novosti', from: 'sana', to: 'novosti', weight: 1, relayed: 1, published: 0 },
  ],
};

describe('the who-cites-whom graph in words', () => {
  const en = createTranslator('en');
  const ar = createTranslator('ar');

  it('describes links and nodes in English', () => {
    expect(graph.edges.map((e) => describeEdge(graph, e, en))).toEqual([
      'Qasioun cites RIA Novosti in its articles (2 claims)',
      'RIA Novosti relays Foreign ministry source (3 claims, 1 of them in its own articles)',
      'SANA relays RIA Novosti (1 claim)',
    ]);
    expect(describeNode(graph.nodes[3]!, en)).toBe('\u2068SANA (سانا)\u2069: 2 claims in 2 documents, publisher of 1 document');
    expect(graphSummary(graph, en)).toBe('Who cites whom: 4 sources, 3 links');
    expect(describeLonelyNode(graph.nodes[1]!, en)).toBe('\u2068Foreign ministry source (مصدر في الخارجية)\u2069: 2 claims in 1 document; no links to other sources');
  });

  it('describes them in Arabic, with the dual and the genitive after a preposition', () => {
    expect(describeEdge(graph, graph.edges[0]!, ar, (s) => s.nameAr)).toBe('وكالة قاسيون للأنباء ينقل في مقالاته عن وكالة نوفوستي (ادعاءان)');
    expect(describeEdge(graph, graph.edges[2]!, ar, (s) => s.nameAr)).toBe('سانا ينقل عن وكالة نوفوستي (ادعاء واحد)');
    expect(describeNode(graph.nodes[3]!, ar)).toBe('\u2068سانا (SANA)\u2069: ادعاءان في مستندين، وناشر مستند واحد');
    expect(graphSummary(graph, ar)).toBe('مَن ينقل عمَّن: 4 مصادر، 3 روابط');
  });
});
