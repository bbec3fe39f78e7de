/**
 * The corpus dialog: every stored corpus with its document count; open one, rename it,
 * delete it (after a confirmation that says what goes with it), or create an empty corpus.
 */
import { useCallback, useRef, useState } from 'react';
import { useApp, useCorpusState, useUiState } from '../app/hooks';
import { useModal } from './use-modal';

type Pending = { kind: 'rename'; corpusId: string; name: string } | { kind: 'delete'; corpusId: string; name: string; documents: number; spans: number; attributions: number } | null;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The modal corpus dialog, open while the UI state holds the corpus list. */
export function CorpusDialog(): React.JSX.Element {
  const app = useApp();
  const { corpora } = useUiState();
  const open = useCorpusState().corpus.id;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [newName, setNewName] = useState('');
  const [pending, setPending] = useState<Pending>(null);

  const reset = useCallback(() => {
    setPending(null);
    setNewName('');
  }, []);
  useModal(dialogRef, !!corpora, reset);

  const askDelete = async (corpusId: string, name: string): Promise<void> => {
    const counts = await app.corpora.contents(corpusId);
    setPending({ kind: 'delete', corpusId, name, ...counts });
  };

  return (
    <dialog ref={dialogRef} className="corpus-dialog" aria-labelledby="corpus-dialog-title" onCancel={() => app.corpora.closeDialog()} onKeyDown={(e) => e.stopPropagation()}>
      <h2 id="corpus-dialog-title">Corpora</h2>
      <table className="corpus-table" aria-label="Stored corpora">
        <thead>
          <tr>
            <th scope="col">Corpus</th>
            <th scope="col">Documents</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(corpora ?? []).map(({ corpus, documents }) => (
            <tr key={corpus.id} aria-current={corpus.id === open ? 'true' : undefined}>
              <th scope="row">
                {pending?.kind === 'rename' && pending.corpusId === corpus.id ? (
                  <form
                    className="inline-form"
                    onSubmit={(event) => {
                      event.preventDefault();
                      void app.corpora.rename(corpus.id, pending.name).then((ok) => ok && setPending(null));
                    }}
                  >
                    <input aria-label={`New name for ${corpus.name}`} dir="auto" value={pending.name} onChange={(e) => setPending({ ...pending, name: e.target.value })} autoFocus />
                    <button type="submit">Save name</button>
                    <button type="button" onClick={() => setPending(null)}>
                      Cancel
                    </button>
                  </form>
                ) : (
                  <>
                    <bdi>{corpus.name}</bdi>
                    {corpus.id === open ? <span className="current-mark"> (open)</span> : null}
                  </>
                )}
              </th>
              <td>{documents}</td>
              <td>{corpus.createdAt.slice(0, 10)}</td>
              <td className="row-actions">
                <button type="button" disabled={corpus.id === open} onClick={() => void app.corpora.switchTo(corpus.id).then((ok) => ok && app.corpora.closeDialog())} aria-label={`Open ${corpus.name}`}>
                  Open
                </button>
                <button type="button" onClick={() => setPending({ kind: 'rename', corpusId: corpus.id, name: corpus.name })} aria-label={`Rename ${corpus.name}`}>
                  Rename
                </button>
                <button type="button" onClick={() => void askDelete(corpus.id, corpus.name)} aria-label={`Delete ${corpus.name}`}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pending?.kind === 'delete' ? (
        <div className="confirm" role="alertdialog" aria-labelledby="corpus-delete-title" aria-describedby="corpus-delete-text">
          <h3 id="corpus-delete-title">
            Delete “<bdi>{pending.name}</bdi>”?
          </h3>
          <p id="corpus-delete-text">
            This deletes {plural(pending.documents, 'document')}, {plural(pending.spans, 'span')} and {plural(pending.attributions, 'attribution')} for good; it cannot be undone. Export the corpus
            first if you may need it.
          </p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setPending(null)} autoFocus>
              Keep it
            </button>
            <button type="button" className="danger" onClick={() => void app.corpora.remove(pending.corpusId).then(() => setPending(null))}>
              Delete corpus and {plural(pending.documents, 'document')}
            </button>
          </div>
        </div>
      ) : null}
      <form
        className="new-corpus"
        onSubmit={(event) => {
          event.preventDefault();
          void app.corpora.create(newName).then((ok) => ok && app.corpora.closeDialog());
        }}
      >
        <label>
          New corpus name
          <input dir="auto" value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="e.g. أخبار 2019" />
        </label>
        <button type="submit" disabled={!newName.trim()}>
          Create empty corpus
        </button>
      </form>
      <div className="dialog-buttons">
        <button
          type="button"
          onClick={() => {
            app.corpora.closeDialog();
            void app.datasets.pick();
          }}
        >
          Import dataset…
        </button>
        <button type="button" onClick={() => app.corpora.closeDialog()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
