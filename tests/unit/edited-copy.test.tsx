// An edited copy of a built-in pack ("Sửa" makes `<id>-ban-sua`) keeps the original's walkthrough titles: every
// list that shows it says it is "bản sửa của phường" (issue 20) — the desk's pack list (with its version, as
// the console's catalogue: tests/e2e/words.test.ts) and the dashboard's walkthrough names.
import { useRenderRoot } from './dom-helpers';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dashboard, type DashboardApi } from '../../components/dashboard';
import { DeskPacks, type PacksApi } from '../../components/desk-packs';
import { createCatalog } from '../../core/catalog';
import { createTranslator } from '../../core/i18n';
import type { AssistRecord } from '../../core/log-record';
import { createLogStore, type LogStore } from '../../core/log-store';
import type { Pack } from '../../core/pack';
import { bumpVersion, emptyLibrary, isEditedCopy, localCopy, type Library } from '../../core/pack-library';
import { DEFAULT_SETTINGS } from '../../extension/settings';
import { SHIPPED_PACKS } from '../../walkthroughs';
import evn from '../../walkthroughs/evn.json';

const builtIn = evn as unknown as Pack;
const copy = localCopy(builtIn);
const copy2 = { ...structuredClone(copy), version: bumpVersion(copy.version) };
const wardPack: Pack = { ...structuredClone(builtIn), id: 'evn-phuong', title: { vi: 'Trả tiền điện (gói của phường)' } };

const rootOf = useRenderRoot();
afterEach(() => vi.restoreAllMocks());

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await act(async () => void (await new Promise((r) => setTimeout(r, 5))));
  expect(check()).toBe(true);
}

describe('edited copies are labelled', () => {
  it('an edited copy is known by its id: made by "Sửa" here or at another desk; a built-in or a ward pack is not', () => {
    expect(isEditedCopy(copy)).toBe(true);
    expect(copy.id).toBe('evn-ban-sua');
    expect(isEditedCopy(builtIn)).toBe(false);
    expect(isEditedCopy(wardPack)).toBe(false);
  });

  it("the desk's pack list labels the copy, beside its version; other packs are not labelled", async () => {
    const lib: Library = { ...emptyLibrary(), packs: { [copy.id]: [copy, copy2], [wardPack.id]: [wardPack] } };
    const api: PacksApi = {
      library: async () => lib,
      watch: () => () => undefined,
      install: vi.fn(),
      fetchPack: vi.fn(),
      checkUpdate: vi.fn(),
      access: async () => [],
      grant: vi.fn(),
      rollBack: vi.fn(),
      remove: vi.fn(),
      exportFile: vi.fn(),
      edit: vi.fn(),
      builtIns: () => [{ id: builtIn.id, title: builtIn.title }],
      editCopy: vi.fn(),
    };
    act(() => render(<DeskPacks t={createTranslator('vi')} lang="vi" api={api} />, rootOf()));
    await until(() => !!rootOf().querySelector('[data-pack="evn-ban-sua"]'));
    const row = rootOf().querySelector('[data-pack="evn-ban-sua"]')!;
    expect(row.querySelector('[data-testid="pack-copy"]')!.textContent).toBe('Bản sửa của phường');
    expect(row.textContent).toContain('1.0.1');
    expect(rootOf().querySelector('[data-pack="evn-phuong"] [data-testid="pack-copy"]')).toBeNull();

    act(() => render(<DeskPacks t={createTranslator('en')} lang="en" api={api} />, rootOf()));
    await until(() => rootOf().querySelector('[data-pack="evn-ban-sua"] [data-testid="pack-copy"]')?.textContent === "Ward's edited copy");
  });

  it("the dashboard names the copy's walkthrough apart from the original's", async () => {
    const store: LogStore = await createLogStore({ name: `copy-${Math.random().toString(36).slice(2)}`, now: () => Date.now() });
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // no canvas for the charts under happy-dom
    const record = (id: string, packId: string): AssistRecord => ({
      id,
      packId,
      walkthroughId: 'thanh-toan-hoa-don-dien',
      walkthroughVersion: '1.0.1',
      startHour: Math.floor((Date.now() - 86_400_000) / 3_600_000) * 3_600_000,
      durationSec: 240,
      total: 6,
      stepsReached: 6,
      stepsCompleted: 6,
      repeats: {},
      notFound: [],
      skipped: [],
      outcome: 'completed',
    });
    await store.add(record('copy-session-1', 'evn-ban-sua'));
    await store.add(record('orig-session-1', 'evn'));
    const api: DashboardApi = {
      summary: (f) => store.summary(f),
      records: (f) => store.all(f),
      csv: (f, lang, label) => store.csv(f, lang, label),
      count: () => store.count(),
      addMany: (records, options) => store.addMany(records, options),
      maintain: (cutoff) => store.maintain(cutoff),
      clear: () => store.clear(),
      storageUsage: async () => null,
      download: () => undefined,
      print: () => undefined,
      now: () => Date.now(),
    };
    const catalog = createCatalog([...SHIPPED_PACKS, copy2]);
    act(() => render(<Dashboard t={createTranslator('vi')} settings={DEFAULT_SETTINGS} catalog={catalog} api={api} />, rootOf()));
    const options = (): string[] => [...rootOf().querySelectorAll('[data-testid="filter-walkthrough"] option')].map((o) => o.textContent ?? '');
    await until(() => options().some((o) => o.includes('bản sửa của phường')));
    expect(options()).toContain('Tra cứu và thanh toán hóa đơn tiền điện');
    expect(options()).toContain('Tra cứu và thanh toán hóa đơn tiền điện (bản sửa của phường)');
    store.close();
  });
});
