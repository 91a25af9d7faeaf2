// Issue 20, the ward dashboard and the recorder bar: the actions sit in a toolbar at the top that stays in
// view (reached first by Tab; CSV export still downloads from the bottom of the page); the period is typed as
// dd/mm/yyyy, shown so in the fields, the heading and the print view, with a clear refusal of a day that does
// not exist; "Cần kiểm tra gói" links each step to the editor, which opens at that step (focused, marked);
// axe finds nothing. The recorder's on-page bar: buttons at least 8 px apart and 44 px high.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { isoDate, last12Months, thisMonth, toSummaryFilter, type FilterForm } from '../../components/dashboard-data';
import { formatDate } from '../../core/dates';
import { toJson } from '../../core/log-export';
import type { AssistRecord } from '../../core/log-record';
import { summarizeRecords } from '../../core/log-summary';
import { SidePanelPage, waitForUi, waitInUi } from '../support/overlay-probe';
import { importFile, openDashboard, textOf, waitTotal } from '../support/pages/dashboard';
import { axe, clickWhenReady, downloadsTo, useEnv } from './fixture';
import { privateItem } from './private-items';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const VNEID = 'dichvucong/dang-nhap-vneid';
const COPY = 'dichvucong-ban-sua';

/** Twelve sessions over the last 80 days; controls not found at steps 3 and 5 of the VNeID login. */
function seedRecords(now: number): AssistRecord[] {
  return Array.from({ length: 12 }, (_, i) => ({
    id: `toolbar-${String(i).padStart(4, '0')}-seed`,
    packId: 'dichvucong',
    walkthroughId: 'dang-nhap-vneid',
    walkthroughVersion: '1.0.0',
    startHour: Math.floor((now - i * 7 * DAY - 2 * HOUR) / HOUR) * HOUR,
    durationSec: 200 + i * 30,
    total: 8,
    stepsReached: 8,
    stepsCompleted: 8,
    repeats: {},
    notFound: i % 3 === 0 ? [2] : i === 4 ? [2, 4] : [],
    skipped: [],
    outcome: 'completed' as const,
  }));
}


/** Replace what a text field holds by typing, then leave it (Tab), as a volunteer would. */
async function typeDate(page: Page, testid: string, text: string): Promise<void> {
  const input = (await page.waitForSelector(`[data-testid="${testid}"]`))!;
  await input.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

const valueOf = (page: Page, testid: string): Promise<string> => page.$eval(`[data-testid="${testid}"]`, (el) => (el as HTMLInputElement).value);
const toolbarTop = (page: Page): Promise<number> => page.$eval('[data-testid="toolbar"]', (el) => el.getBoundingClientRect().top);

describe('issue 20: the dashboard toolbar, dates and links; the recorder bar', () => {
  const ctx = useEnv();
  const dir = mkdtempSync(path.join(tmpdir(), 'dan-buoc-toolbar-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const now = Date.now();
  const records = seedRecords(now);
  const form: FilterForm = { ...last12Months(now), walkthrough: '', outcome: '', ageBand: '' };

  // First, while the browser holds only the site and the console (as in recorder.test.ts): the console records
  // in the tab of its own window.
  it('the recorder bar keeps its buttons at least 8 px apart and 44 px high', async () => {
    const env = ctx.env;
    const site = await env.browser.newPage();
    await site.setViewport({ width: 1280, height: 800 });
    await site.goto('https://evn.example/', { waitUntil: 'load' });
    const panel = await SidePanelPage.open(env);
    // The console records in the active tab of its window: the site's, brought to the front (as the side panel
    // sits beside it). The console's tab is then in the background, where puppeteer's mouse waits for frames
    // that never come: its button is pressed from the page's script.
    await panel.page.waitForSelector('[data-testid="record-start"]');
    await site.bringToFront();
    await panel.page.$eval('[data-testid="record-start"]', (b) => (b as HTMLButtonElement).click());
    await waitForUi(site, '[data-dan-buoc="rec-stop"]', { host: 'dan-buoc-recorder' });
    const measured = await waitInUi(site, 'dan-buoc-recorder', { timeout: 10_000 }, (root) => {
      const boxes = ['bar-move', 'rec-undo', 'rec-stop'].map((id) => root?.querySelector(`[data-dan-buoc="${id}"]`)?.getBoundingClientRect() ?? null);
      if (boxes.some((b) => !b || b.width === 0)) return null;
      return boxes.map((b) => ({ left: b!.left, right: b!.right, top: b!.top, bottom: b!.bottom, height: b!.height, width: b!.width }));
    });
    const boxes = (await measured.jsonValue())!;
    for (const b of boxes) {
      expect(b.height).toBeGreaterThanOrEqual(44);
      expect(b.width).toBeGreaterThanOrEqual(44);
    }
    // Each pair: apart by at least 8 px across (same row) or down (wrapped rows), never overlapping.
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const across = Math.max(b.left - a.right, a.left - b.right);
        const down = Math.max(b.top - a.bottom, a.top - b.bottom);
        expect(Math.max(across, down), `buttons ${i} and ${j}`).toBeGreaterThanOrEqual(8);
      }
    }
    // Undo and stop sit side by side on the bar.
    expect(boxes[2]!.left - boxes[1]!.right).toBeGreaterThanOrEqual(8);
    await panel.page.bringToFront();
    await clickWhenReady(panel.page, '[data-testid="record-cancel"]');
    await panel.page.waitForSelector('[data-testid="record-start"]');
    await site.close();
  });

  it('keeps the actions in a toolbar at the top, reached first by Tab and in view while the page scrolls; CSV export downloads', async () => {
    const page = await openDashboard(ctx.env);
    const seed = path.join(dir, 'seed.json');
    writeFileSync(seed, toJson(records, now));
    expect(await importFile(page, seed)).toBe('Đã nhập 12 bản ghi, bỏ qua 0 bản ghi trùng.');
    await waitTotal(page, 12);

    // At the top of the page when it opens, with every action in it.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await toolbarTop(page)).toBeLessThan(200);
    const inToolbar = await page.$$eval('[data-testid="toolbar"] [data-testid]', (els) => els.map((e) => e.getAttribute('data-testid')));
    expect(inToolbar).toEqual(expect.arrayContaining(['print', 'export-csv', 'export-json', 'import', 'import-label', 'delete-all', 'message']));
    // A region named by its heading, for screen readers.
    expect(await page.$eval('[data-testid="toolbar"]', (el) => [el.tagName, document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent])).toEqual([
      'SECTION',
      'Thao tác với báo cáo',
    ]);
    // Every action is at least 44 px high.
    const boxes = await page.$$eval('[data-testid="toolbar"] .actions > .btn, [data-testid="toolbar"] .import .btn', (els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, height: r.height };
      }),
    );
    expect(boxes).toHaveLength(5);
    for (const b of boxes) expect(b.height).toBeGreaterThanOrEqual(44);
    // One row at this width: the bar stays low while it covers the report.
    expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);

    // The keyboard meets the actions first, in the order seen; the file input shows its focus on its label.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const order: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null));
      if (order.at(-1) === 'import') {
        expect(await page.$eval('[data-testid="import-label"]', (el) => getComputedStyle(el).outlineStyle)).toBe('solid');
      }
    }
    expect(order).toEqual(['print', 'export-csv', 'export-json', 'import', 'delete-all']);

    // Scrolled to the end of the long report, the toolbar is still at the top of the window, and works.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 600);
    expect(await toolbarTop(page)).toBe(0);
    const download = await downloadsTo(ctx.env.browser, dir);
    await clickWhenReady(page, '[data-testid="export-csv"]');
    const csv = (await download(`dan-buoc-${form.from}-${isoDate(now)}.csv`)).toString('utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toHaveLength(1 + 12 + 1);
    expect(await textOf(page, '[data-testid="message"]')).toBe(`Đã xuất 12 bản ghi vào tệp dan-buoc-${form.from}-${isoDate(now)}.csv.`);
    // The answer shows in the toolbar, in view.
    const message = await page.$eval('[data-testid="message"]', (el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    expect(message.top).toBeGreaterThanOrEqual(0);
    expect(message.bottom).toBeLessThanOrEqual(900);

    // Print: the toolbar is not printed.
    await page.emulateMediaType('print');
    expect(await page.$eval('[data-testid="toolbar"]', (el) => getComputedStyle(el).display)).toBe('none');
    await page.emulateMediaType();
    await page.close();
  });

  it('shows every date as dd/mm/yyyy: the period fields, the heading and the print view; takes typed dates and refuses a day that does not exist', async () => {
    const page = await openDashboard(ctx.env);
    await waitTotal(page, 12);
    const from = formatDate(form.from, 'vi');
    const to = formatDate(form.to, 'vi');
    expect(from).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await valueOf(page, 'period-from')).toBe(from);
    expect(await valueOf(page, 'period-to')).toBe(to);
    expect(await page.$eval('[data-testid="period-from"]', (el) => (el as HTMLInputElement).type)).toBe('text');
    expect(await textOf(page, '[data-testid="period"]')).toBe(`Kỳ báo cáo: ${from} – ${to}`);
    expect(await textOf(page, '#period-from-help')).toBe(`Dạng dd/mm/yyyy, ví dụ ${to}`);

    // A quick period writes its dates in the same form.
    await clickWhenReady(page, '[data-testid="quick-this-month"]');
    const month = thisMonth(now);
    await page.waitForFunction((want: string) => (document.querySelector('[data-testid="period-from"]') as HTMLInputElement).value === want, {}, formatDate(month.from, 'vi'));
    await waitTotal(page, summarizeRecords(records, toSummaryFilter({ ...form, ...month })).total);
    expect(await textOf(page, '[data-testid="period"]')).toBe(`Kỳ báo cáo: ${formatDate(month.from, 'vi')} – ${formatDate(month.to, 'vi')}`);

    // Typed without leading zeros: taken, and written back in the one form; the figures follow.
    const start = new Date(now - 30 * DAY);
    const startIso = isoDate(start);
    await typeDate(page, 'period-from', `${start.getDate()}/${start.getMonth() + 1}/${start.getFullYear()}`);
    await page.waitForFunction((want: string) => (document.querySelector('[data-testid="period-from"]') as HTMLInputElement).value === want, {}, formatDate(startIso, 'vi'));
    expect(await textOf(page, '[data-testid="period"]')).toBe(`Kỳ báo cáo: ${formatDate(startIso, 'vi')} – ${formatDate(month.to, 'vi')}`);
    await waitTotal(page, summarizeRecords(records, toSummaryFilter({ ...form, from: startIso, to: month.to })).total);

    // A day the calendar lacks: said beside the field, the period unchanged.
    await typeDate(page, 'period-to', '31/02/2026');
    expect(await (await page.waitForSelector('[data-testid="period-to-error"]'))!.evaluate((el) => el.textContent)).toBe('Không có ngày 31/02/2026 trên lịch. Xem lại ngày và tháng.');
    expect(await page.$eval('[data-testid="period-to"]', (el) => [el.getAttribute('aria-invalid'), el.getAttribute('aria-describedby')])).toEqual(['true', 'period-to-error period-to-help']);
    expect(await textOf(page, '[data-testid="period"]')).toBe(`Kỳ báo cáo: ${formatDate(startIso, 'vi')} – ${formatDate(month.to, 'vi')}`);
    expect(await axe(page)).toEqual([]);
    // A wrong shape (the ISO order) is refused with an example.
    await typeDate(page, 'period-to', '2026-02-01');
    await page.waitForFunction(() => /^Chưa đúng dạng ngày\/tháng\/năm \(dd\/mm\/yyyy\)\. Ví dụ: \d{2}\/\d{2}\/\d{4}\.$/.test(document.querySelector('[data-testid="period-to-error"]')?.textContent ?? ''));
    // Corrected with Enter: the message goes.
    const today = formatDate(isoDate(now), 'vi');
    const toField = (await page.$('[data-testid="period-to"]'))!;
    await toField.click({ count: 3 });
    await page.keyboard.press('Backspace');
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('[data-testid="period-to-error"]'));
    expect(await page.$eval('[data-testid="period-to"]', (el) => el.getAttribute('aria-invalid'))).toBe('false');

    // The print view: the period and the printing date in the same form.
    await page.emulateMediaType('print');
    const printed = await page.evaluate(() => ({
      period: getComputedStyle(document.querySelector('[data-testid="period"]')!).display,
      at: [...document.querySelectorAll('.print-only')].map((el) => [getComputedStyle(el).display, el.textContent]),
    }));
    await page.emulateMediaType();
    expect(printed.period).toBe('block');
    expect(printed.at).toEqual([['block', `In lúc ${today}`]]);
    await page.close();
  });

  it('"Cần kiểm tra gói" links each step to the editor, which opens at that step (the desk copy of a built-in pack), focused and marked', async () => {
    const page = await openDashboard(ctx.env);
    await waitTotal(page, 12);
    const warning = (await page.waitForSelector(`[data-funnel="${VNEID}"] [data-testid="not-found-warning"]`))!;
    expect(await warning.evaluate((el) => el.textContent)).toMatch(/^Cần kiểm tra gói hướng dẫn: không tìm thấy nút ở Bước 3 \(mở «.+» ở bước này trong trình soạn\) \(5\), Bước 5 \(mở .+\) \(1\)\.$/);
    const links = await warning.$$eval('a[data-testid="not-found-step"]', (els) => els.map((a) => [a.getAttribute('data-step'), (a as HTMLAnchorElement).href]));
    expect(links).toEqual([
      ['3', `chrome-extension://${ctx.env.extensionId}/editor.html?pack=${COPY}&w=dang-nhap-vneid&step=3`],
      ['5', `chrome-extension://${ctx.env.extensionId}/editor.html?pack=${COPY}&w=dang-nhap-vneid&step=5`],
    ]);
    expect(await privateItem(page, 'library')).toBeUndefined();

    // By keyboard: focus the link, Enter.
    const opened = ctx.env.browser.waitForTarget((tg) => tg.url().includes(`/editor.html?pack=${COPY}&w=dang-nhap-vneid&step=3`));
    await warning.$eval('a[data-step="3"]', (a) => (a as HTMLElement).focus());
    await page.keyboard.press('Enter');
    const editor = (await (await opened).page())!;
    // The copy was made for it, and the editor shows step 3 focused, marked and in view.
    await editor.waitForFunction(() => !!document.activeElement?.matches('.editor-steps > li[data-step="2"][data-linked="true"]'), { timeout: 10_000 });
    // The list draws in passes (previews, what each step points at) that can push the step away; the editor brings
    // it back in the frame after each. Wait for that state, then read it.
    await editor.waitForFunction(
      () => {
        const r = document.activeElement!.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      },
      { timeout: 10_000, polling: 'raf' },
    );
    const seen = await editor.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const r = el.getBoundingClientRect();
      return { inView: r.top >= 0 && r.top < window.innerHeight, border: getComputedStyle(el).borderTopColor, marked: document.querySelectorAll('[data-linked]').length };
    });
    expect(seen).toEqual({ inView: true, border: 'rgb(180, 83, 9)', marked: 1 });
    const lib = await privateItem<{ packs: Record<string, unknown[]> }>(page, 'library');
    expect(Object.keys(lib!.packs)).toEqual([COPY]);
    expect(await axe(editor)).toEqual([]);
    await editor.close();
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

});
