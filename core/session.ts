// The guided-session state machine: pure functions from one session state to the next.
// The background keeps the state in storage; nothing here touches a browser API.

import type { AgeBand, Outcome, Reason } from './outcomes';
import type { Walkthrough } from './pack';
import { matchesPage, stripUrl } from './url-pattern';

export { OUTCOMES, type Outcome } from './outcomes';

export type SessionStatus = 'running' | 'done' | 'finished' | 'abandoned';

/**
 * What the guide on the resident's tab is doing about the current step: looking for its control, found it
 * (outlined), not found (after a short look; it keeps looking), the tab is on another page, or the control is
 * there but disabled for now.
 */
export const GUIDE_STATES = ['looking', 'found', 'not-found', 'other-page', 'disabled'] as const;
export type GuideState = (typeof GUIDE_STATES)[number];

export interface Session {
  id: string;
  packId: string;
  walkthroughId: string;
  walkthroughVersion: string;
  tabId: number;
  stepIndex: number;
  total: number;
  /** running: guiding; done: past the last step, waiting for the outcome; finished/abandoned: over. */
  status: SessionStatus;
  startedAt: number;
  endedAt?: number;
  /** Highest step index shown. */
  reached: number;
  /** How often each step was shown again ("Chỉ lại", back). */
  repeats: Record<number, number>;
  /** Steps whose control was not found on the page. */
  notFound: number[];
  /** Steps the volunteer skipped. */
  skipped?: number[];
  /** Steps repaired at the desk ("Chỉ cho Dẫn Bước"), once per repair: indexes only, never the anchor. */
  repairs?: number[];
  /** Paused by the volunteer: the overlay is hidden until resumed. */
  paused?: boolean;
  /** A trial run from the editor ("Chạy thử"): never written to the assistance logs. */
  trial?: boolean;
  /**
   * Resident mode chosen in the console for this session only (absent: the desk setting applies). The desk
   * setting is never changed by it; the next session starts from the setting again.
   */
  residentMode?: boolean;
  /** Trial runs: steps whose control was found on the page. */
  found?: number[];
  /** The guide's last report about a step (only the current step's is shown). */
  guide?: { index: number; state: GuideState };
  /**
   * Per step, the last page (origin + path, never a query) where its control was found in this session:
   * where "Mở trang của bước này" goes when the step's page pattern has wildcards.
   */
  foundPages?: Record<number, string>;
  outcome?: Outcome;
  /** Why it ended so (from a fixed list), and the resident's age band, if the volunteer gave them. */
  reason?: Reason;
  ageBand?: AgeBand;
  /** The volunteer's note on the outcome, already redacted (core/privacy.ts). */
  note?: string;
}

export interface StartInput {
  id: string;
  packId: string;
  packVersion: string;
  walkthrough: Walkthrough;
  tabId: number;
  now: number;
  trial?: boolean;
  /** Start at this step (the resident's tab is on its page already). @default 0 */
  stepIndex?: number;
  /** Resident mode for this session only (absent: the desk setting). */
  residentMode?: boolean;
}

export function startSession(input: StartInput): Session {
  const last = input.walkthrough.steps.length - 1;
  const start = Math.max(0, Math.min(input.stepIndex ?? 0, last));
  return {
    ...(input.trial ? { trial: true, found: [] } : {}),
    ...(input.residentMode !== undefined ? { residentMode: input.residentMode } : {}),
    id: input.id,
    packId: input.packId,
    walkthroughId: input.walkthrough.id,
    walkthroughVersion: input.packVersion,
    tabId: input.tabId,
    stepIndex: start,
    total: input.walkthrough.steps.length,
    status: 'running',
    startedAt: input.now,
    reached: start,
    repeats: {},
    notFound: [],
  };
}

function moveTo(s: Session, index: number): Session {
  if (index === s.stepIndex) return s;
  const repeats = index <= s.reached && index < s.stepIndex ? { ...s.repeats, [index]: (s.repeats[index] ?? 0) + 1 } : s.repeats;
  return { ...s, stepIndex: index, reached: Math.max(s.reached, index), repeats };
}

/**
 * Move on from step `fromIndex`. Ignored unless that step is the current one, so a click and the page load
 * it causes cannot advance twice. Past the last step the session is done and waits for the outcome.
 */
export function advance(s: Session, fromIndex: number): Session {
  if (s.status !== 'running' || s.stepIndex !== fromIndex) return s;
  if (fromIndex >= s.total - 1) return { ...s, status: 'done' };
  return moveTo(s, fromIndex + 1);
}

/** One step back (from "done", back to the last step). */
export function back(s: Session): Session {
  if (s.status === 'done') return { ...s, status: 'running', repeats: { ...s.repeats, [s.stepIndex]: (s.repeats[s.stepIndex] ?? 0) + 1 } };
  if (s.status !== 'running' || s.stepIndex === 0) return s;
  return moveTo(s, s.stepIndex - 1);
}

/** Skip the current step ("Bỏ qua"): remembered for the logs, then on as if done. */
export function skip(s: Session): Session {
  if (s.status !== 'running') return s;
  const skipped = (s.skipped ?? []).includes(s.stepIndex) ? (s.skipped ?? []) : [...(s.skipped ?? []), s.stepIndex];
  return advance({ ...s, skipped }, s.stepIndex);
}

/** Pause or resume guiding: while paused nothing is shown on the page. */
export function setPaused(s: Session, paused: boolean): Session {
  if (!isActive(s) || !!s.paused === paused) return s;
  return { ...s, paused };
}

/** Resident mode for this session only, whatever the desk setting says ("Chế độ người dân" in the console). */
export function setResidentMode(s: Session, on: boolean): Session {
  if (!isActive(s) || s.residentMode === on) return s;
  return { ...s, residentMode: on };
}

/** Show the current step again ("Chỉ lại"). */
export function repeat(s: Session): Session {
  if (s.status !== 'running') return s;
  return { ...s, repeats: { ...s.repeats, [s.stepIndex]: (s.repeats[s.stepIndex] ?? 0) + 1 } };
}

/** How many groups of steps (runs of steps on the same page) ahead a page load may jump. */
const FORWARD_GROUPS = 2;

/**
 * After a page load on the session's tab: stay when the current step belongs to this page; otherwise move
 * to the nearest step that does — ahead (the resident went on, or a redirect happened) or back (the
 * resident went back); on a tie, ahead. Looking at most a couple of page groups ahead keeps a stray visit
 * to another page of the site from jumping to the end of the walkthrough. When no step belongs to the page
 * the session stays where it is.
 */
export function resumeOnPage(s: Session, walkthrough: Walkthrough, url: string, options: { backward?: boolean } = {}): Session {
  if (s.status !== 'running') return s;
  const steps = walkthrough.steps;
  const current = steps[s.stepIndex];
  if (!current) return s;
  if (matchesPage(current.page, url)) return s;
  let ahead = -1;
  let groups = 0;
  let lastPage = current.page;
  for (let i = s.stepIndex + 1; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.page !== lastPage) {
      lastPage = step.page;
      // Optional steps (a sign-in the resident may already have done) are passed over freely.
      if (!step.optional && ++groups > FORWARD_GROUPS) break;
    }
    if (matchesPage(step.page, url)) {
      ahead = i;
      break;
    }
  }
  let behind = -1;
  for (let i = options.backward === false ? -1 : s.stepIndex - 1; i >= 0; i--) {
    if (matchesPage(steps[i]!.page, url)) {
      behind = i;
      break;
    }
  }
  if (ahead < 0 && behind < 0) return s;
  if (behind < 0) return moveTo(s, ahead);
  if (ahead < 0) return moveTo(s, behind);
  return moveTo(s, ahead - s.stepIndex <= s.stepIndex - behind ? ahead : behind);
}

/**
 * A page finished loading on the session's tab: a step that advances on reaching a page is done once that
 * page loads; then the session resumes on the step that belongs to the page. A page reached that way is
 * where the walkthrough expected to go, so it never sends the session back: it may be a pass-through (a
 * sign-in callback that redirects on) that happens to share its path with an earlier step.
 */
export function arriveOnPage(s: Session, walkthrough: Walkthrough, url: string): Session {
  const step = walkthrough.steps[s.stepIndex];
  if (step?.advance.kind === 'url' && matchesPage(step.advance.page, url)) {
    return resumeOnPage(advance(s, s.stepIndex), walkthrough, url, { backward: false });
  }
  return resumeOnPage(s, walkthrough, url);
}

/** True when the step the session is on belongs to the page at `url`. */
export function stepIsOnPage(s: Session, walkthrough: Walkthrough, url: string): boolean {
  const step = walkthrough.steps[s.stepIndex];
  return !!step && matchesPage(step.page, url);
}

/** A trial run's step whose control was found (after a miss it counts as found: the page was slow). */
export function markFound(s: Session, index: number): Session {
  if (!s.trial || s.found?.includes(index)) return s;
  return { ...s, found: [...(s.found ?? []), index], notFound: s.notFound.filter((i) => i !== index) };
}

/** Record that the current step's control could not be found. */
export function markNotFound(s: Session, index: number): Session {
  if (s.notFound.includes(index) || s.found?.includes(index)) return s;
  return { ...s, notFound: [...s.notFound, index] };
}

/**
 * The guide's report about step `index` on the session's tab at `url` (origin + path). Only the current
 * step's report counts. Not found: the step is logged as not found. Found (or disabled for now): a step logged as not found a
 * moment before came late (a slow page), so it is not found no more; and the page is remembered as where
 * the step is (when it belongs to the step's page pattern).
 */
export function reportGuide(s: Session, walkthrough: Walkthrough, index: number, state: GuideState, url?: string): Session {
  if (s.status !== 'running' || s.stepIndex !== index) return s;
  let next = s.guide?.index === index && s.guide.state === state ? s : { ...s, guide: { index, state } };
  if (state === 'not-found') next = markNotFound(next, index);
  if (state === 'found' || state === 'disabled') {
    if (next.trial) next = markFound(next, index);
    else if (next.notFound.includes(index)) next = { ...next, notFound: next.notFound.filter((i) => i !== index) };
    const page = url ? stripUrl(url) : '';
    const step = walkthrough.steps[index];
    if (page && step && matchesPage(step.page, page) && next.foundPages?.[index] !== page) next = { ...next, foundPages: { ...next.foundPages, [index]: page } };
  }
  return next;
}

/**
 * The guide's state as the background sees it once the current step is shown on the tab at `url`: looking
 * for the control on the step's page, or the tab is on another page (unknown URL: another page too). A step
 * without a control has no state. The guide on the page then reports found, not found or disabled.
 */
export function placeGuide(s: Session, walkthrough: Walkthrough, url: string | undefined): Session {
  const step = walkthrough.steps[s.stepIndex];
  if (s.status !== 'running' || !step) return s;
  const state: GuideState | null = !url || !matchesPage(step.page, url) ? 'other-page' : step.anchor ? 'looking' : null;
  if (!state) return s.guide ? { ...s, guide: undefined } : s;
  if (s.guide?.index === s.stepIndex && s.guide.state === state) return s;
  // The step's page loaded again (a reload, a form posted back to itself) after the guide found the control on
  // it: that stands until the guide reports again (at once when the control is there, "not found" within
  // seconds when it is not). The console does not flicker to "looking" and back, and nothing is written while
  // the resident's page loads.
  if (state === 'looking' && s.guide?.index === s.stepIndex && (s.guide.state === 'found' || s.guide.state === 'disabled')) return s;
  return { ...s, guide: { index: s.stepIndex, state } };
}

/**
 * Where step `index` is: its page pattern when it has no wildcard; else the last page where its control was
 * found in this session; else the walkthrough's start page.
 */
export function stepPageUrl(s: Session, walkthrough: Walkthrough, index: number): string {
  const step = walkthrough.steps[index];
  if (step && !step.page.includes('*')) return step.page;
  return s.foundPages?.[index] ?? walkthrough.startUrl;
}

/** The first step of `walkthrough` whose page is the one at `url`, or -1 when none is. */
export function stepOnPage(walkthrough: Walkthrough, url: string): number {
  return walkthrough.steps.findIndex((step) => matchesPage(step.page, url));
}

/**
 * The volunteer showed the guide the current step's control, and the step was saved in a new version of the
 * desk's copy of the pack: the session goes on in that copy, at the same step, which counts as found again.
 */
export function markRepaired(s: Session, index: number, pack: { id: string; version: string }): Session {
  if (index !== s.stepIndex || s.status !== 'running') return s;
  return {
    ...s,
    packId: pack.id,
    walkthroughVersion: pack.version,
    repairs: [...(s.repairs ?? []), index],
    notFound: s.notFound.filter((i) => i !== index),
  };
}

/** End the session with the volunteer's outcome and details (a note must have passed `redactNote`). */
export function finish(s: Session, outcome: Outcome, now: number, details: { reason?: Reason; ageBand?: AgeBand; note?: string } = {}): Session {
  if (s.status === 'finished' || s.status === 'abandoned') return s;
  const ended: Session = { ...s, status: 'finished', outcome, endedAt: now };
  if (details.reason) ended.reason = details.reason;
  if (details.ageBand) ended.ageBand = details.ageBand;
  if (details.note) ended.note = details.note;
  return ended;
}

/** End a session nobody finished (tab closed, new session started): kept at its last step. */
export function abandon(s: Session, now: number): Session {
  if (s.status === 'finished' || s.status === 'abandoned') return s;
  return { ...s, status: 'abandoned', endedAt: now };
}

export function isActive(s: Session | null | undefined): s is Session {
  return !!s && (s.status === 'running' || s.status === 'done');
}
