// The card a hand-off link shows: start this walkthrough here, or not. Only the person decides: the page that
// carried the link cannot press either button (components/trusted.ts).
import type { JSX } from 'preact';
import type { Translate } from '../core/i18n';
import { whenTrusted } from './trusted';

export interface OfferCardProps {
  t: Translate;
  title: string;
  onStart: () => void;
  onDismiss: () => void;
}

export function OfferCard({ t, title, onStart, onDismiss }: OfferCardProps): JSX.Element {
  return (
    <div class="db-root" data-dan-buoc="overlay">
      <div class="db-bubble db-docked">
        <div class="db-card" role="dialog" aria-label={t('offer.title')} data-dan-buoc="offer">
          <div class="db-card-head">
            <span class="db-step">{t('offer.title')}</span>
          </div>
          <p class="db-text">{t('offer.question', { title })}</p>
          <div class="db-actions">
            <span class="db-spacer" />
            <button type="button" class="db-btn" onClick={whenTrusted(onDismiss)} data-dan-buoc="offer-dismiss">
              {t('offer.dismiss')}
            </button>
            <button type="button" class="db-btn db-btn-main" onClick={whenTrusted(onStart)} data-dan-buoc="offer-start">
              {t('offer.start')}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
