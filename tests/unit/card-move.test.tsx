// Issue 17.5: the step card over a site can be moved (by its head, or the arrow keys on its "move" button) and
// shrunk to a pill that keeps the step number; only a person's own input does it (happy-dom marks no event
// trusted: a "person's" event here has isTrusted set on it, as the browser sets it for real input).
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Overlay, type CardPlace } from '../../components/overlay';
import { RecordingBar } from '../../components/recording-bar';
import { StepCard } from '../../components/step-card';
import { createTranslator } from '../../core/i18n';
import { useRenderRoot } from './dom-helpers';

const t = createTranslator('vi');
const rootOf = useRenderRoot();

function show(node: ComponentChild): HTMLElement {
  act(() => render(node, rootOf()));
  return rootOf();
}

function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

const q = (root: ParentNode, name: string): HTMLElement => {
  const el = root.querySelector<HTMLElement>(`[data-dan-buoc="${name}"]`);
  if (!el) throw new Error(`no ${name}`);
  return el;
};

const card = { t, index: 2, total: 8, text: 'Xem dòng «Lệ phí».', onNext: () => undefined, onBack: () => undefined };

describe('17.5 the step card can be moved and shrunk, by a person only', () => {
  it('17.5 shrunk: a pill with the step number and a button to open it again; no hint, no step buttons', () => {
    const onLayout = vi.fn();
    const root = show(<Overlay target={null} card={card} layout={{ at: null, shrunk: true }} onLayout={onLayout} />);
    expect(q(root, 'step').textContent).toBe('Bước 3/8');
    expect(root.querySelector('[data-dan-buoc="text"]')).toBeNull();
    expect(root.querySelector('[data-dan-buoc="next"]')).toBeNull();
    const expand = q(root, 'expand');
    expect(expand.textContent).toBe(t('overlay.show'));
    expand.click();
    expect(onLayout).not.toHaveBeenCalled();
    expand.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(onLayout).toHaveBeenCalledWith({ at: null, shrunk: false });
  });

  it('17.5 full card: "Thu nhỏ" asks to shrink it; the move button is named in words', () => {
    const onLayout = vi.fn();
    const root = show(<Overlay target={null} card={card} layout={{ at: null, shrunk: false }} onLayout={onLayout} />);
    expect(q(root, 'text').textContent).toContain('Lệ phí');
    expect(q(root, 'move').getAttribute('aria-label')).toBe(t('overlay.move'));
    q(root, 'shrink').dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(onLayout).toHaveBeenCalledWith({ at: null, shrunk: true });
  });

  it('17.5 arrow keys on the move button move the card; Enter ends and keeps the place; a script\'s keys do nothing', () => {
    const kept: CardPlace[] = [];
    const root = show(<Overlay target={null} card={card} layout={{ at: { x: 100, y: 100 }, shrunk: false }} onLayout={(l) => kept.push(l)} />);
    const bubble = q(root, 'bubble');
    expect([bubble.style.left, bubble.style.top]).toEqual(['100px', '100px']);
    const move = q(root, 'move');
    move.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(bubble.style.left).toBe('100px');
    // happy-dom lays nothing out: the card's box is where its style puts it.
    bubble.getBoundingClientRect = () => DOMRect.fromRect({ x: parseFloat(bubble.style.left), y: parseFloat(bubble.style.top), width: 300, height: 200 });
    move.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    move.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'ArrowDown', shiftKey: true, bubbles: true })));
    expect([bubble.style.left, bubble.style.top]).toEqual(['120px', '180px']);
    expect(kept).toEqual([]);
    move.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(kept).toEqual([{ at: { x: 120, y: 180 }, shrunk: false }]);
  });

  it('17.5 dragged by its head with the pointer; a script\'s pointer events do nothing', () => {
    const kept: CardPlace[] = [];
    const root = show(<Overlay target={null} card={card} layout={{ at: { x: 100, y: 100 }, shrunk: false }} onLayout={(l) => kept.push(l)} />);
    const bubble = q(root, 'bubble');
    bubble.getBoundingClientRect = () => DOMRect.fromRect({ x: parseFloat(bubble.style.left), y: parseFloat(bubble.style.top), width: 300, height: 200 });
    const handle = q(root, 'handle');
    const pointer = (type: string, x: number, y: number): PointerEvent => new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, button: 0, pointerId: 1 });
    handle.dispatchEvent(pointer('pointerdown', 110, 110));
    handle.dispatchEvent(pointer('pointermove', 400, 300));
    expect(bubble.style.left).toBe('100px');
    handle.dispatchEvent(trusted(pointer('pointerdown', 110, 110)));
    handle.dispatchEvent(pointer('pointermove', 900, 300));
    expect(bubble.style.left).toBe('100px');
    handle.dispatchEvent(trusted(pointer('pointermove', 410, 310)));
    expect([bubble.style.left, bubble.style.top]).toEqual(['400px', '300px']);
    handle.dispatchEvent(trusted(pointer('pointerup', 510, 210)));
    expect(kept).toEqual([{ at: { x: 500, y: 200 }, shrunk: false }]);
    // Released: further moves do not drag it.
    handle.dispatchEvent(trusted(pointer('pointermove', 10, 10)));
    expect(bubble.style.left).toBe('500px');
  });

  it('17.5 the widget\'s card (a StepCard given no move and no shrink) has neither tool nor a drag handle', () => {
    const root = show(<StepCard {...card} inline />);
    expect(q(root, 'step').textContent).toBe('Bước 3/8');
    for (const name of ['move', 'shrink', 'expand', 'handle']) expect(root.querySelector(`[data-dan-buoc="${name}"]`), name).toBeNull();
  });

  it('17.5 the recording bar docks to the edge it is told, and has its own move button', () => {
    const root = show(<RecordingBar t={t} steps={2} dock="top" onUndo={() => undefined} onStop={() => undefined} />);
    expect(q(root, 'bar').className).toContain('db-dock-top');
    show(<RecordingBar t={t} steps={2} dock="bottom" onUndo={() => undefined} onStop={() => undefined} />);
    expect(q(root, 'bar').className).toContain('db-dock-bottom');
    expect(q(root, 'bar-move').getAttribute('aria-label')).toBe(t('overlay.move'));
  });
});
