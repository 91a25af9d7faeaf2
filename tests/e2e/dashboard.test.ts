// The ward's dashboard (dashboard.html): records imported through its own file input show the same figures
// as the summary computed here; the funnel and "control not found" counts per step; CSV and JSON exports;
// the JSON re-imported into a fresh profile gives the same figures, again gives only duplicates; a bad file
// is refused with the field's path; delete-all empties the store; no axe violations.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { isoDate, last12Months, thisMonth, toSummaryFilter, type FilterForm } from '../../components/dashboard-data';
import { toJson } from '../../core/log-export';
import type { AgeBand, AssistRecord, RecordOutcome } from '../../core/log-record';
import { summarizeRecords, type Summary } from '../../core/log-summary';
import { axe, clickWhenReady, downloadsTo, selectWhenReady, setup, textWhen, useEnv } from './fixture';
import { setPrivateItem } from './private-items';
import { importFile, openDashboard, textOf, textsOf, waitTotal } from '../support/pages/dashboard';
import { mulberry32 } from '../support/random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const VNEID = 'dichvucong/dang-nhap-vneid';
const EVN = 'evn/thanh-toan-hoa-don-dien';
const NOTE = 'Thiếu CCCD gắn chíp, hẹn quay lại; mang giấy tờ đầy đủ';

/** 40 records over about three months, from a fixed pseudo-random sequence. */
function seedRecords(now: number): AssistRecord[] {
  const next = mulberry32(12345);
  const rand = (n: number): number => Math.floor(next() * n);
  const walkthroughs: [string, string, number][] = [
    ['dichvucong', 'dang-nhap-vneid', 8],
    ['evn', 'thanh-toan-hoa-don-dien', 6],
    ['ebank', 'chuyen-tien', 11],
    ['khac', 'thu-nghiem', 4],
  ];
  const outcomes: RecordOutcome[] = ['completed', 'completed', 'completed', 'stopped', 'referred', 'site-error', 'abandoned'];
  const bands: (AgeBand | undefined)[] = ['under-30', '30-59', '60-plus', '60-plus', undefined];
  const records: AssistRecord[] = [];
  for (let i = 0; i < 40; i++) {
    const [packId, walkthroughId, total] = walkthroughs[i % 7 < 3 ? 0 : i % 7 < 5 ? 1 : i % 7 < 6 ? 2 : 3]!;
    const outcome = outcomes[rand(outcomes.length)]!;
    const reached = outcome === 'completed' ? total : 1 + rand(total);
    const r: AssistRecord = {
      id: `seed-${String(i).padStart(4, '0')}-dashboard`,
      packId,
      walkthroughId,
      walkthroughVersion: '1.0.0',
      wardCode: '26734',
      volunteer: 'TNV-03',
      startHour: Math.floor((now - i * 2.2 * DAY - rand(5) * HOUR) / HOUR) * HOUR,
      durationSec: 120 + rand(900),
      total,
      stepsReached: reached,
      stepsCompleted: outcome === 'completed' ? total : reached - 1,
      repeats: rand(3) === 0 ? { [rand(reached)]: 1 + rand(3) } : {},
      notFound: rand(4) === 0 ? [rand(reached)] : [],
      skipped: [],
      outcome,
    };
    const band = bands[rand(bands.length)];
    if (band) r.ageBand = band;
    if (outcome !== 'completed') r.reason = 'missing-papers';
    if (i % 5 === 0) r.note = NOTE;
    records.push(r);
  }
  // Make sure the checked walkthrough has controls not found at some step.
  records[0]!.notFound = [2];
  records[7]!.notFound = [2, 4];
  return records;
}

interface Shown {
  total: number;
  completed: number;
  median: number | null;
  tables: Record<string, Record<string, number>>;
}

async function shownFigures(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const value = (id: string): string => document.querySelector(`[data-testid="${id}"]`)!.getAttribute('data-value')!;
    const tables: Record<string, Record<string, number>> = {};
    for (const id of ['walkthrough', 'outcome', 'month', 'age']) {
      tables[id] = {};
      for (const tr of document.querySelectorAll(`[data-testid="table-${id}"] tbody tr`)) {
        tables[id][tr.getAttribute('data-key')!] = Number(tr.querySelector('[data-col="count"]')!.textContent);
      }
    }
    return { total: Number(value('total')), completed: Number(value('completed')), median: value('median') === '' ? null : Number(value('median')), tables };
  });
}

function expectFigures(shown: Shown, want: Summary): void {
  expect(shown.total).toBe(want.total);
  expect(shown.completed).toBe(want.byOutcome.completed ?? 0);
  expect(shown.median).toBe(want.medianDurationSec);
  expect(shown.tables.walkthrough).toEqual(want.byWalkthrough);
  expect(shown.tables.outcome).toEqual(want.byOutcome);
  expect(shown.tables.month).toEqual(want.byMonth);
  expect(shown.tables.age).toEqual(want.byAgeBand);
}

async function funnelShown(page: Page, key: string): Promise<{ reached: number[]; notFound: number[]; repeats: number[]; hints: string[]; warning: string | null }> {
  return page.evaluate((k: string) => {
    const root = document.querySelector(`[data-funnel="${k}"]`)!;
    const rows = [...root.querySelectorAll('tbody tr')];
    const col = (c: string): number[] => rows.map((tr) => Number(tr.querySelector(`[data-col="${c}"]`)!.textContent));
    return {
      reached: col('reached'),
      notFound: col('notFound'),
      repeats: col('repeats'),
      hints: rows.map((tr) => tr.querySelector('.hint')!.textContent ?? ''),
      warning: root.querySelector('[data-testid="not-found-warning"]')?.textContent ?? null,
    };
  }, key);
}


describe('ward dashboard', () => {
  const ctx = useEnv();
  const dir = mkdtempSync(path.join(tmpdir(), 'dan-buoc-dashboard-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const now = Date.now();
  const records = seedRecords(now);
  const defaultForm: FilterForm = { ...last12Months(now), walkthrough: '', outcome: '', ageBand: '' };
  const expected = summarizeRecords(records, toSummaryFilter(defaultForm));
  let exportedJson = '';

  it('shows the figures, funnel and not-found counts of imported records, exports CSV and JSON, passes axe', async () => {
    expect(expected.total).toBe(40);
    const page = await openDashboard(ctx.env);
    expect(await page.title()).toBe('Dẫn Bước — Báo cáo hỗ trợ');
    expect(await textWhen(page, '[data-testid="no-data"]', /Không có phiên/)).toMatch(/Không có phiên/);

    const seedFile = path.join(dir, 'seed.json');
    writeFileSync(seedFile, toJson(records, now));
    expect(await importFile(page, seedFile)).toBe('Đã nhập 40 bản ghi, bỏ qua 0 bản ghi trùng.');
    await waitTotal(page, 40);
    expectFigures(await shownFigures(page), expected);
    // The count comes from the database after the figures: wait for it rather than read the "loading" line.
    expect(await textWhen(page, '[data-testid="storage"]', /40 bản ghi.*Tự xóa sau 12 tháng/)).toMatch(/40 bản ghi.*Tự xóa sau 12 tháng/);
    // Titles from the catalogue; an id the catalogue does not know is shown as the id.
    const labels = await textsOf(page, '[data-testid="table-walkthrough"] tbody th');
    expect(labels).toContain('Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID');
    expect(labels).toContain('khac/thu-nghiem');
    expect(await textsOf(page, '[data-testid="table-age"] tbody th')).toContain('Không ghi');

    // The drop-off funnel and the controls not found, step by step.
    const funnel = await funnelShown(page, VNEID);
    const want = expected.funnels[VNEID]!;
    expect(funnel.reached).toEqual(want.reachedAtLeast);
    expect(funnel.reached).toHaveLength(8);
    expect(funnel.notFound).toEqual(want.notFound);
    expect(funnel.notFound[2]).toBeGreaterThanOrEqual(2);
    expect(funnel.repeats).toEqual(want.repeats);
    expect(funnel.hints[0]).toBe('Bấm nút Đăng nhập ở góc trên bên phải.');
    // "Bước 3" is a link to the step in the editor, with a hidden phrase for screen readers before the count.
    expect(funnel.warning).toMatch(/không tìm thấy nút ở .*Bước 3 \(mở «Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID» ở bước này trong trình soạn\) \(\d+\)/);
    const evn = await funnelShown(page, EVN);
    expect(evn.reached).toEqual(expected.funnels[EVN]!.reachedAtLeast);
    expect(evn.notFound).toEqual(expected.funnels[EVN]!.notFound);

    // Filters: this month only, then one walkthrough, then back to twelve months.
    await clickWhenReady(page, '[data-testid="quick-this-month"]');
    const month = summarizeRecords(records, toSummaryFilter({ ...defaultForm, ...thisMonth(now) }));
    await waitTotal(page, month.total);
    expectFigures(await shownFigures(page), month);
    await clickWhenReady(page, '[data-testid="quick-last-12"]');
    await selectWhenReady(page, '[data-testid="filter-walkthrough"]', EVN);
    const evnOnly = summarizeRecords(records, toSummaryFilter({ ...defaultForm, walkthrough: EVN }));
    await waitTotal(page, evnOnly.total);
    expectFigures(await shownFigures(page), evnOnly);
    await selectWhenReady(page, '[data-testid="filter-walkthrough"]', '');
    await waitTotal(page, 40);

    expect(await axe(page)).toEqual([]);

    // Print: filters and buttons hidden; ward, period, totals and tables kept.
    await page.emulateMediaType('print');
    const printed = await page.evaluate(() => ({
      filters: getComputedStyle(document.querySelector('.filters')!).display,
      data: getComputedStyle(document.querySelector('.data')!).display,
      ward: getComputedStyle(document.querySelector('[data-testid="ward"]')!).display,
      period: getComputedStyle(document.querySelector('[data-testid="period"]')!).display,
      table: getComputedStyle(document.querySelector('[data-testid="table-outcome"]')!).display,
    }));
    await page.emulateMediaType();
    expect(printed).toEqual({ filters: 'none', data: 'none', ward: 'block', period: 'block', table: 'table' });

    // Exports of the filtered records, named after the period.
    const download = await downloadsTo(ctx.env.browser, dir);
    const base = `dan-buoc-${defaultForm.from}-${isoDate(now)}`;
    await clickWhenReady(page, '[data-testid="export-csv"]');
    const csv = await download(`${base}.csv`);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 40 + 1);
    expect(lines[0]).toMatch(/^Mã phiên,Hướng dẫn,/);
    expect(lines.filter((l) => l.includes(`"${NOTE}"`))).toHaveLength(8);
    expect(lines.filter((l) => l.includes(',Hoàn thành,')).length).toBe(expected.byOutcome.completed);
    await clickWhenReady(page, '[data-testid="export-json"]');
    exportedJson = (await download(`${base}.json`)).toString('utf8');
    const parsed = JSON.parse(exportedJson) as { format: string; records: AssistRecord[] };
    expect(parsed.format).toBe('dan-buoc-logs');
    expect(parsed.records.map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
  });

  it('re-imports the JSON into a fresh profile, skips duplicates, refuses a bad file and deletes all', async () => {
    expect(exportedJson).not.toBe('');
    const fresh = await setup();
    try {
      const page = await openDashboard(fresh);
      await waitTotal(page, 0);
      const file = path.join(dir, 'exported.json');
      writeFileSync(file, exportedJson);
      expect(await importFile(page, file)).toBe('Đã nhập 40 bản ghi, bỏ qua 0 bản ghi trùng.');
      await waitTotal(page, 40);
      expectFigures(await shownFigures(page), expected);
      expect((await funnelShown(page, VNEID)).reached).toEqual(expected.funnels[VNEID]!.reachedAtLeast);

      expect(await importFile(page, file)).toBe('Đã nhập 0 bản ghi, bỏ qua 40 bản ghi trùng.');
      await waitTotal(page, 40);

      // One bad record: the whole file is refused, the field named.
      const bad = records.map((r) => ({ ...r, id: r.id.replace('seed', 'newr') }));
      bad[3]!.startHour += 60_000;
      const badFile = path.join(dir, 'bad.json');
      writeFileSync(badFile, toJson(bad, now));
      const error = await importFile(page, badFile);
      expect(error).toContain('chưa nhập bản ghi nào');
      expect(await textsOf(page, '[data-testid="error-list"] li')).toContain('/records/3/startHour: phải làm tròn đến giờ');
      await waitTotal(page, 40);
      expect(await axe(page)).toEqual([]);

      // Delete all: asked in the page, cancel keeps everything, confirm empties it.
      await clickWhenReady(page, '[data-testid="delete-all"]');
      await page.waitForSelector('[data-testid="confirm"]');
      expect(await textOf(page, '[data-testid="confirm"]')).toContain('40 bản ghi');
      // The dialog moves the focus to "Không" after it renders: wait for it there rather than read it at once.
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'delete-no', { timeout: 5000 }).catch(() => undefined);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('delete-no');
      await clickWhenReady(page, '[data-testid="delete-no"]');
      await page.waitForSelector('[data-testid="delete-all"]');
      await waitTotal(page, 40);
      await clickWhenReady(page, '[data-testid="delete-all"]');
      await clickWhenReady(page, '[data-testid="delete-yes"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent === 'Đã xóa toàn bộ dữ liệu.');
      await waitTotal(page, 0);
      await page.waitForSelector('[data-testid="no-data"]');
      await page.waitForFunction(() => /0 bản ghi/.test(document.querySelector('[data-testid="storage"]')?.textContent ?? ''));

      // The desk's settings: language, ward code and retention follow them as they change.
      await setPrivateItem(page, 'settings', { lang: 'en', residentMode: false, wardCode: '26734', retentionMonths: 6 });
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Dẫn Bước — Assistance report');
      expect(await textOf(page, '[data-testid="ward"]')).toBe('Ward code: 26734');
      expect(await textWhen(page, '[data-testid="storage"]', /Deleted automatically after 6 months/)).toMatch(/Deleted automatically after 6 months/);
      expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['en', 'Dẫn Bước — Assistance report']);
    } finally {
      await fresh.close();
    }
  });
});
