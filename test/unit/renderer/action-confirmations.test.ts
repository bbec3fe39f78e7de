import { afterEach, describe, expect, it } from 'vitest';
import { IsnadApp } from '../../../renderer/app/controller';
import { IsnadDatabase } from '../../../renderer/db/db';
import { documentsInOrder, spansOfDocument } from '../../../shared/model/state';
import { closeApps, testPlatform } from '../helpers/app';
import { testContext } from '../helpers/tagged';

const opened: IsnadApp[] = [];
afterEach(() => closeApps(opened));

/** The app on the sample corpus, in English or Arabic. */
async function start(name: string, language: 'en-GB' | 'ar-SY' = 'en-GB') {
  const app = await IsnadApp.start(testPlatform(), new IsnadDatabase(name), testContext(), () => [language], null);
  opened.push(app);
  const { state } = app.corpus;
  const doc = documentsInOrder(state).find((d) => spansOfDocument(state, d.id).some((s) => s.label === 'CLAIM'))!;
  const spans = spansOfDocument(state, doc.id);
  const claim = spans.find((s) => s.label === 'CLAIM')!;
  const novosti = [...state.sources.values()].find((s) => s.nameLatin === 'RIA Novosti')!;
  return { app, doc, claim, novosti };
}

/** The status line's notice, its text without the bidi isolates that `t()` puts around names of the other script. */
const notice = (app: IsnadApp) => {
  const shown = app.ui.state.notice;
  return shown ? { ...shown, text: shown.text.replace(/[\u2066-\u2069]/g, '') } : null;
};

describe('the status line confirms an accepted attribution', () => {
  it('names the source, and the attribution it came via', async () => {
    const { app, claim, novosti } = await start('confirm-attribution');
    const first = await app.attribution.attribute({ claimSpanId: claim.id, sourceId: novosti.id });
    expect(notice(app)).toMatchObject({ tone: 'info', text: 'Claim attributed to RIA Novosti (وكالة نوفوستي).' });
    expect(notice(app)?.moment).toBeUndefined();
    const ministry = await app.attribution.attributeToNewSource({ nameAr: 'مصدر في الخارجية', nameLatin: '', kind: 'anonymous', aliasesAr: [], aliasesLatin: [] }, { claimSpanId: claim.id, viaId: first! });
    expect(ministry).toBeTruthy();
    expect(notice(app)?.text).toBe('Claim attributed to مصدر في الخارجية, via RIA Novosti (وكالة نوفوستي). مصدر في الخارجية was added to the source registry.');
  });

  it('in Arabic', async () => {
    const { app, claim, novosti } = await start('confirm-attribution-ar', 'ar-SY');
    await app.attribution.attribute({ claimSpanId: claim.id, sourceId: novosti.id });
    expect(notice(app)?.text).toBe('أُسند الادعاء إلى وكالة نوفوستي (RIA Novosti).');
  });

  it('says nothing of an attribution that was refused (the refusal is the message)', async () => {
    const { app, doc, novosti } = await start('confirm-attribution-refused');
    const notClaim = spansOfDocument(app.corpus.state, doc.id).find((s) => s.label === 'ORG')!;
    expect(await app.attribution.attribute({ claimSpanId: notClaim.id, sourceId: novosti.id })).toBeNull();
    expect(notice(app)?.tone).toBe('error');
  });
});

describe('the status line confirms accepted suggestions', () => {
  it('names the one accepted with Y, and counts those accepted at once', async () => {
    const { app, doc } = await start('confirm-suggestions');
    await app.openDocument(doc.id);
    app.ui.update({ suggestionsOn: true });
    const [first, ...rest] = app.suggestions.current();
    expect(rest.length).toBeGreaterThan(1);
    app.ui.update({ focusedSuggestionId: first!.id });
    await app.suggestions.accept();
    expect(notice(app)).toMatchObject({ tone: 'info', text: `Accepted the ${first!.label} suggestion: ${first!.text}.` });
    const left = app.suggestions.current().length;
    await app.suggestions.acceptAll();
    expect(notice(app)?.text).toBe(`Accepted ${left} suggestions.`);
  });

  it('in Arabic', async () => {
    const { app, doc } = await start('confirm-suggestions-ar', 'ar-SY');
    await app.openDocument(doc.id);
    app.ui.update({ suggestionsOn: true });
    const [first] = app.suggestions.current();
    app.ui.update({ focusedSuggestionId: first!.id });
    await app.suggestions.accept();
    expect(notice(app)?.text).toBe(`قُبل اقتراح ${first!.label}: ${first!.text}.`);
  });
});
