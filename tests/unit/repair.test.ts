// Issue 17.3, heal on the spot: a repair saves the picked anchor in a new version of the desk's copy (never
// the built-in pack), keeps the earlier anchors, moves the running session there at the same step, and
// roll-back restores the version before.
import { describe, expect, it } from 'vitest';
import type { Anchor } from '../../core/anchors/index';
import { createCatalog, type Catalog } from '../../core/catalog';
import type { AssistRecord } from '../../core/log-record';
import { currentPacks, emptyLibrary, repairStepAnchor, rollBack, type Library } from '../../core/pack-library';
import type { Step } from '../../core/pack';
import type { Session } from '../../core/session';
import { createController } from '../../extension/controller';
import type { StepView } from '../../extension/protocol';
import { createRepair } from '../../extension/repair';
import { SHIPPED_PACKS } from '../../walkthroughs';

const BUILT_IN = (SHIPPED_PACKS as { id: string }[]).map((p) => p.id);
const PICKED: Anchor = { v: 2, kind: 'action', tag: 'button', role: 'button', name: 'Vào hệ thống', text: 'Vào hệ thống', path: 'html>body>header>div>button', index: 2, count: 3 };

function desk() {
  let lib: Library = emptyLibrary();
  let stored: Session | null = null;
  let catalog: Catalog = createCatalog(SHIPPED_PACKS);
  const liveCatalog: Catalog = { get packs() { return catalog.packs; }, get rejected() { return catalog.rejected; }, find: (p, w) => catalog.find(p, w), list: () => catalog.list(), search: (q) => catalog.search(q) };
  const sent: StepView[] = [];
  const records: AssistRecord[] = [];
  const library = { getValue: async () => structuredClone(lib), setValue: async (v: Library) => void (lib = structuredClone(v)) };
  const controller = createController({
    storage: { get: async () => (stored ? structuredClone(stored) : null), set: async (s) => void (stored = s ? structuredClone(s) : null) },
    catalog: liveCatalog,
    sendToTab: async (_tab, view) => void (view && sent.push(view)),
    navigate: async () => undefined,
    tabUrl: async () => 'https://dichvucong.gov.vn/',
    pending: { get: async () => [...records], set: async (l) => void records.splice(0, records.length, ...l) },
    openLogs: async () => { throw new Error('no database in this test'); },
    logTimeoutMs: 50,
  });
  const repair = createRepair({
    library,
    builtInIds: BUILT_IN,
    catalog: liveCatalog,
    session: { get: async () => stored },
    reloadCatalog: async () => void (catalog = createCatalog([...SHIPPED_PACKS, ...currentPacks(lib)])),
    repaired: controller.repaired,
  });
  return { controller, repair, sent, records, lib: () => lib, session: () => stored };
}

describe('17.3 heal on the spot', () => {
  it('17.3 the earlier anchor moves into alsoAnchors, deduplicated and capped at four', () => {
    const step: Step = { id: 's', page: 'https://a.gov.vn/', text: { vi: 'x' }, advance: { kind: 'click' }, anchor: { ...PICKED, name: 'A' } };
    let steps: Step[] = [step];
    for (const name of ['B', 'C', 'D', 'E', 'F']) steps = repairStepAnchor(0, { ...PICKED, name })(steps);
    expect(steps[0]!.anchor!.name).toBe('F');
    expect(steps[0]!.alsoAnchors!.map((a) => a.name)).toEqual(['E', 'D', 'C', 'B']);
    // Picking the control an earlier anchor describes: it becomes the anchor again, not a duplicate.
    steps = repairStepAnchor(0, { ...PICKED, name: 'D' })(steps);
    expect(steps[0]!.anchor!.name).toBe('D');
    expect(steps[0]!.alsoAnchors!.map((a) => a.name)).toEqual(['F', 'E', 'C', 'B']);
  });

  it('17.3 a repair of a built-in pack makes the desk copy, a new version with the new anchor, and the session goes on there', async () => {
    const d = desk();
    await d.controller.start('dichvucong', 'dang-nhap-vneid', 5);
    await d.controller.notFound(5, 0);
    expect((await d.controller.current())?.notFound).toBe(true);
    const original = (await d.controller.current())!.step.anchor;
    const r = await d.repair.repair(0, PICKED);
    expect(r).toMatchObject({ ok: true, packId: 'dichvucong-ban-sua', version: '1.0.1' });
    // The built-in pack is not in the library; its copy is, 1.0.0 as copied then 1.0.1 repaired.
    expect(d.lib().packs.dichvucong).toBeUndefined();
    const versions = d.lib().packs['dichvucong-ban-sua']!;
    expect(versions.map((p) => p.version)).toEqual(['1.0.0', '1.0.1']);
    const step = versions[1]!.walkthroughs.find((w) => w.id === 'dang-nhap-vneid')!.steps[0]!;
    expect(step.anchor).toEqual(PICKED);
    expect(step.alsoAnchors).toEqual([original]);
    expect(versions[0]!.walkthroughs.find((w) => w.id === 'dang-nhap-vneid')!.steps[0]!.anchor).toEqual(original);
    // The session runs on the copy, same walkthrough and step, shown again at once with the new anchor.
    expect(d.session()).toMatchObject({ packId: 'dichvucong-ban-sua', walkthroughVersion: '1.0.1', stepIndex: 0, repairs: [0], notFound: [] });
    expect(d.sent.at(-1)).toMatchObject({ packId: 'dichvucong-ban-sua', index: 0, step: { anchor: PICKED, alsoAnchors: [original] } });
    expect(d.sent.at(-1)).not.toHaveProperty('notFound');
    // A second repair edits the copy further; roll-back restores the version before it.
    const again = await d.repair.repair(0, { ...PICKED, name: 'Vào' });
    expect(again).toMatchObject({ ok: true, version: '1.0.2' });
    const back = rollBack(d.lib(), 'dichvucong-ban-sua');
    expect(back.ok && back.pack.walkthroughs[0]!.steps[0]!.anchor).toEqual(PICKED);
    // The record names the repaired step twice (two repairs), never the anchor.
    await d.controller.finish('completed');
    expect(d.records[0]!.repairs).toEqual([0, 0]);
    expect(JSON.stringify(d.records[0])).not.toContain('Vào');
  });

  it('17.3 a repair is refused when the step moved on, and a bad anchor is refused with its path; nothing is saved', async () => {
    const d = desk();
    await d.controller.start('dichvucong', 'dang-nhap-vneid', 5);
    expect(await d.repair.repair(1, PICKED)).toEqual({ ok: false, errors: [{ path: '/index', code: 'library.repairMoved' }] });
    const bad = await d.repair.repair(0, { ...PICKED, tag: 'BUTTON<script>' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ path: '/walkthroughs/0/steps/0/anchor/tag', code: 'pack.anchorTag' });
    expect(d.lib().packs).toEqual({});
    expect(d.session()).toMatchObject({ packId: 'dichvucong', stepIndex: 0 });
    // The recorder's privacy rules hold for a repair: an anchor naming a resident or an ID number is refused.
    for (const leak of [{ ...PICKED, name: 'Nguyễn Văn An 001203004567', text: 'Nguyễn Văn An 001203004567' }, { ...PICKED, near: ['CCCD 001203004567'] }]) {
      const refused = await d.repair.repair(0, leak);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.errors[0]).toMatchObject({ code: 'library.repairData', path: expect.stringMatching(/^\/anchor\/(name|text|near\/0)$/) });
    }
    expect(d.lib().packs['dichvucong-ban-sua']?.length ?? 0).toBeLessThan(2);
    expect(JSON.stringify(d.lib())).not.toContain('001203004567');
  });
});
