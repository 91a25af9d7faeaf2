// Reading desk exports for the province report: finds the CSV and JSON files under a folder (nested folders
// too), and turns each into flat rows or a reason it was skipped (the error code and the bad field's path).
// Every record goes through the dashboard's own import schema (core/log-export.ts `RecordSchema`), so a
// file the dashboard would refuse is refused here too. The note and the volunteer are never read into a row.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import en from '../locales/en.json';
import vi from '../locales/vi.json';
import { csvHeader, isFromFuture, parseExport, RecordSchema } from '../core/log-export';
import { AGE_BANDS, REASONS, RECORD_OUTCOMES, type AssistRecord } from '../core/log-record';

/** One record as the province database holds it: codes and numbers only. */
export interface Row {
  id: string;
  walkthrough: string;
  version: string;
  ward: string;
  /** ms since 1970, a whole hour */
  startHour: number;
  durationSec: number;
  total: number;
  reached: number;
  completed: number;
  outcome: string;
  reason: string;
  /** '-' when not recorded */
  age: string;
  /** 0-based steps, space-separated */
  notFound: string;
  repairs: string;
  repeats: string;
}

export interface FileError {
  /** An error code (core/errors.ts style: `log.outcome`) or `file.read`, `file.format`. */
  code: string;
  /** Where: a JSON pointer (`/records/12/outcome`) or a CSV place (`line 12, Kết quả`). */
  path: string;
}

export type FileRead = { ok: true; rows: Row[]; future: number } | { ok: false; error: FileError };

export interface FoundFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Every .csv and .json file under `root`, in path order (the order their records are merged in). */
export function findExportFiles(root: string, skip: string[] = []): FoundFile[] {
  const out: FoundFile[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (skip.some((s) => p === s || p.startsWith(s + path.sep))) continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(csv|json)$/i.test(e.name)) {
        const st = statSync(p);
        out.push({ path: p, size: st.size, mtimeMs: Math.floor(st.mtimeMs) });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function toRow(r: AssistRecord): Row {
  return {
    id: r.id,
    walkthrough: `${r.packId}/${r.walkthroughId}`,
    version: r.walkthroughVersion,
    ward: r.wardCode ?? '',
    startHour: r.startHour,
    durationSec: r.durationSec,
    total: r.total,
    reached: r.stepsReached,
    completed: r.stepsCompleted,
    outcome: r.outcome,
    reason: r.reason ?? '',
    age: r.ageBand ?? '-',
    notFound: [...new Set(r.notFound)].join(' '),
    repairs: (r.repairs ?? []).join(' '),
    repeats: Object.entries(r.repeats)
      .map(([k, n]) => `${k}:${n}`)
      .join(' '),
  };
}

/** A JSON export's rows, or why it is refused (the first bad field). */
export function readJsonExport(text: string, now: number): FileRead {
  const parsed = parseExport(text);
  if (!parsed.ok) return { ok: false, error: { code: parsed.errors[0]!.code, path: parsed.errors[0]!.path } };
  const kept = parsed.records.filter((r) => !isFromFuture(r, now));
  return { ok: true, rows: kept.map(toRow), future: parsed.records.length - kept.length };
}

// ---- CSV ----

/** Words → code for the labelled columns, from both languages' locale files. */
function labels(kind: 'outcome' | 'reason' | 'age', codes: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const cat of [vi, en] as Record<string, string>[]) {
    for (const c of codes) m.set(cat[`${kind}.${c}`]!, c);
    if (kind === 'age') m.set(cat['dashboard.ageNone']!, '-');
  }
  return m;
}
const OUTCOME_WORDS = labels('outcome', RECORD_OUTCOMES);
const REASON_WORDS = labels('reason', REASONS);
const AGE_WORDS = labels('age', AGE_BANDS);
const HEADER_VI = csvHeader('vi').replace(/^\uFEFF/, '').trimEnd();
const HEADER_EN = csvHeader('en').replace(/^\uFEFF/, '').trimEnd();
const COLUMNS_VI = HEADER_VI.split(',');

/** RFC 4180 lines of cells (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\r' && text[j] !== '\n') j++;
      value = text.slice(i, j);
      i = j;
    }
    row.push(value);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    rows.push(row);
    row = [];
  }
  return rows;
}

/** `YYYY-MM-DD HH:00` in a zone `tzMinutes` ahead of UTC → ms since 1970. */
function localHour(s: string, tzMinutes: number): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):00$/.exec(s);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4])) - tzMinutes * 60_000;
}

const steps1 = (s: string): number[] | undefined => {
  if (s === '') return [];
  const out = s.split(' ').map(Number);
  return out.every((x) => Number.isInteger(x) && x >= 1) ? out.map((x) => x - 1) : undefined;
};
const num = (s: string): number => (/^\d+$/.test(s) ? Number(s) : NaN);

/**
 * A CSV export's rows, or why it is refused: an unknown header (a foreign file), a line with the wrong
 * number of cells (a truncated file) or a bad cell (named by its line and column, in the file's language).
 */
export function readCsvExport(text: string, now: number, tzMinutes: number): FileRead {
  let lines: string[][];
  try {
    lines = parseCsv(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: { code: 'file.csv', path: 'line ?' } };
  }
  const head = (lines[0] ?? []).join(',');
  if (head !== HEADER_VI && head !== HEADER_EN) return { ok: false, error: { code: 'log.format', path: 'line 1' } };
  const names = lines[0]!;
  // The dashboard ends every line with CRLF: a file that stops without one was cut (perhaps inside the note).
  if (!text.endsWith('\n')) return { ok: false, error: { code: 'file.cut', path: `line ${lines.length}` } };
  const rows: Row[] = [];
  let future = 0;
  for (let li = 1; li < lines.length; li++) {
    const c = lines[li]!;
    const where = (col: number): FileError['path'] => `line ${li + 1}, ${names[col] ?? COLUMNS_VI[col]}`;
    if (c.length === 1 && c[0] === '' && li === lines.length - 1) break;
    if (c.length !== COLUMNS_VI.length) return { ok: false, error: { code: 'file.cells', path: `line ${li + 1}` } };
    const [packId = '', walkthroughId = ''] = c[1]!.split('/');
    const startHour = localHour(c[5]!, tzMinutes);
    if (startHour === undefined) return { ok: false, error: { code: 'log.time', path: where(5) } };
    const outcome = OUTCOME_WORDS.get(c[10]!);
    if (!outcome) return { ok: false, error: { code: 'log.outcome', path: where(10) } };
    const reason = c[11] === '' ? undefined : REASON_WORDS.get(c[11]!);
    if (c[11] !== '' && !reason) return { ok: false, error: { code: 'log.reason', path: where(11) } };
    const age = c[12] === '' ? '-' : AGE_WORDS.get(c[12]!);
    if (!age) return { ok: false, error: { code: 'log.ageBand', path: where(12) } };
    const repeats: Record<number, number> = {};
    for (const part of c[13] ? c[13].split(' ') : []) {
      const m = /^(\d{1,4})×(\d+)$/.exec(part);
      if (!m || m[1] === '0') return { ok: false, error: { code: 'log.stepKey', path: where(13) } };
      repeats[Number(m[1]) - 1] = Number(m[2]);
    }
    const notFound = steps1(c[14]!);
    if (!notFound) return { ok: false, error: { code: 'log.stepList', path: where(14) } };
    const skipped = steps1(c[15]!);
    if (!skipped) return { ok: false, error: { code: 'log.stepList', path: where(15) } };
    const record: Record<string, unknown> = {
      id: c[0],
      packId,
      walkthroughId,
      walkthroughVersion: c[2],
      startHour,
      durationSec: num(c[6]!),
      total: num(c[7]!),
      stepsReached: num(c[8]!),
      stepsCompleted: num(c[9]!),
      repeats,
      notFound,
      skipped,
      outcome,
    };
    if (c[3]) record.wardCode = c[3];
    if (reason) record.reason = reason;
    if (age !== '-') record.ageBand = age;
    const checked = v.safeParse(RecordSchema, record, { abortPipeEarly: true });
    if (!checked.success) {
      const issue = checked.issues[0];
      const key = String(issue.path?.[0]?.key ?? '');
      const col = { id: 0, packId: 1, walkthroughId: 1, walkthroughVersion: 2, wardCode: 3, startHour: 5, durationSec: 6, total: 7, stepsReached: 8, stepsCompleted: 9 }[key] ?? 0;
      return { ok: false, error: { code: issue.message.startsWith('log.') ? issue.message : 'log.text', path: where(col) } };
    }
    const r = checked.output as AssistRecord;
    if (isFromFuture(r, now)) future++;
    else rows.push(toRow(r));
  }
  return { ok: true, rows, future };
}
