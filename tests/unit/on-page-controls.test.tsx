// Issue 15.2: the on-page controls (the overlay's card, the hand-off offer, the recording and re-capture
// bars) act only on a person's own input, never on the page's scripts (components/trusted.ts). happy-dom
// marks no event trusted, so a "person's" click here is a click event with isTrusted set on it, as the
// browser sets it for real input.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfferCard } from '../../components/offer-card';
import { Overlay } from '../../components/overlay';
import { PickBar } from '../../components/pick-bar';
import { RecordingBar } from '../../components/recording-bar';
import { StepCard } from '../../components/step-card';
import { createTranslator } from '../../core/i18n';

const t = createTranslator('vi');

/** The person clicks: the browser marks the event trusted. */
function personClick(el: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}

/** The page's script clicks, both ways it can. */
function scriptClick(el: Element): void {
  (el as HTMLElement).click();
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
}

let container: HTMLElement | null = null;

function show(node: ComponentChild): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(node, container!));
  return container;
}

afterEach(() => {
  if (container) act(() => render(null, container!));
  container?.remove();
  container = null;
});

const button = (root: ParentNode, name: string): Element => {
  const el = root.querySelector(`[data-dan-buoc="${name}"]`);
  if (!el) throw new Error(`no ${name}`);
  return el;
};

describe('15.2 on-page controls answer only a person, never the page\'s script', () => {
  it('15.2 the overlay card: "Tiếp", "Quay lại" and "Nghe" ignore script clicks and follow the person\'s', () => {
    const onNext = vi.fn();
    const onBack = vi.fn();
    const onListen = vi.fn();
    const root = show(<Overlay target={null} card={{ t, index: 2, total: 8, text: 'Bấm nút Đăng nhập.', onNext, onBack, onListen }} />);
    const listen = [...root.querySelectorAll('button')].find((b) => b.textContent === t('overlay.listen'))!;
    for (const el of [button(root, 'next'), button(root, 'back'), listen]) scriptClick(el);
    expect([onNext, onBack, onListen].map((f) => f.mock.calls.length)).toEqual([0, 0, 0]);
    for (const el of [button(root, 'next'), button(root, 'back'), listen]) personClick(el);
    expect([onNext, onBack, onListen].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('15.2 the hand-off offer: the page that carried the link cannot press "Bắt đầu" nor "Không"', () => {
    const onStart = vi.fn();
    const onDismiss = vi.fn();
    const root = show(<OfferCard t={t} title="Đăng nhập" onStart={onStart} onDismiss={onDismiss} />);
    scriptClick(button(root, 'offer-start'));
    scriptClick(button(root, 'offer-dismiss'));
    expect(onStart).not.toHaveBeenCalled();
    expect(onDismiss).not.toHaveBeenCalled();
    personClick(button(root, 'offer-start'));
    expect(onStart).toHaveBeenCalledTimes(1);
  });

  it('15.2 the recording bar: script clicks neither stop nor undo', () => {
    const onStop = vi.fn();
    const onUndo = vi.fn();
    const root = show(<RecordingBar t={t} steps={3} onStop={onStop} onUndo={onUndo} />);
    scriptClick(button(root, 'rec-stop'));
    scriptClick(button(root, 'rec-undo'));
    expect(onStop).not.toHaveBeenCalled();
    expect(onUndo).not.toHaveBeenCalled();
    personClick(button(root, 'rec-undo'));
    personClick(button(root, 'rec-stop'));
    expect([onUndo.mock.calls.length, onStop.mock.calls.length]).toEqual([1, 1]);
  });

  it('15.2 the re-capture bar: a script click does not cancel', () => {
    const onCancel = vi.fn();
    const root = show(<PickBar t={t} hint="Bấm Tra cứu." onCancel={onCancel} />);
    scriptClick(button(root, 'pick-cancel'));
    expect(onCancel).not.toHaveBeenCalled();
    personClick(button(root, 'pick-cancel'));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('15.2 the widget\'s step card (the ward page\'s own UI) still answers its page', () => {
    const onNext = vi.fn();
    const root = show(<StepCard t={t} index={0} total={3} text="Bước đầu." onNext={onNext} inline />);
    scriptClick(button(root, 'next'));
    expect(onNext).toHaveBeenCalledTimes(2);
  });
});
