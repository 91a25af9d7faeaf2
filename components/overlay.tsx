// The on-page guide: an outline around the target control and the step card beside it.
// The outline lets clicks through; the card never covers the control and follows it on scroll/resize; its
// buttons answer only a person's own clicks (the page's scripts cannot press them).
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { clearPlacement, inflate, viewportRect } from '../core/geometry';
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
    const reference = { getBoundingClientRect: () => toDomRect(viewportRect(target, win)), contextElement: target };
    let frame = 0;
    const update = (): void => {
      const box = viewportRect(target, win);
      const shown = box.width > 0 && box.height > 0 && target.isConnected;
      outline.hidden = !shown;
      const o = inflate(box, resident ? OUTLINE_GAP * 2 : OUTLINE_GAP);
      Object.assign(outline.style, { left: `${o.x}px`, top: `${o.y}px`, width: `${o.width}px`, height: `${o.height}px` });
      const mine = ++frame;
      void computePosition(reference, bubble, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(2 * OUTLINE_GAP + 12), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        if (mine !== frame) return;
        const size = bubble.getBoundingClientRect();
        const place = clearPlacement({ x, y }, size, box, { width: win.innerWidth, height: win.innerHeight });
        Object.assign(bubble.style, { left: `${place.x}px`, top: `${place.y}px`, right: 'auto', bottom: 'auto' });
      });
    };
    const stop = autoUpdate(reference, bubble, update, { animationFrame: false, layoutShift: true });
    return () => {
      frame++;
      stop();
    };
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

function toDomRect(b: { x: number; y: number; width: number; height: number }): DOMRect {
  return {
    x: b.x,
    y: b.y,
    width: b.width,
    height: b.height,
    left: b.x,
    top: b.y,
    right: b.x + b.width,
    bottom: b.y + b.height,
    toJSON: () => b,
  } as DOMRect;
}
