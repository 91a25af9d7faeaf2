// The on-page bar while a walkthrough is being recorded: "Đang ghi — bước 5", the last step, undo and stop
// (pressed by the author only, never by the page's scripts: components/trusted.ts).
import type { JSX } from 'preact';
import type { Translate } from '../core/i18n';
import { whenTrusted } from './trusted';

export interface RecordingBarProps {
  t: Translate;
  steps: number;
  last?: string;
  onUndo: () => void;
  onStop: () => void;
}

export function RecordingBar({ t, steps, last, onUndo, onStop }: RecordingBarProps): JSX.Element {
  return (
    <div class="db-root" data-dan-buoc="recorder">
      <div class="db-bubble db-recbar">
        <div class="db-card" role="region" aria-label={t('recorder.label')}>
          <p class="db-step" role="status" data-dan-buoc="rec-count">
            {steps ? t('recorder.bar', { n: steps }) : t('recorder.empty')}
          </p>
          {last ? <p class="db-text db-rec-last">{t('recorder.last', { text: last })}</p> : null}
          <div class="db-actions">
            <span class="db-spacer" />
            <button type="button" class="db-btn" onClick={whenTrusted(onUndo)} disabled={steps === 0} data-dan-buoc="rec-undo">
              {t('recorder.undo')}
            </button>
            <button type="button" class="db-btn db-btn-main" onClick={whenTrusted(onStop)} disabled={steps === 0} data-dan-buoc="rec-stop">
              {t('recorder.stop')}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
