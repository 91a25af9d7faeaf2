// The on-page bar while a walkthrough is being recorded: "Đang ghi — bước 5", the last step, undo and stop
// (pressed by the author only, never by the page's scripts: components/trusted.ts), docked away from where the
// author points and movable (components/author-bar.tsx).
import type { JSX } from 'preact';
import type { Translate } from '../core/i18n';
import { AuthorBar } from './author-bar';
import { whenTrusted } from './trusted';

export interface RecordingBarProps {
  t: Translate;
  steps: number;
  last?: string;
  onUndo: () => void;
  onStop: () => void;
  /** The edge it docks to (17.5). @default 'bottom' */
  dock?: 'top' | 'bottom';
}

export function RecordingBar({ t, steps, last, onUndo, onStop, dock = 'bottom' }: RecordingBarProps): JSX.Element {
  return (
    <AuthorBar
      t={t}
      kind="recorder"
      label={t('recorder.label')}
      dock={dock}
      buttons={
        <>
          <button type="button" class="db-btn" onClick={whenTrusted(onUndo)} disabled={steps === 0} data-dan-buoc="rec-undo">
            {t('recorder.undo')}
          </button>
          <button type="button" class="db-btn db-btn-main" onClick={whenTrusted(onStop)} disabled={steps === 0} data-dan-buoc="rec-stop">
            {t('recorder.stop')}
          </button>
        </>
      }
    >
      <p class="db-step" role="status" data-dan-buoc="rec-count">
        {steps ? t('recorder.bar', { n: steps }) : t('recorder.empty')}
      </p>
      {last ? <p class="db-text db-rec-last">{t('recorder.last', { text: last })}</p> : null}
    </AuthorBar>
  );
}
