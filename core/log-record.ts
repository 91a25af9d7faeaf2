// The anonymous assistance record: one per assisted session, holding nothing that identifies a resident
// (no names, identifiers, form values, page text or URLs). Shared by the store, the dashboard and imports.

import * as v from 'valibot';
import { OUTCOMES, type Outcome, type Session } from './session';

export const AGE_BANDS = ['under-30', '30-59', '60-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Why a session did not complete (or how it did); chosen by the volunteer from a fixed list. */
export const REASONS = ['missing-papers', 'no-otp-phone', 'forgot-password', 'no-account', 'site-down', 'page-changed', 'resident-left', 'other'] as const;
export type Reason = (typeof REASONS)[number];

export type RecordOutcome = Outcome | 'abandoned';
export const RECORD_OUTCOMES: readonly RecordOutcome[] = [...OUTCOMES, 'abandoned'];

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
  outcome: RecordOutcome;
  reason?: Reason;
  ageBand?: AgeBand;
  /** The volunteer's note, redacted (core/privacy.ts) before it reached the session. */
  note?: string;
}

const HOUR = 3_600_000;

/** Default retention of records, in months. @default 12 */
export const DEFAULT_RETENTION_MONTHS = 12;

/** The cut-off for a retention of `months` months before `now`. */
export function retentionCutoff(now: number, months: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth() - months, d.getDate()).getTime();
}

/** What the volunteer adds when ending a session. */
export interface OutcomeDetails {
  reason?: Reason;
  ageBand?: AgeBand;
  note?: string;
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
    notFound: [...s.notFound],
    skipped: [...(s.skipped ?? [])],
    outcome: s.status === 'abandoned' ? 'abandoned' : (s.outcome ?? 'stopped'),
  };
  if (desk.wardCode) r.wardCode = desk.wardCode;
  if (desk.volunteer) r.volunteer = desk.volunteer;
  if (s.reason) r.reason = s.reason;
  if (s.ageBand) r.ageBand = s.ageBand;
  if (s.note) r.note = s.note;
  return r;
}

// ---- validation of records from elsewhere (imports from other desks) ----

const msg = {
  text: 'phải là chữ (chuỗi ký tự)',
  int: 'phải là số nguyên không âm',
};
const slug = v.pipe(v.string(msg.text), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang'));
const count = v.pipe(v.number(msg.int), v.integer(msg.int), v.minValue(0, msg.int), v.maxValue(1_000_000, 'lớn quá mức cho phép'));
const stepIndex = v.pipe(v.number(msg.int), v.integer(msg.int), v.minValue(0, msg.int), v.maxValue(1000, 'lớn quá mức cho phép'));

/** The schema an imported record must satisfy; unknown keys are refused (nothing else may ride along). */
export const RecordSchema = v.strictObject({
  id: v.pipe(v.string(msg.text), v.regex(/^[A-Za-z0-9-]{8,64}$/, 'mã phiên không hợp lệ')),
  packId: slug,
  walkthroughId: slug,
  walkthroughVersion: v.pipe(v.string(msg.text), v.maxLength(32, 'dài quá 32 ký tự')),
  wardCode: v.optional(v.pipe(v.string(msg.text), v.regex(/^\d{5}$/, 'mã phường/xã gồm 5 chữ số'))),
  volunteer: v.optional(v.pipe(v.string(msg.text), v.maxLength(40, 'dài quá 40 ký tự'))),
  startHour: v.pipe(v.number('phải là thời điểm (số)'), v.integer(), v.minValue(Date.UTC(2020, 0, 1), 'thời điểm quá sớm'), v.check((n) => n % HOUR === 0, 'phải làm tròn đến giờ')),
  durationSec: count,
  total: v.pipe(stepIndex, v.minValue(1, 'phải có ít nhất 1 bước')),
  stepsReached: stepIndex,
  stepsCompleted: stepIndex,
  repeats: v.pipe(
    v.record(v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'khóa phải là số bước')), count),
    v.check((r) => Object.keys(r).length <= 1000, 'quá nhiều bước'),
  ),
  notFound: v.pipe(v.array(stepIndex, 'phải là danh sách số bước'), v.maxLength(1000)),
  skipped: v.pipe(v.array(stepIndex, 'phải là danh sách số bước'), v.maxLength(1000)),
  outcome: v.picklist(RECORD_OUTCOMES, 'kết quả không hợp lệ'),
  reason: v.optional(v.picklist(REASONS, 'lý do không hợp lệ')),
  ageBand: v.optional(v.picklist(AGE_BANDS, 'nhóm tuổi không hợp lệ')),
  note: v.optional(v.pipe(v.string(msg.text), v.maxLength(300, 'dài quá 300 ký tự'))),
});
