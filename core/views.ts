// What the background shows the extension's pages and the on-page guide: the views that cross the message
// protocol (extension/protocol.ts) and that the components render. Plain data, here so that components/
// depend on core/ only and never on extension/.
import type { Anchor } from './anchors/index';
import type { LocalText, Step } from './pack';
import type { GuideState, SessionStatus } from './session';

export type { GuideState };

/** What the overlay needs to show one step. */
export interface StepView {
  sessionId: string;
  packId: string;
  walkthroughId: string;
  title: LocalText;
  index: number;
  total: number;
  status: SessionStatus;
  /** Paused by the volunteer: the overlay shows nothing. */
  paused: boolean;
  /** A trial run from the editor: the content script also reports the steps it finds. */
  trial?: boolean;
  step: Step;
  /** What the guide on the resident's tab last said about this step (absent: nothing yet). */
  guide?: GuideState;
  /** The anchors of the walkthrough's other steps on the same page: the guide resolves this step among them. */
  peers?: Anchor[];
  /** The guide did not find this step's control on the resident's page (the console offers a repair). */
  notFound?: true;
  /** Resident mode chosen in the console for this session only (absent: the desk setting applies). */
  residentMode?: boolean;
}

/**
 * What "Hoàn tác" after saving an outcome answers: the session back as it was before it ended (its record
 * taken out of the logs), or why not — `expired`: too late, another session started, or it is not the last
 * one saved; `failed`: the log database could not take the record out (the outcome stands).
 */
export type UndoResult = { ok: true; view: StepView } | { ok: false; reason: 'expired' | 'failed' };

/** A step's target picked again on the page (re-capture): its anchor and page pattern, never a value. */
export interface PickedTarget {
  anchor: Anchor;
  page: string;
  /** The hint the recorder would suggest for it (shown to the author). */
  label: string;
  /** That hint in both languages, and the advance rule that fits the control: a step added by picking (issue 20) takes them. */
  text: LocalText;
  advance: Step['advance'];
  private?: Step['private'];
}

/** Whether the control a step points at was found and outlined on the page ("Chỉ trên trang", issue 20). */
export interface ShownTarget {
  found: boolean;
}

/** What the side panel and the on-page bar show. */
export interface RecordingView {
  tabId: number;
  steps: number;
  /** The last step's suggested hint. */
  last?: string;
}
