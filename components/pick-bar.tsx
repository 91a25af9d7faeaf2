// The on-page bar while the author re-captures one step's target: "Bấm vào chỗ bước này chỉ tới", and cancel
// (by the author only, never by the page's scripts: components/trusted.ts), docked away from where the author
// points and movable (components/author-bar.tsx).
import type { JSX } from 'preact';
import type { Translate } from '../core/i18n';
import { AuthorBar } from './author-bar';
import { whenTrusted } from './trusted';

/** `add`: the author picks a new step's control ("Thêm bước", issue 20), not one step's again. */
export function PickBar({ t, hint, add = false, onCancel, dock = 'bottom' }: { t: Translate; hint: string; add?: boolean; onCancel: () => void; dock?: 'top' | 'bottom' }): JSX.Element {
  return (
    <AuthorBar
      t={t}
      kind="picker"
      label={add ? t('pick.addLabel') : t('pick.label')}
      dock={dock}
      buttons={
        <button type="button" class="db-btn" onClick={whenTrusted(onCancel)} data-dan-buoc="pick-cancel">
          {t('pick.cancel')}
        </button>
      }
    >
      <p class="db-step" role="status" data-dan-buoc="pick-prompt">
        {add ? t('pick.addPrompt') : t('pick.prompt')}
      </p>
      <p class="db-text db-rec-last">{t('pick.step', { text: hint })}</p>
    </AuthorBar>
  );
}
