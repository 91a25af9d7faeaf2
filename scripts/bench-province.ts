// `npm run bench:province [-- --records N --wards W]`: a seeded synthetic province (W wards, N records, one
// export per ward, CSV and JSON alternating, 1 % of each ward's records also in the next ward's file), then:
//   1. the province report from scratch (province/run.ts, DuckDB): load time, report time, peak memory;
//   2. the naive baseline in the same run: parse every file and aggregate in JavaScript (a Set of ids, maps
//      of counts, a duration histogram for the median), same figures checked;
//   3. one more ward's file added, the report re-run (only that file is read).
// Each measurement runs in its own Node process, so peak memory (max RSS) is that step's alone.
// Writes bench-output/province.json. A script, not a test: it never fails on figures.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createTranslator } from '../core/i18n';
import { csvHeader, csvTemplate, fillLabels } from '../core/log-export';
import type { AgeBand, AssistRecord, Reason, RecordOutcome } from '../core/log-record';
import { findExportFiles, readCsvExport, readJsonExport } from '../province/read-exports';
import { runProvince } from '../province/run';
import { mulberry32 } from '../tests/support/random';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '10000000' },
    wards: { type: 'string', default: '300' },
    out: { type: 'string', default: 'bench-output/province' },
    child: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const OUT = path.resolve(values.out);
const DATA = path.join(OUT, 'exports');
const NOW = Date.UTC(2026, 11, 1);
const HOUR = 3_600_000;
const TZ = 420;

// ---- child processes: one measurement each, its figures on stdout as JSON ----

function naive(): Record<string, unknown> {
  const t0 = performance.now();
  const seen = new Set<string>();
  const count = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  const byWard = new Map<string, number>();
  const byWalkthrough = new Map<string, number>();
  const byOutcome = new Map<string, number>();
  const byMonth = new Map<string, number>();
  const byAge = new Map<string, number>();
  const durations = new Map<number, number>();
  let duplicates = 0;
  for (const f of findExportFiles(DATA)) {
    const text = readFileSync(f.path, 'utf8');
    const read = f.path.endsWith('.json') ? readJsonExport(text, NOW) : readCsvExport(text, NOW, TZ);
    if (!read.ok) continue;
    for (const r of read.rows) {
      if (seen.has(r.id)) {
        duplicates++;
        continue;
      }
      seen.add(r.id);
      count(byWard, r.ward);
      count(byWalkthrough, r.walkthrough);
      count(byOutcome, r.outcome);
      count(byMonth, new Date(r.startHour + TZ * 60_000).toISOString().slice(0, 7));
      count(byAge, r.age);
      durations.set(r.durationSec, (durations.get(r.durationSec) ?? 0) + 1);
    }
  }
  // The exact median (the mean of the two middle values), from the histogram of whole seconds.
  const middle = (k: number): number => {
    let seenSoFar = 0;
    for (const [d, n] of [...durations].sort((x, y) => x[0] - y[0])) if ((seenSoFar += n) > k) return d;
    return NaN;
  };
  const median = (middle(Math.floor((seen.size - 1) / 2)) + middle(Math.floor(seen.size / 2))) / 2;
  return { ms: performance.now() - t0, records: seen.size, duplicates, median: String(median), byWard: Object.fromEntries(byWard), byWalkthrough: Object.fromEntries(byWalkthrough), byAge: Object.fromEntries(byAge), byOutcome: Object.fromEntries(byOutcome), byMonth: Object.fromEntries([...byMonth].sort()) };
}

async function duck(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  let lastPrint = 0;
  const r = await runProvince({
    input: DATA,
    out: path.join(OUT, 'report'),
    tzMinutes: TZ,
    now: () => NOW,
    onProgress: (p) => {
      if (p.elapsedMs - lastPrint < 2000) return;
      lastPrint = p.elapsedMs;
      process.stderr.write(`  ${p.files}/${p.filesTotal} files, ${p.records.toLocaleString('en')} records, ${(p.elapsedMs / 1000).toFixed(0)} s\n`);
    },
  });
  const col = (name: string): Record<string, string> => Object.fromEntries(r.tables[name]!.rows.map((row) => [row[0], row[1]]));
  const summary = r.tables.summary!;
  return {
    ms: performance.now() - t0,
    loadMs: r.loadMs,
    readMs: r.readMs,
    mergeMs: r.mergeMs,
    nodeRead: r.nodeRead,
    reportMs: r.reportMs,
    read: r.read,
    records: r.records,
    duplicates: r.duplicates,
    median: summary.rows[0]![summary.columns.indexOf('median_duration_sec')],
    byWard: col('by_ward'),
    byWalkthrough: col('by_walkthrough'),
    byAge: col('by_age'),
    byOutcome: col('by_outcome'),
    byMonth: col('by_month'),
  };
}

if (values.child) {
  const result = values.child === 'naive' ? naive() : await duck();
  process.stdout.write(JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  process.exit(0);
}

// ---- the synthetic province ----

const WALKS: [string, string, number][] = [
  ['dichvucong', 'dang-nhap-vneid', 8],
  ['dichvucong', 'ly-lich-tu-phap', 12],
  ['evn', 'thanh-toan-hoa-don-dien', 6],
  ['ebank', 'chuyen-tien', 11],
  ['vssid', 'tra-cuu-bhxh', 7],
  ['dichvucong', 'dang-ky-khai-sinh', 10],
];
const OUTCOMES: RecordOutcome[] = ['completed', 'completed', 'completed', 'stopped', 'referred', 'site-error', 'abandoned'];
const BANDS: (AgeBand | undefined)[] = ['under-30', '30-59', '60-plus', '60-plus', undefined];
const REASONS: Reason[] = ['missing-papers', 'no-otp-phone', 'forgot-password', 'page-changed'];

function wardRecords(ward: number, n: number): AssistRecord[] {
  const next = mulberry32(1000 + ward);
  const rand = (k: number): number => Math.floor(next() * k);
  const code = String(26000 + ward).padStart(5, '0');
  return Array.from({ length: n }, (_, i) => {
    const [packId, walkthroughId, total] = WALKS[rand(WALKS.length)]!;
    const outcome = OUTCOMES[rand(OUTCOMES.length)]!;
    const reached = outcome === 'completed' ? total : 1 + rand(total);
    const r: AssistRecord = {
      id: `w${code}-${i.toString(36).padStart(6, '0')}-synthetic`,
      packId,
      walkthroughId,
      walkthroughVersion: '1.0.0',
      wardCode: code,
      startHour: Math.floor((NOW - 1 - rand(365 * 24) * HOUR) / HOUR) * HOUR,
      durationSec: 60 + rand(1200),
      total,
      stepsReached: reached,
      stepsCompleted: outcome === 'completed' ? total : reached - 1,
      repeats: rand(4) === 0 ? { [rand(reached)]: 1 + rand(2) } : {},
      notFound: rand(6) === 0 ? [rand(reached)] : [],
      skipped: [],
      outcome,
    };
    const band = BANDS[rand(BANDS.length)];
    if (band) r.ageBand = band;
    if (outcome !== 'completed') r.reason = REASONS[rand(REASONS.length)]!;
    return r;
  });
}

const t = createTranslator('vi');
const label = (k: 'outcome' | 'reason' | 'age', c: string): string => (k === 'age' && c === '-' ? t('dashboard.ageNone') : t(`${k}.${c}` as never));

/** Ward `w`'s export: its records plus the first 1 % of the next ward's (a shared, merged export). */
function writeWard(w: number, perWard: number, wards: number): void {
  const own = wardRecords(w, perWard);
  const shared = wardRecords((w + 1) % wards, perWard).slice(0, Math.floor(perWard / 100));
  const records = [...own, ...shared];
  const dir = path.join(DATA, `ward-${String(w).padStart(3, '0')}`);
  mkdirSync(dir, { recursive: true });
  if (w % 2 === 0) {
    writeFileSync(path.join(dir, 'export.json'), JSON.stringify({ format: 'dan-buoc-logs', version: 2, exportedAt: new Date(NOW).toISOString(), records }));
  } else {
    writeFileSync(path.join(dir, 'export.csv'), csvHeader('vi') + fillLabels(records.map(csvTemplate).join(''), label));
  }
}

function child(kind: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.resolve('scripts/bench-province.ts'), '--child', kind, '--out', OUT], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  return JSON.parse(out.toString('utf8')) as Record<string, unknown>;
}

const records = Number(values.records);
const wards = Number(values.wards);
const perWard = Math.ceil(records / wards);
rmSync(OUT, { recursive: true, force: true });
console.log(`bench:province — ${wards} wards, ${(perWard * wards).toLocaleString('en')} records (+1 % shared between neighbours), ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
let t0 = performance.now();
for (let w = 0; w < wards; w++) writeWard(w, perWard, wards);
const bytes = findExportFiles(DATA).reduce((s, f) => s + f.size, 0);
console.log(`generated ${wards} files (${(bytes / 1e6).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const load = (): string => `load average ${loadavg()[0]!.toFixed(1)}`;
console.log(`1. province report (DuckDB), from scratch… (${load()})`);
const first = child('duckdb');
console.log(`2. naive baseline (parse every file, aggregate in JavaScript)… (${load()})`);
const baseline = child('naive');
const sorted = (m: unknown): string => JSON.stringify(Object.entries(m as Record<string, unknown>).map(([k, v]) => [k, String(v)]).sort());
const compared = ['byWard', 'byWalkthrough', 'byAge', 'byOutcome', 'byMonth'] as const;
const same = compared.every((k) => sorted(baseline[k]) === sorted(first[k])) && baseline.records === first.records && baseline.median === first.median;
console.log(`3. one more ward, re-run… (${load()})`);
t0 = performance.now();
writeWard(wards, perWard, wards + 1);
const rerun = child('duckdb');
const dbBytes = statSync(path.join(OUT, 'report.duckdb')).size;

const s = (ms: unknown): string => `${((ms as number) / 1000).toFixed(1)} s`;
const rows = [
  ['step', 'total', 'load', 'report', 'peak RSS', 'records'],
  ['DuckDB report, from scratch', s(first.ms), s(first.loadMs), s(first.reportMs), `${first.maxRssMb as number} MB`, String(first.records)],
  ['naive Node baseline', s(baseline.ms), '', '', `${baseline.maxRssMb as number} MB`, String(baseline.records)],
  ['DuckDB re-run, +1 ward file', s(rerun.ms), s(rerun.loadMs), s(rerun.reportMs), `${rerun.maxRssMb as number} MB`, String(rerun.records)],
];
for (const r of rows) console.log(r.map((c, i) => c.padEnd(i === 0 ? 30 : 12)).join(''));
console.log(`of the load from scratch: reading and checking the files (DuckDB) ${s(first.readMs)}, merge and rollups ${s(first.mergeMs)}; files DuckDB gave to the Node reader: ${first.nodeRead as number}; ${load()} at the end`);
console.log(`same figures (records, median duration, by ward, walkthrough, age band, outcome, month) as the baseline: ${same ? 'yes' : 'NO'}; duplicates merged: ${first.duplicates as number}; database ${(dbBytes / 1e6).toFixed(0)} MB`);
const goals = { wholeReportUnder60s: (first.ms as number) <= 60_000, under2GB: (first.maxRssMb as number) <= 2048, rerunUnder5s: (rerun.ms as number) <= 5000 };
console.log(`goals: whole report ≤ 60 s ${goals.wholeReportUnder60s ? 'met' : 'NOT met'}; ≤ 2 GB ${goals.under2GB ? 'met' : 'NOT met'}; re-run ≤ 5 s ${goals.rerunUnder5s ? 'met' : 'NOT met'}`);
writeFileSync(path.join(path.dirname(OUT), 'province.json'), JSON.stringify({ records: perWard * wards, wards, bytes, cores: cpus().length, load: loadavg(), first, baseline, rerun, same, goals }, null, 2));
if (!values.keep) rmSync(DATA, { recursive: true, force: true });
