// extension/guide-injection.ts: no content script is declared; the background injects the guide into the
// session's tab after each page load (or when the load never ends), into a page opened on a hand-off link for an
// installed walkthrough, and into a tab a step is sent to that has no guide yet.
import { describe, expect, it } from 'vitest';
import { guideBoot, keepGuideInjected, LOAD_WAIT_MS, sendOrInject, type GuideTabEvents } from '../../extension/guide-injection';
import { deliverGuideBoot, GUIDE_BOOT_KEY, takeGuideBoot, type GuideBoot } from '../../extension/guide-boot';

type Listener = Parameters<GuideTabEvents['onUpdated']['addListener']>[0];

function harness(sessionTab: number | null, offered: (url: string) => boolean | Promise<boolean> = (url) => url.includes('#dan-buoc=evn/'), boot?: (tabId: number, url: string) => Promise<GuideBoot | null>) {
  let listener: Listener = () => undefined;
  const injected: number[] = [];
  const order: string[] = [];
  const timers = new Map<number, { cb: () => void; ms: number }>();
  let nextTimer = 0;
  let tab = sessionTab;
  keepGuideInjected({
    sessionTab: async () => tab,
    offered,
    tabs: { onUpdated: { addListener: (cb) => void (listener = cb) } },
    inject: async (tabId) => void (injected.push(tabId), order.push(`guide ${tabId}`)),
    deliver: async (tabId, b) => void order.push(`boot ${tabId} ${b.view?.index ?? 'none'}`),
    boot,
    setTimeout: (cb, ms) => (timers.set(++nextTimer, { cb, ms }), nextTimer),
    clearTimeout: (id) => void timers.delete(id as number),
  });
  const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
  return {
    injected,
    order,
    timers,
    setSession: (t: number | null) => void (tab = t),
    fire: async (tabId: number, info: { status?: string; url?: string }, url = 'https://evn.example/') => {
      listener(tabId, info, { url });
      await flush();
    },
    runTimers: () => {
      const due = [...timers.values()];
      timers.clear();
      for (const t of due) t.cb();
    },
    flush,
  };
}

describe('16.6 the guide is injected where a session runs, after the page has loaded', () => {
  it('16.6 a page of the session tab that loaded gets the guide; other tabs and pages still loading do not', async () => {
    const h = harness(7);
    await h.fire(7, { status: 'loading' });
    expect(h.injected).toEqual([]);
    await h.fire(7, { status: 'complete' });
    expect(h.injected).toEqual([7]);
    // The fallback of the load was cancelled by the load itself.
    expect(h.timers.size).toBe(0);
    await h.fire(8, { status: 'loading' });
    await h.fire(8, { status: 'complete' });
    expect(h.injected).toEqual([7]);
    // No session: nothing anywhere.
    h.setSession(null);
    await h.fire(7, { status: 'complete' });
    expect(h.injected).toEqual([7]);
  });

  it('16.6 the step and copy for the loaded page are worked out by the worker and sent just ahead of the guide', async () => {
    const asked: string[] = [];
    const view = { index: 2 } as GuideBoot['view'];
    const h = harness(7, undefined, async (tabId, url) => (asked.push(`${tabId} ${url}`), { view, stored: {} }));
    await h.fire(7, { status: 'complete' }, 'https://evn.example/hoa-don?ma=1');
    await h.flush();
    expect(asked).toEqual(['7 https://evn.example/hoa-don?ma=1']);
    expect(h.order).toEqual(['boot 7 2', 'guide 7']);
    // The boot's own page is the step's: guideBoot strips the query before the controller sees it.
    const pages: string[] = [];
    const b = await guideBoot(async (_t, page) => (pages.push(page), null), async () => ({ 'dan-buoc-words': {} }))(7, 'https://evn.example/hoa-don?ma=1#x');
    expect(pages).toEqual(['https://evn.example/hoa-don']);
    expect(b).toEqual({ view: null, stored: { 'dan-buoc-words': {} } });
  });

  it('16.6 the boot is taken once by the guide that starts next; anything else in its place is not taken for one', () => {
    const boot: GuideBoot = { view: null, stored: { a: 1 } };
    const scope = globalThis as Record<symbol, unknown>;
    deliverGuideBoot(GUIDE_BOOT_KEY, boot);
    expect(takeGuideBoot()).toEqual(boot);
    expect(takeGuideBoot()).toBeNull();
    for (const bad of [{ view: 'x', stored: {} }, { stored: null, view: null }, { stored: {} }, 'boot', 0]) {
      deliverGuideBoot(GUIDE_BOOT_KEY, bad);
      expect(takeGuideBoot(), JSON.stringify(bad)).toBeNull();
      expect(scope[Symbol.for(GUIDE_BOOT_KEY)]).toBeUndefined();
    }
  });

  it('16.6 a page of the session tab whose load never ends gets the guide LOAD_WAIT_MS after it started', async () => {
    const h = harness(7);
    await h.fire(7, { status: 'loading' });
    expect([...h.timers.values()].map((t) => t.ms)).toEqual([LOAD_WAIT_MS]);
    h.runTimers();
    await h.flush();
    expect(h.injected).toEqual([7]);
  });

  it('16.6 an answer about an older event is dropped: a load that completed before the session was read sets no fallback', async () => {
    const h = harness(7);
    // Both events before either session read has answered.
    const listenerFire = h.fire(7, { status: 'loading' });
    await Promise.all([listenerFire, h.fire(7, { status: 'complete' })]);
    await h.flush();
    expect(h.timers.size).toBe(0);
    expect(h.injected).toEqual([7]);
  });

  it('16.6 a hand-off link for an installed walkthrough gets the guide in any tab (loaded, or only its fragment changed); any other fragment does not', async () => {
    const h = harness(null);
    await h.fire(3, { status: 'complete' }, 'https://evn.example/#dan-buoc=evn/thanh-toan-tien-dien');
    expect(h.injected).toEqual([3]);
    await h.fire(4, { url: 'https://evn.example/hoa-don#dan-buoc=evn/thanh-toan-tien-dien' }, 'https://evn.example/hoa-don#dan-buoc=evn/thanh-toan-tien-dien');
    expect(h.injected).toEqual([3, 4]);
    await h.fire(5, { status: 'complete' }, 'https://evn.example/#dan-buoc=khac/x');
    await h.fire(5, { url: 'https://evn.example/#muc-2' }, 'https://evn.example/#muc-2');
    expect(h.injected).toEqual([3, 4]);
  });

  it('16.6 a hand-off link opened as the browser starts waits for the catalogue: the guide goes in once it is read', async () => {
    // The worker has just started and reads the catalogue from storage: the answer comes after the tab's load.
    let loaded!: () => void;
    const catalogue = new Promise<void>((r) => (loaded = r));
    const h = harness(null, (url) => catalogue.then(() => url.includes('#dan-buoc=evn/')));
    await h.fire(3, { status: 'complete' }, 'https://evn.example/#dan-buoc=evn/thanh-toan-tien-dien');
    await h.fire(4, { status: 'complete' }, 'https://evn.example/#dan-buoc=khac/x');
    expect(h.injected).toEqual([]);
    loaded();
    await h.flush();
    expect(h.injected).toEqual([3]);
  });

  it('16.6 a step sent to a tab without a guide injects it (it then asks for its step); ending a session injects nothing', async () => {
    const injected: number[] = [];
    const inject = async (tabId: number): Promise<void> => void injected.push(tabId);
    const noReceiver = (): Promise<never> => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    await sendOrInject(noReceiver, 5, true, inject);
    await sendOrInject(noReceiver, 6, false, inject);
    await sendOrInject(async () => undefined, 7, true, inject);
    expect(injected).toEqual([5]);
    // A browser that refuses (a page the extension may not run on) is no error for the caller.
    await expect(sendOrInject(noReceiver, 8, true, () => Promise.reject(new Error('Cannot access contents of the page')))).resolves.toBeUndefined();
  });
});
