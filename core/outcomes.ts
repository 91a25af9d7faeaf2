// How an assisted session ended, as the volunteer tells it: the outcome, why (from a fixed list) and the
// resident's age band. Shared by the session machine (session.ts), the anonymous record (log-record.ts), the
// message schemas and the console; a leaf module so those two never import each other.

export const OUTCOMES = ['completed', 'stopped', 'referred', 'site-error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A record's outcome: a session ended by the volunteer, or one left unfinished. */
export type RecordOutcome = Outcome | 'abandoned';
export const RECORD_OUTCOMES: readonly RecordOutcome[] = [...OUTCOMES, 'abandoned'];

export const AGE_BANDS = ['under-30', '30-59', '60-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Why a session did not complete (or how it did); chosen by the volunteer from a fixed list. */
export const REASONS = ['missing-papers', 'no-otp-phone', 'forgot-password', 'no-account', 'site-down', 'page-changed', 'resident-left', 'other'] as const;
export type Reason = (typeof REASONS)[number];

/** What the volunteer adds when ending a session. */
export interface OutcomeDetails {
  reason?: Reason;
  ageBand?: AgeBand;
  note?: string;
}

/**
 * How long the console offers "Hoàn tác" after an outcome is saved. The background takes the undo a little
 * longer (`UNDO_ACCEPT_MS`), so that a click in the last moment is not refused for the message's time on the way.
 */
export const UNDO_OFFER_MS = 8_000;
export const UNDO_ACCEPT_MS = 15_000;
