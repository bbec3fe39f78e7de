/**
 * The who-cites-whom graph in words, in the interface language: the summary that names the
 * picture, the tooltip of each link and node, and the list screen readers get instead of
 * the drawing.
 */
import { sourceShortName, type CitationGraph, type GraphEdge, type GraphNode } from '../../shared/model/citation-graph';
import type { SourceRecord } from '../../shared/model/types';
import type { Translate } from '../../shared/i18n/i18n';
import { sourceName } from '../i18n/labels';

/** The accessible summary: "Who cites whom: 5 sources, 4 links". */
export function graphSummary(graph: CitationGraph, t: Translate): string {
  return t('graph.summary', { sources: t('count.sources', { count: graph.nodes.length }), links: t('count.links', { count: graph.edges.length }) });
}

/**
 * What a link means: "RIA Novosti relays Foreign ministry source (3 claims)",
 * "Qasioun cites SANA in its articles (2 claims)". `name` picks how sources are named.
 */
export function describeEdge(graph: CitationGraph, edge: GraphEdge, t: Translate, name: (source: SourceRecord) => string = sourceShortName): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n.source]));
  const from = byId.get(edge.from);
  const to = byId.get(edge.to);
  const params = { from: from ? name(from) : edge.from, to: to ? name(to) : edge.to, claims: t('count.claims', { count: edge.weight }) };
  if (edge.relayed && edge.published) return t('graph.edge.relaysAndPublishes', { ...params, count: edge.published });
  if (edge.relayed) return t('graph.edge.relays', params);
  return t('graph.edge.cites', params);
}

/** What a node stands for: "RIA Novosti (وكالة نوفوستي): 3 claims in 2 documents, publisher of 1 document". */
export function describeNode(node: GraphNode, t: Translate): string {
  const usage = t('graph.node.usage', { claims: t('count.claims', { count: node.claims }), documents: t('count.documents.genitive', { count: node.documents }) });
  const publisher = node.asPublisher ? t('graph.node.publisher', { documents: t('count.documents.genitive', { count: node.asPublisher }) }) : '';
  return t('graph.node', { source: sourceName(node.source, t), usage, publisher });
}

/** A source that no link touches: "… ; no links to other sources". */
export function describeLonelyNode(node: GraphNode, t: Translate): string {
  return t('graph.node.lonely', { node: describeNode(node, t) });
}
