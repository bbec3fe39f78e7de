import { describe, expect, it } from 'vitest';
import { UiStore, type UiState } from '../../../renderer/state/ui-store';

const FIRST = { tone: 'info' as const, text: 'This is the first document.', moment: true };

function storeWith(patch: Partial<UiState>): UiStore {
  const ui = new UiStore();
  ui.update({ openDocId: 'd1', ...patch });
  return ui;
}

describe('messages about the moment', () => {
  it('go when the user moves on: another document, span, view or overlay', () => {
    for (const move of [{ openDocId: 'd2' }, { focusedSpanId: 's1' }, { view: 'settings' as const }, { overlay: 'commands' as const }, { overlay: 'shortcuts' as const }]) {
      const ui = storeWith({ notice: FIRST });
      ui.update(move);
      expect(ui.state.notice, JSON.stringify(move)).toBeNull();
    }
  });

  it('stay while nothing moves, and when the same patch says something new', () => {
    const ui = storeWith({ notice: FIRST });
    ui.update({ openDocId: 'd1', caret: { anchor: 1, focus: 3, source: 'keyboard' } });
    expect(ui.state.notice).toBe(FIRST);
    const opened = { tone: 'info' as const, text: 'Opened.' };
    ui.update({ openDocId: 'd2', notice: opened });
    expect(ui.state.notice).toBe(opened);
  });

  it('other messages (reports, failed writes) stay until replaced or dismissed', () => {
    const report = { tone: 'error' as const, text: 'The disk is full.' };
    const ui = storeWith({ notice: report });
    ui.update({ openDocId: 'd2', overlay: 'commands' });
    expect(ui.state.notice).toBe(report);
  });
});
