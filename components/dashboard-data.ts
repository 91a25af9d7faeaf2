// Pure helpers of the ward's dashboard: periods, the in-memory record filter (the same rules as the
// summary's), and how figures are written. No UI, no browser APIs.

import type { AgeBand, RecordOutcome } from '../core/log-record';
import type { Summary, SummaryFilter } from '../core/log-summary';

/** A period as the date fields hold it: local dates "YYYY-MM-DD" (written dd/mm/yyyy: core/dates.ts), both inclusive; '' = open-ended. */
export interface Period {
  from: string;
  to: string;
}

/** What the filter form holds; '' = all. */
export interface FilterForm extends Period {
  walkthrough: string;
  outcome: RecordOutcome | '';
  ageBand: AgeBand | '-' | '';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The local date of `t` as "YYYY-MM-DD". */
export function isoDate(t: number | Date): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight of a "YYYY-MM-DD" date, or undefined when it is not one. */
export function parseDate(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 ? d.getTime() : undefined;
}

/** The current month up to today. */
export function thisMonth(now: number): Period {
  const d = new Date(now);
  return { from: isoDate(new Date(d.getFullYear(), d.getMonth(), 1)), to: isoDate(d) };
}

/** The whole previous month. */
export function lastMonth(now: number): Period {
  const d = new Date(now);
  return { from: isoDate(new Date(d.getFullYear(), d.getMonth() - 1, 1)), to: isoDate(new Date(d.getFullYear(), d.getMonth(), 0)) };
}

/** Twelve whole months: from the first day of the month eleven months ago up to today. */
export function last12Months(now: number): Period {
  const d = new Date(now);
  return { from: isoDate(new Date(d.getFullYear(), d.getMonth() - 11, 1)), to: isoDate(d) };
}

/** The summary filter of the form: `to` becomes the (exclusive) midnight after the last day. */
export function toSummaryFilter(form: FilterForm): SummaryFilter {
  const f: SummaryFilter = {};
  const from = parseDate(form.from);
  const to = parseDate(form.to);
  if (from !== undefined) f.from = from;
  if (to !== undefined) {
    const d = new Date(to);
    f.to = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  }
  if (form.walkthrough) f.walkthrough = form.walkthrough;
  if (form.outcome) f.outcome = form.outcome;
  if (form.ageBand) f.ageBand = form.ageBand;
  return f;
}

/** The export's file name: `dan-buoc-<from>-<to>.<ext>` ("dau" / "nay" for open ends). */
export function exportFileName(period: Period, ext: 'csv' | 'json'): string {
  return `dan-buoc-${parseDate(period.from) !== undefined ? period.from : 'dau'}-${parseDate(period.to) !== undefined ? period.to : 'nay'}.${ext}`;
}

/** Whole minutes and the remaining seconds of a duration (rounded to the second). */
export function minutesSeconds(sec: number): { m: number; s: number } {
  const total = Math.max(0, Math.round(sec));
  return { m: Math.floor(total / 60), s: total % 60 };
}

/** Share as a whole percentage; 0 without a base. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** A step's hint, short: markup removed, whitespace folded, cut at a word near `max` characters. */
export function shortHint(text: string, max = 60): string {
  const plain = text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

/** "YYYY-MM" → its parts. */
export function monthParts(key: string): { y: number; m: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? { y: Number(m[1]), m: Number(m[2]) } : null;
}

/** Bytes as megabytes rounded to one decimal (at least 0.1 once anything is used). */
export function megabytes(bytes: number): number {
  if (bytes <= 0) return 0;
  return Math.max(0.1, Math.round(bytes / 104_857.6) / 10);
}

/** A step repaired at the desk (issue 17), as the dashboard lists it: one row per walkthrough and step. */
export interface RepairedStep {
  /** "packId/walkthroughId" */
  key: string;
  packId: string;
  walkthroughId: string;
  /** 1-based step number. */
  step: number;
  repairs: number;
}

/** The steps repaired at the desk in a summary, per walkthrough (keys in order) then step. */
export function repairedSteps(summary: Pick<Summary, 'funnels'>): RepairedStep[] {
  const out: RepairedStep[] = [];
  for (const key of Object.keys(summary.funnels).sort()) {
    const slash = key.indexOf('/');
    if (slash <= 0) continue;
    summary.funnels[key]!.repairs.forEach((n, i) => {
      if (n > 0) out.push({ key, packId: key.slice(0, slash), walkthroughId: key.slice(slash + 1), step: i + 1, repairs: n });
    });
  }
  return out;
}
