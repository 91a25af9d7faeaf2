// "Chỉ trên trang" from the editor (issue 20): the control a step points at, outlined on the site as the guide
// outlines it (the same .db-outline, the same gap), with a small bar that says which step it is and closes it.
// The bar's button answers the author's own click only (components/trusted.ts); the outline lets clicks through.
import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { inflate, viewportRect } from '../core/geometry';
import type { Translate } from '../core/i18n';
import { AuthorBar } from './author-bar';
import { whenTrusted } from './trusted';

/** Gap between the control and its outline, in px: the guide's (components/overlay.tsx OUTLINE_GAP). */
const GAP = 4;

/** An outline around `target` that follows it on scroll, resize and layout changes. */
export function TargetOutline({ target }: { target: Element }): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const outline = ref.current;
    if (!outline) return;
    const win = outline.ownerDocument.defaultView ?? window;
    const stop = new AbortController();
    let frame = 0;
    const update = (): void => {
      frame = 0;
      const box = viewportRect(target, win);
      outline.hidden = !(box.width > 0 && box.height > 0 && target.isConnected);
      const o = inflate(box, GAP);
      Object.assign(outline.style, { left: `${o.x}px`, top: `${o.y}px`, width: `${o.width}px`, height: `${o.height}px` });
    };
    const schedule = (): void => {
      if (!frame) frame = win.requestAnimationFrame(update);
    };
    update();
    for (const w of new Set([win, target.ownerDocument.defaultView ?? win])) {
      w.addEventListener('scroll', schedule, { capture: true, passive: true, signal: stop.signal });
      w.addEventListener('resize', schedule, { passive: true, signal: stop.signal });
    }
    const resized = new ResizeObserver(schedule);
    resized.observe(target);
    const changed = new MutationObserver(schedule);
    changed.observe(target.ownerDocument, { childList: true, subtree: true, attributes: true });
    return () => {
      stop.abort();
      resized.disconnect();
      changed.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
    };
  }, [target]);
  return (
    <div class="db-root" data-dan-buoc="shown">
      <div ref={ref} class="db-outline" data-dan-buoc="outline" aria-hidden="true" />
    </div>
  );
}

export function ShownTarget({ t, n, target, onClose, dock = 'bottom' }: { t: Translate; n: number; target: Element; onClose: () => void; dock?: 'top' | 'bottom' }): JSX.Element {
  return (
    <>
      <TargetOutline target={target} />
      <AuthorBar
        t={t}
        kind="shown-bar"
        label={t('pick.showLabel')}
        dock={dock}
        buttons={
          <button type="button" class="db-btn db-btn-main" onClick={whenTrusted(onClose)} data-dan-buoc="shown-close">
            {t('pick.showClose')}
          </button>
        }
      >
        <p class="db-step" role="status" data-dan-buoc="shown-prompt">
          {t('pick.shown', { n })}
        </p>
      </AuthorBar>
    </>
  );
}
