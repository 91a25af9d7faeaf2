// The scam warning page (issue 19): shown by the background in place of a lookalike, like a browser's
// safe-browsing page — the host, the site it imitates, why, what to do, a big way back, the real site's
// link, and "Vẫn tiếp tục" only behind a deliberate second step. Everything shown is text (no markup from the
// address). Its wiring (entrypoints/warning/) gives it the translator and the two ways out.
import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { hasMessage, type Translate } from '../core/i18n';
import type { ScamReason } from '../core/scam';

export interface WarningApi {
  /** "Quay lại an toàn": the previous page, or the browser's new-tab page. */
  back(): void;
  /** "Vẫn tiếp tục": open the host once in this tab. */
  proceed(): Promise<void>;
}

/**
 * A sentence for each reason: its `scam.reason.<code>` text when the locale files have it, else one generic
 * sentence (said once however many reasons lack their own).
 */
export function reasonTexts(reasons: readonly (ScamReason | string)[], t: Translate): string[] {
  const out: string[] = [];
  for (const code of reasons) {
    const key = `scam.reason.${code}`;
    const text = hasMessage(key) ? t(key) : t('warning.reasonGeneric');
    if (!out.includes(text)) out.push(text);
  }
  return out.length ? out : [t('warning.reasonGeneric')];
}

export interface ScamWarningProps {
  t: Translate;
  host: string;
  imitates?: string;
  reasons: readonly (ScamReason | string)[];
  api: WarningApi;
}

export function ScamWarning({ t, host, imitates, reasons, api }: ScamWarningProps): JSX.Element {
  const [error, setError] = useState(false);
  const back = useRef<HTMLButtonElement>(null);
  // The safe way is where the keyboard starts.
  useLayoutEffect(() => back.current?.focus(), []);
  return (
    <main class="warn" data-testid="scam-warning">
      <h1 class="warn-title">
        <span aria-hidden="true" class="warn-icon">
          ⚠
        </span>{' '}
        {t('warning.title')}
      </h1>
      <p class="warn-host">
        {t('warning.host')} <strong data-testid="warning-host">{host}</strong>
      </p>
      {imitates ? (
        <p class="warn-imitates" data-testid="warning-imitates">
          {t('warning.imitates', { real: imitates })}
        </p>
      ) : null}
      <h2>{t('warning.why')}</h2>
      <ul class="warn-reasons" data-testid="warning-reasons">
        {reasonTexts(reasons, t).map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p class="warn-do" data-testid="warning-do">
        {imitates ? t('warning.whatToDo', { real: imitates }) : t('warning.whatToDoGeneric')}
      </p>
      <div class="warn-actions">
        <button type="button" ref={back} class="warn-back" onClick={() => api.back()} data-testid="warning-back">
          {t('warning.back')}
        </button>
        {imitates ? (
          <a class="warn-real" href={`https://${imitates}/`} data-testid="warning-real">
            {t('warning.realSite', { real: imitates })}
          </a>
        ) : null}
      </div>
      <details class="warn-more" data-testid="warning-understand">
        <summary>{t('warning.understand')}</summary>
        <p>{t('warning.continueHelp')}</p>
        <button
          type="button"
          class="warn-continue"
          onClick={() => {
            setError(false);
            api.proceed().catch(() => setError(true));
          }}
          data-testid="warning-continue"
        >
          {t('warning.continue', { host })}
        </button>
        {error ? <p role="alert">{t('warning.continueFailed')}</p> : null}
      </details>
    </main>
  );
}
