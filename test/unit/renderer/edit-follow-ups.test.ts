import { describe, expect, it } from 'vitest';
import { CorpusStore } from '../../../renderer/state/corpus-store';
import { UiStore } from '../../../renderer/state/ui-store';
import { addSpan } from '../../../shared/model/commands';
import { stateWithDocument, tagged, testContext } from '../helpers/tagged';

describe('what an edit tells the views, and when', () => {
  it('runs the follow-up of an edit once it is stored and current, before subscribers hear of it', async () => {
    const { text, tags } = tagged('قال <a>الوزير<b> إن');
    const events: string[] = [];
    const store = new CorpusStore(stateWithDocument(text), { write: async () => void events.push('written') }, testContext());
    store.subscribe(() => events.push(`notified with ${store.state.spans.size} span`));
    let followed: unknown = null;
    const result = await store.run(
      (s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'PER' }, ctx),
      (tx) => {
        followed = tx;
        events.push(`follow-up sees ${store.state.spans.size} span`);
      },
    );
    expect(result.ok && result.tx).toBe(followed);
    expect(events).toEqual(['written', 'follow-up sees 1 span', 'notified with 1 span']);
  });

  it('a follow-up that throws does not undo the stored edit or keep the views from hearing of it', async () => {
    const { text, tags } = tagged('قال <a>الوزير<b> إن');
    const store = new CorpusStore(stateWithDocument(text), { write: async () => undefined }, testContext());
    let notified = 0;
    store.subscribe(() => (notified += 1));
    const thrown = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    const result = await store.run(
      (s, ctx) => addSpan(s, { docId: 'doc-1', start: tags.a!, end: tags.b!, label: 'PER' }, ctx),
      () => {
        throw new Error('follow-up failed');
      },
    );
    expect(result.ok).toBe(true);
    expect(store.state.spans.size).toBe(1);
    expect(notified).toBe(1);
    expect(((await thrown) as Error).message).toBe('follow-up failed');
  });

  it('a view-state patch that changes nothing does not render the views again', () => {
    const ui = new UiStore();
    let notified = 0;
    ui.subscribe(() => (notified += 1));
    ui.update({ notice: null, focusedSpanId: null });
    expect(notified).toBe(0);
    ui.update({ focusedSpanId: 'span-1' });
    ui.update({ focusedSpanId: 'span-1', notice: null });
    expect(notified).toBe(1);
    expect(ui.state.focusedSpanId).toBe('span-1');
  });
});
