/** Renderer entry: start the app (database, corpus, host), then render. */
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CrashScreen } from './components/CrashScreen';
import { IsnadApp } from './app/controller';
import { AppContext } from './app/hooks';
import { detectPlatform } from './platform';
import { describeOpenFailure } from './db/storage-errors';
import { createTranslator } from '../shared/i18n/i18n';
import { readPreferenceHint } from './settings/first-paint';
import { applyPreferences, DEFAULT_PREFERENCES, resolveLanguage } from './settings/preferences';

// Language, direction and theme from the last run, before anything is painted; the database's
// value (the real one) replaces them as soon as it is read.
const hinted = readPreferenceHint() ?? DEFAULT_PREFERENCES;
const hintedLanguage = resolveLanguage(hinted, navigator.languages);
applyPreferences(document.documentElement, hinted, hintedLanguage);

const root = createRoot(document.getElementById('root')!);

IsnadApp.start(detectPlatform()).then(
  (app) => {
    (globalThis as { __isnadReady?: boolean }).__isnadReady = true;
    // Closing the window or the app: a last snapshot if anything changed (best effort; every
    // edit is already in the database, the snapshot is the extra copy).
    window.addEventListener('pagehide', () => app.snapshots.scheduler.atQuit());
    root.render(
      <StrictMode>
        <CrashScreen t={() => app.t}>
          <AppContext.Provider value={app}>
            <App />
          </AppContext.Provider>
        </CrashScreen>
      </StrictMode>,
    );
  },
  (error: unknown) => {
    const t = createTranslator(hintedLanguage);
    const failure = describeOpenFailure(error, t);
    root.render(
      <div role="alert" className="fatal">
        <h1>{failure.title}</h1>
        <p>{failure.advice}</p>
        <p className="fatal-detail" dir="auto">
          {t('fatal.detail', { error: failure.detail })}
        </p>
      </div>,
    );
  },
);
