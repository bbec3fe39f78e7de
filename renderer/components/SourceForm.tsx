/**
 * The form that adds or edits a registry source, in a modal dialog: canonical names in
 * Arabic and Latin script, kind, aliases in each script (comma-separated; the Arabic comma
 * ، works too), ambiguous names, note and URL. Problems are shown next to their fields and
 * the first one gets the focus; nothing is saved until the form is sound.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { SourceFields } from '../../shared/model/attribution-commands';
import { sameNamesKey } from '../../shared/model/attribution-commands';
import type { SourceKind, SourceRecord } from '../../shared/model/types';
import { SOURCE_KINDS } from '../../shared/model/types';
import { useT } from '../app/hooks';
import type { Translate } from '../../shared/i18n/i18n';
import { sourceName } from '../i18n/labels';
import { showModalDialog } from './dialog-hooks';

/** The word for a source kind, as the UI shows it. */
export function kindName(kind: SourceKind, t: Translate): string {
  return t(`kind.${kind}`);
}

/** Splits comma-separated names; the Arabic comma (،) separates too. */
export function splitNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,،]/)
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

type Field = 'nameAr' | 'nameLatin' | 'kind' | 'aliasesAr' | 'aliasesLatin' | 'ambiguous' | 'note' | 'url';
type Draft = Record<Field, string>;
type Problems = Partial<Record<Field, string>>;

const FIELD_ORDER: Field[] = ['nameAr', 'nameLatin', 'kind', 'aliasesAr', 'aliasesLatin', 'ambiguous', 'note', 'url'];

function draftOf(source: SourceRecord | undefined): Draft {
  return {
    nameAr: source?.nameAr ?? '',
    nameLatin: source?.nameLatin ?? '',
    kind: source?.kind ?? 'news-agency',
    aliasesAr: source?.aliasesAr.join('، ') ?? '',
    aliasesLatin: source?.aliasesLatin.join(', ') ?? '',
    ambiguous: source?.ambiguous?.join(', ') ?? '',
    note: source?.note ?? '',
    url: source?.url ?? '',
  };
}

function fieldsOf(draft: Draft): SourceFields {
  return {
    nameAr: draft.nameAr.trim(),
    nameLatin: draft.nameLatin.trim(),
    kind: draft.kind as SourceKind,
    aliasesAr: splitNames(draft.aliasesAr),
    aliasesLatin: splitNames(draft.aliasesLatin),
    ambiguous: splitNames(draft.ambiguous),
    note: draft.note.trim(),
    url: draft.url.trim(),
  };
}

/** What is wrong with a draft, field by field (empty when it can be saved). */
function problemsOf(fields: SourceFields, others: readonly SourceRecord[], t: Translate): Problems {
  const problems: Problems = {};
  if (!fields.nameAr && !fields.nameLatin) problems.nameAr = t('sourceForm.problem.noName');
  else if (fields.nameAr && !ARABIC_LETTER.test(fields.nameAr)) problems.nameAr = t('sourceForm.problem.arabicNotArabic');
  if (fields.nameLatin && ARABIC_LETTER.test(fields.nameLatin)) problems.nameLatin = t('sourceForm.problem.latinHasArabic');
  if (!problems.nameAr && !problems.nameLatin) {
    const twin = others.find((other) => sameNamesKey(other) === sameNamesKey(fields));
    if (twin) problems.nameLatin = t('sourceForm.problem.twin', { source: sourceName(twin, t) });
  }
  if (!SOURCE_KINDS.includes(fields.kind)) problems.kind = t('sourceForm.problem.kind');
  const names = new Set([fields.nameAr, fields.nameLatin, ...fields.aliasesAr, ...fields.aliasesLatin].filter(Boolean));
  const strangers = (fields.ambiguous ?? []).filter((name) => !names.has(name));
  if (strangers.length) problems.ambiguous = t('sourceForm.problem.ambiguous', { count: strangers.length, names: strangers.map((n) => t('common.quoted', { text: n })).join(t('common.listSeparator')) });
  if (fields.url) {
    if (!URL.canParse(fields.url) || !['http:', 'https:'].includes(new URL(fields.url).protocol)) problems.url = t('sourceForm.problem.url');
  }
  return problems;
}

/** Props of the source form. */
export interface SourceFormProps {
  /** The source being edited; absent when adding one. */
  source?: SourceRecord;
  /** The other sources of the registry (for the same-names check). */
  others: readonly SourceRecord[];
  /** Saves the fields; resolves with whether it worked (a refusal is reported by the app). */
  onSave(fields: SourceFields): Promise<boolean>;
  /** Closes the form without saving. */
  onCancel(): void;
}

/** The add / edit source dialog (modal while mounted). */
export function SourceForm({ source, others, onSave, onCancel }: SourceFormProps): React.JSX.Element {
  const id = useId();
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(source));
  const [problems, setProblems] = useState<Problems>({});
  const [saving, setSaving] = useState(false);
  const title = source ? t('sources.edit.name', { source: sourceName(source, t) }) : t('sources.add');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) showModalDialog(dialog);
    return () => dialog?.close();
  }, []);

  const save = async (): Promise<void> => {
    const fields = fieldsOf(draft);
    const found = problemsOf(fields, others, t);
    setProblems(found);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      await onSave(fields);
    } finally {
      setSaving(false);
    }
  };

  const hints: Partial<Record<Field, string>> = {
    aliasesAr: t('sourceForm.hint.aliasesAr'),
    aliasesLatin: t('sourceForm.hint.aliasesLatin'),
    ambiguous: t('sourceForm.hint.ambiguous'),
  };
  const bind = (field: Field) => ({
    id: `${id}-${field}`,
    value: draft[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setDraft({ ...draft, [field]: event.target.value }),
    'aria-invalid': problems[field] ? true : undefined,
    'aria-describedby': [problems[field] ? `${id}-${field}-problem` : '', hints[field] ? `${id}-${field}-hint` : ''].filter(Boolean).join(' ') || undefined,
  });
  const extras = (field: Field): React.JSX.Element => (
    <>
      {hints[field] ? (
        <span className="hint" id={`${id}-${field}-hint`}>
          {hints[field]}
        </span>
      ) : null}
      {problems[field] ? (
        <span className="field-problem" id={`${id}-${field}-problem`}>
          {problems[field]}
        </span>
      ) : null}
    </>
  );

  return (
    <dialog
      ref={dialogRef}
      className="source-dialog"
      aria-labelledby={`${id}-title`}
      // The app's shortcuts (label keys, Escape clears the selection) stay out of the dialog; Escape closes it.
      onKeyDown={(event) => event.stopPropagation()}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="source-fields">
          <label htmlFor={`${id}-nameAr`}>{t('sourceForm.nameAr')}</label>
          <input type="text" lang="ar" dir="rtl" className="arabic" autoFocus {...bind('nameAr')} />
          {extras('nameAr')}
          <label htmlFor={`${id}-nameLatin`}>{t('sourceForm.nameLatin')}</label>
          <input type="text" dir="ltr" {...bind('nameLatin')} />
          {extras('nameLatin')}
          <label htmlFor={`${id}-kind`}>{t('sources.column.kind')}</label>
          <select {...bind('kind')}>
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindName(kind, t)}
              </option>
            ))}
          </select>
          {extras('kind')}
          <label htmlFor={`${id}-aliasesAr`}>{t('sourceForm.aliasesAr')}</label>
          <input type="text" lang="ar" dir="rtl" className="arabic" {...bind('aliasesAr')} />
          {extras('aliasesAr')}
          <label htmlFor={`${id}-aliasesLatin`}>{t('sourceForm.aliasesLatin')}</label>
          <input type="text" dir="ltr" {...bind('aliasesLatin')} />
          {extras('aliasesLatin')}
          <label htmlFor={`${id}-ambiguous`}>{t('sourceForm.ambiguous')}</label>
          <input type="text" dir="auto" {...bind('ambiguous')} />
          {extras('ambiguous')}
          <label htmlFor={`${id}-note`}>{t('sourceForm.note')}</label>
          <textarea dir="auto" rows={2} {...bind('note')} />
          {extras('note')}
          <label htmlFor={`${id}-url`}>{t('details.url')}</label>
          <input type="url" dir="ltr" {...bind('url')} />
          {extras('url')}
        </div>
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
