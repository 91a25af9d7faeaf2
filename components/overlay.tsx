// The on-page guide: an outline around the target control and the step card beside it.
// The outline lets clicks through; the card never covers the control and follows it on scroll/resize; its
// buttons answer only a person's own clicks (the page's scripts cannot press them).
import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { clearPlacement, inflate, placeBeside, viewportRect } from '../core/geometry';
import { StepCard, type StepCardProps } from './step-card';

/** Gap between the control and its outline, in px. */
export const OUTLINE_GAP = 4;

export interface OverlayProps {
  target: Element | null;
  card: StepCardProps;
  /** Resident mode: larger, high-contrast card and a thicker outline, no animation. */
  resident?: boolean;
}

export function Overlay({ target, card, resident = false }: OverlayProps): JSX.Element {
  const outlineRef = useRef<HTMLDivElement>(null);
  const bubbleRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const bubble = bubbleRef.current;
    const outline = outlineRef.current;
    if (!bubble || !outline || !target) return;
    const win = bubble.ownerDocument.defaultView ?? window;
    const update = (): void => {
      const box = viewportRect(target, win);
      const shown = box.width > 0 && box.height > 0 && target.isConnected;
      outline.hidden = !shown;
      const o = inflate(box, resident ? OUTLINE_GAP * 2 : OUTLINE_GAP);
      Object.assign(outline.style, { left: `${o.x}px`, top: `${o.y}px`, width: `${o.width}px`, height: `${o.height}px` });
      const size = bubble.getBoundingClientRect();
      const viewport = { width: win.innerWidth, height: win.innerHeight };
      const near = placeBeside(box, size, viewport, 2 * OUTLINE_GAP + 12);
      const place = clearPlacement(near, size, box, viewport);
      Object.assign(bubble.style, { left: `${place.x}px`, top: `${place.y}px`, right: 'auto', bottom: 'auto' });
    };
    return followLayout(target, bubble, win, update);
  }, [target, resident]);

  return (
    <div class={resident ? 'db-root db-resident' : 'db-root'} data-dan-buoc="overlay" data-resident={resident ? 'on' : 'off'}>
      {target ? <div ref={outlineRef} class="db-outline" data-dan-buoc="outline" aria-hidden="true" /> : null}
      <div ref={bubbleRef} class={target ? 'db-bubble' : 'db-bubble db-docked'} data-dan-buoc="bubble">
        <StepCard {...card} trustedOnly />
      </div>
    </div>
  );
}

/**
 * Run `update` now, and once in the next animation frame after anything that can move the target or resize
 * the card: a scroll anywhere (the page or a frame holding the target), a resize, a change of either's size,
 * or a change in the target's document (content added above it). Returns the function that stops it.
 */
function followLayout(target: Element, bubble: Element, win: Window, update: () => void): () => void {
  const stop = new AbortController();
  let frame = 0;
  const schedule = (): void => {
    if (!frame) frame = win.requestAnimationFrame(() => ((frame = 0), update()));
  };
  update();
  const targetWin = target.ownerDocument.defaultView;
  for (const w of new Set([win, targetWin ?? win])) {
    w.addEventListener('scroll', schedule, { capture: true, passive: true, signal: stop.signal });
    w.addEventListener('resize', schedule, { passive: true, signal: stop.signal });
  }
  const resized = new ResizeObserver(schedule);
  resized.observe(target);
  resized.observe(bubble);
  const changed = new MutationObserver(schedule);
  changed.observe(target.ownerDocument, { childList: true, subtree: true, attributes: true, characterData: true });
  return () => {
    stop.abort();
    resized.disconnect();
    changed.disconnect();
    if (frame) win.cancelAnimationFrame(frame);
  };
}
