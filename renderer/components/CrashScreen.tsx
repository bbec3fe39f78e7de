/**
 * The last line of defence of the interface: an error thrown while rendering (or in a layout
 * effect) anywhere below replaces the app with a message and a way to reload, in the same
 * form as the database-failure screen of main.tsx, instead of React unmounting everything
 * and leaving a white window. The corpus is safe either way (every change is durable before
 * it is shown); reloading reads it back.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Translate } from '../../shared/i18n/i18n';

interface CrashScreenProps {
  /** The translator of the interface language (read when the error is shown). */
  t: () => Translate;
  /** What reloading does (the window's reload; replaceable in tests). */
  reload?: () => void;
  children: ReactNode;
}

interface CrashScreenState {
  error: unknown;
}

/** An error boundary around the whole app (see the module comment). */
export class CrashScreen extends Component<CrashScreenProps, CrashScreenState> {
  override state: CrashScreenState = { error: null };

  static getDerivedStateFromError(error: unknown): CrashScreenState {
    return { error: error ?? new Error('unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for the developer tools and the test harness (page errors are logged there).
    console.error('Isnad stopped because of an error', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = this.props.t();
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return (
      <div role="alert" className="fatal">
        <h1>{t('fatal.crash.title')}</h1>
        <p>{t('fatal.crash.advice')}</p>
        <p>
          <button type="button" onClick={() => (this.props.reload ?? (() => window.location.reload()))()}>
            {t('fatal.crash.reload')}
          </button>
        </p>
        <p className="fatal-detail" dir="auto">
          {t('fatal.detail', { error: detail })}
        </p>
      </div>
    );
  }
}
