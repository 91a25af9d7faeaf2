// The content script's part in re-capturing one step's target (issue 7): the editor asks this tab to let
// the author click the control the step should point at. Until then a bar says so; the click is taken
// (it does not press the control) and becomes the step's new anchor and page pattern through
// core/recorder.ts, exactly as a recorded step would. Values are never read. Escape or "Hủy" cancels — the
// author's own key or click only: the page's scripts can neither pick nor cancel.
import { render } from 'preact';
import { PickBar } from '../components/pick-bar';
import { controlAt } from '../core/anchors/controls';
import { createTranslator } from '../core/i18n';
import { recordStep } from '../core/recorder';
import { messaging, type PickedTarget } from './protocol';
import type { PageContext } from './page-context';
import { mountPageUi, type PageUi } from './page-ui';
import { readDisplaySettings } from './page-display';
import { followPointer, type Dock } from './bar-dock';
import barCss from '../components/bar.css?inline';

export function startPickPage(ctx: PageContext): void {
  let pending: { cancel: () => void } | null = null;

  ctx.onInvalidated(messaging.onMessage('cancelPick', () => pending?.cancel()));
  ctx.onInvalidated(messaging.onMessage('pickTarget', async ({ data }) => {
    const hint = typeof data?.hint === 'string' ? data.hint.slice(0, 300) : '';
    const add = data?.add === true;
    pending?.cancel();
    const t = createTranslator((await readDisplaySettings()).lang);
    return new Promise<PickedTarget | null>((resolve) => {
      const stop = new AbortController();
      let ui: PageUi | null = null;
      let forget = (): void => undefined;
      const done = (picked: PickedTarget | null): void => {
        stop.abort();
        forget();
        ui?.remove();
        if (pending === me) pending = null;
        resolve(picked);
      };
      const me = { cancel: () => done(null) };
      pending = me;
      const fromUs = (e: Event): boolean => !!ui && e.composedPath().includes(ui.shadowHost);
      const options = { capture: true, signal: stop.signal };
      // The click picks; it must not also press the control (a link would leave the page).
      const swallow = (e: Event): void => {
        if (!e.isTrusted || fromUs(e)) return;
        e.preventDefault();
        e.stopImmediatePropagation();
      };
      document.addEventListener('pointerdown', swallow, options);
      document.addEventListener('mousedown', swallow, options);
      document.addEventListener('pointerup', swallow, options);
      document.addEventListener('mouseup', swallow, options);
      document.addEventListener(
        'click',
        (e) => {
          if (!e.isTrusted || fromUs(e)) return;
          e.preventDefault();
          e.stopImmediatePropagation();
          const el = controlAt(e.target);
          const step = el ? recordStep(el, location.href) : null;
          if (!step?.anchor) return; // not a control: keep waiting
          done({ anchor: step.anchor, page: step.page, label: step.text.vi, text: step.text, advance: step.advance, ...(step.private ? { private: step.private } : {}) });
        },
        options,
      );
      document.addEventListener(
        'keydown',
        (e) => {
          if (e.isTrusted && e.key === 'Escape') done(null);
        },
        options,
      );
      forget = ctx.onInvalidated(() => done(null));
      if (stop.signal.aborted) return;
      const mounted = mountPageUi(ctx, 'dan-buoc-picker', document, barCss);
      ui = mounted;
      const draw = (dock: Dock): void => render(<PickBar t={t} hint={hint} add={add} dock={dock} onCancel={() => done(null)} />, mounted.uiContainer);
      followPointer(stop.signal, fromUs, draw);
      draw('bottom');
    });
  }));
}
