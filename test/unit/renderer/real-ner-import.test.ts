/**
 * The real Arabic NER files in ../shared/corpora (BOMs, CRLF, direction marks on every token,
 * empty tokens, merged lines) through the app's dataset import path. Skipped when that folder
 * is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { IsnadApp } from '../../../renderer/app/controller';
import { IsnadDatabase } from '../../../renderer/db/db';
import { closeApps, testPlatform } from '../helpers/app';

// ../shared beside the checkout (as CI lays it out), or beside the worktrees' parent.
const CORPORA = [new URL('../../../../shared/corpora/', import.meta.url), new URL('../../../../../shared/corpora/', import.meta.url)].find((url) => existsSync(url)) ?? new URL('../../../../shared/corpora/', import.meta.url);
const FILES = ['ner_newsfane_gold_first300.conll', 'ner_newsfane_gold_media150.conll', 'ner_anercorp_first300.txt', 'ner_anercorp_malformed_excerpts.txt'];
const present = existsSync(new URL(FILES[0]!, CORPORA));

const platform = testPlatform();

const opened: IsnadApp[] = [];
afterEach(() => closeApps(opened));

describe.skipIf(!present)('real NER data through "Import dataset…" (../shared/corpora; skipped when absent)', () => {
  for (const name of FILES) {
    it(`${name}: read as CoNLL, every span on clean text, the report lists what was repaired or skipped`, async () => {
      const db = new IsnadDatabase(`real-${name}`);
      const app = await IsnadApp.start(platform, db, undefined, undefined, null);
      opened.push(app);
      await app.datasets.stage([{ name, bytes: new Uint8Array(readFileSync(new URL(name, CORPORA))) }]);
      const draft = app.ui.state.datasetDraft!;
      expect(draft.format).toBe('conll');
      expect(draft.outcome.ok).toBe(true);
      expect(await app.datasets.importAsNew()).toBe(true);
      const state = app.corpus.state;
      expect(state.documents.size).toBeGreaterThan(0);
      expect(state.spans.size).toBeGreaterThan(0);
      for (const doc of state.documents.values()) expect(doc.text).not.toMatch(/[\r\u200e\u200f\ufeff]/);
      for (const span of state.spans.values()) {
        const text = state.documents.get(span.docId)!.text.slice(span.start, span.end);
        expect(text).toMatch(/^\S(.*\S)?$/s);
      }
      expect(app.ui.state.notice!.details!.length).toBeGreaterThan(0);
    });
  }
});
