// Figures for the ward's reports. Records are rolled up per day × walkthrough × outcome × age band as they
// are written, so a summary of a year reads a few thousand small rollups instead of every record.
// `summarizeRecords` computes the same figures from the records themselves (the naive way): it is the
// oracle the tests compare against and the benchmark's baseline.

import { AGE_BANDS, type AgeBand, type AssistRecord, type RecordOutcome } from './log-record';

export interface Rollup {
  /** `${day}|${packId}/${walkthroughId}|${outcome}|${ageBand or '-'}` */
  key: string;
  /** Local midnight of the day, ms since epoch. */
  day: number;
  walkthrough: string;
  outcome: RecordOutcome;
  ageBand: AgeBand | '-';
  count: number;
  /** Every session's duration in seconds (exact medians). */
  durations: number[];
  /** Largest step count seen (walkthroughs may grow between versions). */
  total: number;
  /** stepsReached → sessions. */
  reached: Record<number, number>;
  /** step index → sessions whose control was not found there. */
  notFound: Record<number, number>;
  /** step index → times shown again. */
  repeats: Record<number, number>;
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

export function rollupKey(r: AssistRecord): string {
  return `${dayOf(r.startHour)}|${walkthroughKey(r)}|${r.outcome}|${r.ageBand ?? '-'}`;
}

export function emptyRollup(r: AssistRecord): Rollup {
  return {
    key: rollupKey(r),
    day: dayOf(r.startHour),
    walkthrough: walkthroughKey(r),
    outcome: r.outcome,
    ageBand: r.ageBand ?? '-',
    count: 0,
    durations: [],
    total: 0,
    reached: {},
    notFound: {},
    repeats: {},
  };
}

const bump = (m: Record<number, number>, k: number, by = 1): void => {
  m[k] = (m[k] ?? 0) + by;
};

/** Add one record to its rollup (in place; returns it). */
export function addToRollup(rollup: Rollup, r: AssistRecord): Rollup {
  rollup.count++;
  rollup.durations.push(r.durationSec);
  rollup.total = Math.max(rollup.total, r.total);
  bump(rollup.reached, r.stepsReached);
  for (const i of new Set(r.notFound)) bump(rollup.notFound, i);
  for (const [i, n] of Object.entries(r.repeats)) bump(rollup.repeats, Number(i), n);
  return rollup;
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

function matches(f: SummaryFilter, day: number, walkthrough: string, outcome: RecordOutcome, ageBand: string): boolean {
  if (f.from !== undefined && day < dayOf(f.from)) return false;
  if (f.to !== undefined && day >= f.to) return false;
  if (f.walkthrough && walkthrough !== f.walkthrough) return false;
  if (f.outcome && outcome !== f.outcome) return false;
  if (f.ageBand && ageBand !== f.ageBand) return false;
  return true;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

class Builder {
  total = 0;
  byWalkthrough: Record<string, number> = {};
  byOutcome: Record<string, number> = {};
  byMonth: Record<string, number> = {};
  byAgeBand: Record<string, number> = {};
  durations: number[] = [];
  steps = new Map<string, { total: number; reached: Record<number, number>; notFound: Record<number, number>; repeats: Record<number, number> }>();

  add(r: Omit<Rollup, 'key'>): void {
    this.total += r.count;
    const inc = (m: Record<string, number>, k: string): void => {
      m[k] = (m[k] ?? 0) + r.count;
    };
    inc(this.byWalkthrough, r.walkthrough);
    inc(this.byOutcome, r.outcome);
    inc(this.byMonth, monthKey(r.day));
    inc(this.byAgeBand, r.ageBand);
    for (const d of r.durations) this.durations.push(d);
    let s = this.steps.get(r.walkthrough);
    if (!s) this.steps.set(r.walkthrough, (s = { total: 0, reached: {}, notFound: {}, repeats: {} }));
    s.total = Math.max(s.total, r.total);
    for (const [k, n] of Object.entries(r.reached)) bump(s.reached, Number(k), n);
    for (const [k, n] of Object.entries(r.notFound)) bump(s.notFound, Number(k), n);
    for (const [k, n] of Object.entries(r.repeats)) bump(s.repeats, Number(k), n);
  }

  build(): Summary {
    const funnels: Record<string, Funnel> = {};
    for (const [key, s] of this.steps) {
      const reachedAtLeast = new Array<number>(s.total).fill(0);
      for (const [k, n] of Object.entries(s.reached)) {
        for (let i = 0; i < Math.min(Number(k), s.total); i++) reachedAtLeast[i]! += n;
      }
      const at = (m: Record<number, number>): number[] => Array.from({ length: s.total }, (_, i) => m[i] ?? 0);
      funnels[key] = { total: s.total, reachedAtLeast, notFound: at(s.notFound), repeats: at(s.repeats) };
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
  for (const r of rollups) if (matches(filter, r.day, r.walkthrough, r.outcome, r.ageBand)) b.add(r);
  return b.build();
}

/** The same summary from the records themselves: the test oracle and the benchmark's naive baseline. */
export function summarizeRecords(records: Iterable<AssistRecord>, filter: SummaryFilter = {}): Summary {
  const b = new Builder();
  for (const rec of records) {
    const r = addToRollup(emptyRollup(rec), rec);
    if (matches(filter, r.day, r.walkthrough, r.outcome, r.ageBand)) b.add(r);
  }
  return b.build();
}
