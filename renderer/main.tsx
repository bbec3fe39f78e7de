/** Renderer entry: start the app (database, corpus, host), then render. */
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { IsnadApp } from './app/controller';
import { AppContext } from './app/hooks';
import { detectPlatform } from './platform';

const root = createRoot(document.getElementById('root')!);

IsnadApp.start(detectPlatform()).then(
  (app) => {
    (globalThis as { __isnadReady?: boolean }).__isnadReady = true;
    root.render(
      <StrictMode>
        <AppContext.Provider value={app}>
          <App />
        </AppContext.Provider>
      </StrictMode>,
    );
  },
  (error: unknown) => {
    root.render(
      <div role="alert" className="fatal">
        <h1>Isnad could not open its database</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
        <p>Nothing was changed. Close other Isnad windows and try again; if the disk is full, free some space.</p>
      </div>,
    );
  },
);
