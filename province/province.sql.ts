// The SQL of the province report, written out as report/province.sql: readable, and reusable as is in
// DuckDB (or MotherDuck; BigQuery with the few changes the README lists). `records_raw` holds every row of
// every file read (the loader's job, or `read_json` in a warehouse); everything after it is plain SQL:
//   1. the merge: `duplicates` lists the rows that lose to an earlier row of the same id (the dashboard's rule);
//   2. rollups: per-group counts and duration histograms of the merged records (small tables, kept in the
//      .duckdb file, so a re-run adds only the new file's rows to them);
//   3. one query per table of the report, over the rollups, small cells suppressed.
// The loader (province/run.ts) reads the files with DuckDB itself: `jsonRowsSql` / `csvRowsSql` below turn a
// batch of export files into rows with a per-record `ok` flag (the import's rules of core/log-export.ts and
// province/read-exports.ts in SQL); a file with a record that is not `ok` is read again by the Node reader,
// which words the reason and the bad field's path (or takes the file, where SQL was stricter than the rules).
import en from '../locales/en.json';
import vi from '../locales/vi.json';
import { csvHeader, EXPORT_FORMAT, EXPORT_VERSION, IMPORT_CLOCK_SKEW_MS } from '../core/log-export';
import { AGE_BANDS, REASONS, RECORD_OUTCOMES } from '../core/log-record';

/** Bumped when the tables below change: a database of another version is started over. */
export const SCHEMA_VERSION = 2;

/** The tables the loader keeps in the .duckdb file between runs. */
export const SCHEMA_SQL = `-- Files read so far (path, size and modification time tell a new or changed file) and why a file was skipped.
CREATE TABLE IF NOT EXISTS files (
  seq INTEGER PRIMARY KEY, path VARCHAR NOT NULL, size BIGINT, mtime BIGINT,
  status VARCHAR NOT NULL,          -- 'ok' or 'skipped'
  code VARCHAR, field VARCHAR,      -- why skipped: an error code and the bad field's path
  records INTEGER, future INTEGER   -- rows read; records dated in the future, left out
);
-- One row per record per file, row_no in file order: codes and numbers only (no note, no volunteer).
-- Step lists hold 0-based step indexes (not_found once per step; repairs once per repair).
CREATE TABLE IF NOT EXISTS records_raw (
  file_seq INTEGER, row_no INTEGER, id VARCHAR, walkthrough VARCHAR, version VARCHAR, ward VARCHAR,
  start_hour BIGINT,                -- ms since 1970 (UTC), a whole hour
  duration_sec INTEGER, total INTEGER, reached INTEGER, completed INTEGER,
  outcome VARCHAR, reason VARCHAR, age VARCHAR, not_found INTEGER[], repairs INTEGER[]
);
`;

/**
 * The merge and the rollups, rebuilt from `records_raw` as a whole: what province.sql runs, and what the
 * loader runs when a file changed or went away (or the time zone changed).
 */
export function rebuildSql(tzMinutes: number): string {
  return `-- 1. The dashboard's merge rule: a record is its id; when several files hold it, the first read wins
-- (files in the order read, rows in file order). The rows that lose:
CREATE OR REPLACE TABLE duplicates AS
SELECT file_seq, row_no FROM records_raw
QUALIFY row_number() OVER (PARTITION BY id ORDER BY file_seq, row_no) > 1;

-- The merged records: every row but those.
CREATE OR REPLACE TEMP VIEW records AS SELECT * FROM records_raw ANTI JOIN duplicates USING (file_seq, row_no);

-- 2. Rollups of the merged records (months in the province's time zone, UTC${tzMinutes >= 0 ? '+' : '-'}${Math.abs(tzMinutes)} min).
${rollupSql('CREATE OR REPLACE TABLE', 'records', tzMinutes)}`;
}

/**
 * The rollups of the merged records in `source`: created (`CREATE OR REPLACE TABLE`) or added to
 * (`INSERT INTO`: the queries sum every row of a group, so a re-run only appends the new records' counts).
 */
export function rollupSql(verb: 'CREATE OR REPLACE TABLE' | 'INSERT INTO', source: string, tzMinutes: number): string {
  const into = (table: string): string => (verb === 'INSERT INTO' ? `INSERT INTO ${table}` : `CREATE OR REPLACE TABLE ${table} AS`);
  return `-- Sessions per ward, walkthrough, month, outcome and age band; of them, sessions with a control not found.
${into('roll_sessions')}
SELECT ward, walkthrough, strftime(make_timestamp((start_hour + ${tzMinutes} * 60000) * 1000), '%Y-%m') AS month,
       outcome, age, count(*) AS sessions, count(*) FILTER (WHERE len(not_found) > 0) AS sessions_not_found
FROM ${source} GROUP BY ALL;
-- Durations (whole seconds) per ward and per walkthrough: exact medians from these histograms.
${into('roll_duration_ward')}
SELECT ward, duration_sec, count(*) AS n FROM ${source} GROUP BY ALL;
${into('roll_duration_walkthrough')}
SELECT walkthrough, duration_sec, count(*) AS n FROM ${source} GROUP BY ALL;
-- Sessions per walkthrough, step count and steps reached: the funnel.
${into('roll_reached')}
SELECT walkthrough, total, reached, count(*) AS n FROM ${source} GROUP BY ALL;
-- Per walkthrough and step (0-based): sessions whose control was not found there, repairs at the desk.
${into('roll_steps')}
SELECT walkthrough, step, sum(not_found) AS not_found, sum(repairs) AS repairs FROM (
  SELECT walkthrough, unnest(not_found) AS step, 1 AS not_found, 0 AS repairs FROM ${source} WHERE len(not_found) > 0
  UNION ALL
  SELECT walkthrough, unnest(repairs) AS step, 0 AS not_found, 1 AS repairs FROM ${source} WHERE len(repairs) > 0
) GROUP BY ALL;
`;
}

/** One named report query: its result is a table of the report (and report/<name>.csv). */
export interface ReportQuery {
  name: string;
  sql: string;
}

/** The exact median of each group of a histogram `(g, d, n)`: the mean of the two middle values, as `median()`. */
const medianOf = (histogram: string, group: string): string => `(SELECT g, (min(d) FILTER (WHERE cum > (total - 1) // 2) + min(d) FILTER (WHERE cum > total // 2)) / 2.0 AS median
  FROM (SELECT g, d, sum(n) OVER (PARTITION BY g ORDER BY d) AS cum, sum(n) OVER (PARTITION BY g) AS total
        FROM (SELECT ${group} AS g, duration_sec AS d, sum(n) AS n FROM ${histogram} GROUP BY ALL))
  GROUP BY g)`;

/**
 * The report's queries, over the rollups. Cells of fewer than 5 sessions are suppressed in the SQL itself
 * (`shown`), so a table taken from this file is as safe as the page.
 */
export function reportSql(): { prelude: string; queries: ReportQuery[] } {
  const prelude = `-- A count is shown only from 5 sessions up: 1–4 become '< 5' (0 stays 0).
CREATE OR REPLACE TEMP MACRO shown(n) AS CASE WHEN n > 0 AND n < 5 THEN '< 5' ELSE CAST(n AS VARCHAR) END;
-- A value computed over fewer than 5 sessions (a median, a rate) is not shown either.
CREATE OR REPLACE TEMP MACRO shown_over(v, n) AS CASE WHEN n < 5 THEN '< 5' ELSE regexp_replace(CAST(v AS VARCHAR), '\\.0$', '') END;
`;
  const queries: ReportQuery[] = [
    {
      name: 'summary',
      sql: `WITH s AS (SELECT sum(sessions) AS n, sum(sessions) FILTER (WHERE outcome = 'completed') AS completed,
                  count(DISTINCT ward) AS wards, count(DISTINCT walkthrough) AS walkthroughs FROM roll_sessions),
m AS ${medianOf('roll_duration_ward', "''")}
SELECT shown(coalesce(s.n, 0)) AS sessions, shown(coalesce(s.completed, 0)) AS completed,
       shown_over(m.median, coalesce(s.n, 0)) AS median_duration_sec, s.wards, s.walkthroughs
FROM s LEFT JOIN m ON true`,
    },
    {
      name: 'by_ward',
      sql: `WITH s AS (SELECT ward, sum(sessions) AS n, coalesce(sum(sessions) FILTER (WHERE outcome = 'completed'), 0) AS completed FROM roll_sessions GROUP BY ward),
m AS ${medianOf('roll_duration_ward', 'ward')}
SELECT s.ward, shown(s.n) AS sessions, shown(s.completed) AS completed, shown_over(m.median, s.n) AS median_duration_sec
FROM s JOIN m ON m.g = s.ward ORDER BY s.ward`,
    },
    {
      name: 'by_walkthrough',
      sql: `WITH s AS (SELECT walkthrough, sum(sessions) AS n, coalesce(sum(sessions) FILTER (WHERE outcome = 'completed'), 0) AS completed FROM roll_sessions GROUP BY walkthrough),
m AS ${medianOf('roll_duration_walkthrough', 'walkthrough')}
SELECT s.walkthrough, shown(s.n) AS sessions, shown(s.completed) AS completed, shown_over(m.median, s.n) AS median_duration_sec
FROM s JOIN m ON m.g = s.walkthrough ORDER BY s.n DESC, s.walkthrough`,
    },
    {
      name: 'by_outcome',
      sql: `SELECT outcome, shown(sum(sessions)) AS sessions FROM roll_sessions GROUP BY outcome ORDER BY sum(sessions) DESC, outcome`,
    },
    {
      name: 'by_month',
      sql: `SELECT month, shown(sum(sessions)) AS sessions FROM roll_sessions GROUP BY month ORDER BY month`,
    },
    {
      name: 'by_age',
      sql: `SELECT age, shown(sum(sessions)) AS sessions FROM roll_sessions GROUP BY age
ORDER BY CASE age WHEN 'under-30' THEN 1 WHEN '30-59' THEN 2 WHEN '60-plus' THEN 3 ELSE 4 END`,
    },
    {
      name: 'funnel',
      sql: `-- Every step of every walkthrough, up to its largest step count; sessions that reached at least that far.
WITH reached AS (SELECT walkthrough, reached, sum(n) AS n FROM roll_reached GROUP BY ALL),
steps AS (SELECT walkthrough, unnest(range(max(total))) AS step FROM roll_reached GROUP BY walkthrough),
at_least AS (
  SELECT s.walkthrough, s.step, coalesce(sum(r.n), 0) AS n
  FROM steps s LEFT JOIN reached r ON r.walkthrough = s.walkthrough AND r.reached > s.step
  GROUP BY ALL),
st AS (SELECT walkthrough, step, sum(not_found) AS nf, sum(repairs) AS rp FROM roll_steps GROUP BY ALL)
SELECT a.walkthrough, a.step + 1 AS step, shown(a.n) AS reached,
       shown(coalesce(st.nf, 0)) AS not_found, shown(coalesce(st.rp, 0)) AS repairs
FROM at_least a
LEFT JOIN st ON st.walkthrough = a.walkthrough AND st.step = a.step
ORDER BY a.walkthrough, a.step`,
    },
    {
      name: 'wards_not_found',
      sql: `WITH s AS (SELECT ward, walkthrough, sum(sessions) AS sessions, sum(sessions_not_found) AS nf FROM roll_sessions GROUP BY ALL HAVING sum(sessions_not_found) > 0)
SELECT ward, walkthrough, shown(sessions) AS sessions, shown(nf) AS sessions_not_found,
       shown_over(round(100.0 * nf / sessions, 1), least(nf, sessions)) AS percent_not_found
FROM s
-- Ranked by sessions with a control not found; cells under 5 after the others, in ward order.
ORDER BY CASE WHEN nf < 5 THEN 0 ELSE nf END DESC, ward, walkthrough`,
    },
  ];
  return { prelude, queries };
}

/** The whole SQL file: the schema, the merge and rollups, and every query, each ending with a semicolon. */
export function sqlFile(tzMinutes: number): string {
  const { prelude, queries } = reportSql();
  return [
    '-- Dẫn Bước: province report (npm run province). Tables: docs/log-format.md; the loader fills records_raw.',
    '-- In a warehouse, fill records_raw from the JSON exports (see the README), then run the rest as is.',
    '',
    SCHEMA_SQL,
    rebuildSql(tzMinutes),
    '-- 3. The report: one query per table.',
    prelude,
    ...queries.map((q) => `-- name: ${q.name}\n${q.sql};\n`),
  ].join('\n');
}

// ---- the loader's SQL (DuckDB): export files → rows with the import's per-record checks ----

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const list = (xs: readonly string[]): string => `[${xs.map(sqlString).join(', ')}]`;
const HOUR = 3_600_000;
const EARLIEST = Date.UTC(2020, 0, 1);

/** A batch of files as a table `f(path, seq, size)`. */
const filesValues = (files: BatchFile[]): string => `(VALUES ${files.map((f) => `(${sqlString(f.path)}, ${f.seq}, ${f.size ?? -1})`).join(', ')}) f(path, seq, size)`;

/** JSON text of a whole number from `min` to `max`: digits only (DuckDB writes 1.0 and 1e3 as 1 and 1000; 1.5, -1, "1", true are not). */
const wholeUpTo = (json: string, max: number, min = 0): string => `(regexp_full_match(${json}, '[0-9]{1,16}') AND TRY_CAST(${json} AS BIGINT) BETWEEN ${min} AND ${max})`;
/** JSON text of a list of step indexes (0–1000, at most 1000). */
const stepList = (json: string): string =>
  `(${json} = '[]' OR (regexp_full_match(${json}, '\\[[0-9]{1,4}(,[0-9]{1,4})*\\]') AND list_max(TRY_CAST(${json} AS INTEGER[])) <= 1000 AND len(TRY_CAST(${json} AS INTEGER[])) <= 1000))`;
/** A free-text JSON string of at most `max` UTF-16 code units (an astral character counts two, as in JavaScript). */
const textUpTo = (json: string, max: number): string =>
  `(starts_with(${json}, '"') AND (length(${json}) - 2 <= ${Math.floor(max / 2)} OR length(json_extract_string(${json}, '$')) + length(regexp_replace(json_extract_string(${json}, '$'), '[^\\x{10000}-\\x{10FFFF}]', '', 'g')) <= ${max}))`;
const optional = (json: string, check: string): string => `(${json} IS NULL OR coalesce(${check}, false))`;
const quoted = (xs: readonly string[]): string => list(xs.map((x) => JSON.stringify(x)));

/** Every field of a record as its JSON text: its type is checked in SQL, not by a cast that would take "60" or 1.5 for 60 or 2. */
const RECORD_STRUCT = `STRUCT(id JSON, packId JSON, walkthroughId JSON, walkthroughVersion JSON, wardCode JSON, volunteer JSON, startHour JSON, durationSec JSON, total JSON, stepsReached JSON, stepsCompleted JSON, repeats JSON, notFound JSON, skipped JSON, repairs JSON, outcome JSON, reason JSON, ageBand JSON, note JSON)`;

/**
 * A JSON record (`m`, each field as its JSON text) is `ok` only if the dashboard's `RecordSchema` takes it
 * (core/log-export.ts): each field of its type, pattern, list of codes and range. Where the rules are looser
 * than these checks (a code written with an escape, 1.0 for 1 in a step list, a repeat key with a leading
 * zero), the record is not `ok` and the Node reader decides. A key the schema does not know and a field set
 * to null (DuckDB reads both as absent) are found by the file's size (`BYTES_READ`).
 */
const JSON_RECORD_OK = `coalesce(
  regexp_full_match(m.id, '"[A-Za-z0-9-]{8,64}"')
  AND regexp_full_match(m.packId, '"[a-z0-9][a-z0-9-]{0,63}"')
  AND regexp_full_match(m.walkthroughId, '"[a-z0-9][a-z0-9-]{0,63}"')
  AND regexp_full_match(m.walkthroughVersion, '"[0-9]{1,6}\\.[0-9]{1,6}\\.[0-9]{1,6}"')
  AND ${optional('m.wardCode', `regexp_full_match(m.wardCode, '"[0-9]{5}"')`)}
  AND ${optional('m.volunteer', textUpTo('m.volunteer', 40))}
  AND ${wholeUpTo('m.startHour', 8.64e15, EARLIEST)} AND TRY_CAST(m.startHour AS BIGINT) % ${HOUR} = 0
  AND ${wholeUpTo('m.durationSec', 1_000_000)}
  AND ${wholeUpTo('m.total', 1000, 1)}
  AND ${wholeUpTo('m.stepsReached', 1000)}
  AND ${wholeUpTo('m.stepsCompleted', 1000)}
  AND (m.repeats = '{}' OR (regexp_full_match(m.repeats, '\\{"[0-9]{1,4}":([0-9]{1,6}|1000000)(,"[0-9]{1,4}":([0-9]{1,6}|1000000))*\\}')
    AND length(m.repeats) - length(replace(m.repeats, ':', '')) <= 1000))
  AND ${stepList('m.notFound')}
  AND ${stepList('m.skipped')}
  AND ${optional('m.repairs', stepList('m.repairs'))}
  AND list_contains(${quoted(RECORD_OUTCOMES)}, m.outcome)
  AND ${optional('m.reason', `list_contains(${quoted(REASONS)}, m.reason)`)}
  AND ${optional('m.ageBand', `list_contains(${quoted(AGE_BANDS)}, m.ageBand)`)}
  AND ${optional('m.note', textUpTo('m.note', 300))}, false)`;

/**
 * The bytes a JSON export has when it holds exactly what DuckDB read, written as `JSON.stringify` writes it
 * (the dashboard's export): each field read as its JSON text, with its key, quotes, colon and commas. A key the
 * schema does not know, a field set to null (DuckDB reads both as absent), a space, a line end or a number
 * written another way (`1.0`) make the file's size differ, and the Node reader decides. Nothing but the
 * size is read from the file for this.
 */
const FIELDS = ['id', 'packId', 'walkthroughId', 'walkthroughVersion', 'wardCode', 'volunteer', 'startHour', 'durationSec', 'total', 'stepsReached', 'stepsCompleted', 'repeats', 'notFound', 'skipped', 'repairs', 'outcome', 'reason', 'ageBand', 'note'];
/** `"key":value` and its comma, when the field is there. */
const member = (key: string, json: string): string => `coalesce(${key.length + 4} + strlen(${json}::VARCHAR), 0)`;
const BYTES_READ = `(
  1 + ${member('format', 'format')} + ${member('version', 'version')} + ${member('exportedAt', 'exportedAt')} + ${member('scamWarnings', 'scamWarnings')}
  + ${'records'.length + 4} + CASE WHEN len(records) = 0 THEN 2 ELSE 1 + len(records)
    + list_sum(list_transform(records, m -> 1 + ${FIELDS.map((k) => member(k, `m.${k}`)).join(' + ')})) END)`;

/** The file-level checks of a JSON export (`ExportSchema`): format, version, at most 500,000 records, the scam warnings' day counts. */
const JSON_FILE_OK = `coalesce(
  format = ${sqlString(JSON.stringify(EXPORT_FORMAT))}
  AND list_contains(${list(Array.from({ length: EXPORT_VERSION }, (_, i) => String(i + 1)))}, version)
  AND records IS NOT NULL AND len(records) <= 500000
  AND (scamWarnings IS NULL OR (
    regexp_full_match(scamWarnings, '\\[(\\{"day":[0-9]{1,16},"count":[0-9]{1,7}\\}(,\\{"day":[0-9]{1,16},"count":[0-9]{1,7}\\})*)?\\]')
    AND json_array_length(scamWarnings) <= 100000
    AND coalesce(list_bool_and(list_transform(json_transform(scamWarnings, '[{"day":"BIGINT","count":"BIGINT"}]'),
          x -> x.day BETWEEN ${EARLIEST} AND 8640000000000000 AND x.count <= 1000000)), true))), false)`;

export interface BatchFile {
  path: string;
  seq: number;
  /** Bytes: DuckDB's buffer for one JSON document is made that large; a JSON export must have the size of what was read. */
  size?: number;
}

/** The columns every reader yields (those of `records_raw`), then `ok` and `future`. */
const ROW = `file_seq, row_no, id, walkthrough, version, ward, start_hour, duration_sec, total, reached, completed, outcome, reason, age, not_found, repairs`;

/**
 * Rows of a batch of JSON exports, one per record, with `ok` (the record and its file pass the import's
 * checks) and `future` (it starts more than the allowed clock skew after `now`). Fails as a whole when
 * DuckDB cannot parse one of the files (the loader then reads them one by one).
 */
export function jsonRowsSql(files: BatchFile[], now: number): string {
  return `SELECT ${ROW}, ok, start_hour > ${now + IMPORT_CLOCK_SKEW_MS} AS future FROM (
  SELECT file_seq, i AS row_no, ok,
    CASE WHEN ok THEN trim(m.id, '"') END AS id,
    CASE WHEN ok THEN trim(m.packId, '"') || '/' || trim(m.walkthroughId, '"') END AS walkthrough,
    CASE WHEN ok THEN trim(m.walkthroughVersion, '"') END AS version,
    CASE WHEN ok THEN coalesce(trim(m.wardCode, '"'), '') END AS ward,
    CASE WHEN ok THEN TRY_CAST(m.startHour AS BIGINT) END AS start_hour,
    CASE WHEN ok THEN TRY_CAST(m.durationSec AS INTEGER) END AS duration_sec,
    CASE WHEN ok THEN TRY_CAST(m.total AS INTEGER) END AS total,
    CASE WHEN ok THEN TRY_CAST(m.stepsReached AS INTEGER) END AS reached,
    CASE WHEN ok THEN TRY_CAST(m.stepsCompleted AS INTEGER) END AS completed,
    CASE WHEN ok THEN trim(m.outcome, '"') END AS outcome,
    CASE WHEN ok THEN coalesce(trim(m.reason, '"'), '') END AS reason,
    CASE WHEN ok THEN coalesce(trim(m.ageBand, '"'), '-') END AS age,
    CASE WHEN ok THEN (CASE WHEN m.notFound = '[]' THEN [] ELSE list_distinct(TRY_CAST(m.notFound AS INTEGER[])) END) END AS not_found,
    CASE WHEN ok THEN (CASE WHEN m.repairs IS NULL OR m.repairs = '[]' THEN [] ELSE TRY_CAST(m.repairs AS INTEGER[]) END) END AS repairs
  FROM (
    SELECT file_seq, m, i, file_ok AND ${JSON_RECORD_OK} AS ok
    FROM (
      SELECT file_seq, file_ok, unnest(CAST(records AS ${RECORD_STRUCT.replace(/ JSON/g, ' VARCHAR')}[])) AS m, unnest(range(len(records))) AS i
      FROM (
        SELECT f.seq AS file_seq, ${JSON_FILE_OK} AND ${BYTES_READ} = f.size AS file_ok, records
        FROM read_json(${list(files.map((f) => f.path))}, format = 'unstructured', filename = true,
          maximum_object_size = ${Math.max(1 << 20, ...files.map((f) => (f.size ?? 0) + 1024))},
          columns = {format: 'JSON', version: 'JSON', exportedAt: 'JSON', records: '${RECORD_STRUCT}[]', scamWarnings: 'JSON'})
        JOIN ${filesValues(files)} ON f.path = filename))))`;
}

/** Words of a labelled CSV column (both languages) → code, as a map literal. */
function labels(kind: 'outcome' | 'reason' | 'age', codes: readonly string[]): string {
  const m = new Map<string, string>();
  for (const cat of [vi, en] as Record<string, string>[]) {
    for (const c of codes) m.set(cat[`${kind}.${c}`]!, c);
    if (kind === 'age') m.set(cat['dashboard.ageNone']!, '-');
  }
  return `MAP {${[...m].map(([w, c]) => `${sqlString(w)}: ${sqlString(c)}`).join(', ')}}`;
}

/** The header of a CSV export, without its byte-order mark, in either language. */
export const CSV_HEADERS = [csvHeader('vi'), csvHeader('en')].map((h) => h.replace(/^\uFEFF/, '').trimEnd());
const CSV_COLUMNS = CSV_HEADERS[0]!.split(',').map((_, i) => `c${i}`);

/** 1-based step numbers, space-separated (1–1001, at most 1000), as 0-based indexes. */
const csvSteps = (cell: string): string =>
  `(${cell} = '' OR (regexp_full_match(${cell}, '[1-9][0-9]{0,3}( [1-9][0-9]{0,3})*') AND list_max(TRY_CAST(string_split(${cell}, ' ') AS INTEGER[])) <= 1001 AND len(string_split(${cell}, ' ')) <= 1000))`;
const csvWhole = (cell: string, max: number, min = 0): string => `(regexp_full_match(${cell}, '[0-9]{1,7}') AND TRY_CAST(${cell} AS INTEGER) BETWEEN ${min} AND ${max})`;

/**
 * Rows of a batch of CSV exports (their header and last line end checked beforehand), as `jsonRowsSql`:
 * the checks of the province's CSV reader (province/read-exports.ts), then the import's `RecordSchema`.
 * The rows' order in their file is the order they were staged in (DuckDB keeps it): `rowid`, growing
 * through the batch (so not from 0: `row_no` only orders a file's rows).
 */
export function csvRowsSql(files: BatchFile[], now: number, tzMinutes: number): { stage: string; rows: string } {
  const cols = CSV_COLUMNS.map((c) => `'${c}': 'VARCHAR'`).join(', ');
  const stage = `CREATE OR REPLACE TEMP TABLE csv_stage AS
SELECT filename, ${CSV_COLUMNS.map((c) => `coalesce(${c}, '') AS ${c}`).join(', ')}
FROM read_csv(${list(files.map((f) => f.path))}, header = true, filename = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
  strict_mode = true, null_padding = false, columns = {${cols}})`;
  const startHour = `epoch_ms(try_strptime(c5, '%Y-%m-%d %H:%M')) - ${tzMinutes * 60_000}`;
  const ok = `coalesce(
  regexp_full_match(c5, '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:00') AND ${startHour} >= ${EARLIEST} AND (${startHour}) % ${HOUR} = 0
  AND ${labels('outcome', RECORD_OUTCOMES)}[c10] IS NOT NULL
  AND (c11 = '' OR ${labels('reason', REASONS)}[c11] IS NOT NULL)
  AND (c12 = '' OR ${labels('age', AGE_BANDS)}[c12] IS NOT NULL)
  AND (c13 = '' OR (regexp_full_match(c13, '[1-9][0-9]{0,3}×[0-9]{1,6}( [1-9][0-9]{0,3}×[0-9]{1,6})*') AND length(c13) - length(replace(c13, '×', '')) <= 1000))
  AND ${csvSteps('c14')} AND ${csvSteps('c15')}
  AND regexp_full_match(c0, '[A-Za-z0-9-]{8,64}')
  AND regexp_full_match(c1, '[a-z0-9][a-z0-9-]{0,63}/[a-z0-9][a-z0-9-]{0,63}')
  AND regexp_full_match(c2, '[0-9]{1,6}\\.[0-9]{1,6}\\.[0-9]{1,6}')
  AND (c3 = '' OR regexp_full_match(c3, '[0-9]{5}'))
  AND ${csvWhole('c6', 1_000_000)} AND ${csvWhole('c7', 1000, 1)} AND ${csvWhole('c8', 1000)} AND ${csvWhole('c9', 1000)}, false)`;
  const rows = `SELECT ${ROW}, ok, start_hour > ${now + IMPORT_CLOCK_SKEW_MS} AS future FROM (
  SELECT f.seq AS file_seq, CAST(rowid AS INTEGER) AS row_no, ok,
    CASE WHEN ok THEN c0 END AS id, CASE WHEN ok THEN c1 END AS walkthrough, CASE WHEN ok THEN c2 END AS version,
    CASE WHEN ok THEN c3 END AS ward, CASE WHEN ok THEN ${startHour} END AS start_hour,
    CASE WHEN ok THEN TRY_CAST(c6 AS INTEGER) END AS duration_sec, CASE WHEN ok THEN TRY_CAST(c7 AS INTEGER) END AS total,
    CASE WHEN ok THEN TRY_CAST(c8 AS INTEGER) END AS reached, CASE WHEN ok THEN TRY_CAST(c9 AS INTEGER) END AS completed,
    CASE WHEN ok THEN ${labels('outcome', RECORD_OUTCOMES)}[c10] END AS outcome,
    CASE WHEN ok THEN coalesce(${labels('reason', REASONS)}[c11], '') END AS reason,
    CASE WHEN ok THEN coalesce(${labels('age', AGE_BANDS)}[c12], '-') END AS age,
    CASE WHEN ok THEN (CASE WHEN c14 = '' THEN [] ELSE list_distinct(list_transform(TRY_CAST(string_split(c14, ' ') AS INTEGER[]), x -> x - 1)) END) END AS not_found,
    CAST([] AS INTEGER[]) AS repairs
  FROM (SELECT rowid, *, ${ok} AS ok FROM csv_stage) JOIN ${filesValues(files)} ON f.path = filename)`;
  return { stage, rows };
}
