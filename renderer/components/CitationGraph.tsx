/**
 * Who cites whom, drawn as SVG. Sources that cite nobody stand on the left, those who cite
 * them further right, so the picture reads right to left: arrows point from the citing
 * source to the cited one. Circles grow with the claims attributed to a source, links with
 * the claims behind them; labels are Arabic names set right to left, with the Latin name
 * under them. Every link has a tooltip, and a visually hidden list says the same in words.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { sourceName } from '../i18n/labels';
import { edgePath, graphHeight, layoutGraph, type CitationGraph as Graph } from '../../shared/model/citation-graph';
import type { SourceKind } from '../../shared/model/types';
import { useT } from '../app/hooks';
import { describeEdge, describeLonelyNode, describeNode, graphSummary } from './citation-graph-words';
import { kindName } from './SourceForm';
import { maxOf } from '../../shared/arrays';

/** The drawing is laid out at its container's width (text keeps its size), at least this wide. */
const MIN_WIDTH = 420;
const FIRST_WIDTH = 720;

/** One colour per source kind (dark enough for white label halos and 3:1 contrast on the panel). */
export const KIND_COLOURS: Record<SourceKind, string> = {
  'news-agency': '#1f6f55',
  'media-outlet': '#2f63b0',
  government: '#9a5212',
  'international-org': '#6a46a0',
  'armed-group': '#a3262a',
  person: '#8a6d00',
  anonymous: '#5f6368',
  'social-media': '#107585',
};

/** Shortens a label for the drawing (the full name is in the tooltip and the list). */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : text;
}

/** Breaks a name into at most two lines of about `max` characters, at spaces; the rest is clipped. */
function wrap(text: string, max: number): string[] {
  if ([...text].length <= max) return [text];
  const words = text.split(/\s+/);
  let first = '';
  while (words.length && [...`${first} ${words[0]}`.trim()].length <= max) first = `${first} ${words.shift()}`.trim();
  if (!first) return [clip(text, max)];
  return words.length ? [first, clip(words.join(' '), max)] : [first];
}

/** The who-cites-whom picture of a corpus. */
export function CitationGraph({ graph }: { graph: Graph }): React.JSX.Element {
  const t = useT();
  const markerId = `arrow-${useId().replace(/[^\w-]/g, '')}`;
  const figureRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(FIRST_WIDTH);
  useEffect(() => {
    const figure = figureRef.current;
    if (!figure) return;
    const observer = new ResizeObserver(([entry]) => {
      const available = Math.max(MIN_WIDTH, Math.floor(entry?.contentRect.width ?? FIRST_WIDTH));
      setWidth((current) => (Math.abs(current - available) >= 8 ? available : current));
    });
    observer.observe(figure);
    return () => observer.disconnect();
  }, []);
  const height = useMemo(() => graphHeight(graph, 160), [graph]);
  const layout = useMemo(() => layoutGraph(graph, width, height), [graph, width, height]);
  const summary = graphSummary(graph, t);
  const maxWeight = maxOf(graph.edges.map((e) => e.weight), 1);
  const columns = Math.max(1, layout.layers.length);
  // Labels are centred under their circles: keep them within the column spacing.
  const labelChars = Math.max(10, Math.min(34, Math.floor((width / columns - 16) / 7)));
  const kinds = [...new Set(graph.nodes.map((n) => n.source.kind))];

  return (
    <div className="citation-graph" ref={figureRef}>
      <svg role="img" aria-label={summary} width={width} height={height} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMin meet">
        <title>{summary}</title>
        <desc>{t('graph.description')}</desc>
        <defs>
          <marker id={markerId} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" className="graph-arrowhead" />
          </marker>
        </defs>
        {graph.nodes.length === 0 ? (
          <text x={width / 2} y={height / 2 - 10} textAnchor="middle" className="graph-empty">
            <tspan x={width / 2}>{t('graph.empty')}</tspan>
            <tspan x={width / 2} dy={20}>
              {t('graph.empty.hint')}
            </tspan>
          </text>
        ) : null}
        <g className="graph-edges">
          {graph.edges.map((edge) => {
            const from = layout.nodes.get(edge.from);
            const to = layout.nodes.get(edge.to);
            if (!from || !to) return null;
            const { d } = edgePath(from, to);
            const strokeWidth = 1.5 + 4.5 * Math.sqrt((edge.weight - 1) / Math.max(1, maxWeight - 1));
            return (
              <g key={edge.id} className={edge.relayed ? 'graph-edge relay' : 'graph-edge published'}>
                <title>{describeEdge(graph, edge, t)}</title>
                <path d={d} className="graph-edge-hit" />
                <path d={d} className="graph-edge-line" strokeWidth={strokeWidth} markerEnd={`url(#${markerId})`} />
              </g>
            );
          })}
        </g>
        <g className="graph-nodes">
          {graph.nodes.map((node) => {
            const at = layout.nodes.get(node.id);
            if (!at) return null;
            const arabic = node.source.nameAr;
            const latin = node.source.nameLatin;
            const lines = wrap(arabic || latin, labelChars);
            return (
              <g key={node.id} className="graph-node">
                <title>{describeNode(node, t)}</title>
                <circle cx={at.x} cy={at.y} r={at.r} fill={KIND_COLOURS[node.source.kind]} />
                <text x={at.x} y={at.y + at.r + 15} textAnchor="middle" direction={arabic ? 'rtl' : 'ltr'} unicodeBidi="plaintext" lang={arabic ? 'ar' : 'en'} className={arabic ? 'graph-label arabic' : 'graph-label'}>
                  {lines.map((line, i) => (
                    <tspan key={i} x={at.x} dy={i ? 15 : 0}>
                      {line}
                    </tspan>
                  ))}
                </text>
                {arabic && latin ? (
                  <text x={at.x} y={at.y + at.r + 14 + 15 * lines.length} textAnchor="middle" direction="ltr" className="graph-label latin">
                    {clip(latin, labelChars + 4)}
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>
      </svg>
      {kinds.length ? (
        <ul className="graph-legend" aria-label={t('graph.legend')}>
          {kinds.map((kind) => (
            <li key={kind}>
              <span className="graph-swatch" style={{ background: KIND_COLOURS[kind] }} aria-hidden="true" />
              {kindName(kind, t)}
            </li>
          ))}
          <li>
            <svg width="28" height="8" aria-hidden="true">
              <line x1="1" y1="4" x2="27" y2="4" className="graph-edge-line" strokeWidth="2" />
            </svg>
            {t('graph.legend.relays')}
          </li>
          <li>
            <svg width="28" height="8" aria-hidden="true">
              <line x1="1" y1="4" x2="27" y2="4" className="graph-edge-line dashed" strokeWidth="2" />
            </svg>
            {t('graph.legend.publishes')}
          </li>
          <li className="hint">{t('graph.legend.arrows')}</li>
        </ul>
      ) : null}
      <ul className="visually-hidden" aria-label={t('graph.list')}>
        {graph.edges.map((edge) => (
          <li key={edge.id}>{describeEdge(graph, edge, t, (source) => sourceName(source, t))}</li>
        ))}
        {graph.nodes
          .filter((n) => !graph.edges.some((e) => e.from === n.id || e.to === n.id))
          .map((n) => (
            <li key={n.id}>{describeLonelyNode(n, t)}</li>
          ))}
      </ul>
    </div>
  );
}
