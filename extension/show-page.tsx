// "Chỉ trên trang" (issue 20): the editor asks the site's tab to outline the control a step points at. The
// picker script (injected on demand, never carried by the guide) looks for it as the guide does — the same
// waitForAnchor, with the step's earlier anchors and the other steps' anchors on that page — scrolls it into
// view and outlines it with a bar naming the step, until the author closes it (the bar's button or Escape, by
// the author's own input only), another look replaces it, or the page goes. Nothing on the page is read but
// what finding the control reads; the answer is only whether it was found.
import { render } from 'preact';
import { waitForAnchor } from '../core/anchors/index';
import { createTranslator } from '../core/i18n';
import { ShownTarget } from '../components/shown-target';
import { messaging, type ShownTarget as Shown } from './protocol';
import type { PageContext } from './page-context';
import { mountPageUi, type PageUi } from './page-ui';
import { readDisplaySettings } from './page-display';
import barCss from '../components/bar.css?inline';

/** How long to look for the control before saying it is not on the page: the guide's own wait. @default 3000 */
const FIND_TIMEOUT_MS = 3000;

export function startShowPage(ctx: PageContext): void {
  let shown: { close: () => void } | null = null;

  ctx.onInvalidated(messaging.onMessage('showTarget', async ({ data }): Promise<Shown> => {
    shown?.close();
    const me = { close: (): void => undefined };
    shown = me;
    const look = new AbortController();
    me.close = () => look.abort();
    const forgetLook = ctx.onInvalidated(() => look.abort());
    const found = await waitForAnchor(data.anchor, { timeoutMs: FIND_TIMEOUT_MS, signal: look.signal, peers: data.peers ?? [], alternates: data.alternates ?? [] });
    forgetLook();
    if (!found || shown !== me) {
      if (shown === me) shown = null;
      return { found: false };
    }
    const t = createTranslator((await readDisplaySettings()).lang);
    const target = found.element;
    target.scrollIntoView({ block: 'center', inline: 'nearest' });
    const stop = new AbortController();
    let ui: PageUi | null = null;
    const close = (): void => {
      stop.abort();
      ui?.remove();
      ui = null;
      if (shown === me) shown = null;
    };
    me.close = close;
    const forget = ctx.onInvalidated(close);
    stop.signal.addEventListener('abort', forget);
    document.addEventListener('keydown', (e) => e.isTrusted && e.key === 'Escape' && close(), { capture: true, signal: stop.signal });
    ui = mountPageUi(ctx, 'dan-buoc-shown', document, barCss);
    // The bar sits at the edge away from the control.
    const r = target.getBoundingClientRect();
    const dock = r.top + r.height / 2 > window.innerHeight / 2 ? 'top' : 'bottom';
    render(<ShownTarget t={t} n={data.n} target={target} onClose={close} dock={dock} />, ui.uiContainer);
    return { found: true };
  }));
}
