// The content script's part in recording a walkthrough (issue 7): while the background says this tab is
// being recorded, every trusted click on a control, choice in a list and entry into a field becomes a step
// (core/recorder.ts: anchor, page pattern, advance rule, hint, privacy mark), sent to the background in
// order. Values are never read: a field is recorded when it gets the focus. A small bar shows the count,
// with undo and stop (the author's own clicks only: the page's scripts cannot press them).
import { render } from 'preact';
import { RecordingBar } from '../components/recording-bar';
import { controlAt } from '../core/anchors/controls';
import { createTranslator } from '../core/i18n';
import { actionOf, recordStep } from '../core/recorder';
import { createSerialQueue } from '../core/serial-queue';
import { messaging } from './protocol';
import type { RecordingView } from './recording';
import type { PageContext } from './page-context';
import { mountPageUi, type PageUi } from './page-ui';
import { readDisplaySettings } from './page-display';
import { followPointer, type Dock } from './bar-dock';
import barCss from '../components/bar.css?inline';

/** What a click landed on, when that is a control to press (fields and lists are recorded otherwise). */
function pressed(target: EventTarget | null): Element | null {
  // A label stands for its field or choice, whose focus or change event records it.
  const el = controlAt(target);
  return el && actionOf(el) === 'click' ? el : null;
}

export function startRecordingPage(ctx: PageContext): void {
  let ui: PageUi | null = null;
  let listening: AbortController | null = null;
  let dock: Dock = 'bottom';
  let redraw = (): void => undefined;
  const queue = createSerialQueue();

  /** Send in the order the author acted (each waits for the one before). */
  const inOrder = (send: () => Promise<unknown>): void => void queue.run(send).catch(() => undefined);

  const fromUs = (e: Event): boolean => !!ui && e.composedPath().includes(ui.shadowHost);

  function record(el: Element): void {
    const step = recordStep(el, location.href);
    if (step) inOrder(() => messaging.sendMessage('recordStep', { step }));
  }

  function listen(): void {
    listening = new AbortController();
    const options = { capture: true, signal: listening.signal };
    followPointer(listening.signal, fromUs, (next) => {
      dock = next;
      redraw();
    });
    document.addEventListener(
      'click',
      (e) => {
        if (!e.isTrusted || fromUs(e)) return;
        const el = pressed(e.target);
        if (el) record(el);
      },
      options,
    );
    document.addEventListener(
      'focusin',
      (e) => {
        if (e.isTrusted && !fromUs(e) && e.target instanceof Element && actionOf(e.target) === 'field') record(e.target);
      },
      options,
    );
    document.addEventListener(
      'change',
      (e) => {
        if (e.isTrusted && !fromUs(e) && e.target instanceof Element && actionOf(e.target) === 'choose') record(e.target);
      },
      options,
    );
  }

  async function apply(view: RecordingView | null): Promise<void> {
    if (!view || !ctx.isValid) {
      listening?.abort();
      listening = null;
      ui?.remove();
      ui = null;
      return;
    }
    if (!listening) listen();
    const t = createTranslator((await readDisplaySettings()).lang);
    if (!ctx.isValid) return;
    ui ??= mountPageUi(ctx, 'dan-buoc-recorder', document, barCss);
    const mounted = ui;
    const stop = (): void =>
      inOrder(() => messaging.sendMessage('stopRecording', { title: t('recorder.defaultTitle', { date: new Date().toLocaleDateString('vi-VN') }), category: 'public-service' }));
    redraw = () =>
      render(<RecordingBar t={t} steps={view.steps} last={view.last} dock={dock} onUndo={() => inOrder(() => messaging.sendMessage('undoStep'))} onStop={stop} />, mounted.uiContainer);
    redraw();
  }

  ctx.onInvalidated(messaging.onMessage('showRecording', ({ data }) => void apply(data)));
  ctx.onInvalidated(() => void apply(null));
  void messaging.sendMessage('recording').then(apply, () => undefined);
}
