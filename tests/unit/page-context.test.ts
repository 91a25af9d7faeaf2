// Issue 15.3: the content script's own page context says nothing to the page, hears nothing the page can
// send, and ends only when the extension is gone (browser.runtime.id) or a newer copy of the script starts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageContext, onLocationChange, runningContext } from '../../extension/page-context';

afterEach(() => {
  vi.useRealTimers();
});

describe('15.3 the page context cannot be detected nor stopped by the page', () => {
  it('15.3 starting posts no window message and dispatches no event the page could hear', () => {
    const messages = vi.fn();
    window.addEventListener('message', messages);
    const dispatched = vi.spyOn(EventTarget.prototype, 'dispatchEvent');
    const posted = vi.spyOn(window, 'postMessage');
    const ctx = createPageContext({ runtimeId: () => 'ext', scope: {} });
    expect(ctx.isValid).toBe(true);
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    expect(messages).not.toHaveBeenCalled();
    dispatched.mockRestore();
    posted.mockRestore();
    window.removeEventListener('message', messages);
  });

  it("15.3 WXT's stop event and message, sent by the page, do not end it", () => {
    const ctx = createPageContext({ runtimeId: () => 'ext', scope: {} });
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    const type = 'ext:guide:wxt:content-script-started';
    const detail = { contentScriptName: 'guide', messageId: 'page' };
    document.dispatchEvent(new CustomEvent(type, { detail }));
    window.dispatchEvent(new CustomEvent(type, { detail }));
    window.dispatchEvent(new MessageEvent('message', { data: { type, ...detail } }));
    expect(ended).not.toHaveBeenCalled();
    expect(ctx.isValid).toBe(true);
  });

  it('15.3 it ends when the extension is reloaded or removed, undoing what was registered, timers too', () => {
    vi.useFakeTimers();
    let id: string | undefined = 'ext';
    const ctx = createPageContext({ runtimeId: () => id, scope: {} });
    const ended = vi.fn();
    const forgotten = vi.fn();
    ctx.onInvalidated(ended);
    ctx.onInvalidated(forgotten)();
    const ticks = vi.fn();
    const later = vi.fn();
    ctx.setInterval(ticks, 100);
    ctx.setTimeout(later, 1000);
    vi.advanceTimersByTime(250);
    expect(ticks).toHaveBeenCalledTimes(2);
    id = undefined;
    // The next tick notices the extension is gone, runs nothing, and ends the context.
    vi.advanceTimersByTime(100);
    expect(ticks).toHaveBeenCalledTimes(2);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(forgotten).not.toHaveBeenCalled();
    expect(ctx.signal.aborted).toBe(true);
    vi.advanceTimersByTime(2000);
    expect(later).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    // Registered after the end: run at once.
    const late = vi.fn();
    ctx.onInvalidated(late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('15.3 a newer copy of the script in the same world ends the older one (the page cannot see where it is kept)', () => {
    const scope = {};
    const older = createPageContext({ runtimeId: () => 'ext', scope });
    const newer = createPageContext({ runtimeId: () => 'ext', scope });
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
    // Kept under a symbol of the content script's own global, and let go when it ends.
    expect(Object.getOwnPropertySymbols(scope)).toHaveLength(1);
    newer.invalidate();
    expect(Object.getOwnPropertySymbols(scope)).toHaveLength(0);
  });

  it('16.6 the guide injected again into a document whose guide runs sees it running; after an extension reload it does not', () => {
    const scope = {};
    let id: string | undefined = 'ext';
    expect(runningContext('guide', scope)).toBeUndefined();
    const ctx = createPageContext({ runtimeId: () => id, scope });
    expect(runningContext('guide', scope)).toBe(ctx);
    // Another script's copy is not the guide's.
    expect(runningContext('recorder', scope)).toBeUndefined();
    id = undefined;
    expect(runningContext('guide', scope)).toBeUndefined();
  });

  it("15.3 only the browser's own navigations count as a route change: a page's look-alike event does not", () => {
    const nav = new EventTarget();
    const win = { location: { href: 'https://dichvucong.gov.vn/a' }, navigation: nav } as unknown as Window;
    const ctx = createPageContext({ runtimeId: () => 'ext', scope: {} });
    const changed = vi.fn();
    onLocationChange(ctx, changed, win);
    const navigate = (url: string, trusted: boolean): void => {
      const e = Object.assign(new Event('navigate'), { destination: { url } });
      if (trusted) Object.defineProperty(e, 'isTrusted', { value: true });
      nav.dispatchEvent(e);
    };
    navigate('https://dichvucong.gov.vn/b', false);
    expect(changed).not.toHaveBeenCalled();
    navigate('https://dichvucong.gov.vn/b', true);
    expect(changed).toHaveBeenCalledWith(new URL('https://dichvucong.gov.vn/b'), new URL('https://dichvucong.gov.vn/a'));
    ctx.invalidate();
    navigate('https://dichvucong.gov.vn/c', true);
    expect(changed).toHaveBeenCalledTimes(1);
  });
});
