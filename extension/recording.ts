// Recording a walkthrough (issue 7), background side: the draft lives in storage.session (steps only: anchors,
// page patterns, hints; never a typed value), and ends as a pack in the desk's library.
import { storage } from 'wxt/utils/storage';
import { dataIn } from '../core/capture';
import { install, type Library } from '../core/pack-library';
import { parsePack, type Category, type Pack, type PackError, type Step } from '../core/pack';
import { nextStepId, repeatsLast } from '../core/recorder';
import { stripUrl } from '../core/url-pattern';
import type { RecordingView } from '../core/views';

export interface RecordingDraft {
  tabId: number;
  /** Where the author started (origin + path): the walkthrough's start page. */
  startUrl: string;
  steps: Step[];
}

export type { RecordingView };

export const recordingItem = storage.defineItem<RecordingDraft | null>('session:dan-buoc-recording', { fallback: null });

export const viewOf = (d: RecordingDraft | null): RecordingView | null =>
  d ? { tabId: d.tabId, steps: d.steps.length, ...(d.steps.length ? { last: d.steps.at(-1)!.text.vi } : {}) } : null;

export function startDraft(tabId: number, url: string): RecordingDraft {
  const startUrl = stripUrl(url);
  if (!/^https:\/\//.test(startUrl)) throw new Error('recording needs an https page');
  return { tabId, startUrl, steps: [] };
}

const originOf = (u: string): string => new URL(u.replace(/\*/g, 'x')).origin;

/**
 * Validate a step sent by a content script (as a one-step pack through parsePack) and add it, with the next
 * free id; a repeat of the last step is dropped. Throws on a bad step.
 */
export function addStep(draft: RecordingDraft, raw: unknown, trusted: readonly string[]): RecordingDraft {
  const step = raw as Step;
  let origin: string;
  try {
    origin = originOf(step.page);
  } catch {
    throw new Error('invalid step: page');
  }
  const probe = wrap([{ ...step, id: 'buoc-1' }], 'probe', draft.startUrl, 'public-service');
  const r = parsePack(probe, { trustedOrigins: [...trusted, origin, originOf(draft.startUrl)] });
  if (!r.ok) throw new Error(`invalid step: ${r.errors[0]!.path} ${r.errors[0]!.code}`);
  const clean = r.pack.walkthroughs[0]!.steps[0]!;
  // The content script's gate kept no data; a step that still carries some is refused, never stored.
  const data = dataIn(clean);
  if (data.length) throw new Error(`invalid step: ${data[0]} holds personal data`);
  if (repeatsLast(draft.steps, clean)) return draft;
  return { ...draft, steps: [...draft.steps, { ...clean, id: nextStepId(draft.steps.map((s) => s.id)) }] };
}

function wrap(steps: Step[], title: string, startUrl: string, category: Category, id = 'ghi-thu'): unknown {
  const origins = [...new Set([originOf(startUrl), ...steps.map((s) => originOf(s.page))])];
  return {
    schema: 1,
    id,
    version: '1.0.0',
    title: { vi: title },
    origins,
    walkthroughs: [{ id: 'huong-dan', title: { vi: title }, category, bring: [], minutes: Math.max(1, Math.ceil(steps.length * 0.75)), startUrl, steps }],
  };
}

/** A fresh pack id for a recording: ghi-<yyyymmdd>-<4 random letters>. */
export function recordedPackId(now: number, random: () => number = Math.random): string {
  const d = new Date(now);
  const ymd = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
  const tail = Array.from({ length: 4 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)]).join('');
  return `ghi-${ymd}-${tail}`;
}

/** End a recording: its steps as a new pack installed in the library, or the validator's messages. */
export function finishDraft(
  lib: Library,
  draft: RecordingDraft,
  details: { title: string; category: Category; now: number },
  builtInIds: readonly string[],
): { ok: true; library: Library; pack: Pack } | { ok: false; errors: PackError[] } {
  const raw = wrap(draft.steps, details.title.trim(), draft.startUrl, details.category, recordedPackId(details.now));
  return install(lib, raw, { builtInIds });
}
