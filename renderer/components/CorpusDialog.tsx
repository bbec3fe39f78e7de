/**
 * The corpus dialog: every stored corpus with its document count; open one, rename it,
 * delete it (after a confirmation that says what goes with it), or create an empty corpus.
 */
import { useState } from 'react';
import { useApp, useCorpusValue, useT, useUiValue } from '../app/hooks';
import type { CorpusState } from '../../shared/model/state';
import { withElements } from '../i18n/rich';
import { useModalDialog } from './dialog-hooks';

type Pending = { kind: 'rename'; corpusId: string; name: string } | { kind: 'delete'; corpusId: string; name: string; documents: number; spans: number; attributions: number } | null;

const selectCorpusId = (state: CorpusState): string => state.corpus.id;

/** The modal corpus dialog, open while the UI state holds the corpus list. */
export function CorpusDialog(): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const corpora = useUiValue('corpora');
  const open = useCorpusValue(selectCorpusId);
  const [newName, setNewName] = useState('');
  const [pending, setPending] = useState<Pending>(null);

  const dialogRef = useModalDialog(!!corpora, () => {
    setPending(null);
    setNewName('');
  });

  const askDelete = async (corpusId: string, name: string): Promise<void> => {
    const counts = await app.corpora.contents(corpusId);
    setPending({ kind: 'delete', corpusId, name, ...counts });
  };

  return (
    <dialog ref={dialogRef} className="corpus-dialog" aria-labelledby="corpus-dialog-title" onCancel={() => app.corpora.closeDialog()} onKeyDown={(e) => e.stopPropagation()}>
      <h2 id="corpus-dialog-title">{t('corpusDialog.title')}</h2>
      <table className="corpus-table" aria-label={t('corpusDialog.table')}>
        <thead>
          <tr>
            <th scope="col">{t('corpusDialog.column.corpus')}</th>
            <th scope="col">{t('corpusDialog.column.documents')}</th>
            <th scope="col">{t('corpusDialog.column.created')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('corpusDialog.column.actions')}</span>
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
                    <input aria-label={t('corpusDialog.newNameFor', { name: corpus.name })} dir="auto" value={pending.name} onChange={(e) => setPending({ ...pending, name: e.target.value })} autoFocus />
                    <button type="submit">{t('corpusDialog.saveName')}</button>
                    <button type="button" onClick={() => setPending(null)}>
                      {t('common.cancel')}
                    </button>
                  </form>
                ) : (
                  <>
                    <bdi>{corpus.name}</bdi>
                    {corpus.id === open ? <span className="current-mark"> {t('corpusDialog.openMark')}</span> : null}
                  </>
                )}
              </th>
              <td>{t.number(documents)}</td>
              <td>{corpus.createdAt.slice(0, 10)}</td>
              <td className="row-actions">
                <button type="button" disabled={corpus.id === open} onClick={() => void app.corpora.switchTo(corpus.id).then((ok) => ok && app.corpora.closeDialog())} aria-label={t('corpusDialog.open.name', { name: corpus.name })}>
                  {t('corpusDialog.open')}
                </button>
                <button type="button" onClick={() => setPending({ kind: 'rename', corpusId: corpus.id, name: corpus.name })} aria-label={t('corpusDialog.rename.name', { name: corpus.name })}>
                  {t('corpusDialog.rename')}
                </button>
                <button type="button" onClick={() => void askDelete(corpus.id, corpus.name)} aria-label={t('corpusDialog.delete.name', { name: corpus.name })}>
                  {t('corpusDialog.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pending?.kind === 'delete' ? (
        <div className="confirm" role="alertdialog" aria-labelledby="corpus-delete-title" aria-describedby="corpus-delete-text">
          <h3 id="corpus-delete-title">{withElements(t('corpusDialog.deleteQuestion'), { name: <bdi>{pending.name}</bdi> })}</h3>
          <p id="corpus-delete-text">
            {t('corpusDialog.deleteText', {
              documents: t('count.documents', { count: pending.documents }),
              spans: t('count.spans', { count: pending.spans }),
              attributions: t('count.attributions', { count: pending.attributions }),
            })}
          </p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setPending(null)} autoFocus>
              {t('corpusDialog.keep')}
            </button>
            <button type="button" className="danger" onClick={() => void app.corpora.remove(pending.corpusId).then(() => setPending(null))}>
              {t('corpusDialog.confirmDelete', { count: pending.documents })}
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
          {t('corpusDialog.newName')}
          <input dir="auto" value={newName} onChange={(e) => setNewName(e.target.value)} placeholder={t('corpusDialog.newName.placeholder')} />
        </label>
        <button type="submit" disabled={!newName.trim()}>
          {t('corpusDialog.create')}
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
          {t('corpusDialog.importDataset')}
        </button>
        <button
          type="button"
          onClick={() => {
            app.corpora.closeDialog();
            void app.datasets.pickFolder();
          }}
        >
          {t('corpusDialog.importFolder')}
        </button>
        <button type="button" onClick={() => app.corpora.closeDialog()}>
          {t('corpusDialog.close')}
        </button>
      </div>
    </dialog>
  );
}
