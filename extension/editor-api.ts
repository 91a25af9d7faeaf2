// The editor page's work (issue 16, out of its entrypoint): saving a new version of a walkthrough, re-capturing
// a step's target on a tab of the site or picking a new step there (one pick at a time, per editor: no
// module-level state), outlining a step's control on the site ("Chỉ trên trang", issue 20), and trial runs
// through the background. Dependencies are injected so it is unit-tested without a browser.
import type { Anchor } from '../core/anchors/index';
import { dataIn } from '../core/capture';
import type { Pack, PackError, Step, Walkthrough } from '../core/pack';
import { editWalkthrough, install, type Library } from '../core/pack-library';
import type { Session } from '../core/session';
import type { PickedTarget, ShownTarget } from './protocol';
import type { StoreLike } from './recording-controller';

export interface EditorDeps {
  library: StoreLike<Library>;
  builtInIds: readonly string[];
  session: { get(): Promise<Session | null>; watch(onChange: () => void): () => void };
  /** A tab of the pack's origins, on `page` if one is open there, else opened at `startUrl`. */
  findSiteTab(origins: readonly string[], page: string, startUrl: string): Promise<number>;
  waitForTabLoad(tabId: number): Promise<void>;
  activate(tabId: number): Promise<void>;
  /** Bring the editor's own tab back to the front. */
  backHere(): Promise<void>;
  /** Ask the tab's content script to let the author pick (rejects when the page navigated away). */
  pickTarget(tabId: number, hint: string, add: boolean): Promise<PickedTarget | null>;
  cancelPick(tabId: number): Promise<void>;
  /** Ask the tab's content script to outline a control (the picker, put into the tab first). */
  showTarget(tabId: number, data: { anchor: Anchor; n: number; peers: Anchor[]; alternates: Anchor[] }): Promise<ShownTarget>;
  startTrial(packId: string, walkthroughId: string, tabId: number): Promise<void>;
  stopTrial(): Promise<void>;
  /** Wait before asking a tab again. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** How many times a pick is asked again after a navigation. @default 600 */
  maxTries?: number;
}

export function createEditorApi(deps: EditorDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxTries = deps.maxTries ?? 600;
  let picking: { tabId: number; cancelled: boolean } | null = null;

  async function pickOn(pack: Pack, wi: number, step: Pick<Step, 'page' | 'text'>, add: boolean): Promise<PickedTarget | null> {
    const w = pack.walkthroughs[wi]!;
    const tabId = await deps.findSiteTab(pack.origins, step.page, w.startUrl);
    await deps.activate(tabId);
    const me = { tabId, cancelled: false };
    picking = me;
    try {
      // The author may first go to the right page: a navigation drops the request, so ask again once the
      // page has loaded, until something is picked, the author cancels, or the tab closes.
      for (let tries = 0; tries < maxTries && !me.cancelled; tries++) {
        await deps.waitForTabLoad(tabId);
        try {
          const picked = await deps.pickTarget(tabId, step.text.vi, add);
          return picked ?? null;
        } catch {
          if (me.cancelled) return null;
          await sleep(500);
        }
      }
      return null;
    } finally {
      if (picking === me) picking = null;
      await deps.backHere().catch(() => undefined);
    }
  }

  return {
    save: async (pack: Pack, wi: number, walkthrough: Walkthrough): Promise<{ ok: true; pack: Pack } | { ok: false; errors: PackError[] }> => {
      const lib = await deps.library.getValue();
      const edited = editWalkthrough(lib, pack, pack.walkthroughs[wi]!.id, () => walkthrough);
      if (!edited.ok) return edited;
      const r = install(lib, edited.pack, { builtInIds: deps.builtInIds });
      if (!r.ok) return r;
      await deps.library.setValue(r.library);
      return { ok: true, pack: r.pack };
    },

    /**
     * Let the author click a control on a tab of the site (on `step.page` if one is open there): a step's new
     * target, or a new step. Rejects with 'data' when the control's words still hold a name, a number or a
     * code — the recorder's second look (core/capture.ts dataIn) after the page's own gate. `add`: the bar on
     * the page asks for a new step's control rather than this step's.
     */
    pick: async (pack: Pack, wi: number, step: Pick<Step, 'page' | 'text'>, { add = false } = {}): Promise<PickedTarget | null> => {
      const picked = await pickOn(pack, wi, step, add);
      if (picked && dataIn({ text: { ...picked.text }, anchor: picked.anchor }).length) throw new Error('data');
      return picked;
    },

    /**
     * Outline step `index`'s control on a tab of the site, brought to the front; when it is not found there,
     * the editor's tab comes back to say so. Rejects with 'no-tab' (closed) or 'no-anchor' (a step without one).
     */
    show: async (pack: Pack, wi: number, steps: readonly Step[], index: number): Promise<ShownTarget> => {
      const w = pack.walkthroughs[wi]!;
      const step = steps[index]!;
      if (!step.anchor) throw new Error('no-anchor');
      const tabId = await deps.findSiteTab(pack.origins, step.page, w.startUrl);
      await deps.activate(tabId);
      await deps.waitForTabLoad(tabId);
      // Looked for as the guide looks: among the other steps' controls on the same page, and by its earlier anchors.
      const peers = steps.filter((s, i) => i !== index && s.anchor && s.page === step.page).map((s) => s.anchor!);
      let shown: ShownTarget;
      try {
        shown = await deps.showTarget(tabId, { anchor: step.anchor, n: index + 1, peers, alternates: step.alsoAnchors ?? [] });
      } catch {
        shown = { found: false };
      }
      if (!shown.found) await deps.backHere().catch(() => undefined);
      return shown;
    },

    cancelPick: (): void => {
      if (!picking) return;
      picking.cancelled = true;
      void deps.cancelPick(picking.tabId).catch(() => undefined);
    },

    trial: async (pack: Pack, wi: number): Promise<void> => {
      const w = pack.walkthroughs[wi]!;
      const tabId = await deps.findSiteTab(pack.origins, w.startUrl, w.startUrl);
      await deps.activate(tabId);
      await deps.startTrial(pack.id, w.id, tabId);
    },
    stopTrial: async (): Promise<void> => {
      const s = await deps.session.get();
      if (s?.trial) await deps.stopTrial();
    },
    trialState: async () => {
      const s = await deps.session.get();
      if (!s?.trial) return null;
      return {
        packId: s.packId,
        walkthroughId: s.walkthroughId,
        version: s.walkthroughVersion,
        stepIndex: s.stepIndex,
        running: s.status === 'running' || s.status === 'done',
        found: s.found ?? [],
        notFound: s.notFound,
      };
    },
    watchTrial: (onChange: () => void) => deps.session.watch(() => onChange()),
  };
}
