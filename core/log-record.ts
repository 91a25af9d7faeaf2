// The anonymous assistance record: one per assisted session, holding nothing that identifies a resident
// (no names, identifiers, form values, page text or URLs). Shared by the store, the dashboard and imports.

import type { AgeBand, Reason, RecordOutcome } from './outcomes';
import type { Session } from './session';

export { DEFAULT_RETENTION_MONTHS } from './settings';
export { AGE_BANDS, REASONS, RECORD_OUTCOMES, type AgeBand, type OutcomeDetails, type Reason, type RecordOutcome } from './outcomes';

export interface AssistRecord {
  /** Random id (the session's), never derived from the resident. */
  id: string;
  packId: string;
  walkthroughId: string;
  walkthroughVersion: string;
  /** The ward's administrative code (from the desk's settings). */
  wardCode?: string;
  /** The volunteer's chosen nickname (from the desk's settings). */
  volunteer?: string;
  /** Start time rounded down to the hour, ms since epoch. */
  startHour: number;
  durationSec: number;
  /** Steps in the walkthrough. */
  total: number;
  /** Steps reached (1-based count) and completed. */
  stepsReached: number;
  stepsCompleted: number;
  /** Step index → how often it was shown again. */
  repeats: Record<number, number>;
  /** Step indexes whose control was not found. */
  notFound: number[];
  /** Step indexes the volunteer skipped. */
  skipped: number[];
  /** Step indexes repaired at the desk, once per repair (issue 17); absent in older records. No anchor, no text. */
  repairs?: number[];
  outcome: RecordOutcome;
  reason?: Reason;
  ageBand?: AgeBand;
  /** The volunteer's note, redacted (core/privacy.ts) before it reached the session. */
  note?: string;
}

const HOUR = 3_600_000;

/** The cut-off for a retention of `months` months before `now`. */
export function retentionCutoff(now: number, months: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth() - months, d.getDate()).getTime();
}

/** Who recorded it: the desk's settings. */
export interface DeskInfo {
  wardCode?: string;
  volunteer?: string;
}

/** The anonymous record of an ended session. */
export function recordFromSession(s: Session, now: number, desk: DeskInfo = {}): AssistRecord {
  const ended = s.endedAt ?? now;
  const completed = s.status === 'finished' && s.outcome === 'completed' ? s.total : s.reached;
  const r: AssistRecord = {
    id: s.id,
    packId: s.packId,
    walkthroughId: s.walkthroughId,
    walkthroughVersion: s.walkthroughVersion,
    startHour: Math.floor(s.startedAt / HOUR) * HOUR,
    durationSec: Math.max(0, Math.round((ended - s.startedAt) / 1000)),
    total: s.total,
    stepsReached: s.reached + 1,
    stepsCompleted: completed,
    repeats: { ...s.repeats },
    // A repaired step was not found first.
    notFound: [...new Set([...s.notFound, ...(s.repairs ?? [])])],
    skipped: [...(s.skipped ?? [])],
    outcome: s.status === 'abandoned' ? 'abandoned' : (s.outcome ?? 'stopped'),
  };
  if (desk.wardCode) r.wardCode = desk.wardCode;
  if (desk.volunteer) r.volunteer = desk.volunteer;
  if (s.reason) r.reason = s.reason;
  if (s.ageBand) r.ageBand = s.ageBand;
  if (s.note) r.note = s.note;
  if (s.repairs?.length) r.repairs = [...s.repairs];
  return r;
}
