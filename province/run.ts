// The province report (`npm run province`): reads every desk/ward export under a folder into a DuckDB file
// kept beside the report (so a second run reads only new or changed files), merges records by the
// dashboard's rule, runs report/province.sql and writes report/index.html and report/<table>.csv.
//   1. find the files (path, size, modification time); drop from the database the ones changed or gone;
//   2. read each new file (core/log-export.ts rules), append its rows, or list it as skipped with the reason;
//   3. run the SQL (merge, then one query per table, small cells suppressed);
//   4. write the CSVs, the SQL and the page.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Lang } from '../core/i18n';
import { findExportFiles, readCsvExport, readJsonExport, type FileRead, type FoundFile, type Row } from './read-exports';
import { reportSql, SCHEMA_SQL, sqlFile } from './province.sql';
import { renderReport, type SkippedFile } from './report-html';

export interface ProvinceOptions {
  /** The folder of exports (searched recursively). */
  input: string;
  /** @default `report` beside the current folder */
  out: string;
  /** @default 'vi' */
  lang?: Lang;
  /** The province's zone, minutes ahead of UTC. @default 420 (Vietnam, UTC+7) */
  tzMinutes?: number;
  /** The database file. @default `<out>.duckdb` beside the report folder */
  database?: string;
  /** @default Date.now */
  now?: () => number;
  /** Called after each file and at the end of the load. */
  onProgress?: (p: Progress) => void;
}

export interface Progress {
  files: number;
  filesTotal: number;
  records: number;
  elapsedMs: number;
  file?: string;
}

export type Table = { columns: string[]; rows: string[][] };

export interface ProvinceResult {
  /** Files read in this run (new or changed), skipped in this run, left as they were. */
  read: number;
  skippedNow: number;
  unchanged: number;
  /** Every skipped file known to the database (this run or earlier ones). */
  skipped: SkippedFile[];
  /** Rows read in this run; records after merging; duplicates merged away; records from the future left out. */
  rowsRead: number;
  records: number;
  duplicates: number;
  future: number;
  tables: Record<string, Table>;
  loadMs: number;
  /** Of the load: reading and checking the files in Node; copying their rows into DuckDB. */
  parseMs: number;
  copyMs: number;
  reportMs: number;
  database: string;
}

async function all(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A row as one tab-separated line (no field can hold a tab or a line break: codes, numbers, step lists). */
function line(seq: number, n: number, r: Row): string {
  return `${seq}\t${n}\t${r.id}\t${r.walkthrough}\t${r.version}\t${r.ward}\t${r.startHour}\t${r.durationSec}\t${r.total}\t${r.reached}\t${r.completed}\t${r.outcome}\t${r.reason}\t${r.age}\t${r.notFound}\t${r.repairs}\t${r.repeats}\n`;
}

/**
 * Rows go in through a temporary tab-separated file and DuckDB's CSV reader, in batches: far faster than a
 * call per value (the appender) from Node. Empty cells are read as NULL by the reader: made '' again.
 */
async function copyIn(conn: DuckDBConnection, file: string, text: string): Promise<void> {
  writeFileSync(file, text);
  await conn.run(`INSERT INTO records_raw
SELECT * REPLACE (coalesce(ward, '') AS ward, coalesce(reason, '') AS reason, coalesce(not_found, '') AS not_found, coalesce(repairs, '') AS repairs, coalesce(repeats, '') AS repeats)
FROM read_csv(${q(file)}, delim = '\t', header = false, quote = '', escape = '', auto_detect = false, columns = {
  'file_seq': 'INTEGER', 'row_no': 'INTEGER', 'id': 'VARCHAR', 'walkthrough': 'VARCHAR', 'version': 'VARCHAR', 'ward': 'VARCHAR',
  'start_hour': 'BIGINT', 'duration_sec': 'INTEGER', 'total': 'INTEGER', 'reached': 'INTEGER', 'completed': 'INTEGER',
  'outcome': 'VARCHAR', 'reason': 'VARCHAR', 'age': 'VARCHAR', 'not_found': 'VARCHAR', 'repairs': 'VARCHAR', 'repeats': 'VARCHAR'})`);
  rmSync(file, { force: true });
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s;
}

/** A table as CSV (UTF-8 with a byte-order mark for Excel, CRLF). */
export function tableCsv(t: Table): string {
  return '\uFEFF' + [t.columns, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export async function runProvince(options: ProvinceOptions): Promise<ProvinceResult> {
  const now = options.now ?? Date.now;
  const lang = options.lang ?? 'vi';
  const tz = options.tzMinutes ?? 420;
  const out = path.resolve(options.out);
  const input = path.resolve(options.input);
  const database = options.database ?? `${out.replace(/[\\/]+$/, '')}.duckdb`;
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  const instance = await DuckDBInstance.create(database);
  const conn = await instance.connect();
  try {
    await conn.run(SCHEMA_SQL);
    // 1. Which files are new, changed or gone.
    const found = findExportFiles(input, [out, database]);
    const known = new Map((await all(conn, 'SELECT seq, path, size, mtime FROM files')).map((r) => [String(r.path), r]));
    const fresh: FoundFile[] = [];
    const stale: number[] = [];
    const here = new Set(found.map((f) => f.path));
    for (const f of found) {
      const k = known.get(f.path);
      if (k && Number(k.size) === f.size && Number(k.mtime) === f.mtimeMs) continue;
      if (k) stale.push(Number(k.seq));
      fresh.push(f);
    }
    for (const [p, k] of known) if (!here.has(p)) stale.push(Number(k.seq));
    if (stale.length) {
      await conn.run(`DELETE FROM records_raw WHERE file_seq IN (${stale.join(',')}); DELETE FROM files WHERE seq IN (${stale.join(',')});`);
    }
    // 2. Read the new files, one at a time (a file's rows are in memory only while it is appended).
    let seq = Number((await all(conn, 'SELECT coalesce(max(seq), 0) AS m FROM files'))[0]!.m);
    let rowsRead = 0;
    let skippedNow = 0;
    let futureNow = 0;
    const report = (i: number, file?: string): void => options.onProgress?.({ files: i, filesTotal: fresh.length, records: rowsRead, elapsedMs: performance.now() - started, file });
    // Batches of about 100,000 rows; a file is entered in `files` with its batch, so an interrupted run
    // leaves no file marked as read without its rows.
    const batchFile = path.join(out, '.province-batch.tsv');
    let batch: string[] = [];
    let batchRows = 0;
    let pendingFiles: string[] = [];
    let parseMs = 0;
    let copyMs = 0;
    const flush = async (): Promise<void> => {
      const c0 = performance.now();
      if (batchRows) await copyIn(conn, batchFile, batch.join(''));
      copyMs += performance.now() - c0;
      if (pendingFiles.length) await conn.run(`INSERT INTO files VALUES ${pendingFiles.join(', ')}`);
      batch = [];
      batchRows = 0;
      pendingFiles = [];
    };
    for (let i = 0; i < fresh.length; i++) {
      const f = fresh[i]!;
      seq++;
      let read: FileRead;
      const p0 = performance.now();
      try {
        const text = readFileSync(f.path, 'utf8');
        read = /\.json$/i.test(f.path) ? readJsonExport(text, now()) : readCsvExport(text, now(), tz);
      } catch {
        read = { ok: false, error: { code: 'file.read', path: '' } };
      }
      parseMs += performance.now() - p0;
      const rel = q(f.path);
      if (read.ok) {
        let n = 0;
        for (const r of read.rows) batch.push(line(seq, n++, r));
        batchRows += read.rows.length;
        rowsRead += read.rows.length;
        futureNow += read.future;
        pendingFiles.push(`(${seq}, ${rel}, ${f.size}, ${f.mtimeMs}, 'ok', NULL, NULL, ${read.rows.length}, ${read.future})`);
      } else {
        skippedNow++;
        pendingFiles.push(`(${seq}, ${rel}, ${f.size}, ${f.mtimeMs}, 'skipped', ${q(read.error.code)}, ${q(read.error.path)}, 0, 0)`);
      }
      if (batchRows >= 100_000) await flush();
      report(i + 1, f.path);
    }
    await flush();
    const loadMs = performance.now() - started;
    // 3. The report's SQL.
    const t0 = performance.now();
    const { prelude, queries } = reportSql(tz);
    await conn.run(prelude);
    const tables: Record<string, Table> = {};
    for (const query of queries) {
      const reader = await conn.runAndReadAll(query.sql);
      const columns = reader.columnNames();
      const rows = (reader.getRowsJS() as unknown[][]).map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
      tables[query.name] = { columns, rows };
    }
    const counts = (await all(conn, "SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM records_raw) AS raw, (SELECT coalesce(sum(future), 0) FROM files) AS future"))[0]!;
    const skipped = (await all(conn, "SELECT path, code, field FROM files WHERE status = 'skipped' ORDER BY path")).map((r) => ({
      path: path.relative(input, String(r.path)) || String(r.path),
      code: String(r.code),
      field: String(r.field ?? ''),
    }));
    // 4. Files.
    for (const [name, t] of Object.entries(tables)) writeFileSync(path.join(out, `${name}.csv`), tableCsv(t));
    writeFileSync(path.join(out, 'province.sql'), sqlFile(tz));
    const records = Number(counts.records);
    const duplicates = Number(counts.raw) - records;
    const future = Number(counts.future);
    writeFileSync(path.join(out, 'index.html'), renderReport({ lang, tables, skipped, records, duplicates, future, files: Number((await all(conn, 'SELECT count(*) AS n FROM files'))[0]!.n), generatedAt: now() }));
    const reportMs = performance.now() - t0;
    return { read: fresh.length - skippedNow, skippedNow, unchanged: found.length - fresh.length, skipped, rowsRead, records, duplicates, future: futureNow, tables, loadMs, parseMs, copyMs, reportMs, database };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** `+07:00` / `-03:30` / `420` → minutes ahead of UTC. */
export function parseTz(s: string): number {
  const m = /^([+-])(\d{1,2}):?(\d{2})$/.exec(s);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const n = Number(s);
  if (!Number.isInteger(n) || Math.abs(n) > 14 * 60) throw new Error(`not a time zone offset: ${s}`);
  return n;
}
