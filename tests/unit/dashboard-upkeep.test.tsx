// The dashboard page and the records behind it: retention applies when the page opens (not only when a
// session ends), and an import through its file input stores no name, number or code and says how many
// records it refused (dated in the future) or left out (past retention).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dashboard, type DashboardApi } from '../../components/dashboard';
import { createCatalog } from '../../core/catalog';
import { createTranslator } from '../../core/i18n';
import { toJson } from '../../core/log-export';
import type { AssistRecord } from '../../core/log-record';
import { createLogStore, retentionCutoff, type LogStore } from '../../core/log-store';
import { DEFAULT_SETTINGS } from '../../extension/settings';
import { SHIPPED_PACKS } from '../../walkthroughs';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CLOCK = new Date(2026, 10, 25, 9, 30).getTime();

function record(id: string, startHour: number, extra: Partial<AssistRecord> = {}): AssistRecord {
  return {
    id,
    packId: 'dichvucong',
    walkthroughId: 'dang-nhap-vneid',
    walkthroughVersion: '1.0.0',
    startHour: Math.floor(startHour / HOUR) * HOUR,
    durationSec: 300,
    total: 8,
    stepsReached: 8,
    stepsCompleted: 8,
    repeats: {},
    notFound: [],
    skipped: [],
    outcome: 'completed',
    ...extra,
  };
}

function apiOf(store: LogStore): DashboardApi & { maintain: ReturnType<typeof vi.fn> } {
  return {
    summary: (f) => store.summary(f),
    records: (f) => store.all(f),
    csv: (f, lang, label) => store.csv(f, lang, label),
    count: () => store.count(),
    addMany: (records, options) => store.addMany(records, options),
    maintain: vi.fn((cutoff: number) => store.maintain(cutoff)),
    clear: () => store.clear(),
    storageUsage: async () => null,
    download: () => undefined,
    print: () => undefined,
    now: () => CLOCK,
  };
}

let root: HTMLElement;
let store: LogStore;
beforeEach(async () => {
  root = document.createElement('div');
  document.body.append(root);
  store = await createLogStore({ name: `dash-${Math.random().toString(36).slice(2)}`, now: () => CLOCK });
  // Chart.js finds no canvas context under happy-dom; the tables beside the charts hold the figures.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  store.close();
  vi.restoreAllMocks();
});

const settings = { ...DEFAULT_SETTINGS, retentionMonths: 6 };
const catalog = createCatalog(SHIPPED_PACKS);

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await act(async () => void (await new Promise((r) => setTimeout(r, 5))));
  expect(check()).toBe(true);
}

const total = (): string | null | undefined => root.querySelector('[data-testid="total"]')?.getAttribute('data-value');

describe('the dashboard keeps to the retention period and imports nothing personal', () => {
  it('15.8 opening the dashboard purges records past the retention period', async () => {
    const cutoff = retentionCutoff(CLOCK, 6);
    for (let i = 0; i < 4; i++) await store.add(record(`old-record-${i}`, cutoff - (10 + i) * DAY));
    for (let i = 0; i < 3; i++) await store.add(record(`new-record-${i}`, CLOCK - (2 + i) * DAY));
    expect(await store.count()).toBe(7);
    const api = apiOf(store);
    act(() => render(<Dashboard t={createTranslator('vi')} settings={settings} catalog={catalog} api={api} />, root));
    await until(() => total() === '3');
    expect(api.maintain).toHaveBeenCalledWith(cutoff);
    expect(await store.count()).toBe(3);
  });

  it('15.6 an import through the dashboard stores notes redacted and no volunteer, and counts records refused as future-dated or past retention', async () => {
    const api = apiOf(store);
    act(() => render(<Dashboard t={createTranslator('vi')} settings={settings} catalog={catalog} api={api} />, root));
    await until(() => total() === '0');
    const cutoff = retentionCutoff(CLOCK, 6);
    const file = toJson(
      [
        record('imp-note-0001', CLOCK - 3 * DAY, { note: 'Bà Nguyễn Thị Hoa, SĐT 0987 654 321, quên mật khẩu', volunteer: 'Chị Đỗ Thị Mai' }),
        record('imp-plain-0002', CLOCK - 4 * DAY),
        record('imp-future-003', CLOCK + 30 * DAY),
        record('imp-old-000004', cutoff - 20 * DAY),
      ],
      CLOCK,
    );
    const input = root.querySelector<HTMLInputElement>('[data-testid="import"]')!;
    Object.defineProperty(input, 'files', { value: [new File([file], 'quay-2.json', { type: 'application/json' })], configurable: true });
    await act(async () => void input.dispatchEvent(new Event('change')));
    await until(() => !!root.querySelector('[data-testid="message"]')?.textContent?.startsWith('Đã nhập'));
    expect(root.querySelector('[data-testid="message"]')!.textContent).toBe(
      'Đã nhập 2 bản ghi, bỏ qua 0 bản ghi trùng. Từ chối 1 bản ghi có thời điểm ở tương lai (đồng hồ của máy gửi có thể sai). Không nhập 1 bản ghi cũ hơn thời hạn lưu 6 tháng.',
    );
    const kept = await store.all();
    expect(kept.map((r) => r.id).sort()).toEqual(['imp-note-0001', 'imp-plain-0002']);
    expect(kept.find((r) => r.id === 'imp-note-0001')).toMatchObject({ note: 'Bà [TÊN], SĐT [SĐT], quên mật khẩu' });
    for (const secret of ['Nguyễn', 'Hoa', '0987', 'Mai', 'Đỗ']) expect(JSON.stringify(kept)).not.toContain(secret);
  });
});
