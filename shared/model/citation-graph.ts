/**
 * Who cites whom in a corpus: the graph of sources that claims are attributed to, the
 * relays between them ("نقلت وكالة نوفوستي عن مصدر في الخارجية": Novosti relays a ministry
 * source) and the outlets that published the articles; the per-source counts of the sources
 * view; and a deterministic layered layout that reads right to left (the citing source to
 * the right of the cited one, arrows pointing leftwards). Pure: no DOM.
 */
import type { CorpusState } from './state';
import type { AttributionRecord, SourceRecord } from './types';
import { maxOf } from '../arrays';

/** One source of the graph with its counts. */
export interface GraphNode {
  id: string;
  source: SourceRecord;
  /** Distinct claims attributed to the source (its own attributions, relays included). */
  claims: number;
  /** Distinct documents where it is attributed or is the publisher. */
  documents: number;
  /** Documents it published. */
  asPublisher: number;
}

/**
 * "`from` cites `to`": `from` relayed `to` in attribution chains (an attribution to `to`
 * came via an attribution to `from`), and/or `from` published articles whose claims are
 * attributed to `to`.
 */
export interface GraphEdge {
  /** `${from}->${to}`. */
  id: string;
  from: string;
  to: string;
  /** Distinct claims behind the link (relayed or published). */
  weight: number;
  /** Distinct claims `from` relayed from `to`. */
  relayed: number;
  /** Distinct claims of `to` in articles that `from` published. */
  published: number;
}

/** Nodes in a stable order (claims, then name) and edges ordered by weight, then the names of their ends. */
export interface CitationGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** One row of the sources table. */
export interface SourceRow {
  source: SourceRecord;
  /** Distinct claims attributed to the source. */
  claims: number;
  /** Distinct documents where it is attributed or is the publisher. */
  documents: number;
  /** Documents it published. */
  asPublisher: number;
  /** Claims of another source that came via an attribution to this one (it relayed them). */
  viaCount: number;
}

/** The name a source is sorted and labelled by in Latin-script text: its Latin name, else its Arabic one. */
export function sourceShortName(source: Pick<SourceRecord, 'nameAr' | 'nameLatin'>): string {
  return source.nameLatin || source.nameAr;
}

function compareSources(a: SourceRecord, b: SourceRecord): number {
  return sourceShortName(a).localeCompare(sourceShortName(b), 'en') || a.nameAr.localeCompare(b.nameAr, 'ar') || a.id.localeCompare(b.id);
}

interface Usage {
  claims: Set<string>;
  documents: Set<string>;
  asPublisher: number;
  relayed: Set<string>;
}

function usageOf(state: CorpusState): Map<string, Usage> {
  const usage = new Map<string, Usage>();
  const of = (id: string): Usage => {
    let u = usage.get(id);
    if (!u) usage.set(id, (u = { claims: new Set(), documents: new Set(), asPublisher: 0, relayed: new Set() }));
    return u;
  };
  for (const a of state.attributions.values()) {
    if (!state.sources.has(a.sourceId)) continue;
    const u = of(a.sourceId);
    u.claims.add(a.claimSpanId);
    u.documents.add(a.docId);
    const via = a.viaId ? state.attributions.get(a.viaId) : undefined;
    if (via && via.sourceId !== a.sourceId && state.sources.has(via.sourceId)) of(via.sourceId).relayed.add(a.id);
  }
  for (const d of state.documents.values()) {
    if (!d.publisherId || !state.sources.has(d.publisherId)) continue;
    const u = of(d.publisherId);
    u.asPublisher += 1;
    u.documents.add(d.id);
  }
  return usage;
}

/**
 * Every source of the registry with its counts, most-cited first (then by name). `claims`
 * counts distinct claim spans attributed to the source; `documents` the documents where it
 * is attributed or that it published; `viaCount` the attributions that came via it.
 */
export function sourceTable(state: CorpusState): SourceRow[] {
  const usage = usageOf(state);
  const rows = [...state.sources.values()].map((source): SourceRow => {
    const u = usage.get(source.id);
    return { source, claims: u?.claims.size ?? 0, documents: u?.documents.size ?? 0, asPublisher: u?.asPublisher ?? 0, viaCount: u?.relayed.size ?? 0 };
  });
  return rows.sort((a, b) => b.claims - a.claims || compareSources(a.source, b.source));
}

/**
 * The who-cites-whom graph. Nodes are the sources that claims are attributed to or that
 * published documents. Edges, "A cites B", come from
 * - chains: an attribution to B that came via an attribution to A (A relayed B);
 * - publishers: a document published by A cites the source of each of its attributions
 *   that does not itself come via another one (the head of each chain: what lies further
 *   down a chain is cited by the relay, not by the publisher directly).
 * A source never cites itself. Weights count distinct claims.
 */
export function citationGraph(state: CorpusState): CitationGraph {
  const usage = usageOf(state);
  const nodes: GraphNode[] = [];
  for (const [id, u] of usage) {
    const source = state.sources.get(id)!;
    nodes.push({ id, source, claims: u.claims.size, documents: u.documents.size, asPublisher: u.asPublisher });
  }
  nodes.sort((a, b) => b.claims - a.claims || compareSources(a.source, b.source));

  const links = new Map<string, { from: string; to: string; relayed: Set<string>; published: Set<string> }>();
  const link = (from: string, to: string): { relayed: Set<string>; published: Set<string> } => {
    const id = `${from}->${to}`;
    let l = links.get(id);
    if (!l) links.set(id, (l = { from, to, relayed: new Set(), published: new Set() }));
    return l;
  };
  const known = (a: AttributionRecord | undefined): a is AttributionRecord => !!a && state.sources.has(a.sourceId);
  for (const a of state.attributions.values()) {
    if (!known(a)) continue;
    const via = a.viaId ? state.attributions.get(a.viaId) : undefined;
    if (known(via)) {
      if (via.sourceId !== a.sourceId) link(via.sourceId, a.sourceId).relayed.add(a.claimSpanId);
      continue;
    }
    const publisher = state.documents.get(a.docId)?.publisherId;
    if (publisher && publisher !== a.sourceId && state.sources.has(publisher)) link(publisher, a.sourceId).published.add(a.claimSpanId);
  }
  const edges = [...links.entries()].map(
    ([id, l]): GraphEdge => ({ id, from: l.from, to: l.to, weight: new Set([...l.relayed, ...l.published]).size, relayed: l.relayed.size, published: l.published.size }),
  );
  const sourceOf = (id: string): SourceRecord => state.sources.get(id)!;
  edges.sort((a, b) => b.weight - a.weight || compareSources(sourceOf(a.from), sourceOf(b.from)) || compareSources(sourceOf(a.to), sourceOf(b.to)));
  return { nodes, edges };
}

/**
 * Layers of the graph, left to right: layer 0 holds the sources that cite nobody (the
 * originals); every other source sits one layer to the right of the furthest source it
 * cites (longest path). Links that close a cycle are ignored for layering. Within a layer,
 * nodes are ordered to keep links short (a few deterministic barycentre sweeps).
 */
export function graphLayers(graph: CitationGraph): string[][] {
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const cites = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  const citedBy = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    if (!order.has(e.from) || !order.has(e.to)) continue;
    cites.get(e.from)!.push(e.to);
    citedBy.get(e.to)!.push(e.from);
  }
  const byOrder = (a: string, b: string): number => order.get(a)! - order.get(b)!;
  for (const list of [...cites.values(), ...citedBy.values()]) list.sort(byOrder);

  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    visiting.add(id);
    let d = 0;
    for (const to of cites.get(id)!) if (!visiting.has(to)) d = Math.max(d, depth(to) + 1);
    visiting.delete(id);
    layer.set(id, d);
    return d;
  };
  for (const n of graph.nodes) depth(n.id);

  const count = graph.nodes.length ? maxOf(layer.values()) + 1 : 0;
  const layers: string[][] = Array.from({ length: count }, () => []);
  for (const n of graph.nodes) layers[layer.get(n.id)!]!.push(n.id);

  // Barycentre sweeps: order each layer by the mean relative position of its neighbours.
  const position = new Map<string, number>();
  const place = (): void => layers.forEach((ids) => ids.forEach((id, i) => position.set(id, (i + 0.5) / ids.length)));
  place();
  const sortBy = (ids: string[], neighbours: Map<string, string[]>): void => {
    const key = new Map(
      ids.map((id) => {
        const ns = neighbours.get(id)!;
        return [id, ns.length ? ns.reduce((s, n) => s + position.get(n)!, 0) / ns.length : position.get(id)!];
      }),
    );
    ids.sort((a, b) => key.get(a)! - key.get(b)! || byOrder(a, b));
    ids.forEach((id, i) => position.set(id, (i + 0.5) / ids.length));
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    if (sweep % 2 === 0) for (let l = 1; l < layers.length; l++) sortBy(layers[l]!, cites);
    else for (let l = layers.length - 2; l >= 0; l--) sortBy(layers[l]!, citedBy);
  }
  return layers;
}

/** A node's place in the picture. */
export interface NodePosition {
  id: string;
  x: number;
  y: number;
  /** Circle radius. */
  r: number;
  layer: number;
}

/** The laid-out graph. */
export interface GraphLayout {
  width: number;
  height: number;
  nodes: Map<string, NodePosition>;
  layers: string[][];
}

/** Room kept under each circle for its label: up to two lines of the Arabic name and one of the Latin name. */
export const LABEL_ROOM = 48;
/** Horizontal margin: half of the widest label sits beside the outermost columns. */
export const GRAPH_MARGIN_X = 100;
const MARGIN_Y = 12;
const MIN_R = 7;
const MAX_R = 18;
/** Vertical room per node of the tallest layer at the height `graphHeight` suggests. */
const SLOT = 2 * MAX_R + LABEL_ROOM + 14;

/** A height at which the tallest layer fits without shrinking circles. */
export function graphHeight(graph: CitationGraph, minimum = 200): number {
  const tallest = maxOf(graphLayers(graph).map((l) => l.length), 0);
  return Math.max(minimum, tallest * SLOT + 2 * MARGIN_Y);
}

/**
 * Positions for every node, deterministic and within `[0, width] × [0, height]`: layer 0
 * (sources that cite nobody) on the left, citing sources further right, so arrows point
 * leftwards and the picture reads right to left. Nodes of a layer are spread evenly over the
 * height; radii grow with the square root of the claims, and shrink when space is short so
 * that circles (and their labels, when there is room) never overlap.
 */
export function layoutGraph(graph: CitationGraph, width: number, height: number): GraphLayout {
  const layers = graphLayers(graph);
  const nodes = new Map<string, NodePosition>();
  const maxClaims = maxOf(graph.nodes.map((n) => n.claims), 1);
  const claims = new Map(graph.nodes.map((n) => [n.id, n.claims]));
  const marginX = Math.min(GRAPH_MARGIN_X, width / 4);
  const spacing = layers.length > 1 ? (width - 2 * marginX) / (layers.length - 1) : 0;
  const usableH = Math.max(0, height - 2 * MARGIN_Y);
  layers.forEach((ids, l) => {
    const x = layers.length > 1 ? marginX + l * spacing : width / 2;
    const slot = usableH / ids.length;
    // Room for the circle (and its label when the slot allows), a gap, and the column spacing.
    const fit = Math.max(0, Math.min((slot - (slot >= 2 * MIN_R + LABEL_ROOM + 4 ? LABEL_ROOM + 4 : 2)) / 2, layers.length > 1 ? spacing / 2 - 2 : width / 2, width / 2, slot / 2 - 1));
    ids.forEach((id, i) => {
      const wanted = MIN_R + (MAX_R - MIN_R) * Math.sqrt((claims.get(id) ?? 0) / maxClaims);
      const r = Math.max(0.5, Math.min(wanted, fit));
      const y = MARGIN_Y + (i + 0.5) * slot - (slot >= 2 * r + LABEL_ROOM + 4 ? LABEL_ROOM / 2 : 0);
      nodes.set(id, { id, x, y, r, layer: l });
    });
  });
  return { width, height, nodes, layers };
}

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * The path of an edge between two laid-out nodes: a gentle quadratic curve, bent to the
 * right of its direction (a leftward link arcs upwards, away from the labels under the
 * circles; A→B and B→A arc to opposite sides), from the citing node's rim to the cited
 * node's rim; an arrowhead drawn at the end touches the cited circle.
 */
export function edgePath(from: NodePosition, to: NodePosition): { d: string; end: { x: number; y: number } } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const bend = Math.min(40, length * 0.12);
  const cx = (from.x + to.x) / 2 - (dy / length) * bend;
  const cy = (from.y + to.y) / 2 + (dx / length) * bend;
  const toward = (p: NodePosition, distance: number): { x: number; y: number } => {
    const ux = cx - p.x;
    const uy = cy - p.y;
    const ul = Math.hypot(ux, uy) || 1;
    return { x: p.x + (ux / ul) * distance, y: p.y + (uy / ul) * distance };
  };
  const start = toward(from, from.r);
  const end = toward(to, to.r + 1);
  return { d: `M${round(start.x)},${round(start.y)} Q${round(cx)},${round(cy)} ${round(end.x)},${round(end.y)}`, end: { x: round(end.x), y: round(end.y) } };
}
