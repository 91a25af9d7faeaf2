// The SQL of the province report, written out as report/province.sql: readable, and reusable as is in
// DuckDB (or MotherDuck; BigQuery with the few changes the README lists). `records_raw` holds every row of
// every file read (the loader's job, or `read_json` in a warehouse); everything after it is plain SQL.

/** The tables the loader keeps in the .duckdb file between runs. */
export const SCHEMA_SQL = `-- Files read so far (path, size and modification time tell a new or changed file) and why a file was skipped.
CREATE TABLE IF NOT EXISTS files (
  seq INTEGER PRIMARY KEY, path VARCHAR NOT NULL, size BIGINT, mtime BIGINT,
  status VARCHAR NOT NULL,          -- 'ok' or 'skipped'
  code VARCHAR, field VARCHAR,      -- why skipped: an error code and the bad field's path
  records INTEGER, future INTEGER   -- rows read; records dated in the future, left out
);
-- One row per record per file: codes and numbers only (no note, no volunteer).
-- Step lists are 0-based step indexes, space-separated; repeats are 'step:times' pairs.
CREATE TABLE IF NOT EXISTS records_raw (
  file_seq INTEGER, row_no INTEGER, id VARCHAR, walkthrough VARCHAR, version VARCHAR, ward VARCHAR,
  start_hour BIGINT,                -- ms since 1970 (UTC), a whole hour
  duration_sec INTEGER, total INTEGER, reached INTEGER, completed INTEGER,
  outcome VARCHAR, reason VARCHAR, age VARCHAR, not_found VARCHAR, repairs VARCHAR, repeats VARCHAR
);
`;

/** One named report query: its result is a table of the report (and report/<name>.csv). */
export interface ReportQuery {
  name: string;
  sql: string;
}

/**
 * The report's SQL for a time zone `tzMinutes` ahead of UTC (months are the province's months). Cells of
 * fewer than 5 sessions are suppressed in the SQL itself (`shown`), so a table taken from this file is as safe
 * as the page.
 */
export function reportSql(tzMinutes: number): { prelude: string; queries: ReportQuery[] } {
  const prelude = `-- A count is shown only from 5 sessions up: 1–4 become '< 5' (0 stays 0).
CREATE OR REPLACE MACRO shown(n) AS CASE WHEN n > 0 AND n < 5 THEN '< 5' ELSE CAST(n AS VARCHAR) END;
-- A value computed over fewer than 5 sessions (a median, a rate) is not shown either.
CREATE OR REPLACE MACRO shown_over(v, n) AS CASE WHEN n < 5 THEN '< 5' ELSE regexp_replace(CAST(v AS VARCHAR), '\\.0$', '') END;

-- Temporary tables: rebuilt at each run from records_raw, never written to the database file.
-- The dashboard's merge rule: a record is its id; when several files hold it, the first read wins
-- (files in the order read, rows in file order). Months in the province's time zone (UTC${tzMinutes >= 0 ? '+' : '-'}${Math.abs(tzMinutes)} min).
CREATE OR REPLACE TEMP TABLE records AS
SELECT * EXCLUDE (file_seq, row_no),
       strftime(make_timestamp((start_hour + ${tzMinutes} * 60000) * 1000), '%Y-%m') AS month
FROM records_raw
QUALIFY row_number() OVER (PARTITION BY id ORDER BY file_seq, row_no) = 1;

-- Steps: the funnel's base (every step of every walkthrough, up to its largest step count).
CREATE OR REPLACE TEMP TABLE steps AS
SELECT walkthrough, unnest(range(max(total))) AS step FROM records GROUP BY walkthrough;

-- Sessions whose control was not found at a step (a step counted once per session), and repairs at the desk.
CREATE OR REPLACE TEMP TABLE not_found AS
SELECT ward, walkthrough, id, CAST(unnest(string_split(not_found, ' ')) AS INTEGER) AS step
FROM records WHERE not_found <> '';
CREATE OR REPLACE TEMP TABLE repairs AS
SELECT walkthrough, CAST(unnest(string_split(repairs, ' ')) AS INTEGER) AS step
FROM records WHERE repairs <> '';
`;
  const queries: ReportQuery[] = [
    {
      name: 'summary',
      sql: `SELECT shown(count(*)) AS sessions,
       shown(count(*) FILTER (WHERE outcome = 'completed')) AS completed,
       shown_over(median(duration_sec), count(*)) AS median_duration_sec,
       count(DISTINCT ward) AS wards,
       count(DISTINCT walkthrough) AS walkthroughs
FROM records`,
    },
    {
      name: 'by_ward',
      sql: `SELECT ward, shown(count(*)) AS sessions,
       shown(count(*) FILTER (WHERE outcome = 'completed')) AS completed,
       shown_over(median(duration_sec), count(*)) AS median_duration_sec
FROM records GROUP BY ward ORDER BY ward`,
    },
    {
      name: 'by_walkthrough',
      sql: `SELECT walkthrough, shown(count(*)) AS sessions,
       shown(count(*) FILTER (WHERE outcome = 'completed')) AS completed,
       shown_over(median(duration_sec), count(*)) AS median_duration_sec
FROM records GROUP BY walkthrough ORDER BY count(*) DESC, walkthrough`,
    },
    {
      name: 'by_outcome',
      sql: `SELECT outcome, shown(count(*)) AS sessions FROM records GROUP BY outcome ORDER BY count(*) DESC, outcome`,
    },
    {
      name: 'by_month',
      sql: `SELECT month, shown(count(*)) AS sessions FROM records GROUP BY month ORDER BY month`,
    },
    {
      name: 'by_age',
      sql: `SELECT age, shown(count(*)) AS sessions FROM records GROUP BY age
ORDER BY CASE age WHEN 'under-30' THEN 1 WHEN '30-59' THEN 2 WHEN '60-plus' THEN 3 ELSE 4 END`,
    },
    {
      name: 'funnel',
      sql: `WITH reached AS (SELECT walkthrough, reached, count(*) AS n FROM records GROUP BY ALL),
at_least AS (
  SELECT s.walkthrough, s.step, coalesce(sum(r.n), 0) AS n
  FROM steps s LEFT JOIN reached r ON r.walkthrough = s.walkthrough AND r.reached > s.step
  GROUP BY ALL),
nf AS (SELECT walkthrough, step, count(DISTINCT id) AS n FROM not_found GROUP BY ALL),
rp AS (SELECT walkthrough, step, count(*) AS n FROM repairs GROUP BY ALL)
SELECT a.walkthrough, a.step + 1 AS step, shown(a.n) AS reached,
       shown(coalesce(nf.n, 0)) AS not_found, shown(coalesce(rp.n, 0)) AS repairs
FROM at_least a
LEFT JOIN nf ON nf.walkthrough = a.walkthrough AND nf.step = a.step
LEFT JOIN rp ON rp.walkthrough = a.walkthrough AND rp.step = a.step
ORDER BY a.walkthrough, a.step`,
    },
    {
      name: 'wards_not_found',
      sql: `WITH s AS (SELECT ward, walkthrough, count(*) AS sessions FROM records GROUP BY ALL),
nf AS (SELECT ward, walkthrough, count(DISTINCT id) AS n FROM not_found GROUP BY ALL)
SELECT s.ward, s.walkthrough, shown(s.sessions) AS sessions, shown(nf.n) AS sessions_not_found,
       shown_over(round(100.0 * nf.n / s.sessions, 1), least(nf.n, s.sessions)) AS percent_not_found
FROM s JOIN nf ON nf.ward = s.ward AND nf.walkthrough = s.walkthrough
-- Ranked by sessions with a control not found; cells under 5 after the others, in ward order.
ORDER BY CASE WHEN nf.n < 5 THEN 0 ELSE nf.n END DESC, s.ward, s.walkthrough`,
    },
  ];
  return { prelude, queries };
}

/** The whole SQL file: the schema, the prelude and every query, each ending with a semicolon. */
export function sqlFile(tzMinutes: number): string {
  const { prelude, queries } = reportSql(tzMinutes);
  return [
    '-- Dẫn Bước: province report (npm run province). Tables: docs/log-format.md; the loader fills records_raw.',
    '-- In a warehouse, fill records_raw from the JSON exports (see the README), then run the rest as is.',
    '',
    SCHEMA_SQL,
    prelude,
    ...queries.map((q) => `-- name: ${q.name}\n${q.sql};\n`),
  ].join('\n');
}
