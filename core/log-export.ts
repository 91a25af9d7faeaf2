// Exports of the assistance records (CSV for Excel, JSON for other desks) and the import of such JSON.
// An import is validated record by record: a bad file is refused with the path of the first bad fields,
// and nothing already stored is touched. What another desk wrote is not trusted to be anonymous: before a
// record is stored its note is redacted again (core/privacy.ts) and its volunteer nickname dropped
// (`cleanImported`); records dated in the future are refused (`isFromFuture`).

import * as v from 'valibot';
import { code, issuesToErrors, type DataError } from './errors';
import type { Lang } from './i18n';
import { AGE_BANDS, REASONS, RECORD_OUTCOMES, type AssistRecord } from './log-record';
import { walkthroughKey } from './log-summary';
import { redactNote } from './privacy';

export const EXPORT_FORMAT = 'dan-buoc-logs';
export const EXPORT_VERSION = 2;

export interface LogExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  records: AssistRecord[];
  /** Issue 19: scam warnings shown per day (`day`: the local midnight, ms); absent in older exports. */
  scamWarnings?: { day: number; count: number }[];
}

export function toJson(records: AssistRecord[], now: number, scamWarnings?: { day: number; count: number }[]): string {
  const out: LogExport = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), records };
  if (scamWarnings?.length) out.scamWarnings = scamWarnings.map(({ day, count }) => ({ day, count }));
  return JSON.stringify(out);
}

const HEADERS: Record<Lang, string[]> = {
  vi: ['Mã phiên', 'Hướng dẫn', 'Phiên bản', 'Mã phường/xã', 'Người hỗ trợ', 'Bắt đầu (giờ)', 'Thời lượng (giây)', 'Số bước', 'Bước đã tới', 'Bước hoàn thành', 'Kết quả', 'Lý do', 'Nhóm tuổi', 'Bước lặp lại', 'Bước không thấy nút', 'Bước bỏ qua', 'Ghi chú'],
  en: ['Session id', 'Walkthrough', 'Version', 'Ward code', 'Volunteer', 'Start (hour)', 'Duration (s)', 'Steps', 'Steps reached', 'Steps completed', 'Outcome', 'Reason', 'Age band', 'Repeated steps', 'Steps not found', 'Skipped steps', 'Note'],
};

/** C0 control characters other than tab, CR and LF: never meaningful in a cell, and \u0001 marks labels. */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A CSV cell: quoted when needed; text that Excel would run as a formula is prefixed with an apostrophe. */
function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value).replace(CONTROL, '');
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function localTime(t: number): string {
  const d = new Date(t);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:00`;
}

/** Step lists as 1-based step numbers ("3 5"), repeats as "3×2". */
const steps = (list: number[]): string => list.map((i) => i + 1).join(' ');

export type CsvLabel = (kind: 'outcome' | 'reason' | 'age', code: string) => string;

const MARK = '\u0001';

/**
 * A record's CSV line (with its CRLF) without words: the three labelled cells (outcome, reason, age band) are
 * one marker holding their codes, `\u0001outcome|reason|age\u0001` (`''` / `-` for none), which `fillLabels`
 * turns into the words of the chosen language. The store keeps past months' lines in this form.
 */
export function csvTemplate(r: AssistRecord): string {
  const head = [r.id, walkthroughKey(r), r.walkthroughVersion, r.wardCode, r.volunteer, localTime(r.startHour), r.durationSec, r.total, r.stepsReached, r.stepsCompleted];
  const tail = [
    Object.entries(r.repeats)
      .map(([i, n]) => `${Number(i) + 1}×${n}`)
      .join(' '),
    steps(r.notFound),
    steps(r.skipped),
    r.note,
  ];
  return `${head.map(cell).join(',')},${MARK}${r.outcome}|${r.reason ?? ''}|${r.ageBand ?? '-'}${MARK},${tail.map(cell).join(',')}\r\n`;
}

/** The first line: byte-order mark and column names. */
export function csvHeader(lang: Lang): string {
  return '\uFEFF' + HEADERS[lang].map(cell).join(',') + '\r\n';
}

/** Lines from `csvTemplate` with their markers replaced by labelled cells (a few dozen distinct ones, memoised). */
export function fillLabels(lines: string, label: CsvLabel): string {
  const memo = new Map<string, string>();
  // eslint-disable-next-line no-control-regex -- the marker is a control character no cell can hold
  return lines.replace(/\u0001([^\u0001]*)\u0001/g, (_, codes: string) => {
    let cells = memo.get(codes);
    if (cells === undefined) {
      const [outcome = '', reason = '', age = '-'] = codes.split('|');
      cells = [label('outcome', outcome), reason ? label('reason', reason) : undefined, age !== '-' ? label('age', age) : undefined].map(cell).join(',');
      memo.set(codes, cells);
    }
    return cells;
  });
}

/**
 * CSV that Excel opens with Vietnamese intact: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180
 * quoting. `label` turns codes (outcome, reason, age band) into words of the chosen language.
 */
export function toCsv(records: AssistRecord[], lang: Lang, label: CsvLabel): string {
  return csvHeader(lang) + fillLabels(records.map(csvTemplate).join(''), label);
}

// ---- validation of records from elsewhere (imports from other desks) ----

const HOUR = 3_600_000;

const msg = {
  text: code('log.text'),
  int: code('log.int'),
};
const slug = v.pipe(v.string(msg.text), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, code('log.slug')));
const count = v.pipe(v.number(msg.int), v.integer(msg.int), v.minValue(0, msg.int), v.maxValue(1_000_000, code('log.tooLarge')));
const stepIndex = v.pipe(v.number(msg.int), v.integer(msg.int), v.minValue(0, msg.int), v.maxValue(1000, code('log.tooLarge')));

/** The schema an imported record must satisfy; unknown keys are refused (nothing else may ride along). */
export const RecordSchema = v.strictObject({
  id: v.pipe(v.string(msg.text), v.regex(/^[A-Za-z0-9-]{8,64}$/, code('log.sessionId'))),
  packId: slug,
  walkthroughId: slug,
  // A pack version (1.0.0), never free text.
  walkthroughVersion: v.pipe(v.string(msg.text), v.regex(/^\d{1,6}\.\d{1,6}\.\d{1,6}$/, code('log.version'))),
  wardCode: v.optional(v.pipe(v.string(msg.text), v.regex(/^\d{5}$/, code('log.wardCode')))),
  volunteer: v.optional(v.pipe(v.string(msg.text), v.maxLength(40, code('log.tooLong')))),
  startHour: v.pipe(v.number(code('log.time')), v.integer(), v.minValue(Date.UTC(2020, 0, 1), code('log.tooEarly')), v.check((n) => n % HOUR === 0, code('log.hour'))),
  durationSec: count,
  total: v.pipe(stepIndex, v.minValue(1, code('log.minSteps'))),
  stepsReached: stepIndex,
  stepsCompleted: stepIndex,
  repeats: v.pipe(
    v.record(v.pipe(v.string(), v.regex(/^\d{1,4}$/, code('log.stepKey'))), count),
    v.check((r) => Object.keys(r).length <= 1000, code('log.tooManySteps')),
  ),
  notFound: v.pipe(v.array(stepIndex, code('log.stepList')), v.maxLength(1000)),
  skipped: v.pipe(v.array(stepIndex, code('log.stepList')), v.maxLength(1000)),
  repairs: v.optional(v.pipe(v.array(stepIndex, code('log.stepList')), v.maxLength(1000))),
  outcome: v.picklist(RECORD_OUTCOMES, code('log.outcome')),
  reason: v.optional(v.picklist(REASONS, code('log.reason'))),
  ageBand: v.optional(v.picklist(AGE_BANDS, code('log.ageBand'))),
  note: v.optional(v.pipe(v.string(msg.text), v.maxLength(300, code('log.tooLong')))),
});

/** A day's count of scam warnings: a day and a number, nothing else (no host, no URL, no tab). */
export const DayCountSchema = v.strictObject({
  day: v.pipe(v.number(code('log.time')), v.integer(code('log.time')), v.minValue(Date.UTC(2020, 0, 1), code('log.tooEarly')), v.maxValue(8.64e15, code('log.time'))),
  count: count,
});

const ExportSchema = v.object({
  format: v.literal(EXPORT_FORMAT, code('log.format')),
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(EXPORT_VERSION, code('log.newer'))),
  records: v.pipe(v.array(RecordSchema, code('log.recordList')), v.maxLength(500_000, code('log.tooManyRecords'))),
  scamWarnings: v.optional(v.pipe(v.array(DayCountSchema, code('log.recordList')), v.maxLength(100_000, code('log.tooManyRecords')))),
});

export type ImportParse = { ok: true; records: AssistRecord[]; scamWarnings?: { day: number; count: number }[] } | { ok: false; errors: DataError[] };

/** Parse an export from another desk. Never throws; errors name the field (JSON pointer) and say what is wrong. */
export function parseExport(text: string): ImportParse {
  if (text.length > 200 * 1024 * 1024) return { ok: false, errors: [{ path: '', code: 'log.tooBig' }] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, errors: [{ path: '', code: 'log.json' }] };
  }
  const r = v.safeParse(ExportSchema, data, { abortPipeEarly: true });
  if (r.success) {
    const records = r.output.records as AssistRecord[];
    return r.output.scamWarnings ? { ok: true, records, scamWarnings: r.output.scamWarnings } : { ok: true, records };
  }
  const pointer = (keys: (string | number)[]): string => '/' + keys.map((k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  const errors = issuesToErrors(r.issues.slice(0, 10), pointer);
  return { ok: false, errors };
}

/**
 * How far ahead of this desk's clock an imported record may start (another desk's clock may run a little
 * fast). @default 2 hours
 */
export const IMPORT_CLOCK_SKEW_MS = 2 * HOUR;

/** True for a record that starts later than `now` allows: refused on import (it would outlive retention). */
export function isFromFuture(r: AssistRecord, now: number): boolean {
  return r.startHour > now + IMPORT_CLOCK_SKEW_MS;
}

/**
 * An imported record as it may be stored: the note redacted again (whatever the other desk did; dropped when
 * nothing is left), the volunteer's nickname dropped (a person's name at another desk). The only free-text
 * field left is the note; every other field is a code, a number or a version.
 */
export function cleanImported(r: AssistRecord): AssistRecord {
  const out: AssistRecord = { ...r };
  delete out.volunteer;
  delete out.note;
  const redacted = r.note ? redactNote(r.note) : '';
  if (redacted) out.note = redacted;
  return out;
}
