/** Edits the values attribution attributes may take (quotation, stance, claim type). */
import { useState } from 'react';
import { attributeValues } from '../../shared/model/schema';
import { useApp, useCorpusState, useT } from '../app/hooks';

const FIELDS = [
  ['quotation', 'attributeValues.quotation'],
  ['stance', 'attributeValues.stance'],
  ['claimType', 'attributeValues.claimType'],
] as const;

function Editor({ initial }: { initial: Record<(typeof FIELDS)[number][0], string> }): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const split = (text: string): string[] => text.split(/[,،]/).map((v) => v.trim()).filter(Boolean);
  return (
    <form
      className="attribute-values"
      aria-label={t('attributeValues.name')}
      onSubmit={(event) => {
        event.preventDefault();
        void app.attribution.setAttributeValues({ quotation: split(draft.quotation), stance: split(draft.stance), claimType: split(draft.claimType) });
      }}
    >
      <h2>{t('attributeValues.name')}</h2>
      <p className="hint">{t('attributeValues.hint')}</p>
      {FIELDS.map(([key, label]) => (
        <label key={key}>
          {t(label)}
          <input type="text" value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
        </label>
      ))}
      <button type="submit">{t('attributeValues.save')}</button>
    </form>
  );
}

/** The editor, reset whenever the stored values change (undo included). */
export function AttributeValuesEditor(): React.JSX.Element {
  const state = useCorpusState();
  const values = attributeValues(state.corpus.schema);
  const initial = { quotation: values.quotation.join(', '), stance: values.stance.join(', '), claimType: values.claimType.join(', ') };
  return <Editor key={JSON.stringify(initial)} initial={initial} />;
}
