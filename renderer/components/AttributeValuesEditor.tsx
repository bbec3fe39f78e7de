/** Edits the values attribution attributes may take (quotation, stance, claim type). */
import { useState } from 'react';
import { attributeValues } from '../../shared/model/schema';
import { useApp, useCorpusState } from '../app/hooks';

const FIELDS = [
  ['quotation', 'Quotation values'],
  ['stance', 'Stance values'],
  ['claimType', 'Claim type values'],
] as const;

function Editor({ initial }: { initial: Record<(typeof FIELDS)[number][0], string> }): React.JSX.Element {
  const app = useApp();
  const [draft, setDraft] = useState(initial);
  const split = (text: string): string[] => text.split(/[,،]/).map((v) => v.trim()).filter(Boolean);
  return (
    <form
      className="attribute-values"
      aria-label="Attribute values"
      onSubmit={(event) => {
        event.preventDefault();
        void app.attribution.setAttributeValues({ quotation: split(draft.quotation), stance: split(draft.stance), claimType: split(draft.claimType) });
      }}
    >
      <h2>Attribute values</h2>
      <p className="hint">Comma-separated; values used by attributions cannot be removed.</p>
      {FIELDS.map(([key, label]) => (
        <label key={key}>
          {label}
          <input type="text" value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
        </label>
      ))}
      <button type="submit">Save attribute values</button>
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
