// The province report (province/run.ts): desk exports in both formats and nested folders are merged by the
// dashboard's rule; its figures equal the dashboard's summary of the merged records (small cells suppressed);
// bad files are listed with the reason and the bad field and skipped without losing the good files' records;
// notes are never read; a re-run reads only new or changed files; province.sql runs as is.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { createTranslator, type Lang } from '../../core/i18n';
import { toCsv, toJson } from '../../core/log-export';
import type { AgeBand, AssistRecord, RecordOutcome } from '../../core/log-record';
import { summarizeRecords } from '../../core/log-summary';
import { readCsvExport, readJsonExport } from '../../province/read-exports';
import { runProvince, type ProvinceResult, type Table } from '../../province/run';
import { mulberry32 } from '../support/random';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 20, 10);
const NOTE = 'Ghi chú riêng XYZZY-không-được-tổng-hợp';

function makeRecords(n: number, seed: number, prefix: string, ward: string): AssistRecord[] {
  const next = mulberry32(seed);
  const rand = (k: number): number => Math.floor(next() * k);
  const walks: [string, string, number][] = [
    ['dichvucong', 'dang-nhap-vneid', 8],
    ['evn', 'thanh-toan-hoa-don-dien', 6],
  ];
  const outcomes: RecordOutcome[] = ['completed', 'completed', 'stopped', 'abandoned', 'referred'];
  const bands: (AgeBand | undefined)[] = ['60-plus', '60-plus', '30-59', undefined];
  return Array.from({ length: n }, (_, i) => {
    const [packId, walkthroughId, total] = walks[rand(2)]!;
    const outcome = outcomes[rand(outcomes.length)]!;
    const reached = outcome === 'completed' ? total : 1 + rand(total);
    const r: AssistRecord = {
      id: `${prefix}-${String(i).padStart(5, '0')}-province`,
      packId,
      walkthroughId,
      walkthroughVersion: '1.2.0',
      wardCode: ward,
      volunteer: 'TNV-07',
      startHour: Math.floor((NOW - rand(90 * 24) * HOUR) / HOUR) * HOUR,
      durationSec: 60 + rand(600),
      total,
      stepsReached: reached,
      stepsCompleted: outcome === 'completed' ? total : reached - 1,
      repeats: rand(3) === 0 ? { [rand(reached)]: 2 } : {},
      notFound: rand(3) === 0 ? [rand(reached)] : [],
      skipped: [],
      outcome,
      note: NOTE,
    };
    if (rand(4) === 0) r.repairs = [rand(reached)];
    const band = bands[rand(bands.length)];
    if (band) r.ageBand = band;
    if (outcome !== 'completed') r.reason = 'missing-papers';
    return r;
  });
}

function csvOf(records: AssistRecord[], lang: Lang): string {
  const t = createTranslator(lang);
  return toCsv(records, lang, (k, c) => (k === 'age' && c === '-' ? t('dashboard.ageNone') : t(`${k}.${c}` as never)));
}

/** The dashboard's figure as the report shows it: 1–4 become "< 5". */
const shown = (n: number): string => (n > 0 && n < 5 ? '< 5' : String(n));
const column = (t: Table, key: string, value: string): Record<string, string> => {
  const k = t.columns.indexOf(key);
  const v = t.columns.indexOf(value);
  return Object.fromEntries(t.rows.map((r) => [r[k], r[v]]));
};
const shownAll = (m: Record<string, number>): Record<string, string> => Object.fromEntries(Object.entries(m).map(([k, n]) => [k, shown(n)]));

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tmp(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'dan-buoc-province-'));
  dirs.push(d);
  return d;
}

/** Months in UTC, as the dashboard's in a browser on UTC. */
const run = (input: string, out: string, lang: Lang = 'vi'): Promise<ProvinceResult> => runProvince({ input, out, lang, tzMinutes: -new Date(NOW).getTimezoneOffset(), now: () => NOW });

describe('province report', { timeout: 60_000 }, () => {
  const a = makeRecords(120, 1, 'a', '26734');
  const b = [...a.slice(80), ...makeRecords(60, 2, 'b', '26737')]; // 40 shared with desk A
  const small = makeRecords(3, 3, 'c', '26740');
  const merged = [...a, ...b.slice(40), ...small];

  it('merges the desks’ files (JSON and CSV, nested folders) by id; its figures are the dashboard’s, small cells suppressed', async () => {
    const root = tmp();
    const input = path.join(root, 'in');
    mkdirSync(path.join(input, 'ward-26734'), { recursive: true });
    mkdirSync(path.join(input, 'ward-26737', 'desk-2'), { recursive: true });
    writeFileSync(path.join(input, 'ward-26734', 'a.json'), toJson(a, NOW));
    writeFileSync(path.join(input, 'ward-26737', 'desk-2', 'b.csv'), csvOf(b, 'vi'));
    writeFileSync(path.join(input, 'small-en.csv'), csvOf(small, 'en'));
    const out = path.join(root, 'report');
    const progress: number[] = [];
    const r = await runProvince({ input, out, tzMinutes: -new Date(NOW).getTimezoneOffset(), now: () => NOW, onProgress: (p) => progress.push(p.files) });
    expect(progress).toEqual([1, 2, 3]);
    expect(r.skipped).toEqual([]);
    expect(r.nodeRead).toBe(0);
    expect(r.records).toBe(merged.length);
    expect(r.duplicates).toBe(40);
    // The CSV has no repairs column (docs/log-format.md): desk B's and the small desk's records come without.
    const want = summarizeRecords([...a, ...[...b.slice(40), ...small].map(({ repairs: _, ...r }) => r)]);
    const sum = r.tables.summary!;
    expect(sum.rows[0]![sum.columns.indexOf('sessions')]).toBe(String(want.total));
    expect(sum.rows[0]![sum.columns.indexOf('median_duration_sec')]).toBe(String(want.medianDurationSec));
    expect(column(r.tables.by_walkthrough!, 'walkthrough', 'sessions')).toEqual(shownAll(want.byWalkthrough));
    expect(column(r.tables.by_outcome!, 'outcome', 'sessions')).toEqual(shownAll(want.byOutcome));
    expect(column(r.tables.by_month!, 'month', 'sessions')).toEqual(shownAll(want.byMonth));
    expect(column(r.tables.by_age!, 'age', 'sessions')).toEqual(shownAll(want.byAgeBand));
    // The ward with 3 sessions shows "< 5", its median too.
    const wards = r.tables.by_ward!;
    const smallWard = wards.rows.find((row) => row[0] === '26740')!;
    expect(smallWard[1]).toBe('< 5');
    expect(smallWard[wards.columns.indexOf('median_duration_sec')]).toBe('< 5');
    // The funnel: sessions reaching each step, controls not found, repairs, as the dashboard counts them.
    for (const [key, f] of Object.entries(want.funnels)) {
      const rows = r.tables.funnel!.rows.filter((row) => row[0] === key);
      expect(rows.map((row) => row[2])).toEqual(f.reachedAtLeast.map(shown));
      expect(rows.map((row) => row[3])).toEqual(f.notFound.map(shown));
      expect(rows.map((row) => row[4])).toEqual(f.repairs.map(shown));
    }
    // Every table has its CSV; the page, the SQL; no note and no volunteer anywhere.
    const files = readdirSync(out).sort();
    expect(files).toEqual(['by_age.csv', 'by_month.csv', 'by_outcome.csv', 'by_walkthrough.csv', 'by_ward.csv', 'funnel.csv', 'index.html', 'province.sql', 'summary.csv', 'wards_not_found.csv']);
    for (const f of files) {
      const text = readFileSync(path.join(out, f), 'utf8');
      expect(text).not.toContain('XYZZY');
      expect(text).not.toContain('TNV-07');
    }
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).toContain('Báo cáo hỗ trợ số cấp tỉnh');
    expect(html).toContain('&#60; 5');
    expect(html).toContain('<svg class="bars"');
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/<script|src="http|href="http|<link /);
    const sql = readFileSync(path.join(out, 'province.sql'), 'utf8');
    expect(sql).toContain('QUALIFY row_number() OVER (PARTITION BY id ORDER BY file_seq, row_no) > 1');
    expect(readFileSync(path.join(out, 'by_outcome.csv'), 'utf8')).toMatch(/^\uFEFFoutcome,sessions\r\ncompleted,\d+\r\n/);
  });

  it('lists an unreadable, truncated or foreign file with the reason and the bad field, and keeps the good files’ records', async () => {
    const root = tmp();
    const input = path.join(root, 'in');
    mkdirSync(input);
    writeFileSync(path.join(input, '1-good.json'), toJson(a, NOW));
    writeFileSync(path.join(input, '2-truncated.json'), toJson(b, NOW).slice(0, 5000));
    writeFileSync(path.join(input, '3-foreign.json'), JSON.stringify({ format: 'other-tool', version: 1, rows: [1, 2] }));
    const bad = structuredClone(b);
    (bad[3] as unknown as Record<string, unknown>).outcome = 'won';
    writeFileSync(path.join(input, '4-bad-field.json'), toJson(bad, NOW));
    const csv = csvOf(b, 'vi').split('\r\n');
    writeFileSync(path.join(input, '5-bad-cell.csv'), [...csv.slice(0, 3), csv[3]!.replace(/,(Hoàn thành|Dừng giữa chừng|Bỏ dở \(đóng trang\)|Chuyển sang quầy),/, ',Thắng,'), ...csv.slice(4)].join('\r\n'));
    writeFileSync(path.join(input, '6-cut.csv'), csvOf(b, 'en').slice(0, 700));
    writeFileSync(path.join(input, '7-other.csv'), 'name,phone\r\nA,0903\r\n');
    writeFileSync(path.join(input, '8-good.csv'), csvOf(small, 'en'));
    const r = await run(input, path.join(root, 'report'));
    expect(r.skipped).toEqual([
      { path: '2-truncated.json', code: 'log.json', field: '' },
      { path: '3-foreign.json', code: 'log.format', field: '/format' },
      { path: '4-bad-field.json', code: 'log.outcome', field: '/records/3/outcome' },
      { path: '5-bad-cell.csv', code: 'log.outcome', field: 'line 4, Kết quả' },
      { path: '6-cut.csv', code: 'file.cut', field: expect.stringMatching(/^line \d+$/) as unknown as string },
      { path: '7-other.csv', code: 'log.format', field: 'line 1' },
    ]);
    expect(r.records).toBe(a.length + small.length);
    const html = readFileSync(path.join(root, 'report', 'index.html'), 'utf8');
    expect(html).toContain('Bỏ qua 6 tệp:');
    expect(html).toContain('4-bad-field.json: kết quả không hợp lệ (tại /records/3/outcome)');
    expect(html).toContain('5-bad-cell.csv: kết quả không hợp lệ (tại line 4, Kết quả)');
  });

  it('checks every record in SQL as the import does: a file is skipped exactly when the Node reader refuses it, with its reason and field', async () => {
    const root = tmp();
    const input = path.join(root, 'in');
    mkdirSync(input);
    const base = makeRecords(6, 7, 'p', '26734').map(({ volunteer: _, note: __, ...r }) => r as AssistRecord);
    const json: [string, (r: Record<string, unknown>) => void][] = [
      ['outcome', (r) => (r.outcome = 'won')],
      ['duration-string', (r) => (r.durationSec = '60')],
      ['duration-float', (r) => (r.durationSec = 1.5)],
      ['duration-negative', (r) => (r.durationSec = -1)],
      ['duration-large', (r) => (r.durationSec = 2_000_000)],
      ['duration-bool', (r) => (r.durationSec = true)],
      ['start-not-hour', (r) => (r.startHour = (r.startHour as number) + 1)],
      ['start-2019', (r) => (r.startHour = Date.UTC(2019, 5, 1))],
      ['id-short', (r) => (r.id = 'abc')],
      ['id-number', (r) => (r.id = 12345678)],
      ['pack-upper', (r) => (r.packId = 'Bad')],
      ['version', (r) => (r.walkthroughVersion = '1.0')],
      ['ward-number', (r) => (r.wardCode = 26734)],
      ['ward-short', (r) => (r.wardCode = '2673')],
      ['total-0', (r) => (r.total = 0)],
      ['reached-1001', (r) => (r.stepsReached = 1001)],
      ['notfound-1001', (r) => (r.notFound = [1001])],
      ['notfound-string', (r) => (r.notFound = ['1'])],
      ['notfound-not-list', (r) => (r.notFound = 5)],
      ['repeats-key', (r) => (r.repeats = { a: 1 })],
      ['repeats-negative', (r) => (r.repeats = { 1: -1 })],
      ['reason', (r) => (r.reason = 'bored')],
      ['age', (r) => (r.ageBand = 'teen')],
      ['note-long', (r) => (r.note = 'x'.repeat(301))],
      ['volunteer-astral', (r) => (r.volunteer = '😀'.repeat(21))],
      ['missing-skipped', (r) => delete r.skipped],
      ['extra-key', (r) => (r.source = 'other-tool')],
      ['ward-null', (r) => (r.wardCode = null)],
      ['reason-null', (r) => (r.reason = null)],
      // Taken: at the limits.
      ['ok-note-astral', (r) => (r.note = '😀'.repeat(150))],
      ['ok-repeats', (r) => (r.repeats = { 12: 3, 0: 1_000_000 })],
      ['ok-steps', (r) => (r.notFound = [0, 1000, 0])],
    ];
    for (const [name, mutate] of json) {
      const records = structuredClone(base).map((r) => ({ ...r, id: r.id.replace('p-', `p${name}-`) }));
      mutate(records[3] as unknown as Record<string, unknown>);
      writeFileSync(path.join(input, `${name}.json`), toJson(records, NOW));
    }
    const exportOf = (extra: Record<string, unknown>): string => JSON.stringify({ ...(JSON.parse(toJson(base, NOW)) as object), ...extra }).replace(/p-(\d)/g, `p${Object.keys(extra)[0]}-$1`);
    writeFileSync(path.join(input, 'top-scam-null.json'), exportOf({ scamWarnings: null }));
    writeFileSync(path.join(input, 'ok-top-scam.json'), exportOf({ scamWarnings: [{ day: Date.UTC(2026, 9, 1), count: 3 }] }));
    // A top-level key of another tool is allowed: the keys DuckDB read and those written differ, so the Node reader takes the file.
    writeFileSync(path.join(input, 'ok-top-extra.json'), exportOf({ source: 'other-tool' }));
    const lines = csvOf(base, 'vi').split('\r\n');
    const cells = (i: number, col: number, value: string): string[] => lines.map((l, n) => (n === i ? l.split(',').map((c, k) => (k === col ? value : c)).join(',') : l));
    const csv: [string, string[]][] = [
      ['outcome', cells(3, 10, 'Thắng')],
      ['duration', cells(2, 6, '6o')],
      ['time', cells(4, 5, '2026-01-01 10:30')],
      ['repeats', cells(2, 13, '0×2')],
      ['notfound', cells(2, 14, '0')],
      ['ward', cells(5, 3, '123')],
      ['id', cells(2, 0, 'short')],
      ['walkthrough', cells(2, 1, 'Bad/x')],
      ['total', cells(3, 7, '0')],
      ['reason', cells(3, 11, 'Chán')],
      ['extra-cell', cells(3, 16, 'a,b')],
      ['blank-line', [...lines.slice(0, 3), '', ...lines.slice(3)]],
      ['ok-en', csvOf(base, 'en').split('\r\n')],
    ];
    for (const [name, l] of csv) writeFileSync(path.join(input, `${name}.csv`), l.join('\r\n').replace(/p-(\d)/g, `p${name}-$1`));
    const tz = -new Date(NOW).getTimezoneOffset();
    const files = readdirSync(input).sort();
    const want = files.map((f) => {
      const text = readFileSync(path.join(input, f), 'utf8');
      return { path: f, read: f.endsWith('.json') ? readJsonExport(text, NOW) : readCsvExport(text, NOW, tz) };
    });
    const r = await run(input, path.join(root, 'report'));
    const refused = want.filter((w) => !w.read.ok);
    expect(r.skipped).toEqual(refused.map((w) => ({ path: w.path, code: w.read.ok ? '' : w.read.error.code, field: w.read.ok ? '' : w.read.error.path })));
    expect(refused.map((w) => w.path)).toEqual(files.filter((f) => !f.startsWith('ok-')));
    expect(r.records).toBe(want.reduce((n, w) => n + (w.read.ok ? w.read.rows.length : 0), 0));
    // DuckDB took every good file itself but the one with a top-level key of another tool: the refused ones went to the Node reader.
    expect(r.nodeRead).toBe(refused.length + 1);
  });

  it('shows the head of a long not-found ranking on the page, all of it in the CSV', async () => {
    const root = tmp();
    const input = path.join(root, 'in');
    mkdirSync(input);
    // 60 wards of 20 sessions, each with sessions whose control was not found.
    const wards = Array.from({ length: 60 }, (_, w) => makeRecords(20, 100 + w, `w${w}`, String(27000 + w)).map((r) => ({ ...r, notFound: [0] })));
    writeFileSync(path.join(input, 'all.json'), toJson(wards.flat(), NOW));
    const r = await run(input, path.join(root, 'report'), 'en');
    expect(r.tables.wards_not_found!.rows.length).toBeGreaterThan(60);
    const html = readFileSync(path.join(root, 'report', 'index.html'), 'utf8');
    const ranking = html.slice(html.indexOf('<table data-table="wards_not_found">'));
    expect(ranking.slice(0, ranking.indexOf('</table>')).match(/<tr>/g)).toHaveLength(1 + 50);
    expect(html).toContain(`The first 50 rows of ${r.tables.wards_not_found!.rows.length}; all of them in the CSV file.`);
    expect(readFileSync(path.join(root, 'report', 'wards_not_found.csv'), 'utf8').trimEnd().split('\r\n')).toHaveLength(1 + r.tables.wards_not_found!.rows.length);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
  });

  it('reads CSV in either language as the same records as the JSON', () => {
    const fromJson = readJsonExport(toJson(b, NOW), NOW);
    const tz = -new Date(NOW).getTimezoneOffset();
    expect(fromJson.ok && fromJson.rows.filter((row) => row.repairs !== '').length).toBeGreaterThan(0);
    // Repairs are not in the CSV (docs/log-format.md); everything else is.
    const noRepairs = { ...fromJson, rows: fromJson.ok ? fromJson.rows.map((row) => ({ ...row, repairs: '' })) : [] };
    expect(readCsvExport(csvOf(b, 'vi'), NOW, tz)).toEqual(noRepairs);
    expect(readCsvExport(csvOf(b, 'en'), NOW, tz)).toEqual(noRepairs);
  });

  it('re-runs read only new or changed files; the totals follow', async () => {
    const root = tmp();
    const input = path.join(root, 'in');
    mkdirSync(input);
    writeFileSync(path.join(input, 'a.json'), toJson(a, NOW));
    const out = path.join(root, 'report');
    const first = await run(input, out);
    expect([first.read, first.unchanged, first.records]).toEqual([1, 0, a.length]);
    const again = await run(input, out);
    expect([again.read, again.unchanged, again.rowsRead, again.records]).toEqual([0, 1, 0, a.length]);
    writeFileSync(path.join(input, 'b.csv'), csvOf(b, 'vi'));
    const more = await run(input, out);
    expect([more.read, more.unchanged, more.rowsRead, more.records, more.duplicates]).toEqual([1, 1, b.length, a.length + 60, 40]);
    // A changed file is read again (its old rows dropped), not added twice.
    writeFileSync(path.join(input, 'b.csv'), csvOf(b.slice(0, 50), 'vi'));
    utimesSync(path.join(input, 'b.csv'), new Date(NOW), new Date(NOW + 1000));
    const changed = await run(input, out);
    expect([changed.read, changed.unchanged, changed.records, changed.duplicates]).toEqual([1, 1, a.length + 10, 40]);
  });

  it('writes a province.sql that runs as is on the database it leaves', async () => {
    const root = tmp();
    const input = path.join(root, 'in');
    mkdirSync(input);
    writeFileSync(path.join(input, 'a.json'), toJson(a, NOW));
    const r = await run(input, path.join(root, 'report'));
    const sql = readFileSync(path.join(root, 'report', 'province.sql'), 'utf8');
    const db = await DuckDBInstance.create(r.database);
    const conn = await db.connect();
    try {
      await conn.run(sql.slice(0, sql.indexOf('-- name: by_ward')));
      const rows = (await conn.runAndReadAll(sql.slice(sql.indexOf('-- name: by_outcome'), sql.indexOf('-- name: by_month')))).getRowObjectsJS();
      expect(Object.fromEntries(rows.map((x) => [x.outcome, x.sessions]))).toEqual(column(r.tables.by_outcome!, 'outcome', 'sessions'));
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });
});
