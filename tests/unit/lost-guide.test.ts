// When the guide is lost (issue 17): the session keeps the guide's state for the current step, the step's
// page, and the controller navigates the resident's tab (never the page) to the step's page, back across
// pages, and never away from a page of the walkthrough without being asked.
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../core/catalog';
import type { AssistRecord } from '../../core/log-record';
import * as machine from '../../core/session';
import type { Session } from '../../core/session';
import { createController, type SessionStorageLike } from '../../extension/controller';
import type { StepView } from '../../extension/protocol';
import { SHIPPED_PACKS } from '../../walkthroughs';

const catalog = createCatalog(SHIPPED_PACKS);
const HOME = 'https://dichvucong.gov.vn/';
const LOGIN = 'https://dichvucong.gov.vn/dang-nhap.html';

function harness(url: string = HOME) {
  let stored: Session | null = null;
  const tab = { url };
  const storage: SessionStorageLike = {
    get: async () => (stored ? structuredClone(stored) : null),
    set: async (s) => void (stored = s ? structuredClone(s) : null),
  };
  const sent: [number, StepView | null][] = [];
  const navigated: [number, string][] = [];
  let pending: AssistRecord[] = [];
  const c = createController({
    storage,
    catalog,
    sendToTab: async (t, view) => void sent.push([t, view]),
    navigate: async (t, to) => {
      navigated.push([t, to]);
      tab.url = to;
    },
    tabUrl: async () => tab.url,
    randomId: () => 'sess-1',
    pending: { get: async () => pending, set: async (r) => void (pending = r) },
    openLogs: async () => {
      throw new Error('no database in this test');
    },
    logTimeoutMs: 10,
  });
  return { c, tab, sent, navigated, stored: () => stored };
}

describe('17.1 the console mirrors the guide', () => {
  it('17.1 the session keeps the guide state of the current step only, from the session tab only; paused comes from the session', async () => {
    const h = harness();
    await h.c.start('dichvucong', 'dang-nhap-vneid', 3);
    // Shown on its own page: looking, until the guide reports.
    expect((await h.c.current())?.guide).toBe('looking');
    await h.c.guideState(3, 0, 'not-found');
    expect((await h.c.current())?.guide).toBe('not-found');
    expect(h.stored()?.notFound).toEqual([0]);
    // Another tab, or a step that is not the current one: ignored.
    await h.c.guideState(4, 0, 'found');
    await h.c.guideState(3, 5, 'found');
    expect((await h.c.current())?.guide).toBe('not-found');
    // The control came late (a slow page): outlined, and no longer logged as not found.
    await h.c.guideState(3, 0, 'found');
    expect((await h.c.current())?.guide).toBe('found');
    expect(h.stored()?.notFound).toEqual([]);
    await h.c.pause(true);
    expect(await h.c.current()).toMatchObject({ paused: true, guide: 'found' });
    await h.c.pause(false);
    // The next step is on another page than the tab: the background says so itself (no guide may run there).
    await h.c.next();
    expect(await h.c.current()).toMatchObject({ index: 1, guide: 'other-page' });
    // The tab arrives on that page: looking again.
    const view = await h.c.pageReady(3, LOGIN);
    expect(view).toMatchObject({ index: 1, guide: 'looking' });
  });

  it('17.1 the state a step leaves behind is not shown for the next one', () => {
    const wt = catalog.find('dichvucong', 'dang-nhap-vneid')!.walkthrough;
    let s = machine.startSession({ id: 'x', packId: 'dichvucong', packVersion: '1', walkthrough: wt, tabId: 1, now: 0 });
    s = machine.reportGuide(s, wt, 0, 'found', `${HOME}?q=secret`);
    expect(s.guide).toEqual({ index: 0, state: 'found' });
    // Kept without its query.
    expect(s.foundPages).toEqual({ 0: HOME });
    s = machine.advance(s, 0);
    expect(machine.reportGuide(s, wt, 0, 'not-found')).toBe(s);
    // A step without a control has no state on its page.
    const last = { ...s, stepIndex: 7 };
    expect(machine.placeGuide({ ...last, guide: { index: 7, state: 'looking' } }, wt, 'https://dichvucong.gov.vn/ket-qua.html').guide).toBeUndefined();
  });
});

describe('16.6 a page load costs the console nothing when nothing changed', () => {
  it('16.6 the step page loaded again after its control was found: no write, the console keeps "found" until the guide reports', async () => {
    const h = harness();
    await h.c.start('dichvucong', 'dang-nhap-vneid', 3);
    await h.c.guideState(3, 0, 'found');
    const before = h.stored();
    // The same page again (a reload): the store is not written (it keeps the very object it had).
    const view = await h.c.pageReady(3, HOME);
    expect(view).toMatchObject({ index: 0, guide: 'found' });
    expect(h.stored()).toBe(before);
    // The guide finds it again: still nothing to write.
    await h.c.guideState(3, 0, 'found');
    expect(h.stored()).toBe(before);
    // Not found after a reload: said at once, and a later reload looks again.
    await h.c.guideState(3, 0, 'not-found');
    expect((await h.c.current())?.guide).toBe('not-found');
    const missed = h.stored();
    expect(await h.c.pageReady(3, HOME)).toMatchObject({ guide: 'looking' });
    expect(h.stored()).not.toBe(missed);
  });
});

describe('17.2 one-tap ways out', () => {
  it('17.2 Mở trang của bước này navigates the tab to the step page; with wildcards, the last page where the step was found, else the start page', async () => {
    const h = harness();
    await h.c.start('dichvucong', 'ly-lich-tu-phap', 3);
    const wt = catalog.find('dichvucong', 'ly-lich-tu-phap')!.walkthrough;
    // Step 4 (index 3) is on https://dichvucong.gov.vn/thu-tuc/* : never found yet, so the start page.
    const s = { ...h.stored()!, stepIndex: 3 };
    expect(machine.stepPageUrl(s, wt, 3)).toBe(wt.startUrl);
    const found = machine.reportGuide(s, wt, 3, 'found', 'https://dichvucong.gov.vn/thu-tuc/ly-lich-tu-phap.html?ma=1');
    expect(machine.stepPageUrl(found, wt, 3)).toBe('https://dichvucong.gov.vn/thu-tuc/ly-lich-tu-phap.html');
    // A page outside the step's pattern is never taken for it.
    expect(machine.reportGuide(s, wt, 3, 'found', 'https://dichvucong.gov.vn/khac.html').foundPages).toBeUndefined();
    // Without a wildcard: the pattern itself.
    await h.c.next();
    await h.c.openStepPage();
    expect(h.navigated.at(-1)).toEqual([3, wt.steps[1]!.page]);
  });

  it('17.2 Quay lại goes back to the previous step page when the tab is on another page; not when it is there; never at step 1', async () => {
    const h = harness();
    await h.c.start('dichvucong', 'dang-nhap-vneid', 3);
    await h.c.back();
    expect(h.navigated).toEqual([]);
    expect((await h.c.current())?.index).toBe(0);
    await h.c.advance(3, 0);
    await h.c.pageReady(3, LOGIN);
    h.tab.url = LOGIN;
    await h.c.back();
    expect((await h.c.current())?.index).toBe(0);
    expect(h.navigated).toEqual([[3, HOME]]);
    // Back on the same page (steps 3 and 4 share the sign-in page): no navigation.
    h.tab.url = 'https://sso.dancuquocgia.gov.vn/';
    await h.c.next();
    await h.c.next();
    await h.c.next();
    const n = h.navigated.length;
    await h.c.back();
    expect((await h.c.current())?.index).toBe(2);
    expect(h.navigated.length).toBe(n);
  });
});

describe('17.4 start where the resident is', () => {
  it('17.4 offers the step whose page the tab is on, starts there without navigating, and Bắt đầu từ đầu navigates', async () => {
    const h = harness(LOGIN);
    expect(await h.c.startChoice('dichvucong', 'dang-nhap-vneid', 3)).toEqual({ onPage: 1 });
    // On the first step's page, or on no page of it: nothing to ask.
    expect(await harness(HOME).c.startChoice('dichvucong', 'dang-nhap-vneid', 3)).toBeNull();
    expect(await harness('https://example.org/').c.startChoice('dichvucong', 'dang-nhap-vneid', 3)).toBeNull();
    const view = await h.c.start('dichvucong', 'dang-nhap-vneid', 3, { fromStep: 1 });
    expect(view).toMatchObject({ index: 1, guide: 'looking' });
    expect(h.stored()).toMatchObject({ stepIndex: 1, reached: 1 });
    expect(h.navigated).toEqual([]);
    expect(h.sent.at(-1)?.[1]?.index).toBe(1);
    await h.c.start('dichvucong', 'dang-nhap-vneid', 3);
    expect(h.navigated).toEqual([[3, HOME]]);
  });
});
