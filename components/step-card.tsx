// The card a resident reads: step n of m, the hint, a privacy warning, and the buttons.
// Used by the overlay on real sites (and by the widget on ward sites).
import type { ComponentChildren, JSX } from 'preact';
import type { Translate } from '../core/i18n';
import type { ListenState } from '../core/voices';
import { HintText } from './hint-text';
import type { Move } from './movable';
import { whenTrusted } from './trusted';

export interface StepCardProps {
  t: Translate;
  index: number;
  total: number;
  title?: string;
  text: string;
  privateKind?: 'password' | 'otp' | 'pin';
  /** The words of the privacy warning (default: the overlay's, for the desk; the widget speaks to a resident alone). */
  privateText?: string;
  /** An extra line, e.g. the control was not found. */
  notice?: string;
  done?: boolean;
  /** What the card says when done (default: the overlay's, which sends the volunteer to the console). */
  doneText?: string;
  onBack?: () => void;
  onNext?: () => void;
  /** Read the hint aloud ("Nghe"). */
  onListen?: () => void;
  /**
   * Whether it can be read (core/voices.ts; default "ready" when onListen is given): "none" shows a short note
   * instead of the button, "unknown" (voices still loading) neither, "speaking" a button that stops it.
   */
  listenState?: ListenState;
  onStopListen?: () => void;
  /** The guide is lost (another page, control not found): "Mở trang của bước này" and "Bỏ qua bước". */
  onOpenPage?: () => void;
  onSkip?: () => void;
  /** In a page's flow (the widget) rather than floating over a site: a region, not a dialog. */
  inline?: boolean;
  /**
   * Over a page that is not ours (the extension's overlay): the buttons answer only a person's own clicks,
   * never the page's scripts (components/trusted.ts).
   */
  trustedOnly?: boolean;
  /** Shown under the hint (the widget's illustration and "do it on the real site"). */
  children?: ComponentChildren;
  /** Over a site (17.5): moved by its head or the keys; shrunk to a pill with the step number, and opened again. */
  move?: Move;
  shrunk?: boolean;
  /** Shrink or open again. */
  onShrink?: () => void;
}

export function StepCard(props: StepCardProps): JSX.Element {
  const { t, index, total } = props;
  const last = index >= total - 1;
  const act = (fn: () => void): ((e: Event) => void) => (props.trustedOnly ? whenTrusted(fn) : () => fn());
  const { move, shrunk } = props;
  const head = (
    <div class="db-card-head" onPointerDown={move?.down} data-dan-buoc={move ? 'handle' : undefined}>
      <span class="db-step" data-dan-buoc="step">
        {t('overlay.step', { n: index + 1, total })}
      </span>
      {props.title && !shrunk ? <span class="db-title">{props.title}</span> : null}
      {move ? (
        <>
          <span class="db-spacer" />
          <button type="button" class="db-btn db-tool" aria-label={t('overlay.move')} title={t('overlay.move')} onKeyDown={move.key} data-dan-buoc="move">
            ✥
          </button>
        </>
      ) : null}
      {props.onShrink ? (
        <button type="button" class="db-btn db-tool" onClick={act(props.onShrink)} data-dan-buoc={shrunk ? 'expand' : 'shrink'}>
          {t(shrunk ? 'overlay.show' : 'overlay.hide')}
        </button>
      ) : null}
    </div>
  );
  const listenState = props.listenState ?? 'ready';
  const speaking = listenState === 'speaking';
  const listenButton =
    props.onListen && (listenState === 'ready' || speaking) ? (
      <button
        type="button"
        class={speaking ? 'db-btn db-btn-quiet db-speaking' : 'db-btn db-btn-quiet'}
        onClick={act(speaking ? (props.onStopListen ?? props.onListen) : props.onListen)}
        data-dan-buoc="listen"
      >
        {t(speaking ? 'overlay.speaking' : 'overlay.listen')}
      </button>
    ) : null;
  if (shrunk)
    return (
      <div class="db-card db-pill" role="dialog" aria-label={t('overlay.label')} data-dan-buoc="card">
        {head}
      </div>
    );
  return (
    <div class="db-card" role={props.inline ? 'region' : 'dialog'} aria-label={t('overlay.label')} data-dan-buoc="card">
      {head}
      {props.privateKind ? (
        <p class="db-private" role="note" data-dan-buoc="private">
          {props.privateText ?? t(`overlay.private.${props.privateKind}`)}
        </p>
      ) : null}
      <p class="db-text" data-dan-buoc="text">
        {props.done ? (props.doneText ?? t('overlay.done')) : <HintText text={props.text} />}
      </p>
      {props.children}
      {props.notice ? (
        <p class="db-notice" role="status" data-dan-buoc="notice">
          {props.notice}
        </p>
      ) : null}
      {/* Two groups that wrap whole: "Tiếp" never drops alone under "Nghe". */}
      <div class="db-actions">
        {/* Where "Nghe" would be, beside the way on: a note that wraps within the row adds no height to a card that
            must fit beside its control. */}
        {props.onListen && listenState === 'none' ? (
          <p class="db-listen-note" role="note" data-dan-buoc="no-voice">
            {t('overlay.noVoice')}
          </p>
        ) : null}
        {listenButton || props.onOpenPage || props.onSkip ? (
          <div class="db-group db-group-tools">
            {listenButton}
            {props.onOpenPage ? (
              <button type="button" class="db-btn db-btn-main" onClick={act(props.onOpenPage)} data-dan-buoc="open-page">
                {t('overlay.openPage')}
              </button>
            ) : null}
            {props.onSkip ? (
              <button type="button" class="db-btn" onClick={act(props.onSkip)} data-dan-buoc="skip">
                {t('overlay.skip')}
              </button>
            ) : null}
          </div>
        ) : null}
        {props.onBack || (props.onNext && !props.done) ? (
          <div class="db-group db-group-nav">
            {props.onBack ? (
              <button type="button" class="db-btn" onClick={act(props.onBack)} disabled={index === 0 && !props.done} data-dan-buoc="back">
                {t('overlay.back')}
              </button>
            ) : null}
            {props.onNext && !props.done ? (
              <button type="button" class="db-btn db-btn-main" onClick={act(props.onNext)} data-dan-buoc="next">
                {last ? t('overlay.finish') : t('overlay.next')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
