/**
 * The attribute palette (key A on a claim): search the registry by any name in either
 * script (harakat, hamza forms and clitics ignored), or pick a SOURCE span already in the
 * text (the nearest to the claim first; the 20 nearest until something is typed);
 * optionally the cue, the attribution it came via, and attributes. Enter attributes.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { searchRegistry } from '../../shared/attribution/registry-search';
import { normaliseQuery } from '../../shared/text/normalise';
import { ATTRIBUTE_NAMES, attributeValues } from '../../shared/model/schema';
import { attributionsOfDocument, spansOfDocument } from '../../shared/model/state';
import type { SourceKind } from '../../shared/model/types';
import { useApp, useCorpusStateWhile, useT, useUiValue } from '../app/hooks';
import { withElements } from '../i18n/rich';
import { mentionsNearest } from '../state/palette-mentions';
import { ATTRIBUTE_LABELS } from './AttributionPanel';
import { handleListboxKey, showModalDialog } from './dialog-hooks';
import { attributeValueName, sourceName } from '../i18n/labels';

type Option =
  | { kind: 'mention'; key: string; spanId: string; text: string; sourceId: string | null }
  | { kind: 'source'; key: string; sourceId: string; label: string }
  | { kind: 'new'; key: string; name: string };

const ARABIC = /[\u0600-\u06ff]/;

/** SOURCE mentions listed before anything is typed (the nearest to the claim). */
const MENTIONS_LISTED = 20;

/** A guess of the kind of a source from its name (the user can change it in the Sources view). */
function guessKind(name: string): SourceKind {
  if (/مصدر|مصادر|source/i.test(name)) return 'anonymous';
  if (/وكالة|agency|news/i.test(name)) return 'news-agency';
  if (/وزارة|حكومة|ministry|government/i.test(name)) return 'government';
  return 'person';
}

/** The palette dialog. */
export function AttributePalette(): React.JSX.Element | null {
  const app = useApp();
  const t = useT();
  const palette = useUiValue('palette');
  const state = useCorpusStateWhile(!!palette);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const claim = palette ? state.spans.get(palette.claimSpanId) : undefined;
  const doc = claim ? state.documents.get(claim.docId) : undefined;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [viaId, setViaId] = useState('');
  const [cueSpanId, setCueSpanId] = useState('');
  const [attributes, setAttributes] = useState({ quotation: '', stance: '', claimType: '' });

  const spans = useMemo(() => (doc ? spansOfDocument(state, doc.id) : []), [state, doc]);
  const attributions = useMemo(() => (doc ? attributionsOfDocument(state, doc.id) : []), [state, doc]);
  const sources = useMemo(() => [...state.sources.values()], [state.sources]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (palette && !dialog.open) {
      setQuery('');
      setActive(0);
      setViaId('');
      setAttributes({ quotation: '', stance: '', claimType: '' });
      // The cue nearest before the claim, in the same paragraph, is the likely one: one that
      // ends after the line break before the claim (looking for a break between each cue and
      // the claim read most of a long article once per cue).
      const paragraphStart = claim && doc ? doc.text.lastIndexOf('\n', claim.start - 1) + 1 : 0;
      const before = claim ? spans.filter((s) => s.label === 'CUE' && s.end <= claim.start && s.end >= paragraphStart) : [];
      setCueSpanId(before.at(-1)?.id ?? '');
      showModalDialog(dialog);
      inputRef.current?.focus();
    }
    if (!palette && dialog.open) dialog.close();
  }, [palette, claim, doc, spans]);

  // The SOURCE mentions of the document, nearest to the claim first, each with the registry
  // source it names (if any): matched once per opening, not on every key typed.
  const mentions = useMemo(() => (doc && claim ? mentionsNearest(spans, doc.text, claim, sources) : []), [doc, claim, spans, sources]);

  const options = useMemo((): Option[] => {
    if (!doc) return [];
    const result: Option[] = [];
    const q = query.trim();
    const wanted = normaliseQuery(q);
    // Without a query, the nearest mentions (a long article has hundreds); typing reaches all.
    for (const { span, text, source } of q ? mentions : mentions.slice(0, MENTIONS_LISTED)) {
      if (q && !normaliseQuery(text).includes(wanted) && !(source && searchRegistry([source], q, 1).length)) continue;
      result.push({ kind: 'mention', key: `m:${span.id}`, spanId: span.id, text, sourceId: source?.id ?? null });
    }
    for (const m of searchRegistry(sources, q, 12)) result.push({ kind: 'source', key: `s:${m.source.id}`, sourceId: m.source.id, label: sourceName(m.source, t) });
    if (q && !result.some((o) => o.kind === 'source' && o.label.includes(q))) result.push({ kind: 'new', key: 'new', name: q });
    return result;
  }, [doc, mentions, sources, query, t]);

  if (!palette || !claim || !doc) return <dialog ref={dialogRef} aria-label={t('palette.name')} />;
  const values = attributeValues(state.corpus.schema);

  const choose = async (option: Option | undefined): Promise<void> => {
    if (!option) return;
    const fields = {
      claimSpanId: claim.id,
      mentionSpanId: option.kind === 'mention' ? option.spanId : undefined,
      cueSpanId: cueSpanId || undefined,
      viaId: viaId || undefined,
      quotation: attributes.quotation || undefined,
      stance: attributes.stance || undefined,
      claimType: attributes.claimType || undefined,
    };
    const known = option.kind === 'new' ? undefined : option.sourceId;
    // A name not in the registry yet (typed, or a mention of no known source): the source is
    // added with the attribution, in one undoable step.
    const newName = option.kind === 'new' ? option.name : option.kind === 'mention' && !known ? option.text : null;
    const id = known
      ? await app.attribution.attribute({ ...fields, sourceId: known })
      : newName !== null
        ? await app.attribution.attributeToNewSource(ARABIC.test(newName) ? { nameAr: newName, nameLatin: '', kind: guessKind(newName), aliasesAr: [], aliasesLatin: [] } : { nameAr: '', nameLatin: newName, kind: guessKind(newName), aliasesAr: [], aliasesLatin: [] }, fields)
        : null;
    if (id) app.attribution.closePalette();
  };

  const onKeyDown = (event: React.KeyboardEvent): void => {
    handleListboxKey(event, options.length, setActive, () => void choose(options[active]));
  };

  const claimText = doc.text.slice(claim.start, claim.end);
  const activeOption = options[Math.min(active, options.length - 1)];
  return (
    <dialog ref={dialogRef} className="palette" aria-label={t('palette.name')} onCancel={() => app.attribution.closePalette()} onKeyDown={(e) => e.stopPropagation()}>
      <p className="palette-claim" dir="auto" lang="ar">
        «{claimText.length > 160 ? `${claimText.slice(0, 160)}…` : claimText}»
      </p>
      <div className="palette-fields">
        <label>
          {t('palette.via')}
          <select aria-label={t('palette.via')} value={viaId} onChange={(e) => setViaId(e.target.value)}>
            <option value="">{t('palette.via.direct')}</option>
            {attributions.map((a) => {
              const source = state.sources.get(a.sourceId);
              return (
                <option key={a.id} value={a.id}>
                  {t('attributions.via', { source: source ? sourceName(source, t) : a.sourceId })}
                </option>
              );
            })}
          </select>
        </label>
        <label>
          {t('palette.cue')}
          <select aria-label={t('palette.cue')} value={cueSpanId} onChange={(e) => setCueSpanId(e.target.value)}>
            <option value="">—</option>
            {spans
              .filter((s) => s.label === 'CUE')
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {doc.text.slice(s.start, s.end)}
                </option>
              ))}
          </select>
        </label>
        {ATTRIBUTE_NAMES.map((key) => (
          <label key={key}>
            {t(ATTRIBUTE_LABELS[key])}
            <select value={attributes[key]} onChange={(e) => setAttributes({ ...attributes, [key]: e.target.value })}>
              <option value="">—</option>
              {values[key].map((v) => (
                <option key={v} value={v}>
                  {attributeValueName(key, v, t)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label={t('palette.search')}
        aria-expanded="true"
        aria-controls="palette-options"
        aria-activedescendant={activeOption ? `option-${activeOption.key}` : undefined}
        placeholder={t('palette.search.placeholder')}
        dir={query ? 'auto' : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-options" role="listbox" aria-label={t('palette.options')}>
        {options.map((option, i) => (
          <li
            key={option.key}
            id={`option-${option.key}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void choose(option)}
          >
            {option.kind === 'mention' ? (
              withElements(option.sourceId ? t('palette.option.mention', { source: sourceName(state.sources.get(option.sourceId)!, t) }) : t('palette.option.mentionNew'), {
                quote: (
                  <bdi dir="auto" key="quote">
                    «{option.text}»
                  </bdi>
                ),
              })
            ) : option.kind === 'source' ? (
              <bdi dir="auto">{option.label}</bdi>
            ) : (
              withElements(t('palette.option.new'), {
                name: (
                  <bdi dir="auto" key="name">
                    {option.name}
                  </bdi>
                ),
              })
            )}
          </li>
        ))}
      </ul>
      <p className="hint">{t('palette.hint')}</p>
    </dialog>
  );
}
