// The dashboard's pure helpers: periods and the form → summary filter, which must make the exports (core's
// recordMatches) select exactly the records the summary counts.
import { describe, expect, it } from 'vitest';
import {
  exportFileName,
  isoDate,
  last12Months,
  lastMonth,
  megabytes,
  minutesSeconds,
  parseDate,
  percent,
  shortHint,
  thisMonth,
  toSummaryFilter,
  type FilterForm,
} from '../../components/dashboard-data';
import { formatDate } from '../../core/dates';
import { AGE_BANDS, RECORD_OUTCOMES, type AssistRecord } from '../../core/log-record';
import { recordMatches, summarizeRecords, type SummaryFilter } from '../../core/log-summary';
import { mulberry32 } from '../support/random';

const HOUR = 3_600_000;
const NOW = new Date(2025, 4, 15, 10, 30).getTime(); // 15 May 2025, local time

function records(n: number): AssistRecord[] {
  const next = mulberry32(7);
  const rand = (m: number): number => Math.floor(next() * m);
  const wts = ['dichvucong/dang-nhap-vneid', 'evn/thanh-toan-hoa-don-dien', 'khac/thu'];
  return Array.from({ length: n }, (_, i) => {
    const [packId, walkthroughId] = wts[rand(wts.length)]!.split('/') as [string, string];
    const r: AssistRecord = {
      id: `rec-${String(i).padStart(5, '0')}`,
      packId,
      walkthroughId,
      walkthroughVersion: '1',
      startHour: Math.floor((NOW - rand(400 * 24) * HOUR) / HOUR) * HOUR,
      durationSec: rand(1200),
      total: 6,
      stepsReached: 1 + rand(6),
      stepsCompleted: 0,
      repeats: {},
      notFound: [],
      skipped: [],
      outcome: RECORD_OUTCOMES[rand(RECORD_OUTCOMES.length)]!,
    };
    const band = rand(4);
    if (band < 3) r.ageBand = AGE_BANDS[band]!;
    return r;
  });
}

const form = (patch: Partial<FilterForm> = {}): FilterForm => ({ from: '', to: '', walkthrough: '', outcome: '', ageBand: '', ...patch });

describe('dashboard periods', () => {
  it('this month, last month and twelve months, as local dates', () => {
    expect(thisMonth(NOW)).toEqual({ from: '2025-05-01', to: '2025-05-15' });
    expect(lastMonth(NOW)).toEqual({ from: '2025-04-01', to: '2025-04-30' });
    expect(last12Months(NOW)).toEqual({ from: '2024-06-01', to: '2025-05-15' });
    expect(lastMonth(new Date(2025, 0, 10).getTime())).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(lastMonth(new Date(2024, 2, 31).getTime())).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('parses dates strictly and turns the inclusive end into the next midnight', () => {
    expect(parseDate('2025-02-30')).toBeUndefined();
    expect(parseDate('15/05/2025')).toBeUndefined();
    expect(parseDate('2025-05-15')).toBe(new Date(2025, 4, 15).getTime());
    expect(isoDate(NOW)).toBe('2025-05-15');
    expect(toSummaryFilter(form({ from: '2025-05-01', to: '2025-05-31', outcome: 'completed', ageBand: '-' }))).toEqual({
      from: new Date(2025, 4, 1).getTime(),
      to: new Date(2025, 5, 1).getTime(),
      outcome: 'completed',
      ageBand: '-',
    });
    expect(toSummaryFilter(form())).toEqual({});
  });
});

describe('the form’s filter (exports select with recordMatches)', () => {
  const all = records(600);
  const filters: SummaryFilter[] = [
    {},
    toSummaryFilter(form(thisMonth(NOW))),
    toSummaryFilter(form(lastMonth(NOW))),
    toSummaryFilter(form(last12Months(NOW))),
    toSummaryFilter(form({ walkthrough: 'evn/thanh-toan-hoa-don-dien' })),
    toSummaryFilter(form({ ...last12Months(NOW), outcome: 'abandoned' })),
    toSummaryFilter(form({ ageBand: '-' })),
    toSummaryFilter(form({ ageBand: '60-plus', walkthrough: 'khac/thu', from: '2025-01-01' })),
    toSummaryFilter(form({ to: '2024-12-31' })),
  ];

  it.each(filters.map((f, i) => [i, f] as const))('selects what the summary counts (filter %i)', (_, f) => {
    const picked = all.filter((r) => recordMatches(r, f));
    const summary = summarizeRecords(all, f);
    expect(picked.length).toBe(summary.total);
    expect(summarizeRecords(picked)).toEqual(summary);
  });

  it('is non-trivial for the periods', () => {
    const month = all.filter((r) => recordMatches(r, toSummaryFilter(form(thisMonth(NOW)))));
    expect(month.length).toBeGreaterThan(0);
    expect(month.length).toBeLessThan(all.length);
    for (const r of month) expect(new Date(r.startHour).getMonth()).toBe(4);
  });
});

describe('dashboard formatting', () => {
  it('names exports after the period', () => {
    expect(exportFileName({ from: '2025-04-01', to: '2025-04-30' }, 'csv')).toBe('dan-buoc-2025-04-01-2025-04-30.csv');
    expect(exportFileName({ from: '', to: '2025-04-30' }, 'json')).toBe('dan-buoc-dau-2025-04-30.json');
  });

  it('writes durations, shares, sizes and dates', () => {
    expect(minutesSeconds(524.5)).toEqual({ m: 8, s: 45 });
    expect(minutesSeconds(59)).toEqual({ m: 0, s: 59 });
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
    expect(megabytes(0)).toBe(0);
    expect(megabytes(1000)).toBe(0.1);
    expect(megabytes(5 * 1024 * 1024)).toBe(5);
    expect(formatDate('2025-05-01', 'vi')).toBe('01/05/2025');
  });

  it('shortens hints without markup, at a word', () => {
    expect(shortHint('Bấm nút **Đăng nhập** ở góc trên bên phải.')).toBe('Bấm nút Đăng nhập ở góc trên bên phải.');
    const long = shortHint('Chọn dòng đầu tiên: **Tài khoản định danh điện tử cấp bởi Bộ Công an** rồi bấm Tiếp.');
    expect(long.length).toBeLessThanOrEqual(61);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toContain('**');
  });
});
