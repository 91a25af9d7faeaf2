// The on-page guide: an outline around the target control and the step card beside it.
// The outline lets clicks through; the card never covers the control and follows it on scroll/resize; its
// buttons answer only a person's own clicks (the page's scripts cannot press them). The volunteer can move the
// card (drag or keys) and shrink it to a pill (17.5); where it was put is kept for the session by the caller
// (`layout`, `onLayout`), and it still moves aside rather than cover the control.
import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { inflate, placeCard, quotedIn, quotedRanges, viewportRect, type Point } from '../core/geometry';
import { moveBy } from './movable';
import { StepCard, type StepCardProps } from './step-card';

/** Gap between the control and its outline, in px. */
export const OUTLINE_GAP = 4;

/** Where the volunteer put the card (null: placed by the guide) and whether it is shrunk. */
export interface CardPlace {
  at: Point | null;
  shrunk: boolean;
}

export interface OverlayProps {
  target: Element | null;
  card: StepCardProps;
  /** Resident mode: larger, high-contrast card and a thicker outline, no animation. */
  resident?: boolean;
  /** Where the volunteer put the card and whether it is shrunk (kept for the session by the caller). */
  layout?: CardPlace;
  /** The volunteer moved or shrank the card: the caller keeps it and draws again. */
  onLayout?: (next: CardPlace) => void;
}

export function Overlay({ target, card, resident = false, layout, onLayout }: OverlayProps): JSX.Element {
  const outlineRef = useRef<HTMLDivElement>(null);
  const bubbleRef = useRef<HTMLDivElement>(null);
  const moved = useRef<Point | null>(layout?.at ?? null);
  const shrunk = !!layout?.shrunk;
  const place = useRef<() => void>(() => undefined);
  const move = moveBy(bubbleRef, (p, end) => {
    moved.current = p;
    place.current();
    if (end) onLayout?.({ at: moved.current, shrunk });
  });

  useLayoutEffect(() => {
    const bubble = bubbleRef.current;
    const outline = outlineRef.current;
    if (!bubble) return;
    const win = bubble.ownerDocument.defaultView ?? window;
    // The text the hint quotes (a fee, a button's name), found once: the card keeps clear of it where it can.
    const quoted = target ? quotedRanges(target.ownerDocument.body, quotedIn(card.text)) : [];
    const update = (): void => {
      const box = target ? viewportRect(target, win) : null;
      if (outline && box) {
        outline.hidden = !(box.width > 0 && box.height > 0 && target!.isConnected);
        const o = inflate(box, resident ? OUTLINE_GAP * 2 : OUTLINE_GAP);
        Object.assign(outline.style, { left: `${o.x}px`, top: `${o.y}px`, width: `${o.width}px`, height: `${o.height}px` });
      }
      // No control and not moved: docked by the style sheet.
      if (!box && !moved.current) return void Object.assign(bubble.style, { left: '', top: '', right: '', bottom: '' });
      const avoid = quoted.map((r) => r.getBoundingClientRect()).filter((r) => r.width > 0);
      const p = placeCard(box, bubble.getBoundingClientRect(), { width: win.innerWidth, height: win.innerHeight }, avoid, moved.current, 2 * OUTLINE_GAP + 12);
      Object.assign(bubble.style, { left: `${p.x}px`, top: `${p.y}px`, right: 'auto', bottom: 'auto' });
    };
    place.current = update;
    return followLayout(target, bubble, win, update);
  }, [target, resident, shrunk, card.text]);

  return (
    <div class={resident ? 'db-root db-resident' : 'db-root'} data-dan-buoc="overlay" data-resident={resident ? 'on' : 'off'}>
      {target ? <div ref={outlineRef} class="db-outline" data-dan-buoc="outline" aria-hidden="true" /> : null}
      <div ref={bubbleRef} class={`db-bubble${target ? '' : ' db-docked'}${shrunk ? ' db-small' : ''}`} data-dan-buoc="bubble">
        <StepCard {...card} trustedOnly move={move} shrunk={shrunk} onShrink={() => onLayout?.({ at: moved.current, shrunk: !shrunk })} />
      </div>
    </div>
  );
}

/**
 * Run `update` now, and once in the next animation frame after anything that can move the target or resize
 * the card: a scroll anywhere (the page or a frame holding the target), a resize, a change of either's size,
 * or a change in the target's document (content added above it). Returns the function that stops it.
 */
function followLayout(target: Element | null, bubble: Element, win: Window, update: () => void): () => void {
  const stop = new AbortController();
  let frame = 0;
  const schedule = (): void => {
    if (!frame) frame = win.requestAnimationFrame(() => ((frame = 0), update()));
  };
  update();
  const targetWin = target?.ownerDocument.defaultView;
  for (const w of new Set([win, targetWin ?? win])) {
    w.addEventListener('scroll', schedule, { capture: true, passive: true, signal: stop.signal });
    w.addEventListener('resize', schedule, { passive: true, signal: stop.signal });
  }
  const resized = new ResizeObserver(schedule);
  resized.observe(bubble);
  const changed = new MutationObserver(schedule);
  if (target) {
    resized.observe(target);
    changed.observe(target.ownerDocument, { childList: true, subtree: true, attributes: true, characterData: true });
  }
  return () => {
    stop.abort();
    resized.disconnect();
    changed.disconnect();
    if (frame) win.cancelAnimationFrame(frame);
  };
}
