/**
 * The settings (shown when `ui.view === 'settings'`): interface language, theme, the
 * article's text size and line spacing with a live sample, and the keyboard and mouse. Every change is stored in
 * IndexedDB, then applied to the whole window at once.
 */
import { useId, useState } from 'react';
import { useApp, usePreferences, useT } from '../app/hooks';
import { LANGUAGES, systemLanguage, type Language } from '../../shared/i18n/i18n';
import { FONT_SIZE, LINE_HEIGHT, type Preferences } from '../settings/preferences';

/** A sample of article text (our own sentence) that shows the chosen size and spacing. */
const SAMPLE = 'قال المتحدث باسم الوزارة في مؤتمر صحفي إن المحادثات ستُستأنف الأسبوع المقبل، وفقًا لما نقلته وكالة الأنباء الرسمية عن مصدر مطّلع (Reuters, 12:30).';

/** One group of radio buttons. */
function Choice<T extends string>({ legend, name, value, options, onChange }: { legend: string; name: string; value: T; options: Array<{ value: T; label: string; lang?: string }>; onChange(value: T): void }): React.JSX.Element {
  return (
    <fieldset className="settings-choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span lang={option.lang}>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * A slider with its label and its value spelled out (also for screen readers). The thumb
 * follows the keys at once while each value is being stored (otherwise a quick second key
 * would start again from the value not yet stored and be lost); once the last value is
 * stored, or refused, the stored value is shown again.
 */
function Slider({ id, label, limits, value, describe, onChange }: { id: string; label: string; limits: { min: number; max: number; step: number }; value: number; describe(value: number): string; onChange(value: number): Promise<boolean> }): React.JSX.Element {
  // The value of the last key while it is being stored (null: the stored value is shown).
  const [pending, setPending] = useState<number | null>(null);
  const shown = pending ?? value;
  const text = describe(shown);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={limits.min}
        max={limits.max}
        step={limits.step}
        value={shown}
        aria-valuetext={text}
        onChange={(event) => {
          const next = Number(event.target.value);
          setPending(next);
          void onChange(next).then(() => setPending((now) => (now === next ? null : now)));
        }}
      />
      <output htmlFor={id}>{text}</output>
    </>
  );
}

/** The settings view; `keyboard` is the keyboard and mouse section (it needs the action registry). */
export function SettingsView({ keyboard }: { keyboard?: React.ReactNode }): React.JSX.Element {
  const app = useApp();
  const t = useT();
  const preferences = usePreferences();
  const id = useId();
  const update = (patch: Partial<Preferences>): void => void app.settings.update(patch);
  const system = LANGUAGES[systemLanguage(navigator.languages)].nativeName;
  const size = (value: number): string => t('settings.fontSize.value', { size: value });
  const spacing = (value: number): string => t.number(value);

  return (
    <main className="settings-view" aria-labelledby={`${id}-title`}>
      <header className="sources-header">
        <h1 id={`${id}-title`} tabIndex={-1} data-view-heading="">{t('settings.title')}</h1>
        <div className="sources-actions">
          <button type="button" onClick={() => app.showView('article')}>
            {t('common.backToArticle')}
          </button>
        </div>
      </header>

      <section aria-labelledby={`${id}-interface`}>
        <h2 id={`${id}-interface`}>{t('settings.interface')}</h2>
        <Choice<'system' | Language>
          legend={t('settings.language')}
          name={`${id}-language`}
          value={preferences.language}
          onChange={(language) => update({ language })}
          options={[
            { value: 'system', label: t('settings.language.system', { language: system }) },
            ...(Object.keys(LANGUAGES) as Language[]).map((language) => ({ value: language, label: LANGUAGES[language].nativeName, lang: language })),
          ]}
        />
        <Choice<Preferences['theme']>
          legend={t('settings.theme')}
          name={`${id}-theme`}
          value={preferences.theme}
          onChange={(theme) => update({ theme })}
          options={[
            { value: 'system', label: t('settings.theme.system') },
            { value: 'light', label: t('settings.theme.light') },
            { value: 'dark', label: t('settings.theme.dark') },
          ]}
        />
      </section>

      <section aria-labelledby={`${id}-article`}>
        <h2 id={`${id}-article`}>{t('settings.article')}</h2>
        <div className="settings-sliders">
          <Slider id={`${id}-size`} label={t('settings.fontSize')} limits={FONT_SIZE} value={preferences.articleFontSize} describe={size} onChange={(articleFontSize) => app.settings.update({ articleFontSize })} />
          <Slider id={`${id}-spacing`} label={t('settings.lineHeight')} limits={LINE_HEIGHT} value={preferences.articleLineHeight} describe={spacing} onChange={(articleLineHeight) => app.settings.update({ articleLineHeight })} />
        </div>
        <p className="article-text settings-sample" lang="ar" dir="rtl" aria-label={t('settings.sample')}>
          {SAMPLE}
        </p>
        <button type="button" onClick={() => void app.settings.reset()}>
          {t('settings.reset')}
        </button>
      </section>
      {keyboard}
    </main>
  );
}
