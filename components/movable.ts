// Moving an on-page card or bar (issue 17.5): dragged by its handle, or with the arrow keys while its "move"
// button has the focus (Enter or Escape ends). Only a person's own input moves it: events a page's script made
// (isTrusted false) are ignored here too, besides being dropped at the closed shadow root (extension/page-ui.ts).
import type { RefObject } from 'preact';
import type { Point } from '../core/geometry';

export interface Move {
  /** The handle's pointerdown: drags the box until the pointer is released. */
  down: (e: PointerEvent) => void;
  /** The move button's keydown: arrows move (Shift: further), Enter or Escape end. */
  key: (e: KeyboardEvent) => void;
}

const ARROWS: Record<string, number[]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1], Enter: [0, 0], Escape: [0, 0] };

/** Moves `box`'s element by calling `to` with its new top-left corner; `end` once a move is over. */
export function moveBy(box: RefObject<HTMLElement | null>, to: (p: Point, end: boolean) => void): Move {
  const at = (): DOMRect => box.current!.getBoundingClientRect();
  return {
    key: (e) => {
      const d = ARROWS[e.key];
      if (!e.isTrusted || !d) return;
      e.preventDefault();
      const r = at();
      const step = e.shiftKey ? 80 : 20;
      to({ x: r.left + d[0]! * step, y: r.top + d[1]! * step }, !d[0] && !d[1]);
    },
    down: (e) => {
      const handle = e.currentTarget as HTMLElement;
      if (!e.isTrusted || e.button || !box.current || (e.target as Element).closest('button')) return;
      e.preventDefault();
      const r = at();
      const stop = new AbortController();
      const follow = (done: boolean) => (ev: Event) => {
        const m = ev as PointerEvent;
        if (!m.isTrusted) return;
        to({ x: r.left + m.clientX - e.clientX, y: r.top + m.clientY - e.clientY }, done);
        if (done) stop.abort();
      };
      handle.setPointerCapture?.(e.pointerId);
      handle.addEventListener('pointermove', follow(false), stop);
      handle.addEventListener('pointerup', follow(true), stop);
      handle.addEventListener('pointercancel', () => stop.abort(), stop);
    },
  };
}
