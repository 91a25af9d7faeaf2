// The console when the guide is lost (issue 17): the guide's state in words, a symbol and a colour in a
// polite live region, the ways out, a place for more of them, and asking where to start.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { SidePanel } from '../../components/side-panel';
import { createTranslator } from '../../core/i18n';
import type { StepView } from '../../extension/protocol';
import { DEFAULT_SETTINGS } from '../../extension/settings';
import { evnStepView, fakePanelApi, settle, shippedCatalog, useRenderRoot } from './dom-helpers';

const rootOf = useRenderRoot();
const q = (sel: string): HTMLElement | null => rootOf().querySelector<HTMLElement>(sel);

describe('17 the console when the guide is lost', () => {
  it('17.1 shows each state in words with a polite live region; looking shows a progress; paused from the session', async () => {
    const session = { current: { ...evnStepView(), guide: 'looking' } as StepView | null, notify: (): void => undefined };
    const opened: string[] = [];
    const api = fakePanelApi(session, { openStepPage: async () => void opened.push('open'), skip: async () => void opened.push('skip') });
    act(() =>
      render(
        <SidePanel
          t={createTranslator('vi')}
          search={shippedCatalog.search}
          api={api}
          settings={DEFAULT_SETTINGS}
          onSettings={() => undefined}
          lostActions={(v) => <button type="button" data-testid="heal">{`heal ${v.index}`}</button>}
        />,
        rootOf(),
      ),
    );
    await settle();
    const line = q('[data-testid="guide-line"]')!;
    expect(line.getAttribute('aria-live')).toBe('polite');
    expect(q('[data-testid="guide-state"]')!.dataset.state).toBe('looking');
    expect(line.textContent).toMatch(/Đang tìm nút hoặc ô/);
    expect(q('progress')!.getAttribute('aria-label')).toMatch(/Đang tìm/);
    expect(q('[data-testid="lost-skip"]')).toBeNull();

    const show = async (change: Partial<StepView>): Promise<void> => {
      session.current = { ...session.current!, ...change };
      session.notify();
      await settle();
    };
    await show({ guide: 'found' });
    expect(line.textContent).toMatch(/Đã thấy/);
    expect(q('progress')).toBeNull();
    expect(q('[data-testid="guide-line"]')).toBe(line);

    await show({ guide: 'not-found' });
    expect(q('.guide-not-found')).not.toBeNull();
    expect(line.textContent).toMatch(/Không thấy nút hoặc ô của bước này/);
    // The slot for "Chỉ cho Dẫn Bước" is filled only while not found.
    expect(q('[data-testid="heal"]')!.textContent).toBe('heal 0');
    expect(q('[data-testid="open-step-page"]')).toBeNull();
    act(() => q('[data-testid="lost-skip"]')!.click());

    await show({ guide: 'other-page' });
    expect(line.textContent).toMatch(/trang khác/);
    expect(q('[data-testid="heal"]')).toBeNull();
    act(() => q('[data-testid="open-step-page"]')!.click());
    expect(opened).toEqual(['skip', 'open']);

    await show({ guide: 'disabled' });
    expect(line.textContent).toMatch(/chưa dùng được/);
    await show({ paused: true });
    expect(q('[data-testid="guide-state"]')!.dataset.state).toBe('paused');
    expect(line.classList.contains('run-paused')).toBe(true);
    expect(line.textContent).toMatch(/Đang tạm dừng/);
  });

  it('17.4 asks where to start when the tab is on a page in the middle, and starts where the volunteer chooses', async () => {
    const session = { current: null as StepView | null, notify: (): void => undefined };
    const starts: (number | undefined)[] = [];
    const api = fakePanelApi(session, {
      startChoice: async () => ({ onPage: 2 }),
      start: async (_p, _w, fromStep) => {
        starts.push(fromStep);
        return { ...evnStepView(), index: fromStep ?? 0 };
      },
    });
    act(() => render(<SidePanel t={createTranslator('vi')} search={shippedCatalog.search} api={api} settings={DEFAULT_SETTINGS} onSettings={() => undefined} />, rootOf()));
    await settle();
    act(() => q('[data-walkthrough="evn/thanh-toan-hoa-don-dien"]')!.click());
    await act(async () => q('[data-testid="start"]')!.click());
    await settle();
    expect(starts).toEqual([]);
    expect(q('[data-testid="start-here"]')!.textContent).toBe('Bắt đầu từ bước 3 (trang đang mở)');
    expect(q('[data-testid="start-over"]')!.textContent).toBe('Bắt đầu từ đầu');
    await act(async () => q('[data-testid="start-here"]')!.click());
    await settle();
    expect(starts).toEqual([2]);
    expect(q('[data-testid="panel-step"]')!.textContent).toBe('Bước 3/6');
  });
});
