// createPacksApi (the console's pack rules) and createEditorApi (the editor's save, pick and trial), with fakes
// for the browser: what the side panel and editor entrypoints held before issue 16.
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../core/catalog';
import type { Pack } from '../../core/pack';
import { emptyLibrary, type Library } from '../../core/pack-library';
import type { Session } from '../../core/session';
import { createEditorApi, type EditorDeps } from '../../extension/editor-api';
import { createPacksApi, type PacksDeps } from '../../extension/packs-api';
import { SHIPPED_PACKS } from '../../walkthroughs';

const SHIPPED = createCatalog(SHIPPED_PACKS).packs;
const evn = SHIPPED.find((p) => p.id === 'evn')!;

function libraryStore(initial: Library = emptyLibrary()) {
  let value = structuredClone(initial);
  const listeners = new Set<() => void>();
  return {
    getValue: async () => structuredClone(value),
    setValue: async (next: Library) => {
      value = structuredClone(next);
      listeners.forEach((l) => l());
    },
    watch: (l: () => void) => (listeners.add(l), () => void listeners.delete(l)),
    value: () => value,
  };
}

const wardPack = (version: string, patch: (p: Pack) => void = () => undefined): string => {
  const p = structuredClone(evn);
  p.id = 'evn-phuong';
  p.version = version;
  patch(p);
  return JSON.stringify(p);
};

function packs(extra: Partial<PacksDeps> = {}) {
  const library = libraryStore();
  const asked: string[][] = [];
  const opened: [string, string | undefined][] = [];
  const downloads: [string, string][] = [];
  let served: { ok: true; text: string } | { ok: false; error: { path: string; code: 'fetch.status'; params: { status: number } } } = { ok: true, text: wardPack('1.0.0') };
  const api = createPacksApi({
    library,
    builtInIds: SHIPPED.map((p) => p.id),
    shipped: SHIPPED,
    requestAccess: async (origins) => (asked.push(origins), !origins.some((o) => o.includes('refused'))),
    missingAccess: async (origins) => origins.filter((o) => o.includes('new')),
    fetchPackText: async () => served,
    openEditor: async (packId, w) => void opened.push([packId, w]),
    download: (name, _type, text) => void downloads.push([name, text]),
    ...extra,
  });
  return { api, library, asked, opened, downloads, serve: (s: typeof served) => (served = s) };
}

describe('16 createPacksApi', () => {
  it('16 installs a file, refuses a bad one with codes and paths, and asks for access before trusting origins', async () => {
    const h = packs();
    expect(await h.api.install(wardPack('1.0.0'))).toMatchObject({ ok: true, pack: { id: 'evn-phuong' } });
    expect(h.library.value().packs['evn-phuong']).toHaveLength(1);
    const bad = await h.api.install(wardPack('1.1.0', (p) => (p.walkthroughs[0]!.steps[0]!.text.vi = '<b>x</b>')));
    expect(bad).toMatchObject({ ok: false, errors: [{ path: '/walkthroughs/0/steps/0/text/vi', code: 'pack.markup' }] });
    expect(await h.api.install(wardPack('2.0.0'), { trust: ['https://refused.example'] })).toEqual({ ok: false, errors: [{ path: '/origins', code: 'library.notAllowed' }] });
    expect(h.asked).toEqual([['https://refused.example']]);
    expect(h.library.value().packs['evn-phuong']).toHaveLength(1);
  });

  it('16 fetches only https addresses it was allowed to read, with coded refusals', async () => {
    const h = packs();
    expect(await h.api.fetchPack('not a url')).toEqual({ ok: false, error: { path: '/', code: 'fetch.badUrl' } });
    expect(await h.api.fetchPack('http://evn.example/a.json')).toEqual({ ok: false, error: { path: '/', code: 'fetch.httpsOnly' } });
    expect(await h.api.fetchPack('https://refused.example/a.json')).toEqual({ ok: false, error: { path: '/', code: 'fetch.notAllowed', params: { origin: 'https://refused.example' } } });
    expect(await h.api.fetchPack('https://evn.example/a.json')).toMatchObject({ ok: true });
    expect(h.asked).toEqual([['https://refused.example'], ['https://evn.example']]);
  });

  it('16 checks an installed address for a newer version, passes a download failure on as data, rolls back and removes', async () => {
    const h = packs();
    expect(await h.api.checkUpdate('evn-phuong')).toEqual({ ok: false, errors: [{ path: '/', code: 'library.noSource' }] });
    await h.api.install(wardPack('1.0.0'), { source: 'https://evn.example/a.json' });
    h.serve({ ok: false, error: { path: '/', code: 'fetch.status', params: { status: 404 } } });
    expect(await h.api.checkUpdate('evn-phuong')).toEqual({ ok: false, errors: [{ path: '/', code: 'fetch.status', params: { status: 404 } }] });
    h.serve({ ok: true, text: wardPack('1.1.0') });
    expect(await h.api.checkUpdate('evn-phuong')).toMatchObject({ ok: true, pack: { version: '1.1.0' } });
    await h.api.rollBack('evn-phuong');
    expect(h.library.value().packs['evn-phuong']!.map((p) => p.version)).toEqual(['1.0.0']);
    await h.api.remove('evn-phuong');
    expect(h.library.value().packs['evn-phuong']).toBeUndefined();
  });

  it('16 edits a built-in pack through one local copy, opens the editor, and exports a file', async () => {
    const h = packs();
    await h.api.editCopy('evn', 'thanh-toan-hoa-don-dien');
    await h.api.editCopy('evn');
    const copies = Object.keys(h.library.value().packs);
    expect(copies).toHaveLength(1);
    expect(h.opened).toEqual([[copies[0], 'thanh-toan-hoa-don-dien'], [copies[0], undefined]]);
    await expect(h.api.editCopy('nope')).rejects.toThrow('no built-in pack nope');
    h.api.exportFile(evn);
    expect(h.downloads[0]![0]).toBe(`evn-${evn.version}.json`);
    expect(JSON.parse(h.downloads[0]![1]).id).toBe('evn');
    expect(await h.api.access({ ...evn, origins: ['https://new.example', 'https://evn.example'] } as Pack)).toEqual(['https://new.example']);
  });
});

function editor(extra: Partial<EditorDeps> = {}) {
  const library = libraryStore();
  let session: Session | null = null;
  const calls: string[] = [];
  const deps: EditorDeps = {
    library,
    builtInIds: SHIPPED.map((p) => p.id),
    session: { get: async () => session, watch: () => () => undefined },
    findSiteTab: async () => 7,
    waitForTabLoad: async (tab) => void calls.push(`load ${tab}`),
    activate: async (tab) => void calls.push(`activate ${tab}`),
    backHere: async () => void calls.push('back'),
    pickTarget: async () => null,
    cancelPick: async (tab) => void calls.push(`cancel ${tab}`),
    showTarget: async (tab, data) => (calls.push(`show ${tab} ${data.n} peers ${data.peers.length}`), { found: true }),
    startTrial: async (p, w, tab) => void calls.push(`trial ${p}/${w} ${tab}`),
    stopTrial: async () => void calls.push('stop'),
    sleep: async () => undefined,
    ...extra,
  };
  return { api: createEditorApi(deps), library, calls, setSession: (s: Session | null) => (session = s) };
}

describe('16 createEditorApi', () => {
  const local = JSON.parse(wardPack('1.0.0')) as Pack;

  it('16 saves a walkthrough as a new version, or returns the validator\'s coded errors', async () => {
    const h = editor();
    const w = local.walkthroughs[0]!;
    expect(await h.api.save(local, 0, { ...w, title: { vi: 'Trả tiền điện (phường)' } })).toMatchObject({ ok: true, pack: { id: 'evn-phuong' } });
    const saved = h.library.value().packs['evn-phuong']!.at(-1)!;
    expect(saved.walkthroughs[0]!.title.vi).toBe('Trả tiền điện (phường)');
    expect(await h.api.save(saved, 0, { ...w, title: { vi: '<i>x</i>' } })).toMatchObject({ ok: false, errors: [{ path: '/walkthroughs/0/title/vi', code: 'pack.markup' }] });
  });

  it('16 a pick asks again after a navigation, and each editor keeps its own pick (cancel reaches its tab only)', async () => {
    let tries = 0;
    const picked = { anchor: { v: 2, kind: 'action', tag: 'button', role: 'button', path: 'body>button', index: 0, count: 1 }, page: 'https://evn.example/' };
    const h = editor({ pickTarget: async () => (++tries < 3 ? Promise.reject(new Error('navigated')) : (picked as never)) });
    const step = local.walkthroughs[0]!.steps[0]!;
    expect(await h.api.pick(local, 0, step)).toBe(picked);
    expect(h.calls).toEqual(['activate 7', 'load 7', 'load 7', 'load 7', 'back']);

    let release!: () => void;
    const a = editor({ findSiteTab: async () => 3, pickTarget: () => new Promise((_, reject) => (release = () => reject(new Error('gone')))) });
    const b = editor({ findSiteTab: async () => 4 });
    const pending = a.api.pick(local, 0, step);
    await new Promise((r) => setTimeout(r, 0));
    b.api.cancelPick();
    expect(b.calls).not.toContain('cancel 4');
    a.api.cancelPick();
    release();
    expect(await pending).toBeNull();
    expect(a.calls).toContain('cancel 3');
  });

  it('20 a picked control whose words hold a resident\'s data is refused (the second look), a clean one passes with its hint and rule', async () => {
    const clean = {
      anchor: { v: 2, kind: 'action', tag: 'button', role: 'button', name: 'Tra cứu', path: 'body>button', index: 0, count: 1 },
      page: 'https://evn.example/',
      label: 'Bấm nút «Tra cứu».',
      text: { vi: 'Bấm nút «Tra cứu».', en: 'Press the button “Tra cứu”.' },
      advance: { kind: 'click' },
    };
    const step = { page: 'https://evn.example/', text: { vi: 'bước mới (bước 2)' } };
    const asked: [string, boolean][] = [];
    const ok = editor({ pickTarget: async (_tab, hint, add) => (asked.push([hint, add]), clean as never) });
    expect(await ok.api.pick(local, 0, step, { add: true })).toEqual(clean);
    expect(await ok.api.pick(local, 0, step)).toEqual(clean);
    // The bar on the page is told whether the control is for a new step.
    expect(asked).toEqual([
      ['bước mới (bước 2)', true],
      ['bước mới (bước 2)', false],
    ]);
    // A greeting to the signed-in person or a long number got past the page's gate: refused, never handed to the editor.
    for (const bad of [{ ...clean.anchor, name: 'Xin chào, Nguyễn Văn An' }, { ...clean.anchor, near: ['Mã khách hàng PE01000123456'] }]) {
      const h = editor({ pickTarget: async () => ({ ...clean, anchor: bad }) as never });
      await expect(h.api.pick(local, 0, step)).rejects.toThrow('data');
      expect(h.calls.at(-1)).toBe('back');
    }
  });

  it('20 "Chỉ trên trang" outlines a step on the site\'s tab among its page\'s peers; when it is not found the editor comes back', async () => {
    const steps = local.walkthroughs[0]!.steps;
    const samePage = steps.filter((s) => s.page === steps[0]!.page && s.anchor).length;
    const h = editor();
    expect(await h.api.show(local, 0, steps, 0)).toEqual({ found: true });
    expect(h.calls).toEqual(['activate 7', 'load 7', `show 7 1 peers ${samePage - 1}`]);
    const missing = editor({ showTarget: async () => ({ found: false }) });
    expect(await missing.api.show(local, 0, steps, 0)).toEqual({ found: false });
    expect(missing.calls.at(-1)).toBe('back');
    // A page that does not answer (the picker could not be put in) is "not found" too, said calmly.
    const silent = editor({ showTarget: async () => Promise.reject(new Error('no receiver')) });
    expect(await silent.api.show(local, 0, steps, 0)).toEqual({ found: false });
    await expect(h.api.show(local, 0, [{ ...steps[0]!, anchor: undefined }], 0)).rejects.toThrow('no-anchor');
  });

  it('16 trial runs start on a site tab; the state shows only a trial session; stop ends only a trial', async () => {
    const h = editor();
    await h.api.trial(local, 0);
    expect(h.calls).toEqual(['activate 7', `trial evn-phuong/${local.walkthroughs[0]!.id} 7`]);
    expect(await h.api.trialState()).toBeNull();
    await h.api.stopTrial();
    expect(h.calls).not.toContain('stop');
    h.setSession({ id: 's', packId: 'evn-phuong', walkthroughId: 'w', walkthroughVersion: '1.0.0', stepIndex: 2, status: 'running', trial: true, notFound: [1] } as unknown as Session);
    expect(await h.api.trialState()).toMatchObject({ packId: 'evn-phuong', stepIndex: 2, running: true, found: [], notFound: [1] });
    await h.api.stopTrial();
    expect(h.calls.at(-1)).toBe('stop');
  });
});
