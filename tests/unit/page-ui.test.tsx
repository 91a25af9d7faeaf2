// Issue 15.2: the on-page UI is mounted in a closed shadow root (extension/page-ui.ts): the page finds no
// shadow root and none of its text, and an event a script made is dropped before any control inside.
// happy-dom marks no event trusted; a person's event here has isTrusted set on it, as the browser sets it.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfferCard } from '../../components/offer-card';
import { createTranslator } from '../../core/i18n';
import { createPageContext } from '../../extension/page-context';
import { mountPageUi } from '../../extension/page-ui';

const t = createTranslator('vi');

function personEvent<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('15.2 the on-page UI is mounted in a closed shadow root', () => {
  it('15.2 the page finds no shadow root on the host, and none of the UI\'s text in its document', () => {
    const ctx = createPageContext({ runtimeId: () => 'ext', scope: {} });
    const ui = mountPageUi(ctx, 'dan-buoc-overlay');
    act(() => render(<OfferCard t={t} title="Đăng nhập VNeID" onStart={() => undefined} onDismiss={() => undefined} />, ui.uiContainer));
    const host = document.querySelector('dan-buoc-overlay')!;
    expect(host).toBe(ui.shadowHost);
    expect(host.shadowRoot).toBeNull();
    expect(document.body.textContent).not.toContain('Đăng nhập VNeID');
    expect(ui.uiContainer.textContent).toContain('Đăng nhập VNeID');
    expect(ui.shadowHost.style.getPropertyPriority('display')).toBe('important');
    ui.remove();
    expect(document.querySelector('dan-buoc-overlay')).toBeNull();
  });

  it('15.2 an event a script made never reaches a control inside, a person\'s does, and keys stay inside', () => {
    const ctx = createPageContext({ runtimeId: () => 'ext', scope: {} });
    const ui = mountPageUi(ctx, 'dan-buoc-recorder');
    const inner = document.createElement('button');
    ui.uiContainer.append(inner);
    const seen: string[] = [];
    for (const type of ['click', 'pointerdown', 'keydown']) inner.addEventListener(type, (e) => seen.push(`${e.isTrusted ? 'person' : 'script'} ${type}`));
    const pageHeard = vi.fn();
    document.addEventListener('keydown', pageHeard);

    inner.click();
    inner.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    inner.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(seen).toEqual([]);
    inner.dispatchEvent(personEvent(new MouseEvent('click', { bubbles: true, composed: true })));
    inner.dispatchEvent(personEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true })));
    expect(seen).toEqual(['person click', 'person keydown']);
    expect(pageHeard).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageHeard);
    ui.remove();
  });
});

describe('15.3 the on-page UI lives as long as its own page context', () => {
  it('15.3 the UI goes when the extension is reloaded or removed, and one mounted after that goes at once', () => {
    let id: string | undefined = 'ext';
    const ctx = createPageContext({ runtimeId: () => id, scope: {} });
    mountPageUi(ctx, 'dan-buoc-picker');
    expect(document.querySelector('dan-buoc-picker')).not.toBeNull();
    id = undefined;
    expect(ctx.isValid).toBe(false);
    expect(document.querySelector('dan-buoc-picker')).toBeNull();
    mountPageUi(ctx, 'dan-buoc-picker');
    expect(document.querySelector('dan-buoc-picker')).toBeNull();
  });

  it('15.3 a person pressing the UI of an extension reloaded since: nothing runs, and the UI goes', () => {
    let id: string | undefined = 'ext';
    const ctx = createPageContext({ runtimeId: () => id, scope: {} });
    const ui = mountPageUi(ctx, 'dan-buoc-overlay');
    const inner = document.createElement('button');
    ui.uiContainer.append(inner);
    const pressed = vi.fn();
    inner.addEventListener('click', pressed);
    id = undefined;
    inner.dispatchEvent(personEvent(new MouseEvent('click', { bubbles: true, composed: true })));
    expect(pressed).not.toHaveBeenCalled();
    expect(document.querySelector('dan-buoc-overlay')).toBeNull();
  });
});
