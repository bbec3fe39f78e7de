/**
 * Stepping through the search matches of the open article (F3 / Shift+F3, Enter and
 * Shift+Enter in the search box): the match after or before the caret is selected in the
 * article, scrolled into view and focused, so that a label key marks it, and the status line
 * says which match of how many it is.
 */
import { matchStep } from '../../../shared/search/match-steps';
import type { TextMatch } from '../../../shared/search/search';
import { actionKeyInText } from '../../i18n/key-names';
import type { AppContext } from '../app-context';
import type { CaretActions } from './caret-actions';
import type { ActionOutcome } from '../../commands/runner';

/** Where the open article's matches come from (the app's SearchSession). */
export interface OpenMatches {
  openMatches(): Promise<readonly TextMatch[] | null>;
}

export class SearchActions {
  /** Steps started by Enter in the search box and not finished yet (see `stepFromSearchBox`). */
  private stepsFromSearchBox = 0;
  private found = false;

  constructor(
    private readonly app: AppContext,
    private readonly search: OpenMatches,
    private readonly caret: CaretActions,
    /** Queues an action with the keys (the app's `submitKey`): a step from the search box goes in line with them. */
    private readonly submitKey: (run: () => ActionOutcome) => boolean = (run) => (void run(), true),
  ) {}

  /** Resolves once the article is in the page (a few frames at most after the view changed). */
  private async articleShown(): Promise<void> {
    for (let frame = 0; frame < 30 && !this.app.article?.isConnected; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  }

  /**
   * Whether Enter in the search box started a step that has not finished: the keys pressed
   * meanwhile in the box are meant for the match it will select (a label key marks it), so
   * the app queues them as the article's keys (App.tsx) instead of typing them into the box.
   */
  get steppingFromSearchBox(): boolean {
    return this.stepsFromSearchBox > 0;
  }

  /** Whether the last step selected a match (keys queued behind a step that found none are dropped). */
  get lastStepFound(): boolean {
    return this.found;
  }

  /**
   * Enter (1) or Shift+Enter (-1) in the search box: queues `step` with the keys, and from
   * now until it has run, keys pressed in the box are kept for its match.
   */
  stepFromSearchBox(direction: 1 | -1): void {
    this.stepsFromSearchBox += 1;
    this.submitKey(async () => {
      try {
        await this.step(direction);
      } finally {
        this.stepsFromSearchBox -= 1;
      }
    });
  }

  /**
   * Selects the next (1) or previous (-1) match of the search in the open article, from the
   * caret, wrapping around the article. Waits for a query just typed to be searched; from
   * another view, shows the article first.
   */
  async step(direction: 1 | -1): Promise<void> {
    this.found = false;
    const { app } = this;
    const query = app.ui.state.search.query.trim();
    if (!query) {
      app.notifyMoment('info', app.t('notice.searchNoQuery', { key: actionKeyInText(app.bindings.keysFor('document.search'), app.t) }));
      return;
    }
    const docId = app.ui.state.openDocId;
    if (docId === null) return;
    // From the settings or the sources view, the article is shown first.
    if (app.ui.state.view !== 'article') {
      app.ui.update({ view: 'article' });
      await this.articleShown();
    }
    const matches = await this.search.openMatches();
    // The user moved on while the document was being searched.
    if (app.ui.state.openDocId !== docId || app.ui.state.search.query.trim() !== query || app.ui.state.view !== 'article') return;
    const step = matches ? matchStep(matches, this.caret.current(), direction) : null;
    if (!matches || !step) {
      app.notifyMoment('info', app.t('notice.searchNoMatch', { query }));
      return;
    }
    const match = matches[step.index]!;
    this.found = true;
    this.caret.focusArticle();
    this.caret.set(match.start, match.end, 'keyboard');
    if (app.ui.state.focusedSpanId !== null) app.ui.update({ focusedSpanId: null });
    const params = { index: step.index + 1, count: matches.length, query };
    const key = !step.wrapped ? 'notice.searchMatch' : direction === 1 ? 'notice.searchMatchFromStart' : 'notice.searchMatchFromEnd';
    app.notifyMoment('info', app.t(key, params));
  }
}
