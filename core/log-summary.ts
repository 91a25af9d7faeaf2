// Figures for the ward's reports. Records are rolled up per day × walkthrough (counted by outcome × age
// band inside) as they are written, so a summary of a year reads a few thousand small documents.
// `summarizeRecords` computes the same figures from the records themselves (the naive way): it is the
// oracle the tests compare against and the benchmark's baseline.

import { AGE_BANDS, type AgeBand, type AssistRecord, type RecordOutcome } from './log-record';

/** What the rollups count for one outcome × age band of one walkthrough on one day. */
export interface Cell {
  count: number;
  /** Duration in whole seconds → sessions (an exact median without keeping every value). */
  durations: Record<number, number>;
  /** stepsReached → sessions. */
  reached: Record<number, number>;
  /** step index → sessions whose control was not found there. */
  notFound: Record<number, number>;
  /** step index → times shown again. */
  repeats: Record<number, number>;
  /** step index → repairs at the desk (issue 17; absent in rollups written before). */
  repairs?: Record<number, number>;
}

/**
 * One walkthrough on one day (or, in the months store, in one month): a handful of documents a day however
 * many sessions there were; a year's summary reads twelve month documents per walkthrough.
 */
export interface Rollup {
  /** `${day}|${packId}/${walkthroughId}` (the month's first day for a month rollup) */
  key: string;
  /** Local midnight of the day (or of the month's first day), ms since epoch. */
  day: number;
  /** Sessions in it. */
  count: number;
  walkthrough: string;
  /** Largest step count seen (walkthroughs may grow between versions). */
  total: number;
  /** `${outcome}|${ageBand or '-'}` → counts. */
  cells: Record<string, Cell>;
}

/** Local midnight of the day containing `t`. */
export function dayOf(t: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

export function monthKey(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function walkthroughKey(r: Pick<AssistRecord, 'packId' | 'walkthroughId'>): string {
  return `${r.packId}/${r.walkthroughId}`;
}

/** Local midnight of the first day of the month containing `t`. */
export function monthOf(t: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
}

export function rollupKey(r: AssistRecord, span: 'day' | 'month' = 'day'): string {
  return `${span === 'day' ? dayOf(r.startHour) : monthOf(r.startHour)}|${walkthroughKey(r)}`;
}

export function emptyRollup(r: AssistRecord, span: 'day' | 'month' = 'day'): Rollup {
  return { key: rollupKey(r, span), day: span === 'day' ? dayOf(r.startHour) : monthOf(r.startHour), count: 0, walkthrough: walkthroughKey(r), total: 0, cells: {} };
}

const bump = (m: Record<number, number>, k: number, by = 1): void => {
  m[k] = (m[k] ?? 0) + by;
};

/** Add one record to its rollup (in place; returns it). */
export function addToRollup(rollup: Rollup, r: AssistRecord): Rollup {
  rollup.total = Math.max(rollup.total, r.total);
  rollup.count++;
  const cellKey = `${r.outcome}|${r.ageBand ?? '-'}`;
  const cell = (rollup.cells[cellKey] ??= { count: 0, durations: {}, reached: {}, notFound: {}, repeats: {} });
  cell.count++;
  bump(cell.durations, Math.round(r.durationSec));
  bump(cell.reached, r.stepsReached);
  for (const i of new Set(r.notFound)) bump(cell.notFound, i);
  for (const [i, n] of Object.entries(r.repeats)) bump(cell.repeats, Number(i), n);
  for (const i of r.repairs ?? []) bump((cell.repairs ??= {}), i);
  return rollup;
}

/** Add a rollup's counts into another (a month built from its days); in place, returns `into`. */
export function mergeRollup(into: Rollup, from: Rollup): Rollup {
  into.total = Math.max(into.total, from.total);
  into.count += from.count;
  for (const [key, c] of Object.entries(from.cells)) {
    const cell = (into.cells[key] ??= { count: 0, durations: {}, reached: {}, notFound: {}, repeats: {} });
    cell.count += c.count;
    for (const [field, m] of [['durations', c.durations], ['reached', c.reached], ['notFound', c.notFound], ['repeats', c.repeats]] as const) {
      for (const [k, n] of Object.entries(m)) bump(cell[field], Number(k), n);
    }
    for (const [k, n] of Object.entries(c.repairs ?? {})) bump((cell.repairs ??= {}), Number(k), n);
  }
  return into;
}

export interface SummaryFilter {
  /** Inclusive start and exclusive end, ms since epoch (compared with the record's start hour). */
  from?: number;
  to?: number;
  /** "packId/walkthroughId" */
  walkthrough?: string;
  outcome?: RecordOutcome;
  ageBand?: AgeBand | '-';
}

export interface Funnel {
  /** Steps in the walkthrough. */
  total: number;
  /** reachedAtLeast[i]: sessions that reached step i + 1 (a non-increasing drop-off curve). */
  reachedAtLeast: number[];
  /** notFound[i]: sessions whose control at step i + 1 was not found. */
  notFound: number[];
  /** repeats[i]: times step i + 1 was shown again. */
  repeats: number[];
  /** repairs[i]: times step i + 1 was repaired at the desk ("bước đã sửa tại quầy"). */
  repairs: number[];
}

export interface Summary {
  total: number;
  byWalkthrough: Record<string, number>;
  byOutcome: Record<string, number>;
  byMonth: Record<string, number>;
  byAgeBand: Record<string, number>;
  /** Median duration in seconds, null without sessions. */
  medianDurationSec: number | null;
  funnels: Record<string, Funnel>;
}

/** Whether a summary filter keeps a record (the same rules the rollups are filtered by). */
export function recordMatches(r: AssistRecord, f: SummaryFilter): boolean {
  return matches(f, dayOf(r.startHour), walkthroughKey(r), r.outcome, r.ageBand ?? '-');
}

function matches(f: SummaryFilter, day: number, walkthrough: string, outcome: RecordOutcome, ageBand: string): boolean {
  if (f.from !== undefined && day < dayOf(f.from)) return false;
  if (f.to !== undefined && day >= f.to) return false;
  if (f.walkthrough && walkthrough !== f.walkthrough) return false;
  if (f.outcome && outcome !== f.outcome) return false;
  if (f.ageBand && ageBand !== f.ageBand) return false;
  return true;
}

/** The median of values given as value → how many. */
function median(histogram: Record<number, number>): number | null {
  const entries = Object.entries(histogram)
    .map(([v, n]) => [Number(v), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  // The value at 0-based sorted position i.
  const at = (i: number): number => {
    let seen = 0;
    for (const [v, n] of entries) if ((seen += n) > i) return v;
    return entries.at(-1)![0];
  };
  return total % 2 ? at(total >> 1) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

class Builder {
  total = 0;
  byWalkthrough: Record<string, number> = {};
  byOutcome: Record<string, number> = {};
  byMonth: Record<string, number> = {};
  byAgeBand: Record<string, number> = {};
  durations: Record<number, number> = {};
  steps = new Map<string, { total: number; reached: Record<number, number>; notFound: Record<number, number>; repeats: Record<number, number>; repairs: Record<number, number> }>();

  add(r: Cell & { day: number; walkthrough: string; outcome: string; ageBand: string; total: number }): void {
    this.total += r.count;
    const inc = (m: Record<string, number>, k: string): void => {
      m[k] = (m[k] ?? 0) + r.count;
    };
    inc(this.byWalkthrough, r.walkthrough);
    inc(this.byOutcome, r.outcome);
    inc(this.byMonth, monthKey(r.day));
    inc(this.byAgeBand, r.ageBand);
    for (const [d, n] of Object.entries(r.durations)) bump(this.durations, Number(d), n);
    let s = this.steps.get(r.walkthrough);
    if (!s) this.steps.set(r.walkthrough, (s = { total: 0, reached: {}, notFound: {}, repeats: {}, repairs: {} }));
    s.total = Math.max(s.total, r.total);
    for (const [k, n] of Object.entries(r.reached)) bump(s.reached, Number(k), n);
    for (const [k, n] of Object.entries(r.notFound)) bump(s.notFound, Number(k), n);
    for (const [k, n] of Object.entries(r.repeats)) bump(s.repeats, Number(k), n);
    for (const [k, n] of Object.entries(r.repairs ?? {})) bump(s.repairs, Number(k), n);
  }

  build(): Summary {
    const funnels: Record<string, Funnel> = {};
    for (const [key, s] of this.steps) {
      const reachedAtLeast = new Array<number>(s.total).fill(0);
      for (const [k, n] of Object.entries(s.reached)) {
        for (let i = 0; i < Math.min(Number(k), s.total); i++) reachedAtLeast[i]! += n;
      }
      const at = (m: Record<number, number>): number[] => Array.from({ length: s.total }, (_, i) => m[i] ?? 0);
      funnels[key] = { total: s.total, reachedAtLeast, notFound: at(s.notFound), repeats: at(s.repeats), repairs: at(s.repairs) };
    }
    const byAgeBand: Record<string, number> = {};
    for (const band of [...AGE_BANDS, '-']) if (this.byAgeBand[band]) byAgeBand[band] = this.byAgeBand[band];
    return {
      total: this.total,
      byWalkthrough: this.byWalkthrough,
      byOutcome: this.byOutcome,
      byMonth: Object.fromEntries(Object.entries(this.byMonth).sort(([a], [b]) => a.localeCompare(b))),
      byAgeBand,
      medianDurationSec: median(this.durations),
      funnels,
    };
  }
}

/** The summary from rollups (what the dashboard uses). */
export function summarizeRollups(rollups: Iterable<Rollup>, filter: SummaryFilter = {}): Summary {
  const b = new Builder();
  for (const r of rollups) summarizeInto(b, r, filter);
  return b.build();
}

/** The same summary from the records themselves: the test oracle and the benchmark's naive baseline. */
export function summarizeRecords(records: Iterable<AssistRecord>, filter: SummaryFilter = {}): Summary {
  const b = new Builder();
  for (const rec of records) {
    const r = addToRollup(emptyRollup(rec), rec);
    summarizeInto(b, r, filter);
  }
  return b.build();
}

function summarizeInto(b: Builder, r: Rollup, filter: SummaryFilter): void {
  for (const [cellKey, cell] of Object.entries(r.cells)) {
    const [outcome, ageBand] = cellKey.split('|') as [RecordOutcome, string];
    if (matches(filter, r.day, r.walkthrough, outcome, ageBand)) b.add({ ...cell, day: r.day, walkthrough: r.walkthrough, outcome, ageBand, total: r.total });
  }
}
