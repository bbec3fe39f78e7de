/**
 * The corpus as a list: title, status, span count, near-duplicate group of each document;
 * search (Arabic-insensitive to harakat, hamza forms, ى/ي, optionally ة/ه) and filters by
 * status, outlet, label present and source attributed. Virtualised, so a corpus of thousands of documents stays fast.
 */
import { useMemo, useRef, useSyncExternalStore } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { withElements } from '../i18n/rich';
import { documentsInOrder } from '../../shared/model/state';
import { primeSortedSpans, sortedSpansOf } from '../../shared/model/span-index';
import type { DocumentRecord, DocumentStatus } from '../../shared/model/types';
import type { ScanHit } from '../../shared/search/corpus-scan';
import { attributedSources, groupedListOrder, isFiltering, labelsByDocument, outletsOf, passingFilters, sourcesByDocument } from '../state/document-filter';
import { sourceName } from '../i18n/labels';
import { useApp, useCorpusState, useT, useUiValue } from '../app/hooks';
import type { Translate } from '../../shared/i18n/i18n';
import { listGroups, type DocumentGroup } from '../state/document-groups';

/** The document statuses, in the order menus list them. */
export const STATUSES: readonly DocumentStatus[] = ['todo', 'in-progress', 'done'];

/** The word for a status, shown in the list and the status menu. */
export function statusName(status: DocumentStatus, t: Translate): string {
  return t(`status.${status}`);
}

const NO_LABELS: ReadonlyMap<string, ReadonlySet<string>> = new Map();
const NO_SOURCES: ReadonlyMap<string, ReadonlySet<string>> = new Map();

interface Row {
  doc: DocumentRecord;
  hit?: ScanHit;
  group?: DocumentGroup;
}

/** The list of documents in the open corpus. */
export function DocumentList(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const state = useCorpusState();
  const openDocId = useUiValue('openDocId');
  const search = useUiValue('search');
  // The search runs outside React, a slice at a time (state/search-session.ts); the list
  // shows its results as they come, for the query they were found for.
  const results = useSyncExternalStore(app.search.subscribe, app.search.getSnapshot);
  const query = results.query;
  // Each keyed on the part of the state it reads: a span edit does not sort the documents again.
  const { documents: documentMap, spans: spanMap } = state;
  const documents = useMemo(() => documentsInOrder({ documents: documentMap }), [documentMap]);
  // Span counts come from the per-document span lists, built once and then carried through
  // edits (span-index.ts); which labels each document has is worked out only while the list
  // is filtered by a label.
  useMemo(() => primeSortedSpans(spanMap, documentMap.keys()), [spanMap, documentMap]);
  const labelFilter = search.label;
  const labelsByDoc = useMemo(() => (labelFilter ? labelsByDocument({ spans: spanMap }) : NO_LABELS), [spanMap, labelFilter]);
  // The sources attributed in each document: every attribution is read once per change of the
  // attributions, for the filter's choices and (while it is set) for the filter itself.
  const { attributions, sources: sourceMap } = state;
  const sourcesByDoc = useMemo(() => sourcesByDocument({ attributions }), [attributions]);
  const sourceChoices = useMemo(
    () =>
      [...attributedSources(sourcesByDoc)]
        .map((id) => sourceMap.get(id))
        .filter((s) => s !== undefined)
        .map((s) => ({ id: s.id, name: sourceName(s, t) }))
        .sort((a, b) => a.name.localeCompare(b.name, t.language)),
    [sourcesByDoc, sourceMap, t],
  );
  const sourceFilter = search.source;
  const outlets = useMemo(() => outletsOf(documents), [documents]);
  const groups = useMemo(() => listGroups.of(documents), [documents]);

  const rows = useMemo((): Row[] => {
    const filtered = passingFilters(documents, search, labelsByDoc, sourceFilter ? sourcesByDoc : NO_SOURCES);
    if (query.trim()) {
      const byId = new Map(filtered.map((d) => [d.id, d]));
      const rowsOfHits: Row[] = [];
      for (const hit of results.hits) {
        const doc = byId.get(hit.docId);
        if (doc) rowsOfHits.push({ doc, hit, ...(groups.get(hit.docId) ? { group: groups.get(hit.docId)! } : {}) });
      }
      return rowsOfHits;
    }
    // Members of a near-duplicate group are listed together, under the first of them.
    return groupedListOrder(filtered, groups).map((doc) => {
      const group = groups.get(doc.id);
      return group ? { doc, group } : { doc };
    });
  }, [documents, query, results, search, labelsByDoc, sourceFilter, sourcesByDoc, groups]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the list re-renders with the store, not through memoised children
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 72, overscan: 8 });
  const filtering = isFiltering({ ...search, query });

  return (
    <nav className="documents" aria-label={t('documents.name')}>
      <h2>
        <bdi>{state.corpus.name}</bdi> <span className="count">({t.number(documents.length)})</span>
      </h2>
      <div className="search" role="search" aria-label={t('documents.search.region')}>
        <input
          type="search"
          aria-label={t('documents.search')}
          placeholder={t('documents.search.placeholder')}
          // What the search ignores: too long for the box, so the tooltip and the accessible description.
          title={t('documents.search.description')}
          // Empty, the placeholder follows the interface direction; typed text finds its own.
          dir={search.query ? 'auto' : undefined}
          value={search.query}
          onChange={(event) => app.setSearch({ query: event.target.value })}
          // Enter goes to the next match in the open article (Shift+Enter: the one before), selected there so a label key marks it.
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.nativeEvent.isComposing) return;
            event.preventDefault();
            // Queued with the keys: a key pressed right after waits for the match (App.tsx).
            app.matches.stepFromSearchBox(event.shiftKey ? -1 : 1);
          }}
        />
        <label className="checkbox">
          <input type="checkbox" checked={search.tehMarbuta} onChange={(event) => app.setSearch({ tehMarbuta: event.target.checked })} />
          {withElements(t('documents.tehMarbuta'), {
            teh: (
              <bdi lang="ar" key="teh">
                ة
              </bdi>
            ),
            heh: (
              <bdi lang="ar" key="heh">
                ه
              </bdi>
            ),
          })}
        </label>
        <div className="filters">
          <select aria-label={t('documents.filter.status')} value={search.status} onChange={(event) => app.setSearch({ status: event.target.value as typeof search.status })}>
            <option value="all">{t('documents.filter.anyStatus')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusName(status, t)}
              </option>
            ))}
          </select>
          <select aria-label={t('documents.filter.outlet')} value={search.outlet} onChange={(event) => app.setSearch({ outlet: event.target.value })}>
            <option value="">{t('documents.filter.anyOutlet')}</option>
            {outlets.map((outlet) => (
              <option key={outlet} value={outlet}>
                {outlet}
              </option>
            ))}
          </select>
          <select aria-label={t('documents.filter.label')} value={search.label} onChange={(event) => app.setSearch({ label: event.target.value })}>
            <option value="">{t('documents.filter.anyLabel')}</option>
            {state.corpus.schema.labels.map((label) => (
              <option key={label.id} value={label.id}>
                {t('documents.filter.hasLabel', { label: label.id })}
              </option>
            ))}
          </select>
          <select aria-label={t('documents.filter.source')} value={search.source} onChange={(event) => app.setSearch({ source: event.target.value })}>
            <option value="">{t('documents.filter.anySource')}</option>
            {/* A source chosen before its last attribution went: still listed, so the choice shows. */}
            {sourceFilter && !sourceChoices.some((s) => s.id === sourceFilter) && sourceMap.get(sourceFilter) ? (
              <option value={sourceFilter}>{t('documents.filter.citesSource', { source: sourceName(sourceMap.get(sourceFilter)!, t) })}</option>
            ) : null}
            {sourceChoices.map((source) => (
              <option key={source.id} value={source.id}>
                {t('documents.filter.citesSource', { source: source.name })}
              </option>
            ))}
          </select>
        </div>
        {filtering ? (
          <p className="hint" role="status">
            {t('documents.filtered', { shown: rows.length, count: documents.length })}
            {query && !results.done ? <span className="searching"> — {t('search.running')}</span> : null}
          </p>
        ) : null}
      </div>
      <div className="doc-scroll" ref={scrollRef}>
        <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }} aria-label={t('documents.list')}>
          {virtualizer.getVirtualItems().map((item) => {
            const { doc, hit, group } = rows[item.index]!;
            const count = sortedSpansOf(spanMap, doc.id).length;
            const name = t('documents.row.name', {
              title: doc.title,
              status: statusName(doc.status, t),
              spans: t('count.spans', { count }),
              similar: group ? t('documents.row.similar', { count: group.size - 1, group: group.number }) : '',
              matches: hit ? t('documents.row.matches', { count: hit.count }) : '',
            });
            return (
              <li key={doc.id} data-index={item.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
                <button
                  type="button"
                  className={group && !hit ? 'in-group' : undefined}
                  aria-current={doc.id === openDocId ? 'page' : undefined}
                  onClick={() => void app.openDocument(doc.id)}
                  aria-label={name}
                >
                  <span className="doc-title" dir="auto">
                    {doc.title}
                  </span>
                  {hit ? (
                    <span className="snippet" dir="auto">
                      {hit.snippet.text.slice(0, hit.snippet.matchStart)}
                      <mark>{hit.snippet.text.slice(hit.snippet.matchStart, hit.snippet.matchEnd)}</mark>
                      {hit.snippet.text.slice(hit.snippet.matchEnd)}
                    </span>
                  ) : null}
                  <span className="doc-meta">
                    <span className={`status status-${doc.status}`}>{statusName(doc.status, t)}</span>
                    <span className="span-count">{t('count.spans', { count })}</span>
                    {doc.meta.outlet ? <span dir="auto">{doc.meta.outlet}</span> : null}
                    {group ? (
                      <span className="group-badge" title={t('documents.group.title', { group: group.number, count: group.size })}>
                        {t('documents.group', { group: group.number, count: group.size })}
                      </span>
                    ) : null}
                    {hit ? <span className="hits">{t.number(hit.count)} ✓</span> : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
