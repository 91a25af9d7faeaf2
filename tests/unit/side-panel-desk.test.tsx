// The console at the desk (issue 20): the outcome form as a state of its own, "Hoàn tác" offered for
// UNDO_OFFER_MS after saving and the form back as it was, and resident mode switched for one session only.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SidePanel } from '../../components/side-panel';
import { createTranslator } from '../../core/i18n';
import { UNDO_OFFER_MS } from '../../core/outcomes';
import type { StepView } from '../../extension/protocol';
import { DEFAULT_SETTINGS } from '../../extension/settings';
import { createSpeaker } from '../../core/voices';
import { evnStepView, fakePanelApi, settle, shippedCatalog, useRenderRoot } from './dom-helpers';

const rootOf = useRenderRoot();
const $ = <T extends Element = HTMLElement>(sel: string): T | null => rootOf().querySelector<T>(sel);
const click = (sel: string): void => {
  act(() => {
    $(sel)!.click();
  });
};
/** Let effects and promises run while timers are fake (the 1 ms moves no offer's deadline noticeably). */
const flush = (): Promise<void> => act(async () => void (await vi.advanceTimersByTimeAsync(1)));

describe('20 the console at the desk', () => {
  afterEach(() => vi.useRealTimers());

  it('20 the outcome form hides the guide controls; "Hoàn tác" shows for UNDO_OFFER_MS, undoes, and brings the form back as saved', async () => {
    const view: StepView = evnStepView('s-20');
    const session = { current: view as StepView | null, notify: (): void => undefined };
    const finished: unknown[] = [];
    const undone: string[] = [];
    const api = fakePanelApi(session, {
      finish: async (outcome, details) => {
        finished.push({ outcome, ...details });
        session.current = null;
        session.notify();
        return { pending: 0 };
      },
      undoFinish: async (id) => {
        undone.push(id);
        session.current = view;
        return { ok: true, view };
      },
    });
    act(() => render(<SidePanel t={createTranslator('vi')} search={shippedCatalog.search} api={api} settings={DEFAULT_SETTINGS} onSettings={() => undefined} />, rootOf()));
    await settle();
    expect($('[data-testid="run-nav"]')).not.toBeNull();
    click('[data-testid="stop"]');
    expect($('[data-testid="running"]')!.dataset.state).toBe('outcome');
    expect($('[data-testid="run-nav"]')).toBeNull();
    expect($('[data-testid="skip"]')).toBeNull();
    click('[data-testid="outcome-stopped"]');
    click('[data-testid="outcome-reason-no-account"]');
    click('[data-testid="outcome-age-30-59"]');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await act(async () => void $<HTMLFormElement>('[data-testid="outcome-form"]')!.dispatchEvent(new Event('submit', { cancelable: true })));
    await flush();
    await flush();
    expect(finished).toEqual([{ outcome: 'stopped', reason: 'no-account', ageBand: '30-59' }]);
    expect($('[data-testid="undo-outcome"]')).not.toBeNull();

    // Gone after UNDO_OFFER_MS.
    await act(async () => void (await vi.advanceTimersByTimeAsync(UNDO_OFFER_MS - 200)));
    expect($('[data-testid="undo-outcome"]')).not.toBeNull();
    await act(async () => void (await vi.advanceTimersByTimeAsync(400)));
    expect($('[data-testid="undo-outcome"]')).toBeNull();
    vi.useRealTimers();

    // Saved again, and undone in time: the form is back with the same choices.
    session.current = view;
    session.notify();
    await settle();
    click('[data-testid="stop"]');
    click('[data-testid="outcome-referred"]');
    click('[data-testid="outcome-reason-site-down"]');
    await act(async () => void $<HTMLFormElement>('[data-testid="outcome-form"]')!.dispatchEvent(new Event('submit', { cancelable: true })));
    await settle();
    click('[data-testid="undo-outcome"]');
    await settle();
    expect(undone).toEqual(['s-20']);
    expect($('[data-testid="running"]')!.dataset.state).toBe('outcome');
    expect($<HTMLInputElement>('[data-testid="outcome-referred"]')!.checked).toBe(true);
    expect($<HTMLInputElement>('[data-testid="outcome-reason-site-down"]')!.checked).toBe(true);
    expect($('.outcome-locked')!.textContent).toMatch(/^Đã hoàn tác/);
    expect($('[data-testid="undo-outcome"]')).toBeNull();
  });

  it('20 the resident-mode switch is for this session: it asks the background, never the settings', async () => {
    const view: StepView = evnStepView('s-21');
    const session = { current: view as StepView | null, notify: (): void => undefined };
    const asked: boolean[] = [];
    const onSettings = vi.fn();
    const api = fakePanelApi(session, {
      setResidentMode: async (on) => {
        asked.push(on);
        return { ...view, residentMode: on };
      },
    });
    act(() => render(<SidePanel t={createTranslator('vi')} search={shippedCatalog.search} api={api} settings={DEFAULT_SETTINGS} onSettings={onSettings} />, rootOf()));
    await settle();
    expect($<HTMLInputElement>('[data-testid="session-resident"]')!.checked).toBe(false);
    expect($('[data-testid="chip-large-text"]')!.textContent).toMatch(/Chữ to: tắt/);
    click('[data-testid="session-resident"]');
    await settle();
    expect(asked).toEqual([true]);
    expect(onSettings).not.toHaveBeenCalled();
    expect($<HTMLInputElement>('[data-testid="session-resident"]')!.checked).toBe(true);
    expect($('[data-testid="chip-large-text"]')!.textContent).toMatch(/Chữ to: bật/);
    expect($('[data-testid="chip-read-aloud"]')!.textContent).toMatch(/Đọc to gợi ý: bật/);
  });

  it('20 "Đọc to gợi ý" says when this browser has no Vietnamese voice, and turns on when one arrives', async () => {
    const view: StepView = { ...evnStepView('s-22'), residentMode: true };
    const session = { current: view as StepView | null, notify: (): void => undefined };
    const listeners = new Set<() => void>();
    let voices: { lang: string }[] = [{ lang: 'en-US' }];
    const synth = {
      getVoices: () => voices,
      speak: () => undefined,
      cancel: () => undefined,
      addEventListener: (_: 'voiceschanged', l: () => void) => void listeners.add(l),
      removeEventListener: (_: 'voiceschanged', l: () => void) => void listeners.delete(l),
    };
    const speaker = createSpeaker(synth, () => ({ lang: '', rate: 1, voice: null, onend: null, onerror: null }));
    act(() =>
      render(
        <SidePanel t={createTranslator('vi')} search={shippedCatalog.search} api={fakePanelApi(session)} settings={DEFAULT_SETTINGS} onSettings={() => undefined} voices={speaker} />,
        rootOf(),
      ),
    );
    await settle();
    const chip = (): HTMLElement => $('[data-testid="chip-read-aloud"]')!;
    expect($<HTMLInputElement>('[data-testid="session-resident"]')!.checked).toBe(true);
    expect(chip().textContent).toMatch(/Đọc to gợi ý: máy chưa có giọng đọc tiếng Việt/);
    expect(chip().dataset.on).toBe('false');
    expect(chip().dataset.voice).toBe('none');
    // Large text does not depend on a voice.
    expect($('[data-testid="chip-large-text"]')!.textContent).toMatch(/Chữ to: bật/);
    voices = [{ lang: 'en-US' }, { lang: 'vi-VN' }];
    act(() => listeners.forEach((l) => l()));
    expect(chip().textContent).toMatch(/Đọc to gợi ý: bật/);
    expect(chip().dataset.on).toBe('true');
    expect(chip().dataset.voice).toBeUndefined();
    speaker.destroy();
  });

  it('20 while the outcome form shows, the guide is paused (the card leaves the page); "Hủy" resumes it, unless it was paused before', async () => {
    const view: StepView = evnStepView('s-23');
    const session = { current: view as StepView | null, notify: (): void => undefined };
    const asked: boolean[] = [];
    const api = fakePanelApi(session, {
      pause: async (paused) => {
        asked.push(paused);
        session.current = { ...session.current!, paused };
        session.notify();
      },
    });
    act(() => render(<SidePanel t={createTranslator('vi')} search={shippedCatalog.search} api={api} settings={DEFAULT_SETTINGS} onSettings={() => undefined} />, rootOf()));
    await settle();
    click('[data-testid="stop"]');
    await settle();
    expect(asked).toEqual([true]);
    expect($('[data-testid="running"]')!.dataset.state).toBe('outcome');
    click('[data-testid="outcome-cancel"]');
    await settle();
    expect(asked).toEqual([true, false]);
    expect($('[data-testid="run-nav"]')).not.toBeNull();

    // Paused by the volunteer first: the form leaves it paused, and so does "Hủy".
    click('[data-testid="pause"]');
    await settle();
    expect(asked).toEqual([true, false, true]);
    click('[data-testid="stop"]');
    await settle();
    click('[data-testid="outcome-cancel"]');
    await settle();
    expect(asked).toEqual([true, false, true]);
    expect(session.current!.paused).toBe(true);
  });
  it('20 "Hủy" pressed before the pause was answered still resumes, after it, in order', async () => {
    const view: StepView = evnStepView('s-24');
    const session = { current: view as StepView | null, notify: (): void => undefined };
    const log: string[] = [];
    let answerPause: (() => void) | null = null;
    const api = fakePanelApi(session, {
      pause: (paused) => {
        log.push(`asked ${paused}`);
        // The first request is answered only when the test says so (a busy service worker).
        return new Promise<void>((resolve) => {
          const done = (): void => {
            session.current = { ...session.current!, paused };
            log.push(`answered ${paused}`);
            session.notify();
            resolve();
          };
          if (paused) answerPause = done;
          else done();
        });
      },
    });
    act(() => render(<SidePanel t={createTranslator('vi')} search={shippedCatalog.search} api={api} settings={DEFAULT_SETTINGS} onSettings={() => undefined} />, rootOf()));
    await settle();
    click('[data-testid="stop"]');
    await settle();
    click('[data-testid="outcome-cancel"]');
    await settle();
    // Not yet answered: the resume waits for it, so the two cannot cross on the way.
    expect(log).toEqual(['asked true']);
    answerPause!();
    await settle();
    await settle();
    expect(log).toEqual(['asked true', 'answered true', 'asked false', 'answered false']);
    expect(session.current!.paused).toBe(false);
    expect($('[data-testid="run-nav"]')).not.toBeNull();
  });

  it('20 the form takes the focus from the button that opened it, in the same render, but not from a field the volunteer is in', async () => {
    const view: StepView = evnStepView('s-25');
    const session = { current: view as StepView | null, notify: (): void => undefined };
    const api = fakePanelApi(session, {
      pause: async (paused) => {
        session.current = { ...session.current!, paused };
        session.notify();
      },
    });
    act(() => render(<SidePanel t={createTranslator('vi')} search={shippedCatalog.search} api={api} settings={DEFAULT_SETTINGS} onSettings={() => undefined} />, rootOf()));
    await settle();
    $<HTMLButtonElement>('[data-testid="stop"]')!.focus();
    click('[data-testid="stop"]');
    // No effects flushed, no timers run: the focus is on the chosen outcome already.
    expect(document.activeElement).toBe($('input[name="outcome"]:checked'));
    click('[data-testid="outcome-cancel"]');
    await settle();

    // The volunteer is typing in a field outside the guide (here the language select of the settings) when the
    // resident reaches the end: the form shows, and the focus stays where it is.
    const select = $<HTMLSelectElement>('details.settings select')!;
    select.focus();
    expect(document.activeElement).toBe(select);
    session.current = { ...session.current!, status: 'done', index: session.current!.total - 1 };
    act(() => session.notify());
    await settle();
    expect($('[data-testid="running"]')!.dataset.state).toBe('outcome');
    expect(document.activeElement).toBe(select);
  });
  it('20 the shortcuts stop in the render that opens the form: Alt+→ pressed before any frame does not move the guide', async () => {
    const view: StepView = evnStepView('s-26');
    const session = { current: view as StepView | null, notify: (): void => undefined };
    const moved: string[] = [];
    const api = fakePanelApi(session, { next: async () => void moved.push('next'), skip: async () => void moved.push('skip') });
    act(() => render(<SidePanel t={createTranslator('vi')} search={shippedCatalog.search} api={api} settings={DEFAULT_SETTINGS} onSettings={() => undefined} />, rootOf()));
    await settle();
    const key = (code: string): void => void document.dispatchEvent(new KeyboardEvent('keydown', { code, altKey: true, bubbles: true, cancelable: true }));
    key('ArrowRight');
    expect(moved).toEqual(['next']);
    // "Kết thúc" pressed outside act(): the render comes in a microtask, no frame, no timer.
    $<HTMLButtonElement>('[data-testid="stop"]')!.click();
    for (let i = 0; i < 5 && $('[data-testid="running"]')!.dataset.state !== 'outcome'; i++) await Promise.resolve();
    expect($('[data-testid="running"]')!.dataset.state).toBe('outcome');
    key('ArrowRight');
    key('KeyS');
    expect(moved).toEqual(['next']);
    // Cancelled: the shortcuts are back.
    click('[data-testid="outcome-cancel"]');
    await settle();
    key('ArrowRight');
    expect(moved).toEqual(['next', 'next']);
  });
});
