// The background's recording controller: storage is the only state (a restarted worker is a second make()),
// changes are serialised, a content script acts on its own tab's recording only.
import { describe, expect, it } from 'vitest';
import { emptyLibrary, type Library } from '../../core/pack-library';
import type { Step } from '../../core/pack';
import { createMessageGate, createOn, type Caller, type Sender } from '../../extension/message-gate';
import type { ProtocolMap } from '../../extension/protocol';
import { createRecordingController, type StoreLike } from '../../extension/recording-controller';
import type { RecordingDraft, RecordingView } from '../../extension/recording';

function store<T>(value: T): StoreLike<T> & { value: () => T } {
  let v = structuredClone(value);
  return {
    getValue: async () => structuredClone(v),
    setValue: async (next) => void (v = structuredClone(next)),
    value: () => v,
  };
}

const TAB = 4;
const URL_ = 'https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html';
const page: Caller = { kind: 'page' };
const ownTab: Caller = { kind: 'tab', tabId: TAB };
const otherTab: Caller = { kind: 'tab', tabId: 9 };

function step(name: string): Step {
  return {
    id: 'x',
    page: URL_,
    text: { vi: `Bấm nút «${name}».` },
    advance: { kind: 'click' },
    anchor: { v: 2, kind: 'action', tag: 'button', role: 'button', name, path: 'body>button', index: 0, count: 1 },
  } as unknown as Step;
}

function harness(options: { guiding?: boolean; tabUrl?: string | undefined } = {}) {
  const draft = store<RecordingDraft | null>(null);
  const library = store<Library>(emptyLibrary());
  const shown: [number, RecordingView | null][] = [];
  const make = () =>
    createRecordingController({
      draft,
      library,
      builtInIds: ['dichvucong'],
      guiding: async () => !!options.guiding,
      tabUrl: async () => ('tabUrl' in options ? options.tabUrl : URL_),
      show: async (tabId, view) => void shown.push([tabId, view]),
      now: () => Date.UTC(2026, 11, 2),
    });
  return { make, draft, library, shown };
}

describe('16 createRecordingController', () => {
  it('16 starting puts the recorder into the tab once the draft is saved (it asks for it), before the bar is shown', async () => {
    const h = harness();
    const events: string[] = [];
    const c = createRecordingController({
      draft: { getValue: h.draft.getValue, setValue: async (d) => void (events.push(`draft ${d ? d.steps.length : 'none'}`), await h.draft.setValue(d)) },
      library: h.library,
      builtInIds: [],
      guiding: async () => false,
      tabUrl: async () => URL_,
      show: async (tabId) => void events.push(`show ${tabId}`),
      inject: async (tabId) => void events.push(`inject ${tabId}${h.draft.value() ? ' (draft there)' : ''}`),
    });
    await c.start(TAB);
    expect(events[0]).toBe('draft 0');
    expect(events.indexOf(`inject ${TAB} (draft there)`)).toBeGreaterThan(0);
    expect(events.indexOf(`inject ${TAB} (draft there)`)).toBeLessThan(events.indexOf(`show ${TAB}`));
  });

  it('16 starts a draft on the tab, records steps in order and tells the tab each time', async () => {
    const h = harness();
    const c = h.make();
    expect(await c.start(TAB)).toEqual({ tabId: TAB, steps: 0 });
    await Promise.all([c.recordStep(step('Tra cứu'), ownTab), c.recordStep(step('Gửi'), ownTab)]);
    expect(h.draft.value()!.steps.map((s) => s.anchor!.name)).toEqual(['Tra cứu', 'Gửi']);
    expect(h.draft.value()!.steps.map((s) => s.id)).toEqual(['buoc-1', 'buoc-2']);
    expect(h.shown.map(([tab, v]) => [tab, v?.steps])).toEqual([[TAB, 0], [TAB, 1], [TAB, 2]]);
    // A restarted worker (a second make) sees the same draft.
    expect(await h.make().current(page)).toMatchObject({ tabId: TAB, steps: 2, last: 'Bấm nút «Gửi».' });
  });

  it('16 refuses to start over a running walkthrough or on a tab without a URL', async () => {
    await expect(harness({ guiding: true }).make().start(TAB)).rejects.toThrow('a walkthrough is running');
    await expect(harness({ tabUrl: undefined }).make().start(TAB)).rejects.toThrow('no-tab');
  });

  it('16 a content script records, sees, undoes and stops only its own tab\'s recording', async () => {
    const h = harness();
    const c = h.make();
    await c.start(TAB);
    await expect(c.recordStep(step('Gửi'), otherTab)).rejects.toThrow('not recording on this tab');
    await expect(c.recordStep(step('Gửi'), page)).rejects.toThrow('not recording on this tab');
    expect(await c.current(otherTab)).toBeNull();
    await expect(c.undo(otherTab)).rejects.toThrow('not recording on this tab');
    await expect(c.stop({ title: 'Tra cứu', category: 'public-service' }, otherTab)).rejects.toThrow('not recording on this tab');
    await c.recordStep(step('Gửi'), ownTab);
    expect(await c.undo(ownTab)).toEqual({ tabId: TAB, steps: 0 });
  });

  it('16 stop installs the steps as a new pack and ends the recording; cancel ends it without a pack', async () => {
    const h = harness();
    const c = h.make();
    await c.start(TAB);
    await c.recordStep(step('Gửi'), ownTab);
    const r = await c.stop({ title: '  Tra cứu hồ sơ ', category: 'public-service' }, page);
    expect(r).toMatchObject({ ok: true, packId: expect.stringMatching(/^ghi-20261202-[a-z]{4}$/) });
    const pack = h.library.value().packs[(r as { packId: string }).packId]!.at(-1)!;
    expect(pack.walkthroughs[0]!.title.vi).toBe('Tra cứu hồ sơ');
    expect(h.draft.value()).toBeNull();
    expect(h.shown.at(-1)).toEqual([TAB, null]);
    await expect(c.stop({ title: 'x', category: 'bank' }, page)).rejects.toThrow('not recording');

    await c.start(TAB);
    await c.cancel();
    expect(h.draft.value()).toBeNull();
    expect(Object.keys(h.library.value().packs)).toHaveLength(1);
  });

  it('16 a recording with no steps is refused by the pack validator, naming the path; the draft stays', async () => {
    const h = harness();
    const c = h.make();
    await c.start(TAB);
    const r = await c.stop({ title: 'Trống', category: 'public-service' }, page);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]!.path).toBe('/walkthroughs/0/steps');
    expect(h.draft.value()).not.toBeNull();
  });
});

describe('16 createOn: handlers run only behind the gate', () => {
  it('16 a refused message never reaches its handler; an admitted one gets the checked data and caller', async () => {
    const gate = createMessageGate({ extensionId: 'me', extensionOrigin: 'chrome-extension://me/', sessionTab: async () => null, recordingTab: async () => null });
    const listeners = new Map<keyof ProtocolMap, (m: { data: unknown; sender: Sender }) => Promise<unknown>>();
    const on = createOn(gate, (type, receive) => void listeners.set(type, receive));
    const calls: unknown[] = [];
    on('startRecording', (data, caller) => {
      calls.push([data, caller]);
      return { tabId: data.tabId, steps: 0 };
    });
    const receive = listeners.get('startRecording')!;
    await expect(receive({ data: { tabId: 3 }, sender: { id: 'me', url: 'https://evil.example/', tab: { id: 3 } } })).rejects.toThrow(/refused startRecording/);
    await expect(receive({ data: { tabId: 'x' }, sender: { id: 'me', url: 'chrome-extension://me/sidepanel.html' } })).rejects.toThrow(/^invalid startRecording: \/tabId/);
    expect(calls).toEqual([]);
    await expect(receive({ data: { tabId: 3 }, sender: { id: 'me', url: 'chrome-extension://me/sidepanel.html' } })).resolves.toEqual({ tabId: 3, steps: 0 });
    expect(calls).toEqual([[{ tabId: 3 }, { kind: 'page', page: 'sidepanel.html' }]]);
  });
});
