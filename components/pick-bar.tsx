// The on-page bar while the author re-captures one step's target: "Bấm vào chỗ bước này chỉ tới", and cancel
// (by the author only, never by the page's scripts: components/trusted.ts).
import type { JSX } from 'preact';
import type { Translate } from '../core/i18n';
import { whenTrusted } from './trusted';

export function PickBar({ t, hint, onCancel }: { t: Translate; hint: string; onCancel: () => void }): JSX.Element {
  return (
    <div class="db-root" data-dan-buoc="picker">
      <div class="db-bubble db-recbar">
        <div class="db-card" role="region" aria-label={t('pick.label')}>
          <p class="db-step" role="status" data-dan-buoc="pick-prompt">
            {t('pick.prompt')}
          </p>
          <p class="db-text db-rec-last">{t('pick.step', { text: hint })}</p>
          <div class="db-actions">
            <span class="db-spacer" />
            <button type="button" class="db-btn" onClick={whenTrusted(onCancel)} data-dan-buoc="pick-cancel">
              {t('pick.cancel')}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
