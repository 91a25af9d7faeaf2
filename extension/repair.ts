// Heal on the spot (issue 17.3): the guide did not find the current step's control, the volunteer clicked it on
// the resident's page ("Chỉ cho Dẫn Bước"), and this saves the picked anchor as a new version of the desk's
// copy of the pack — a built-in pack is never changed; its copy is made as the editor makes it — keeping the
// step's earlier anchors beside the new one, then switches the running session to that version at the same
// step so the guide outlines the control at once. Dependencies are injected: unit-tested without a browser.
import type { Anchor } from '../core/anchors/index';
import { dataIn } from '../core/capture';
import type { Catalog } from '../core/catalog';
import { editWalkthrough, install, localCopy, onSteps, repairStepAnchor, type Library } from '../core/pack-library';
import { isActive, type Session } from '../core/session';
import { createSerialQueue } from '../core/serial-queue';
import type { StepView } from '../core/views';
import type { RepairResult } from './protocol';
import type { StoreLike } from './recording-controller';

export interface RepairDeps {
  library: StoreLike<Library>;
  builtInIds: readonly string[];
  /** The packs the session may run on (shipped and the desk's own). */
  catalog: Pick<Catalog, 'find'>;
  session: { get(): Promise<Session | null> };
  /** Read the library into the catalogue now, so the new version is there before the session moves to it. */
  reloadCatalog(): Promise<void>;
  /** Move the running session to the repaired version at the same step, and show the step again. */
  repaired(index: number, pack: { id: string; version: string }): Promise<StepView | null>;
}

export type { RepairResult };

export function createRepair(deps: RepairDeps) {
  // One repair at a time: each reads the library and writes the next version before the next one starts.
  const queue = createSerialQueue();

  async function repair(index: number, anchor: Anchor): Promise<RepairResult> {
    const s = await deps.session.get();
    if (!isActive(s) || s.status !== 'running' || s.stepIndex !== index) return { ok: false, errors: [{ path: '/index', code: 'library.repairMoved' }] };
    const entry = deps.catalog.find(s.packId, s.walkthroughId);
    const step = entry?.walkthrough.steps[index];
    if (!entry || !step) return { ok: false, errors: [{ path: '/index', code: 'library.repairMoved' }] };
    let lib = await deps.library.getValue();
    let base = entry.pack;
    if (deps.builtInIds.includes(base.id)) {
      const copy = localCopy(base);
      // The desk's copy is edited further when it exists (its versions kept); the first repair installs it.
      if (!lib.packs[copy.id]) {
        const r = install(lib, copy, { builtInIds: deps.builtInIds });
        if (!r.ok) return r;
        lib = r.library;
      }
      base = lib.packs[copy.id]!.at(-1)!;
    } else base = lib.packs[base.id]?.at(-1) ?? base;
    // The copy may have been edited since: only the same step at the same place is repaired.
    const there = base.walkthroughs.find((w) => w.id === s.walkthroughId)?.steps[index];
    if (there?.id !== step.id) return { ok: false, errors: [{ path: '/index', code: 'library.repairChanged', params: { id: base.id } }] };
    const edited = editWalkthrough(lib, base, s.walkthroughId, onSteps(repairStepAnchor(index, anchor)));
    if (!edited.ok) return edited;
    // The recorder's second look, here too: an anchor whose words still hold a name, a number or a code (it got
    // past the picker's gate on the page) is refused, never kept.
    const saved = edited.pack.walkthroughs.find((w) => w.id === s.walkthroughId)?.steps[index];
    const data = saved ? dataIn({ text: {}, anchor: saved.anchor }) : [];
    if (data.length) return { ok: false, errors: [{ path: data[0]!, code: 'library.repairData' }] };
    const installed = install(lib, edited.pack, { builtInIds: deps.builtInIds });
    if (!installed.ok) return installed;
    await deps.library.setValue(installed.library);
    await deps.reloadCatalog();
    const version = { id: installed.pack.id, version: installed.pack.version };
    const view = await deps.repaired(index, version);
    return { ok: true, packId: version.id, version: version.version, view };
  }

  return {
    /** Save `anchor` (picked on the resident's page) as step `index`'s control and go on there. */
    repair: (index: number, anchor: Anchor): Promise<RepairResult> => queue.run(() => repair(index, anchor)),
  };
}

export type Repair = ReturnType<typeof createRepair>;
