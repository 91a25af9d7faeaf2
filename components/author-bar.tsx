// The frame of the author's on-page bars (recording, re-capture): docked at the top or bottom edge, away from
// where the author last pointed (the caller says which), and movable by drag or keys (17.5) — by the author's
// own input only (components/movable.ts, components/trusted.ts).
import type { ComponentChildren, JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { placeCard, type Point } from '../core/geometry';
import type { Translate } from '../core/i18n';
import { moveBy } from './movable';

export interface AuthorBarProps {
  t: Translate;
  /** The root's data-dan-buoc: 'recorder' or 'picker'. */
  kind: string;
  label: string;
  dock: 'top' | 'bottom';
  /** The bar's text. */
  children: ComponentChildren;
  /** Its buttons, after the move button. */
  buttons: ComponentChildren;
}

export function AuthorBar({ t, kind, label, dock, children, buttons }: AuthorBarProps): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<Point | null>(null);
  const move = moveBy(ref, (p) => {
    const win = ref.current!.ownerDocument.defaultView!;
    setAt(placeCard(null, ref.current!.getBoundingClientRect(), { width: win.innerWidth, height: win.innerHeight }, [], p));
  });
  return (
    <div class="db-root" data-dan-buoc={kind} data-dock={at ? 'moved' : dock}>
      <div ref={ref} class={`db-bubble db-recbar db-dock-${dock}${at ? ' db-moved' : ''}`} style={at ? { left: `${at.x}px`, top: `${at.y}px` } : undefined} data-dan-buoc="bar">
        <div class="db-card" role="region" aria-label={label} onPointerDown={move.down} data-dan-buoc="handle">
          {children}
          <div class="db-actions">
            <button type="button" class="db-btn db-tool" aria-label={t('overlay.move')} title={t('overlay.move')} onKeyDown={move.key} data-dan-buoc="bar-move">
              ✥
            </button>
            <span class="db-spacer" />
            {buttons}
          </div>
        </div>
      </div>
    </div>
  );
}
