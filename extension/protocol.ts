// The one typed message protocol between the content script, the background and the side panel.
// The background admits each message through one gate (message-gate.ts): the sender checked against the
// message's access rule, the data against its schema (protocol-schemas.ts); senders are never trusted.

import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Outcome, OutcomeDetails } from '../core/outcomes';
import type { Category, PackError, Step } from '../core/pack';
import type { Anchor } from '../core/anchors/index';
import type { DataError } from '../core/errors';
import type { GuideState, PickedTarget, RecordingView, ShownTarget, StepView, UndoResult } from '../core/views';

/** What a repair at the desk answers: the pack's new version, or why nothing was saved (paths name the bad field). */
export type RepairResult = { ok: true; packId: string; version: string; view: StepView | null } | { ok: false; errors: DataError[] };

export type { GuideState, PickedTarget, RecordingView, ShownTarget, StepView, UndoResult };

export interface ProtocolMap {
  /**
   * Side panel: start a walkthrough on a tab, at its first step (navigating the tab to the start page when
   * needed) or at `fromStep`, a step whose page the tab is on (see startChoice).
   */
  start(data: { packId: string; walkthroughId: string; tabId: number; fromStep?: number; residentMode?: boolean }): StepView;
  /** Side panel, before starting: the step (> 0) whose page the tab is on, to offer starting there; else null. */
  startChoice(data: { packId: string; walkthroughId: string; tabId: number }): { onPage: number } | null;
  /** Side panel: the running session, if any. */
  current(): StepView | null;
  /** Content script, on every page load or SPA route change: the step to show here, if any. */
  pageReady(data: { page: string }): StepView | null;
  /** Content script: the resident did what step `fromIndex` asked. */
  advance(data: { fromIndex: number }): void;
  /** Overlay or side panel buttons. */
  next(): void;
  /** One step back; the tab goes back to that step's page when it is on another one. */
  back(): void;
  /** Side panel or the card: navigate the session's tab to the current step's page. */
  openStepPage(): void;
  repeat(): void;
  skip(): void;
  pause(data: { paused: boolean }): void;
  /** Content script (the session's tab): what the guide is doing about the current step (shown in the console). */
  guideState(data: { index: number; state: GuideState }): void;
  /**
   * Side panel: end the session with an outcome. Always ends it; `pending` counts records (this one included)
   * that wait to be written to the log database (full, or blocked by an upgrade), 0 when all are saved.
   */
  finish(data: { outcome: Outcome } & OutcomeDetails): { pending: number };
  /**
   * Side panel, a few seconds after `finish` ("Hoàn tác"): take that session's record out of the logs and let
   * the session go on as it was before it ended.
   */
  undoFinish(data: { sessionId: string }): UndoResult;
  /** Side panel: resident mode for the running session only (the desk setting stays as it is). */
  setResidentMode(data: { on: boolean }): StepView | null;
  /** Content script: a hand-off link (#dan-buoc=<pack>/<walkthrough>) names this walkthrough; its title if installed. */
  offer(data: { packId: string; walkthroughId: string }): { title: string } | null;
  /** Content script: the resident accepted the offer; start it on the sender's tab. */
  startHere(data: { packId: string; walkthroughId: string }): StepView;
  /** Background → content script: show this step, or remove the overlay (null). */
  showStep(data: StepView | null): void;
  /** Side panel: record a new walkthrough by doing it on a tab. */
  startRecording(data: { tabId: number }): RecordingView;
  /** Side panel and content script: the recording under way, if any. */
  recording(): RecordingView | null;
  /** Content script (recording tab only): the author did something; a step made by core/recorder.ts. */
  recordStep(data: { step: Step }): RecordingView;
  /** Side panel or on-page bar: drop the last recorded step. */
  undoStep(): RecordingView | null;
  /** Side panel or on-page bar: stop and save as a pack in the desk's library (or say why not). */
  stopRecording(data: { title: string; category: Category }): { ok: true; packId: string; walkthroughId: string } | { ok: false; errors: PackError[] };
  /** Side panel: stop without saving. */
  cancelRecording(): void;
  /** Background → content script: the recording bar (null: recording over). */
  showRecording(data: RecordingView | null): void;
  /** Editor → content script: let the author click this step's target; null when cancelled. */
  pickTarget(data: { hint: string; add?: boolean }): PickedTarget | null;
  /** Editor → content script: stop waiting for a pick. */
  cancelPick(): void;
  /**
   * Editor → content script (the picker, injected): outline step `n`'s control on the page until the author
   * closes it, looking for it as the guide does (`peers`: the other steps' anchors on that page). Whether it was found.
   */
  showTarget(data: { anchor: Anchor; n: number; peers?: Anchor[]; alternates?: Anchor[] }): ShownTarget;
  /**
   * Side panel: the volunteer picked the current step's control on the resident's page (the guide had not
   * found it); save it as the step's new anchor in a new version of the desk's copy and go on there.
   */
  repairStep(data: { index: number; anchor: Anchor }): RepairResult;
  /** Editor → background: play a walkthrough as a trial (not logged) on a tab. */
  startTrial(data: { packId: string; walkthroughId: string; tabId: number }): StepView;
  /** The scam warning page, after the deliberate second step: let its own tab open this lookalike host once. */
  scamContinue(data: { host: string }): void;
  /** The scam warning page's "Quay lại an toàn": back to the page before, or the new-tab page when there was none. */
  scamLeave(): void;
}

export const messaging = defineExtensionMessaging<ProtocolMap>();

