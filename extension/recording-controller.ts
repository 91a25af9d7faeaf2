// The background's recording controller (issue 7, moved out of the background in issue 16): every change to
// the draft goes through here, one at a time, and is written to storage before the recording tab is told,
// so a focus and a click a few ms apart both land, in order, and a stopped worker resumes the draft.
// Dependencies are injected (storage, the library, tabs), as in controller.ts.
import type { Category } from '../core/pack';
import type { Library } from '../core/pack-library';
import { createSerialQueue } from '../core/serial-queue';
import type { Caller } from './message-gate';
import { addStep, finishDraft, startDraft, viewOf, type RecordingDraft, type RecordingView } from './recording';

export interface StoreLike<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface RecordingDeps {
  /** The draft (storage.session in the extension). */
  draft: StoreLike<RecordingDraft | null>;
  /** The desk's library, where a finished recording is installed. */
  library: StoreLike<Library>;
  /** Ids of the shipped packs (a recording never takes one). */
  builtInIds: readonly string[];
  /** Whether a guided walkthrough is running (a recording does not start over one). */
  guiding(): Promise<boolean>;
  /** The tab's current URL, when known. */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Tell the recorded tab's content script what to show (null: the recording ended); failures are ignored. */
  show(tabId: number, view: RecordingView | null): Promise<void>;
  /** Put the recorder into the tab (extension/author-scripts.ts; it is not in the content script). */
  inject?(tabId: number): Promise<unknown>;
  now?: () => number;
}

/** A content script is answered about its own tab's recording only. */
function ownRecording(draft: RecordingDraft | null, caller: Caller): void {
  if (draft && caller.kind === 'tab' && caller.tabId !== draft.tabId) throw new Error('not recording on this tab');
}

export function createRecordingController(deps: RecordingDeps) {
  const now = deps.now ?? Date.now;
  const queue = createSerialQueue();

  async function save(draft: RecordingDraft, next: RecordingDraft | null): Promise<void> {
    await deps.draft.setValue(next);
    await deps.show(draft.tabId, viewOf(next));
  }

  return {
    start: (tabId: number) =>
      queue.run(async (): Promise<RecordingView> => {
        if (await deps.guiding()) throw new Error('a walkthrough is running');
        const url = await deps.tabUrl(tabId);
        if (!url) throw new Error('no-tab');
        const draft = startDraft(tabId, url);
        await deps.draft.setValue(draft);
        await deps.inject?.(tabId);
        await save(draft, draft);
        return viewOf(draft)!;
      }),

    /** The recording as the caller may see it (a content script: only its own tab's). */
    current: async (caller: Caller): Promise<RecordingView | null> => {
      const draft = await deps.draft.getValue();
      if (draft && caller.kind === 'tab' && caller.tabId !== draft.tabId) return null;
      return viewOf(draft);
    },

    /** A content script's step, from the tab being recorded only; validated by addStep. */
    recordStep: (step: unknown, caller: Caller) =>
      queue.run(async (): Promise<RecordingView> => {
        const draft = await deps.draft.getValue();
        if (!draft || caller.kind !== 'tab' || caller.tabId !== draft.tabId) throw new Error('not recording on this tab');
        const next = addStep(draft, step, (await deps.library.getValue()).trusted);
        await save(draft, next);
        return viewOf(next)!;
      }),

    undo: (caller: Caller) =>
      queue.run(async (): Promise<RecordingView | null> => {
        const draft = await deps.draft.getValue();
        ownRecording(draft, caller);
        if (!draft) return null;
        const next = { ...draft, steps: draft.steps.slice(0, -1) };
        await save(draft, next);
        return viewOf(next);
      }),

    stop: (details: { title: string; category: Category }, caller: Caller) =>
      queue.run(async () => {
        const draft = await deps.draft.getValue();
        ownRecording(draft, caller);
        if (!draft) throw new Error('not recording');
        const r = finishDraft(await deps.library.getValue(), draft, { ...details, now: now() }, deps.builtInIds);
        if (!r.ok) return r;
        await deps.library.setValue(r.library);
        await save(draft, null);
        return { ok: true as const, packId: r.pack.id, walkthroughId: r.pack.walkthroughs[0]!.id };
      }),

    cancel: () =>
      queue.run(async (): Promise<void> => {
        const draft = await deps.draft.getValue();
        await deps.draft.setValue(null);
        if (draft) await deps.show(draft.tabId, null);
      }),
  };
}

export type RecordingController = ReturnType<typeof createRecordingController>;
