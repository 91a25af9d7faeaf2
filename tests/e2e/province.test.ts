// Issue 21: two desks export from the dashboard (records overlapping: desk 2 had imported part of desk 1's
// log), the province report reads desk 1's JSON, desk 2's CSV and a corrupt file, and its totals equal the
// dashboard's once desk 1 has merged desk 2's export; the corrupt file is listed and skipped.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { isoDate, last12Months } from '../../components/dashboard-data';
import { toJson } from '../../core/log-export';
import type { AgeBand, AssistRecord, RecordOutcome } from '../../core/log-record';
import { runProvince, type Table } from '../../province/run';
import { clickWhenReady, downloadsTo, setup, useEnv } from './fixture';
import { importFile, openDashboard, waitTotal } from '../support/pages/dashboard';
import { mulberry32 } from '../support/random';

const HOUR = 3_600_000;

function deskRecords(now: number, seed: number, prefix: string, ward: string, n: number): AssistRecord[] {
  const next = mulberry32(seed);
  const rand = (k: number): number => Math.floor(next() * k);
  const walks: [string, string, number][] = [
    ['dichvucong', 'dang-nhap-vneid', 8],
    ['evn', 'thanh-toan-hoa-don-dien', 6],
  ];
  const outcomes: RecordOutcome[] = ['completed', 'completed', 'stopped', 'abandoned'];
  const bands: (AgeBand | undefined)[] = ['60-plus', '30-59', undefined];
  return Array.from({ length: n }, (_, i) => {
    const [packId, walkthroughId, total] = walks[rand(2)]!;
    const outcome = outcomes[rand(outcomes.length)]!;
    const reached = outcome === 'completed' ? total : 1 + rand(total);
    const r: AssistRecord = {
      id: `${prefix}-${String(i).padStart(4, '0')}-province`,
      packId,
      walkthroughId,
      walkthroughVersion: '1.0.0',
      wardCode: ward,
      startHour: Math.floor((now - rand(60 * 24) * HOUR) / HOUR) * HOUR,
      durationSec: 90 + rand(600),
      total,
      stepsReached: reached,
      stepsCompleted: outcome === 'completed' ? total : reached - 1,
      repeats: {},
      notFound: rand(3) === 0 ? [rand(reached)] : [],
      skipped: [],
      outcome,
    };
    const band = bands[rand(bands.length)];
    if (band) r.ageBand = band;
    return r;
  });
}


async function shownTables(page: Page): Promise<{ total: number; tables: Record<string, Record<string, number>> }> {
  return page.evaluate(() => {
    const tables: Record<string, Record<string, number>> = {};
    for (const id of ['walkthrough', 'outcome', 'month', 'age']) {
      tables[id] = {};
      for (const tr of document.querySelectorAll(`[data-testid="table-${id}"] tbody tr`)) {
        tables[id][tr.getAttribute('data-key')!] = Number(tr.querySelector('[data-col="count"]')!.textContent);
      }
    }
    return { total: Number(document.querySelector('[data-testid="total"]')!.getAttribute('data-value')), tables };
  });
}

const shown = (n: number): string => (n > 0 && n < 5 ? '< 5' : String(n));
const column = (t: Table, key: string): Record<string, string> => Object.fromEntries(t.rows.map((r) => [r[0], r[t.columns.indexOf(key)]]));

describe('province report from dashboard exports', () => {
  const ctx = useEnv();
  const dir = mkdtempSync(path.join(tmpdir(), 'dan-buoc-province-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const now = Date.now();
  const one = deskRecords(now, 21, 'desk1', '26734', 60);
  // Desk 2 holds 20 of desk 1's records (imported earlier) and 40 of its own.
  const two = [...one.slice(40), ...deskRecords(now, 22, 'desk2', '26737', 40)];
  const base = `dan-buoc-${last12Months(now).from}-${isoDate(now)}`;

  it('totals equal the dashboard’s merged totals; a corrupt file is listed and skipped', async () => {
    const exports = path.join(dir, 'exports');
    mkdirSync(path.join(exports, 'desk-2'), { recursive: true });
    // Desk 2 (a fresh profile): import its log, export CSV and JSON.
    const desk2 = await setup();
    let desk2Json: string;
    try {
      const page = await openDashboard(desk2);
      writeFileSync(path.join(dir, 'two.json'), toJson(two, now));
      expect(await importFile(page, path.join(dir, 'two.json'))).toBe('Đã nhập 60 bản ghi, bỏ qua 0 bản ghi trùng.');
      await waitTotal(page, 60);
      const download = await downloadsTo(desk2.browser, path.join(exports, 'desk-2'));
      await clickWhenReady(page, '[data-testid="export-csv"]');
      await download(`${base}.csv`);
      const jsonDir = path.join(dir, 'desk-2-json');
      mkdirSync(jsonDir);
      const downloadJson = await downloadsTo(desk2.browser, jsonDir);
      await clickWhenReady(page, '[data-testid="export-json"]');
      desk2Json = (await downloadJson(`${base}.json`)).toString('utf8');
    } finally {
      await desk2.close();
    }
    // Desk 1: import its log, export JSON, then merge desk 2's export as a ward would.
    const page = await openDashboard(ctx.env);
    writeFileSync(path.join(dir, 'one.json'), toJson(one, now));
    expect(await importFile(page, path.join(dir, 'one.json'))).toBe('Đã nhập 60 bản ghi, bỏ qua 0 bản ghi trùng.');
    await waitTotal(page, 60);
    const download = await downloadsTo(ctx.env.browser, exports);
    await clickWhenReady(page, '[data-testid="export-json"]');
    await download(`${base}.json`);
    writeFileSync(path.join(dir, 'desk-2.json'), desk2Json);
    expect(await importFile(page, path.join(dir, 'desk-2.json'))).toBe('Đã nhập 40 bản ghi, bỏ qua 20 bản ghi trùng.');
    await waitTotal(page, 100);
    const merged = await shownTables(page);
    // A corrupt file beside them: cut in the middle of a record.
    writeFileSync(path.join(exports, 'corrupt.json'), desk2Json.slice(0, Math.floor(desk2Json.length / 2)));

    const r = await runProvince({ input: exports, out: path.join(dir, 'report'), tzMinutes: -new Date(now).getTimezoneOffset() });
    expect(r.skipped).toEqual([{ path: 'corrupt.json', code: 'log.json', field: '' }]);
    // DuckDB read the dashboard's own exports itself; only the corrupt file went to the Node reader.
    expect(r.nodeRead).toBe(1);
    expect(r.records).toBe(merged.total);
    expect(r.duplicates).toBe(20);
    const sum = r.tables.summary!;
    expect(sum.rows[0]![sum.columns.indexOf('sessions')]).toBe(String(merged.total));
    const want = (m: Record<string, number>): Record<string, string> => Object.fromEntries(Object.entries(m).map(([k, n]) => [k, shown(n)]));
    expect(column(r.tables.by_walkthrough!, 'sessions')).toEqual(want(merged.tables.walkthrough!));
    expect(column(r.tables.by_outcome!, 'sessions')).toEqual(want(merged.tables.outcome!));
    expect(column(r.tables.by_month!, 'sessions')).toEqual(want(merged.tables.month!));
    expect(column(r.tables.by_age!, 'sessions')).toEqual(want(merged.tables.age!));
    expect(column(r.tables.by_ward!, 'sessions')).toEqual({ '26734': '60', '26737': '40' });
    const html = readFileSync(path.join(dir, 'report', 'index.html'), 'utf8');
    expect(html).toContain('Bỏ qua 1 tệp:');
    expect(html).toContain('corrupt.json: không phải tệp JSON hợp lệ (tại /)');
  });
});
