// `npm run bench:logs`: the assistance log store at the size of a busy desk's year, in real Chromium
// (a page on an https origin of the stand-in sites, so IndexedDB is Chromium's own), against naive
// baselines measured in the same run:
//   1. seed 100,000 synthetic records with addMany (12 months, 6 walkthroughs; timed, not judged);
//   2. append: 1,000 awaited add() of sessions started today vs 1,000 awaited plain IndexedDB puts,
//      interleaved; then 100 late ones (started before midnight: into a sealed day), reported apart;
//   3. dashboard summary (12 months, one month, one walkthrough): summary() from the rollups vs reading
//      every record and aggregating (summarizeRecords(await all())); checks both give the same figures;
//   4. CSV export of every record: store.csv() + Blob vs a cursor read with string concatenation.
// Prints a table and writes bench-output/logs.json. A script, not a test: it never fails on figures.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { launch, ROOT, startSites } from '../tests/support/harness';
import type { AgeBand, AssistRecord, Reason, RecordOutcome } from '../core/log-record';
import type { Summary, SummaryFilter } from '../core/log-summary';
// Deterministic PRNG shared with the page redesigns, so every run stores the same records.
import { mulberry32 } from '../tests/support/random';

type LogsLib = typeof import('../core/log-store') & typeof import('../core/log-summary') & typeof import('../core/log-export');
type Store = Awaited<ReturnType<LogsLib['createLogStore']>>;

declare global {
  interface Window {
    __logsLib: LogsLib;
    __logsBench: { store: Store; naive: IDBDatabase };
  }
}

const SEED_RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const APPENDS = 1_000;
const LATE_APPENDS = 100;
const SUMMARY_RUNS = 5;
/** Each naive summary reads all 101,000 records (seconds each): 3 runs keep the whole script near 3 minutes. */
const BASELINE_SUMMARY_RUNS = Number(process.env.BENCH_BASELINE_RUNS ?? 3);
const CSV_RUNS = 3;
const GOALS = { appendP95Ms: 2, summaryMs: 300, csvMs: 1500 };
const ORIGIN = 'https://dichvucong.gov.vn/';

// ---------------------------------------------------------------- synthetic records (Node side, typed)

function pick<T>(rand: () => number, weighted: readonly (readonly [T, number])[]): T {
  const sum = weighted.reduce((s, [, w]) => s + w, 0);
  let x = rand() * sum;
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return weighted[weighted.length - 1]![0];
}

// Four walkthroughs of the shipped packs (their real step counts) and two more of a ward's own packs.
const WALKTHROUGHS = [
  { packId: 'dichvucong', walkthroughId: 'dang-nhap-vneid', version: '1.1.0', steps: 8, weight: 30 },
  { packId: 'dichvucong', walkthroughId: 'ly-lich-tu-phap', version: '1.1.0', steps: 29, weight: 18 },
  { packId: 'ebank', walkthroughId: 'chuyen-tien', version: '1.0.2', steps: 11, weight: 20 },
  { packId: 'evn', walkthroughId: 'thanh-toan-hoa-don-dien', version: '1.0.0', steps: 6, weight: 16 },
  { packId: 'phuong-26734', walkthroughId: 'dang-ky-khai-sinh', version: '2.0.1', steps: 17, weight: 10 },
  { packId: 'phuong-26734', walkthroughId: 'xac-nhan-cu-tru', version: '1.3.0', steps: 22, weight: 6 },
] as const;

const OUTCOME_WEIGHTS: [RecordOutcome, number][] = [['completed', 62], ['stopped', 12], ['referred', 9], ['site-error', 6], ['abandoned', 11]];
const REASONS_BY_OUTCOME: Record<RecordOutcome, [Reason | undefined, number][]> = {
  completed: [[undefined, 1]],
  stopped: [['missing-papers', 30], ['no-otp-phone', 20], ['forgot-password', 18], ['no-account', 12], ['other', 10], [undefined, 10]],
  referred: [['missing-papers', 35], ['no-account', 25], ['page-changed', 10], ['other', 20], [undefined, 10]],
  'site-error': [['site-down', 70], ['page-changed', 20], [undefined, 10]],
  abandoned: [['resident-left', 40], [undefined, 60]],
};
const AGE_WEIGHTS: [AgeBand | undefined, number][] = [['under-30', 8], ['30-59', 32], ['60-plus', 45], [undefined, 15]];
const NOTES = ['Thiếu giấy tờ', 'Thiếu giấy tờ, hẹn quay lại', 'Không nhận được mã OTP', 'Quên mật khẩu VNeID', 'Cần bản sao có chứng thực', 'Mạng chậm; thử lại sau', 'Người nhà làm thay "giúp"', 'Hẹn chiều mai'];
const WARDS: [string | undefined, number][] = [['26734', 80], ['26737', 15], [undefined, 5]];
const VOLUNTEERS: [string | undefined, number][] = [['Lan', 30], ['Minh', 25], ['Hùng', 20], ['Thu Hà', 15], [undefined, 10]];
const HOUR = 3_600_000;

function makeRecord(rand: () => number, startMs: number): AssistRecord {
  const w = pick(rand, WALKTHROUGHS.map((x) => [x, x.weight] as const));
  const outcome = pick(rand, OUTCOME_WEIGHTS);
  const total = w.steps;
  const reached = outcome === 'completed' ? total : 1 + Math.floor(rand() * total);
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  const repeats: Record<number, number> = {};
  if (rand() < 0.3) for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) repeats[Math.floor(rand() * reached)] = 1 + Math.floor(rand() * 3);
  const notFound = rand() < (outcome === 'site-error' || outcome === 'stopped' ? 0.25 : 0.04) ? [Math.floor(rand() * reached)] : [];
  const skipped = rand() < 0.05 ? [Math.floor(rand() * reached)] : [];
  // About 45 s a step, log-normally spread.
  const durationSec = Math.max(5, Math.round(reached * 45 * Math.exp((rand() + rand() + rand() - 1.5) * 0.8)));
  const r: AssistRecord = {
    id: `${hex(8)}-${hex(4)}-4${hex(3)}-${hex(4)}-${hex(12)}`,
    packId: w.packId,
    walkthroughId: w.walkthroughId,
    walkthroughVersion: w.version,
    startHour: Math.floor(startMs / HOUR) * HOUR,
    durationSec,
    total,
    stepsReached: reached,
    stepsCompleted: outcome === 'completed' ? total : reached - 1,
    repeats,
    notFound,
    skipped,
    outcome,
  };
  const ward = pick(rand, WARDS);
  const volunteer = pick(rand, VOLUNTEERS);
  const reason = pick(rand, REASONS_BY_OUTCOME[outcome]);
  const ageBand = pick(rand, AGE_WEIGHTS);
  if (ward) r.wardCode = ward;
  if (volunteer) r.volunteer = volunteer;
  if (reason) r.reason = reason;
  if (ageBand) r.ageBand = ageBand;
  if (rand() < 0.1) r.note = NOTES[Math.floor(rand() * NOTES.length)];
  return r;
}

/** `n` records over the 12 months before `now`, on working days and hours, oldest first. */
function seedRecords(n: number, now: number): AssistRecord[] {
  const rand = mulberry32(20260101);
  const start = new Date(now);
  const from = new Date(start.getFullYear() - 1, start.getMonth(), start.getDate() + 1).getTime();
  const times: number[] = [];
  while (times.length < n) {
    const t = from + rand() * (now - HOUR - from);
    const d = new Date(t);
    const weekend = d.getDay() === 0 || (d.getDay() === 6 && rand() < 0.6);
    if (weekend || d.getHours() < 7 || d.getHours() > 17) continue;
    times.push(t);
  }
  times.sort((a, b) => a - b);
  return times.map((t) => makeRecord(rand, t));
}

/** Records of sessions that started today (before `now`), for the append measurement. */
function todayRecords(n: number, now: number): AssistRecord[] {
  const rand = mulberry32(777);
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  return Array.from({ length: n }, () => makeRecord(rand, midnight + rand() * (now - midnight)));
}

/** Records of sessions that started yesterday evening and end today (a day already sealed). */
function lateRecords(n: number, now: number): AssistRecord[] {
  const rand = mulberry32(778);
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  return Array.from({ length: n }, () => makeRecord(rand, midnight - rand() * 2 * HOUR));
}

// ---------------------------------------------------------------- helpers

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
/** Nearest-rank percentile. */
const pct = (xs: number[], q: number): number => {
  const s = sorted(xs);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)]!;
};
const median = (xs: number[]): number => pct(xs, 0.5);
const max = (xs: number[]): number => Math.max(...xs);
const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

/** JSON with sorted keys, to compare summaries whatever the insertion order of their maps. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function compare(a: Summary, b: Summary): { ok: boolean; identical: boolean; detail: string } {
  const same = (k: 'total' | 'byOutcome' | 'medianDurationSec'): boolean => canonical(a[k]) === canonical(b[k]);
  const ok = same('total') && same('byOutcome') && same('medianDurationSec');
  const differing = (Object.keys(a) as (keyof Summary)[]).filter((k) => canonical(a[k]) !== canonical(b[k]));
  return {
    ok,
    identical: differing.length === 0,
    detail: ok ? '' : `ours total=${a.total} median=${a.medianDurationSec} byOutcome=${canonical(a.byOutcome)}; baseline total=${b.total} median=${b.medianDurationSec} byOutcome=${canonical(b.byOutcome)}`,
  };
}

/** The page script: the log store, summaries and exports, bundled from core/ (no entry file on disk). */
async function logsBundle(): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: {
      contents: "export * from './core/log-store'; export * from './core/log-summary'; export * from './core/log-export';",
      resolveDir: ROOT,
      sourcefile: 'bench-logs-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__logsLib',
    target: 'chrome120',
    keepNames: false,
  });
  return out.outputFiles[0]!.text;
}

/** Which code was measured: the commit, the measured core files that differ from it, and a hash of them. */
function codeVersion(): string {
  const files = ['core/log-store.ts', 'core/log-summary.ts', 'core/log-record.ts', 'core/log-export.ts'];
  const hash = createHash('sha1');
  for (const f of files) hash.update(readFileSync(path.join(ROOT, f)));
  const sum = `core files sha1 ${hash.digest('hex').slice(0, 8)}`;
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
    const dirty = git('status', '--porcelain', '--', ...files)
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    return `${git('rev-parse', '--short', 'HEAD').trim()}${dirty.length ? ` + uncommitted ${dirty.join(', ')}` : ''} (${sum})`;
  } catch {
    return sum;
  }
}

/** CSV labels as the dashboard shows them (locales/vi.json), the code itself when a label is missing. */
function labels(): Record<string, string> {
  const vi = JSON.parse(readFileSync(path.join(ROOT, 'locales/vi.json'), 'utf8')) as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(vi)) if (/^(outcome|reason|age)\./.test(k)) out[k] = v;
  return out;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  const code = codeVersion();
  const bundle = await logsBundle();
  const server = await startSites();
  const chrome = await launch({ server, extension: false }).catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });
  const runId = Date.now();
  const dbName = `bench-logs-${runId}`;
  const naiveName = `bench-logs-naive-${runId}`;
  try {
    const version = (await chrome.browser.version()).replace(/^(Headless)?Chrome\//, '');
    const page = await chrome.browser.newPage();
    page.setDefaultTimeout(0);
    // tsx keeps function names with a __name() helper that page code evaluated from here would lack.
    await page.evaluateOnNewDocument('globalThis.__name = globalThis.__name || ((f) => f);');
    await page.evaluateOnNewDocument(bundle);
    await page.goto(ORIGIN, { waitUntil: 'load' });

    // Open both stores: ours (records + rollups) and the naive one (one plain object store: records only).
    await page.evaluate(
      async (name: string, naiveName: string) => {
        const store = await window.__logsLib.createLogStore({ name });
        const naive = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(naiveName, 1);
          req.onupgradeneeded = () => req.result.createObjectStore('sessions', { keyPath: 'id' });
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        window.__logsBench = { store, naive };
      },
      dbName,
      naiveName,
    );

    // ---- 1. seed: chunks of 10,000 per call (each call stays far below puppeteer's protocol timeout)
    const now = Date.now();
    const seed = seedRecords(SEED_RECORDS, now);
    const seeded = { added: 0, duplicates: 0, oursMs: 0, naiveMs: 0, count: 0 };
    for (let i = 0; i < seed.length; i += 10_000) {
      const r = await page.evaluate(async (chunk: AssistRecord[]) => {
        const b = window.__logsBench;
        const t0 = performance.now();
        const result = await b.store.addMany(chunk);
        const oursMs = performance.now() - t0;
        const t1 = performance.now();
        const tx = b.naive.transaction('sessions', 'readwrite');
        for (const r of chunk) tx.objectStore('sessions').put(r);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
        return { ...result, oursMs, naiveMs: performance.now() - t1 };
      }, seed.slice(i, i + 10_000));
      seeded.added += r.added;
      seeded.duplicates += r.duplicates;
      seeded.oursMs += r.oursMs;
      seeded.naiveMs += r.naiveMs;
    }
    seeded.count = await page.evaluate(() => window.__logsBench.store.count());

    // ---- 2. append (ours and the plain put alternate, so drift and compactions hit both alike)
    const appended = await page.evaluate(async (records: AssistRecord[]) => {
      const b = window.__logsBench;
      const ours: number[] = [];
      const naive: number[] = [];
      let added = 0;
      for (const r of records) {
        let t = performance.now();
        if (await b.store.add(r)) added++;
        ours.push(performance.now() - t);
        t = performance.now();
        await new Promise<void>((resolve, reject) => {
          const tx = b.naive.transaction('sessions', 'readwrite');
          tx.objectStore('sessions').put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
        naive.push(performance.now() - t);
      }
      return { ours, naive, added, count: await b.store.count() };
    }, todayRecords(APPENDS, now));

    // ---- 2b. late appends: sessions that crossed midnight go into yesterday's sealed rollups and pack
    const late = await page.evaluate(async (records: AssistRecord[]) => {
      const { store } = window.__logsBench;
      const times: number[] = [];
      for (const r of records) {
        const t = performance.now();
        await store.add(r);
        times.push(performance.now() - t);
      }
      return times;
    }, lateRecords(LATE_APPENDS, now));

    // ---- 3. summaries
    const summaryCases = [
      { key: '12 months', what: 'summary 12 months' },
      { key: 'last month', what: 'summary 1 month' },
      { key: '12 months, one walkthrough', what: 'summary 1 walkthrough' },
    ] as const;
    const summaries = [];
    for (const c of summaryCases) {
      const r = await page.evaluate(
        async (key: string, runs: number, baselineRuns: number) => {
          const lib = window.__logsLib;
          const { store } = window.__logsBench;
          const t = new Date();
          const year = lib.retentionCutoff(t.getTime(), 12);
          const filter: SummaryFilter =
            key === 'last month'
              ? { from: new Date(t.getFullYear(), t.getMonth() - 1, 1).getTime(), to: new Date(t.getFullYear(), t.getMonth(), 1).getTime() }
              : key === '12 months'
                ? { from: year }
                : { from: year, walkthrough: 'dichvucong/ly-lich-tu-phap' };
          const ours: number[] = [];
          const naive: number[] = [];
          let oursSummary: Summary | undefined;
          let naiveSummary: Summary | undefined;
          for (let i = 0; i < runs; i++) {
            const t0 = performance.now();
            const s = await store.summary(filter);
            ours.push(performance.now() - t0);
            oursSummary ??= s;
          }
          for (let i = 0; i < baselineRuns; i++) {
            const t0 = performance.now();
            const s = lib.summarizeRecords(await store.all(), filter);
            naive.push(performance.now() - t0);
            naiveSummary ??= s;
          }
          return { filter, ours, naive, oursSummary: oursSummary!, naiveSummary: naiveSummary! };
        },
        c.key,
        SUMMARY_RUNS,
        BASELINE_SUMMARY_RUNS,
      );
      summaries.push({ ...c, ...r, check: compare(r.oursSummary, r.naiveSummary) });
    }

    // ---- 4. CSV export (one call per run: ours, then the naive one, CSV_RUNS times)
    type CsvRun = { totalMs: number; readMs?: number; blobMs?: number; bytes: number; records: number };
    const csv: { ours: CsvRun[]; naive: CsvRun[] } = { ours: [], naive: [] };
    const labelMap = labels();
    for (let run = 0; run < CSV_RUNS; run++) {
      csv.ours.push(
        await page.evaluate(async (labelMap: Record<string, string>) => {
          const { store } = window.__logsBench;
          const label = (kind: 'outcome' | 'reason' | 'age', code: string): string => labelMap[`${kind}.${code}`] ?? code;
          const t0 = performance.now();
          const csv = await store.csv({}, 'vi', label);
          const t1 = performance.now();
          const blob = new Blob([csv.bytes], { type: 'text/csv;charset=utf-8' });
          const t2 = performance.now();
          return { totalMs: t2 - t0, readMs: t1 - t0, blobMs: t2 - t1, bytes: blob.size, records: csv.rows };
        }, labelMap),
      );
      csv.naive.push(
        // Naive: walk the plain store with a cursor and concatenate strings, every field JSON-quoted.
        await page.evaluate(async (labelMap: Record<string, string>) => {
          const { naive } = window.__logsBench;
          const label = (kind: 'outcome' | 'reason' | 'age', code: string): string => labelMap[`${kind}.${code}`] ?? code;
          const t0 = performance.now();
          let text = '\uFEFFMã phiên,Hướng dẫn,Phiên bản,Mã phường/xã,Người hỗ trợ,Bắt đầu (giờ),Thời lượng (giây),Số bước,Bước đã tới,Bước hoàn thành,Kết quả,Lý do,Nhóm tuổi,Bước lặp lại,Bước không thấy nút,Bước bỏ qua,Ghi chú\r\n';
          let n = 0;
          await new Promise<void>((resolve, reject) => {
            const req = naive.transaction('sessions').objectStore('sessions').openCursor();
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const c = req.result;
              if (!c) return resolve();
              const r = c.value as AssistRecord;
              const fields = [r.id, `${r.packId}/${r.walkthroughId}`, r.walkthroughVersion, r.wardCode ?? '', r.volunteer ?? '', new Date(r.startHour).toLocaleString('vi-VN'), r.durationSec, r.total, r.stepsReached, r.stepsCompleted, label('outcome', r.outcome), r.reason ? label('reason', r.reason) : '', r.ageBand ? label('age', r.ageBand) : '', JSON.stringify(r.repeats), r.notFound.join(' '), r.skipped.join(' '), r.note ?? ''];
              let line = '';
              for (const f of fields) line += (line ? ',' : '') + JSON.stringify(String(f));
              text += line + '\r\n';
              n++;
              c.continue();
            };
          });
          const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
          return { totalMs: performance.now() - t0, bytes: blob.size, records: n };
        }, labelMap),
      );
    }

    // ---- clean up: both databases go
    await page.evaluate(async (names: string[]) => {
      window.__logsBench.store.close();
      window.__logsBench.naive.close();
      for (const name of names) {
        await new Promise<void>((resolve, reject) => {
          const req = indexedDB.deleteDatabase(name);
          req.onsuccess = () => resolve();
          req.onerror = () => reject(req.error);
          req.onblocked = () => resolve();
        });
      }
    }, [dbName, naiveName]);

    // ---- report
    const total = seeded.count + appended.added + late.length;
    const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
    const rows: string[][] = [];
    const appendOk = pct(appended.ours, 0.95) <= GOALS.appendP95Ms;
    rows.push([
      'append, p50 / p95 / max',
      `${ms(median(appended.ours))} / ${ms(pct(appended.ours, 0.95))} / ${ms(max(appended.ours))} ms`,
      `${ms(median(appended.naive))} / ${ms(pct(appended.naive, 0.95))} / ${ms(max(appended.naive))} ms (put)`,
      `p95 ≤ ${GOALS.appendP95Ms} ms: ${met(appendOk)}`,
    ]);
    for (const s of summaries) {
      const ok = median(s.ours) <= GOALS.summaryMs;
      const note = ok && max(s.ours) > GOALS.summaryMs ? ' (max over)' : '';
      rows.push([
        `${s.what}, median / max`,
        `${ms(median(s.ours))} / ${ms(max(s.ours))} ms`,
        `${ms(median(s.naive))} / ${ms(max(s.naive))} ms (all+agg)`,
        `≤ ${GOALS.summaryMs} ms: ${met(ok)}${note}`,
      ]);
    }
    const csvTotals = csv.ours.map((r) => r.totalMs);
    const csvOk = median(csvTotals) <= GOALS.csvMs;
    rows.push([
      `CSV export ${(total / 1000).toFixed(0)}k, median / max`,
      `${ms(median(csvTotals))} / ${ms(max(csvTotals))} ms`,
      `${ms(median(csv.naive.map((r) => r.totalMs)))} / ${ms(max(csv.naive.map((r) => r.totalMs)))} ms (cursor+concat)`,
      `≤ ${GOALS.csvMs} ms: ${met(csvOk && csv.ours[0]!.records === total)}${csvOk && max(csvTotals) > GOALS.csvMs ? ' (max over)' : ''}`,
    ]);
    const head = ['what', 'ours', 'baseline (naive)', 'goal'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmt = (cols: string[]): string => cols.map((c, i) => c.padEnd(widths[i]!)).join(' | ');

    console.log(`Logs benchmark — Chromium ${version}, ${seeded.count.toLocaleString('en-US')} records (+${appended.added.toLocaleString('en-US')} appended, +${late.length} late)\n`);
    const host = `${cpus().length} CPUs, 1-min load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (other work on this machine skews every figure)`;
    console.log(`code: ${code}`);
    console.log(`host: ${host}`);
    console.log(`seeding: addMany ${(seeded.oursMs / 1000).toFixed(1)} s (${seeded.added} added, ${seeded.duplicates} duplicates); naive bulk put ${(seeded.naiveMs / 1000).toFixed(1)} s (not judged)\n`);
    console.log(fmt(head));
    console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
    for (const r of rows) console.log(fmt(r));
    console.log(
      `(append: ${APPENDS} awaited add() vs ${APPENDS} awaited one-put transactions, alternating; summary: ${SUMMARY_RUNS} runs of summary() vs ${BASELINE_SUMMARY_RUNS} of summarizeRecords(await all()); CSV: ${CSV_RUNS} runs each, Blob included)\n`,
    );
    for (const s of summaries) {
      console.log(`summary ${s.key}: ${s.oursSummary.total} sessions; totals/byOutcome/median ${s.check.ok ? 'OK' : 'MISMATCH'}${s.check.identical ? ' (whole summary identical)' : ' (other fields differ)'}${s.check.detail ? ` — ${s.check.detail}` : ''}`);
    }
    const [first, last] = [appended.ours.slice(0, 200), appended.ours.slice(-200)];
    console.log(`append trend: first 200 adds p50/p95 ${ms(median(first))} / ${ms(pct(first, 0.95))} ms, last 200 ${ms(median(last))} / ${ms(pct(last, 0.95))} ms (all ${APPENDS} started today)`);
    console.log(`late append (${LATE_APPENDS} sessions started before midnight, folded into yesterday's sealed rollups and month pack): p50 / p95 ${ms(median(late))} / ${ms(pct(late, 0.95))} ms`);
    const o = csv.ours.find((r) => r.totalMs === median(csvTotals))!;
    console.log(`CSV: ${csv.ours[0]!.records} rows, ${(csv.ours[0]!.bytes / 1e6).toFixed(1)} MB (naive ${(csv.naive[0]!.bytes / 1e6).toFixed(1)} MB); ours, median run = store.csv() ${ms(o.readMs!)} + Blob ${ms(o.blobMs!)} ms`);

    const raw = {
      date: new Date().toISOString(),
      chromium: version,
      code,
      host,
      records: { seeded: seeded.count, appended: appended.added, late: late.length, total },
      goals: GOALS,
      seeding: seeded,
      append: {
        ours: { p50: median(appended.ours), p95: pct(appended.ours, 0.95), max: max(appended.ours), ms: appended.ours },
        naivePut: { p50: median(appended.naive), p95: pct(appended.naive, 0.95), max: max(appended.naive), ms: appended.naive },
        late: { p50: median(late), p95: pct(late, 0.95), max: max(late), ms: late },
      },
      summaries: summaries.map((s) => ({
        case: s.key,
        filter: s.filter,
        sessions: s.oursSummary.total,
        ours: { median: median(s.ours), max: max(s.ours), ms: s.ours },
        naive: { median: median(s.naive), max: max(s.naive), ms: s.naive },
        totalsMatch: s.check.ok,
        identical: s.check.identical,
      })),
      csv: { ours: csv.ours, naive: csv.naive, oursMedianMs: median(csvTotals), naiveMedianMs: median(csv.naive.map((r) => r.totalMs)) },
      met: { append: appendOk, summary: summaries.map((s) => median(s.ours) <= GOALS.summaryMs), csv: csvOk },
      runSeconds: (Date.now() - started) / 1000,
    };
    mkdirSync(path.join(ROOT, 'bench-output'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench-output/logs.json'), JSON.stringify(raw, null, 2));
    console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s; details in bench-output/logs.json)`);
  } finally {
    await chrome.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
