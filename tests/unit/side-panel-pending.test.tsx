// The console when the log database cannot take a record (disk full, an upgrade blocked by another page):
// the session ends all the same, and a calm line says how many outcomes wait to be saved.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { SidePanel } from '../../components/side-panel';
import { createTranslator } from '../../core/i18n';
import type { StepView } from '../../extension/protocol';
import { DEFAULT_SETTINGS } from '../../extension/settings';
import { evnStepView, fakePanelApi, settle, shippedCatalog, useRenderRoot } from './dom-helpers';

const catalog = shippedCatalog;
const view: StepView = evnStepView();
const rootOf = useRenderRoot();

describe('15.7 the console goes on when records wait to be saved', () => {
  it('15.7 ending a session the log database cannot take says it will be saved later, and how many outcomes wait', async () => {
    let waiting = 1;
    const session = { current: view as StepView | null, notify: (): void => undefined };
    const api = fakePanelApi(session, {
      finish: async () => {
        session.current = null;
        waiting = 2;
        session.notify();
        return { pending: 2 };
      },
      pendingLogs: async () => waiting,
    });
    act(() => render(<SidePanel t={createTranslator('vi')} search={catalog.search} api={api} settings={DEFAULT_SETTINGS} onSettings={() => undefined} />, rootOf()));
    await settle();
    const pending = (): string | null | undefined => rootOf().querySelector('[data-testid="pending-logs"]')?.textContent;
    expect(pending()).toBe('Có 1 kết quả đang chờ lưu vào báo cáo (bộ nhớ đầy hoặc đang nâng cấp). Tiện ích sẽ tự lưu lại ở phiên sau; việc hướng dẫn vẫn bình thường.');
    expect(rootOf().querySelector('[data-testid="pending-logs"]')!.getAttribute('role')).toBe('status');
    act(() => rootOf().querySelector<HTMLButtonElement>('[data-testid="stop"]')!.click());
    await act(async () => void rootOf().querySelector<HTMLFormElement>('[data-testid="outcome-form"]')!.dispatchEvent(new Event('submit', { cancelable: true })));
    await settle();
    expect(rootOf().querySelector('[data-testid="running"]')).toBeNull();
    expect(rootOf().querySelector('[role="alert"]')).toBeNull();
    expect(rootOf().querySelector('[data-testid="panel-message"]')!.textContent).toBe('Đã kết thúc phiên: Hoàn thành. Kết quả sẽ được lưu vào báo cáo sau, không cần làm gì thêm.');
    expect(pending()).toMatch(/^Có 2 kết quả đang chờ lưu/);
    // Saved at the next session: the line goes.
    waiting = 0;
    session.notify();
    await settle();
    expect(pending()).toBeUndefined();
  });
});
