// The province report (`npm run province`): reads every desk/ward export under a folder into a DuckDB file
// kept beside the report (so a second run reads only new or changed files), merges records by the
// dashboard's rule, keeps per-group rollups of the merged records, and writes report/index.html,
// report/<table>.csv and report/province.sql.
//   1. find the files (path, size, modification time); drop from the database the ones changed or gone;
//   2. read the new files with DuckDB itself, in batches (read_json / read_csv, the import's per-record checks
//      in SQL: province.sql.ts); a file DuckDB cannot parse, or with a record that fails a check, is read by
//      the Node reader (read-exports.ts), which words the reason and the bad field's path: listed as skipped;
//   3. merge: only the new rows (a row whose id is already known loses), added to the rollups; a changed or
//      removed file (or another time zone) rebuilds the merge and the rollups from the rows kept;
//   4. one query per table over the rollups (small cells suppressed); the CSVs, the SQL and the page.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Lang } from '../core/i18n';
import { findExportFiles, readCsvExport, readJsonExport, type FileRead, type FoundFile, type Row } from './read-exports';
import { IMPORT_CLOCK_SKEW_MS } from '../core/log-export';
import { CSV_HEADERS, csvRowsSql, jsonRowsSql, rebuildSql, reportSql, rollupSql, SCHEMA_SQL, SCHEMA_VERSION, sqlFile, type BatchFile } from './province.sql';
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
  /** DuckDB's threads. @default the machine's cores */
  threads?: number;
  /** DuckDB's memory limit (it spills to disk beyond it). @default '1GB' */
  memoryLimit?: string;
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
  /** Files DuckDB could not take as they were, read by the Node reader (skipped ones among them). */
  nodeRead: number;
  /** Whether the merge and the rollups were rebuilt from every row kept (a file changed or went away). */
  rebuilt: boolean;
  loadMs: number;
  /** Of the load: reading and checking the files (DuckDB, and Node for the files it gave back); the merge, rollups and writing the database file (checkpoint). */
  readMs: number;
  mergeMs: number;
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
  return `${seq}\t${n}\t${r.id}\t${r.walkthrough}\t${r.version}\t${r.ward}\t${r.startHour}\t${r.durationSec}\t${r.total}\t${r.reached}\t${r.completed}\t${r.outcome}\t${r.reason}\t${r.age}\t${r.notFound}\t${r.repairs}\n`;
}

/**
 * The rows of a file the Node reader took (DuckDB gave it back) go in through a temporary tab-separated file
 * and DuckDB's CSV reader. Empty cells are read as NULL: made '' (or an empty step list) again.
 */
async function copyIn(conn: DuckDBConnection, file: string, text: string): Promise<void> {
  writeFileSync(file, text);
  const steps = (c: string): string => `CASE WHEN coalesce(${c}, '') = '' THEN [] ELSE CAST(string_split(${c}, ' ') AS INTEGER[]) END AS ${c}`;
  await conn.run(`INSERT INTO records_raw
SELECT * REPLACE (coalesce(ward, '') AS ward, coalesce(reason, '') AS reason, ${steps('not_found')}, ${steps('repairs')})
FROM read_csv(${q(file)}, delim = '\t', header = false, quote = '', escape = '', auto_detect = false, columns = {
  'file_seq': 'INTEGER', 'row_no': 'INTEGER', 'id': 'VARCHAR', 'walkthrough': 'VARCHAR', 'version': 'VARCHAR', 'ward': 'VARCHAR',
  'start_hour': 'BIGINT', 'duration_sec': 'INTEGER', 'total': 'INTEGER', 'reached': 'INTEGER', 'completed': 'INTEGER',
  'outcome': 'VARCHAR', 'reason': 'VARCHAR', 'age': 'VARCHAR', 'not_found': 'VARCHAR', 'repairs': 'VARCHAR'})`);
  rmSync(file, { force: true });
}

/**
 * A CSV export DuckDB may read: one of the two headers, the last line ended, no blank line (DuckDB would pass
 * over it; the import refuses it, unless it ends the file). Else the Node reader says why. One read of the file.
 */
function csvLooksWhole(f: FoundFile): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(f.path);
  } catch {
    return false;
  }
  const eol = bytes.indexOf(0x0a);
  if (eol < 0 || bytes[bytes.length - 1] !== 0x0a) return false;
  const first = bytes.subarray(0, eol).toString('utf8').replace(/^\uFEFF/, '').replace(/\r$/, '');
  return CSV_HEADERS.includes(first) && bytes.indexOf('\n\r\n') < 0 && bytes.indexOf('\n\n') < 0;
}

/** Tables of the database, dropped when its schema is of another version. */
const TABLES = ['files', 'records_raw', 'duplicates', 'roll_sessions', 'roll_duration_ward', 'roll_duration_walkthrough', 'roll_reached', 'roll_steps'];
/** About this many bytes of exports per DuckDB statement (memory stays bounded; progress after each). */
const BATCH_BYTES = 96 * 1024 * 1024;

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
  const instance = await DuckDBInstance.create(database, {
    threads: String(options.threads ?? Math.max(1, availableParallelism())),
    memory_limit: options.memoryLimit ?? '1GB',
  });
  const conn = await instance.connect();
  try {
    await conn.run('CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)');
    const meta = new Map((await all(conn, 'SELECT key, value FROM meta')).map((r) => [String(r.key), String(r.value)]));
    if (meta.get('schema') !== String(SCHEMA_VERSION)) {
      // A database of another version (or a new one): started over, every file read again.
      await conn.run(TABLES.map((t) => `DROP TABLE IF EXISTS ${t};`).join('\n'));
      meta.clear();
    }
    await conn.run(SCHEMA_SQL);
    // 1. Which files are new, changed or gone.
    const found = findExportFiles(input, [out, database, `${database}.wal`, `${database}.tmp`]);
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
    // Rows of a batch whose files were not entered yet (a run cut short) are dropped: their files are read again.
    await conn.run('DELETE FROM records_raw WHERE file_seq > (SELECT coalesce(max(seq), 0) FROM files)');
    // Rows of files from `mergeFrom` on are not merged yet (this run's, or those of a run cut short).
    const mergeFrom = Number(meta.get('merged') ?? 0) + 1;
    const rebuild = stale.length > 0 || meta.get('tz') !== String(tz) || !meta.has('merged');

    // 2. Read the new files: batches of DuckDB statements; the Node reader for what DuckDB gives back.
    let seq = Number((await all(conn, 'SELECT coalesce(max(seq), 0) AS m FROM files'))[0]!.m);
    const numbered = fresh.map((f) => ({ ...f, seq: ++seq }));
    let rowsRead = 0;
    let skippedNow = 0;
    let futureNow = 0;
    let nodeRead = 0;
    let done = 0;
    const tsv = path.join(out, '.province-rows.tsv');
    const progress = (file?: string): void => options.onProgress?.({ files: ++done, filesTotal: fresh.length, records: rowsRead, elapsedMs: performance.now() - started, file });
    const fileRow = (f: BatchFile & FoundFile, status: string, code: string | null, field: string | null, records: number, future: number): string =>
      `(${f.seq}, ${q(f.path)}, ${f.size}, ${f.mtimeMs}, ${q(status)}, ${code === null ? 'NULL' : q(code)}, ${field === null ? 'NULL' : q(field)}, ${records}, ${future})`;

    /** The Node reader: a file's rows, or the reason it is skipped and the bad field's path. */
    const readInNode = async (f: BatchFile & FoundFile): Promise<string> => {
      nodeRead++;
      let read: FileRead;
      try {
        const text = readFileSync(f.path, 'utf8');
        read = /\.json$/i.test(f.path) ? readJsonExport(text, now()) : readCsvExport(text, now(), tz);
      } catch {
        read = { ok: false, error: { code: 'file.read', path: '' } };
      }
      if (!read.ok) {
        skippedNow++;
        return fileRow(f, 'skipped', read.error.code, read.error.path, 0, 0);
      }
      if (read.rows.length) await copyIn(conn, tsv, read.rows.map((r, n) => line(f.seq, n, r)).join(''));
      rowsRead += read.rows.length;
      futureNow += read.future;
      return fileRow(f, 'ok', null, null, read.rows.length, read.future);
    };

    /**
     * One batch of files of one kind in one statement, its rows straight into records_raw (a record that fails
     * a check goes in as a row of NULLs, so that its file is seen and taken out again); a batch DuckDB cannot
     * read is tried file by file, and a file it cannot read goes to the Node reader.
     */
    const readBatch = async (batch: (BatchFile & FoundFile)[], json: boolean): Promise<void> => {
      const entries: string[] = [];
      const seqs = batch.map((f) => f.seq).join(',');
      const into = `INSERT INTO records_raw SELECT * EXCLUDE (ok, future) FROM `;
      let ok = true;
      try {
        // A JSON row carries its place in the file (row_no), so the insert need not keep the scan's order;
        // the CSV stage must (a row's order in its file is its rowid).
        if (json) await conn.run(`SET preserve_insertion_order = false; ${into}(${jsonRowsSql(batch, now())})`);
        else {
          const { stage, rows } = csvRowsSql(batch, now(), tz);
          await conn.run(`SET preserve_insertion_order = true; ${stage}`);
          await conn.run(`${into}(${rows})`);
        }
      } catch {
        ok = false;
      }
      if (!ok) {
        if (batch.length > 1) {
          for (const f of batch) await readBatch([f], json);
          return;
        }
        entries.push(await readInNode(batch[0]!));
      } else {
        const limit = now() + IMPORT_CLOCK_SKEW_MS;
        const counts = new Map(
          (await all(conn, `SELECT file_seq, count(*) FILTER (WHERE id IS NULL) AS bad, count(*) FILTER (WHERE start_hour > ${limit}) AS future, count(*) AS n FROM records_raw WHERE file_seq IN (${seqs}) GROUP BY file_seq`)).map((r) => [
            Number(r.file_seq),
            { bad: Number(r.bad), future: Number(r.future), rows: Number(r.n) - Number(r.future) },
          ]),
        );
        // A file with a record that fails a check (or no record: its file-level checks are not seen) goes to the Node reader.
        const toNode = batch.filter((f) => !counts.get(f.seq) || counts.get(f.seq)!.bad > 0);
        const future = batch.filter((f) => (counts.get(f.seq)?.future ?? 0) > 0);
        if (toNode.length || future.length) {
          await conn.run(`DELETE FROM records_raw WHERE file_seq IN (${toNode.map((f) => f.seq).join(',') || 'NULL'}) OR (file_seq IN (${seqs}) AND start_hour > ${limit})`);
        }
        for (const f of batch) {
          const c = counts.get(f.seq);
          if (toNode.includes(f)) entries.push(await readInNode(f));
          else {
            rowsRead += c!.rows;
            futureNow += c!.future;
            entries.push(fileRow(f, 'ok', null, null, c!.rows, c!.future));
          }
        }
      }
      await conn.run(`INSERT INTO files VALUES ${entries.join(', ')}`);
      for (const f of batch) progress(f.path);
    };

    const t0 = performance.now();
    const pending: { json: boolean; batch: (BatchFile & FoundFile)[]; bytes: number }[] = [];
    const open = { json: { batch: [] as (BatchFile & FoundFile)[], bytes: 0 }, csv: { batch: [] as (BatchFile & FoundFile)[], bytes: 0 } };
    const nodeOnly: (BatchFile & FoundFile)[] = [];
    for (const f of numbered) {
      const json = /\.json$/i.test(f.path);
      // The Node reader words what is wrong with a CSV of another header or cut short, and reads JSON past the import's size limit.
      if (json ? f.size > 200 * 1024 * 1024 : !csvLooksWhole(f)) {
        nodeOnly.push(f);
        continue;
      }
      const o = json ? open.json : open.csv;
      o.batch.push(f);
      o.bytes += f.size;
      if (o.bytes >= BATCH_BYTES) {
        pending.push({ json, batch: o.batch, bytes: o.bytes });
        o.batch = [];
        o.bytes = 0;
      }
    }
    for (const [json, o] of [[true, open.json], [false, open.csv]] as const) if (o.batch.length) pending.push({ json, batch: o.batch, bytes: o.bytes });
    for (const f of nodeOnly) {
      await conn.run(`INSERT INTO files VALUES ${await readInNode(f)}`);
      progress(f.path);
    }
    for (const p of pending) await readBatch(p.batch, p.json);
    await conn.run('DROP TABLE IF EXISTS csv_stage;');
    const readMs = performance.now() - t0;

    // 3. The merge and the rollups: rebuilt from every row kept, or the new rows added.
    const m0 = performance.now();
    if (rebuild) await conn.run(rebuildSql(tz));
    else if (numbered.length || mergeFrom <= seq) {
      await conn.run(`CREATE OR REPLACE TEMP TABLE new_duplicates AS
SELECT file_seq, row_no FROM records_raw WHERE file_seq >= ${mergeFrom}
QUALIFY row_number() OVER (PARTITION BY id ORDER BY file_seq, row_no) > 1
UNION
SELECT file_seq, row_no FROM records_raw WHERE file_seq >= ${mergeFrom} AND id IN (SELECT id FROM records_raw WHERE file_seq < ${mergeFrom});
INSERT INTO duplicates SELECT * FROM new_duplicates;
CREATE OR REPLACE TEMP VIEW new_records AS SELECT * FROM records_raw ANTI JOIN new_duplicates USING (file_seq, row_no) WHERE file_seq >= ${mergeFrom};
${rollupSql('INSERT INTO', 'new_records', tz)}
DROP VIEW new_records; DROP TABLE new_duplicates;`);
    }
    await conn.run(`INSERT OR REPLACE INTO meta VALUES ('schema', '${SCHEMA_VERSION}'), ('tz', '${tz}'), ('merged', '${seq}')`);
    // Written to the database file now (not when it closes), so that the load's time includes it.
    await conn.run('CHECKPOINT');
    const mergeMs = performance.now() - m0;
    const loadMs = performance.now() - started;

    // 4. The report's SQL.
    const r0 = performance.now();
    const { prelude, queries } = reportSql();
    await conn.run(prelude);
    const tables: Record<string, Table> = {};
    for (const query of queries) {
      const reader = await conn.runAndReadAll(query.sql);
      const columns = reader.columnNames();
      const rows = (reader.getRowsJS() as unknown[][]).map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
      tables[query.name] = { columns, rows };
    }
    const counts = (await all(conn, 'SELECT (SELECT count(*) FROM records_raw) AS raw, (SELECT count(*) FROM duplicates) AS duplicates, (SELECT count(*) FROM files) AS files'))[0]!;
    const skipped = (await all(conn, "SELECT path, code, field FROM files WHERE status = 'skipped' ORDER BY path")).map((r) => ({
      path: path.relative(input, String(r.path)) || String(r.path),
      code: String(r.code),
      field: String(r.field ?? ''),
    }));
    for (const [name, t] of Object.entries(tables)) writeFileSync(path.join(out, `${name}.csv`), tableCsv(t));
    writeFileSync(path.join(out, 'province.sql'), sqlFile(tz));
    const duplicates = Number(counts.duplicates);
    const records = Number(counts.raw) - duplicates;
    const future = Number((await all(conn, 'SELECT coalesce(sum(future), 0) AS n FROM files'))[0]!.n);
    writeFileSync(path.join(out, 'index.html'), renderReport({ lang, tables, skipped, records, duplicates, future, files: Number(counts.files), generatedAt: now() }));
    const reportMs = performance.now() - r0;
    return {
      read: fresh.length - skippedNow,
      skippedNow,
      unchanged: found.length - fresh.length,
      skipped,
      rowsRead,
      records,
      duplicates,
      future: futureNow,
      tables,
      nodeRead,
      rebuilt: rebuild,
      loadMs,
      readMs,
      mergeMs,
      reportMs,
      database,
    };
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
