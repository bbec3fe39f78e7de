import { afterEach, describe, expect, it } from 'vitest';
import type { IsnadApp } from '../../../renderer/app/controller';
import { addAttribution, spanUsage } from '../../../shared/model/attribution-commands';
import { closeApps, startApp } from '../helpers/app';

const opened: IsnadApp[] = [];
afterEach(() => closeApps(opened.splice(0)));

async function app(): Promise<IsnadApp> {
  const started = await startApp(`confirm-${Math.random()}`);
  opened.push(started);
  return started;
}

describe('questions asked in the window’s own dialog', () => {
  it('shows the question until it is answered, and resolves with the answer', async () => {
    const a = await app();
    const answer = a.ask('Delete this span?', 'Delete the span');
    expect(a.ui.state.confirmation).toEqual({ question: 'Delete this span?', confirmLabel: 'Delete the span' });
    a.answer(true);
    expect(await answer).toBe(true);
    expect(a.ui.state.confirmation).toBeNull();
  });

  it('answers an open question no when another is asked', async () => {
    const a = await app();
    const first = a.ask('First?', 'Yes');
    const second = a.ask('Second?', 'Yes');
    expect(await first).toBe(false);
    expect(a.ui.state.confirmation?.question).toBe('Second?');
    a.answer(false);
    expect(await second).toBe(false);
  });

  it('deletes a span in use only once the user agrees in the dialog', async () => {
    const a = await app();
    const spans = [...a.corpus.state.spans.values()];
    const claim = spans.find((s) => s.label === 'CLAIM')!;
    const mention = spans.find((s) => s.label === 'SOURCE' && s.docId === claim.docId)!;
    const source = [...a.corpus.state.sources.values()][0]!;
    await a.run((state, ctx) => addAttribution(state, { claimSpanId: claim.id, sourceId: source.id, mentionSpanId: mention.id, quotation: 'indirect' }, ctx));
    const used = mention;
    expect(spanUsage(a.corpus.state, used.id).mentionOrCueOf).toBeGreaterThan(0);
    a.ui.update({ openDocId: used.docId, focusedSpanId: used.id });
    const refused = a.spans.deleteFocused();
    await Promise.resolve();
    expect(a.ui.state.confirmation?.question).toMatch(/Delete this span\?/);
    a.answer(false);
    await refused;
    expect(a.corpus.state.spans.has(used.id)).toBe(true);
    const agreed = a.spans.deleteFocused();
    await Promise.resolve();
    a.answer(true);
    await agreed;
    expect(a.corpus.state.spans.has(used.id)).toBe(false);
  });
});
