// The background's session controller: storage is the only state, so a restarted worker resumes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCatalog } from '../../core/catalog';
import type { AssistRecord } from '../../core/log-record';
import { createLogStore, LogStoreError, type LogStore } from '../../core/log-store';
import type { Session } from '../../core/session';
import { createController, memoryLastOutcome, type ControllerDeps, type PendingLogsLike, type SessionStorageLike } from '../../extension/controller';
import { UNDO_ACCEPT_MS } from '../../core/outcomes';
import type { StepView } from '../../extension/protocol';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SHIPPED_PACKS } from '../../walkthroughs';

function harness(tabUrl = 'https://dichvucong.gov.vn/', extra: Partial<ControllerDeps> = {}) {
  let stored: Session | null = null;
  const storage: SessionStorageLike = {
    get: async () => (stored ? structuredClone(stored) : null),
    set: async (s) => void (stored = s ? structuredClone(s) : null),
  };
  const sent: [number, StepView | null][] = [];
  const navigated: [number, string][] = [];
  let clock = Date.UTC(2026, 10, 24, 9, 41);
  const make = () =>
    createController({
      storage,
      catalog: createCatalog(SHIPPED_PACKS),
      sendToTab: async (tab, view) => void sent.push([tab, view]),
      navigate: async (tab, url) => void navigated.push([tab, url]),
      tabUrl: async () => tabUrl,
      now: () => clock,
      randomId: () => `rnd-${Math.random().toString(36).slice(2)}`,
      pending: memoryPending(),
      ...extra,
    });
  return { make, sent, navigated, stored: () => stored, tick: (ms: number) => (clock += ms) };
}

describe('session controller', () => {
  it('starts on the tab and shows step 1 when the tab is already on the start page', async () => {
    const h = harness();
    const c = h.make();
    const view = await c.start('dichvucong', 'dang-nhap-vneid', 3);
    expect(view).toMatchObject({ index: 0, total: 8, status: 'running' });
    expect(h.sent.at(-1)?.[0]).toBe(3);
    expect(h.navigated).toEqual([]);
  });

  it('hands the guide the anchors of the other steps on the same page, to resolve the step among them', async () => {
    const h = harness();
    const c = h.make();
    await c.start('dichvucong', 'dang-nhap-vneid', 3);
    await c.advance(3, 0);
    const view = await c.pageReady(3, 'https://sso.dancuquocgia.gov.vn/index.html');
    // On the sign-in page: the id, password, captcha and button steps are peers of one another.
    expect(view?.step.id).toBe('nhap-so-dinh-danh');
    expect(view?.peers?.map((a) => a.name ?? a.label)).toHaveLength(3);
    expect(view?.peers).not.toContain(view?.step.anchor);
  });

  it('opens the start page when the tab is elsewhere', async () => {
    const h = harness('https://example.org/');
    await h.make().start('dichvucong', 'dang-nhap-vneid', 3);
    expect(h.navigated).toEqual([[3, 'https://dichvucong.gov.vn/']]);
  });

  it('refuses an unknown walkthrough', async () => {
    await expect(harness().make().start('dichvucong', 'khong-co', 1)).rejects.toThrow(/unknown walkthrough/);
  });

  it('resumes on the right step in a fresh controller (a restarted service worker)', async () => {
    const h = harness();
    const first = h.make();
    await first.start('dichvucong', 'dang-nhap-vneid', 3);
    await first.advance(3, 0);
    await first.advance(3, 1);
    const restarted = h.make();
    const view = await restarted.pageReady(3, 'https://sso.dancuquocgia.gov.vn/index.html');
    expect(view?.index).toBe(2);
    expect(view?.step.id).toBe('nhap-so-dinh-danh');
  });

  it('answers other tabs with nothing and ignores their advances', async () => {
    const h = harness();
    const c = h.make();
    await c.start('dichvucong', 'dang-nhap-vneid', 3);
    expect(await c.pageReady(4, 'https://dichvucong.gov.vn/')).toBeNull();
    await c.advance(4, 0);
    expect(h.stored()?.stepIndex).toBe(0);
  });

  it('serialises concurrent changes: a click and its page load advance once', async () => {
    const h = harness();
    const c = h.make();
    await c.start('dichvucong', 'dang-nhap-vneid', 3);
    await Promise.all([c.advance(3, 0), c.pageReady(3, 'https://dichvucong.gov.vn/dang-nhap.html'), c.advance(3, 0)]);
    expect(h.stored()?.stepIndex).toBe(1);
  });

  it('finishing records an anonymous log entry and clears the session', async () => {
    const h = harness();
    const c = h.make();
    await c.start('dichvucong', 'dang-nhap-vneid', 3);
    await c.advance(3, 0);
    await c.notFound(3, 1);
    h.tick(125_000);
    await c.finish('completed');
    expect(h.stored()).toBeNull();
    expect(h.sent.at(-1)).toEqual([3, null]);
    const logs = await createLogStore();
    const records = (await logs.all()).filter((r) => r.durationSec === 125);
    logs.close();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ walkthroughId: 'dang-nhap-vneid', outcome: 'completed', notFound: [1], stepsReached: 2 });
    expect(records[0]!.startHour % 3_600_000).toBe(0);
  });

  it('an outcome note is stored redacted and cut to length, whatever the console sent', async () => {
    const h = harness();
    const c = h.make();
    await c.start('dichvucong', 'ly-lich-tu-phap', 4);
    h.tick(61_000);
    await c.finish('referred', { note: `Bà Nguyễn Thị Hoa (SĐT 0912 345 678, CCCD 001234567890) chưa có tài khoản VNeID. ${'Chờ quầy. '.repeat(60)}` });
    const logs = await createLogStore();
    const record = (await logs.all()).find((r) => r.durationSec === 61);
    logs.close();
    expect(record).toMatchObject({ outcome: 'referred' });
    expect(record!.note).toMatch(/^Bà \[TÊN\] \(SĐT \[SĐT\], CCCD \[CCCD\]\) chưa có tài khoản VNeID\. Chờ quầy\./);
    expect(record!.note!.length).toBeLessThanOrEqual(300);
    for (const secret of ['Nguyễn', 'Hoa', '0912', '001234567890']) expect(JSON.stringify(record)).not.toContain(secret);
    // A note of nothing but blanks is no note.
    await c.start('evn', 'thanh-toan-hoa-don-dien', 5);
    h.tick(62_000);
    await c.finish('completed', { note: '   ' });
    const again = await createLogStore();
    const blank = (await again.all()).find((r) => r.walkthroughId === 'thanh-toan-hoa-don-dien' && r.durationSec === 62);
    again.close();
    expect(blank).toBeDefined();
    expect(blank!.note).toBeUndefined();
  });

  it('records the desk’s ward code, nickname, the reason and age band; a session left by a closed browser is abandoned', async () => {
    const h = harness('https://dichvucong.gov.vn/', { desk: async () => ({ wardCode: '00004', volunteer: 'TNV-03', retentionMonths: 12 }) });
    const c = h.make();
    await c.start('evn', 'thanh-toan-hoa-don-dien', 8);
    h.tick(7_000);
    await c.finish('stopped', { reason: 'no-otp-phone', ageBand: '60-plus' });
    await c.start('dichvucong', 'dang-nhap-vneid', 8);
    await c.advance(8, 0);
    h.tick(9_000);
    // The browser closed mid-session; at the next start the background finds the session still stored.
    await h.make().browserStarted();
    expect(h.stored()).toBeNull();
    const logs = await createLogStore();
    const mine = (await logs.all()).filter((r) => r.volunteer === 'TNV-03');
    logs.close();
    expect(mine.find((r) => r.walkthroughId === 'thanh-toan-hoa-don-dien')).toMatchObject({ wardCode: '00004', outcome: 'stopped', reason: 'no-otp-phone', ageBand: '60-plus', durationSec: 7 });
    expect(mine.find((r) => r.walkthroughId === 'dang-nhap-vneid')).toMatchObject({ outcome: 'abandoned', stepsReached: 2, durationSec: 9 });
  });

  it('a closed tab abandons its session', async () => {
    const h = harness();
    const c = h.make();
    await c.start('dichvucong', 'dang-nhap-vneid', 9);
    await c.tabClosed(9);
    expect(h.stored()).toBeNull();
    expect(await c.current()).toBeNull();
  });

  it('a trial run from the editor marks found and not-found steps, and is never written to the logs', async () => {
    const h = harness();
    const c = h.make();
    const view = await c.start('dichvucong', 'dang-nhap-vneid', 5, { trial: true });
    expect(view.trial).toBe(true);
    await c.found(5, 0);
    await c.advance(5, 0);
    await c.notFound(5, 1);
    // A normal session's content script never reports "found"; a trial's late find clears the miss.
    await c.found(5, 2);
    await c.found(6, 1);
    expect(h.stored()).toMatchObject({ trial: true, found: [0, 2], notFound: [1] });
    await c.found(5, 1);
    expect(h.stored()).toMatchObject({ found: [0, 2, 1], notFound: [] });
    await c.notFound(5, 1);
    expect(h.stored()!.notFound).toEqual([]);
    h.tick(77_000);
    await c.finish('stopped');
    // Abandoned by a new start too: still nothing logged.
    await c.start('dichvucong', 'dang-nhap-vneid', 5, { trial: true });
    h.tick(1_000);
    await c.start('dichvucong', 'dang-nhap-vneid', 5);
    const logs = await createLogStore();
    const records = (await logs.all()).filter((r) => r.durationSec === 77 || r.durationSec === 1);
    logs.close();
    expect(records).toEqual([]);
    expect(h.stored()!.trial).toBeUndefined();
    expect(h.stored()!.found).toBeUndefined();
    await c.found(5, 0);
    expect(h.stored()!.found).toBeUndefined();
  });
});

/** A log store whose every write fails as a full disk does. */
function fullStore(): LogStore {
  const unused = async (): Promise<never> => {
    throw new Error('unused');
  };
  return {
    add: async () => {
      throw new LogStoreError('quota');
    },
    addMany: unused,
    all: unused,
    csv: unused,
    count: unused,
    remove: unused,
    summary: unused,
    purgeBefore: unused,
    maintain: unused,
    clear: unused,
    close: () => undefined,
    countWarning: unused,
    warnings: unused,
    warningDays: unused,
    addWarningDays: unused,
  };
}

/** The queue of waiting records, in memory. */
function memoryPending(initial: AssistRecord[] = []): PendingLogsLike & { list: () => AssistRecord[] } {
  let list = structuredClone(initial);
  return {
    get: async () => structuredClone(list),
    set: async (records) => void (list = structuredClone(records)),
    list: () => list,
  };
}

async function storedIds(): Promise<string[]> {
  const logs = await createLogStore();
  const ids = (await logs.all()).map((r) => r.id);
  logs.close();
  return ids;
}

describe('15.7 guiding never depends on the log write', () => {
  afterEach(() => vi.restoreAllMocks());

  it('15.7 finishing while the log database is full ends the session, keeps the record waiting and saves it at the next end', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let broken = true;
    const pending = memoryPending();
    const h = harness('https://dichvucong.gov.vn/', { openLogs: async () => (broken ? fullStore() : createLogStore()), pending });
    const c = h.make();
    const first = await c.start('dichvucong', 'dang-nhap-vneid', 3);
    await expect(c.finish('completed', { note: 'Bà Nguyễn Thị Hoa gọi 0912 345 678' })).resolves.toEqual({ pending: 1 });
    expect(h.stored()).toBeNull();
    expect(h.sent.at(-1)).toEqual([3, null]);
    expect(pending.list()).toEqual([expect.objectContaining({ id: first.sessionId, outcome: 'completed', note: 'Bà [TÊN] gọi [SĐT]' })]);
    // Said in the console: how many and why, nothing of the record.
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/1 assistance record\(s\) wait to be saved \(quota\)/));
    expect(JSON.stringify(warn.mock.calls)).not.toContain(first.sessionId);
    // The disk has room again: the next session's end writes both.
    broken = false;
    const second = await c.start('evn', 'thanh-toan-hoa-don-dien', 3);
    h.tick(5_000);
    await expect(c.finish('stopped')).resolves.toEqual({ pending: 0 });
    expect(pending.list()).toEqual([]);
    expect(await storedIds()).toEqual(expect.arrayContaining([first.sessionId, second.sessionId]));
  });

  it('15.7 starting on another tab while an upgrade blocks the database abandons the old session and starts the new one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pending = memoryPending();
    const h = harness('https://dichvucong.gov.vn/', {
      openLogs: async () => {
        throw new LogStoreError('blocked');
      },
      pending,
    });
    const c = h.make();
    const old = await c.start('dichvucong', 'dang-nhap-vneid', 3);
    const view = await c.start('evn', 'thanh-toan-hoa-don-dien', 4);
    expect(view).toMatchObject({ walkthroughId: 'thanh-toan-hoa-don-dien', status: 'running' });
    expect(h.stored()).toMatchObject({ tabId: 4, walkthroughId: 'thanh-toan-hoa-don-dien', status: 'running' });
    expect(h.sent).toContainEqual([3, null]);
    expect(pending.list()).toEqual([expect.objectContaining({ id: old.sessionId, outcome: 'abandoned' })]);
  });

  it('15.7 a closed tab ends its session even when the database cannot be written', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pending = memoryPending();
    const h = harness('https://dichvucong.gov.vn/', { openLogs: async () => fullStore(), pending });
    const c = h.make();
    const s = await c.start('dichvucong', 'dang-nhap-vneid', 9);
    await c.tabClosed(9);
    expect(h.stored()).toBeNull();
    expect(await c.current()).toBeNull();
    expect(pending.list()).toEqual([expect.objectContaining({ id: s.sessionId, outcome: 'abandoned' })]);
  });

  it('15.7 a browser restart abandons the session left running even when the database fails, and writes the waiting records once it works', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let broken = true;
    const pending = memoryPending();
    const h = harness('https://dichvucong.gov.vn/', { openLogs: async () => (broken ? fullStore() : createLogStore()), pending });
    const a = await h.make().start('dichvucong', 'dang-nhap-vneid', 3);
    await h.make().finish('completed');
    const b = await h.make().start('evn', 'thanh-toan-hoa-don-dien', 3);
    // The browser closed mid-session; it starts again with the database still failing.
    await h.make().browserStarted();
    expect(h.stored()).toBeNull();
    expect(pending.list().map((r) => [r.id, r.outcome])).toEqual([
      [a.sessionId, 'completed'],
      [b.sessionId, 'abandoned'],
    ]);
    broken = false;
    await h.make().browserStarted();
    expect(pending.list()).toEqual([]);
    expect(await storedIds()).toEqual(expect.arrayContaining([a.sessionId, b.sessionId]));
  });

  it('15.7 a database that never answers does not hold up the end of a session', { timeout: 5_000 }, async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pending = memoryPending();
    const h = harness('https://dichvucong.gov.vn/', { openLogs: () => new Promise<LogStore>(() => undefined), pending, logTimeoutMs: 20 });
    const c = h.make();
    await c.start('dichvucong', 'dang-nhap-vneid', 3);
    await expect(c.finish('completed')).resolves.toEqual({ pending: 1 });
    expect(h.stored()).toBeNull();
    // The next start is not held up either.
    await expect(c.start('evn', 'thanh-toan-hoa-don-dien', 3)).resolves.toMatchObject({ status: 'running' });
  });

  it('15.7 waiting records are kept in the extension\'s private store by default (not storage.local, which a content script can write), and a trial run is never queued', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal('location', { href: 'chrome-extension://test-extension-id/background.js' });
    vi.stubGlobal('chrome', fakeBrowser);
    // A record planted in storage.local by a content script is never taken.
    await fakeBrowser.storage.local.set({ 'dan-buoc-pending-logs': [{ id: 'planted', outcome: 'completed' }] });
    const { pendingLogs } = await import('../../extension/pending-logs');
    const h = harness('https://dichvucong.gov.vn/', { openLogs: async () => fullStore(), pending: pendingLogs });
    const c = h.make();
    await c.start('dichvucong', 'dang-nhap-vneid', 5, { trial: true });
    await c.finish('stopped');
    expect(await pendingLogs.get()).toEqual([]);
    const s = await c.start('dichvucong', 'dang-nhap-vneid', 5);
    await c.finish('completed');
    expect((await pendingLogs.get()).map((r) => r.id)).toEqual([s.sessionId]);
    vi.unstubAllGlobals();
  });
});

describe('20 the console at the desk', () => {
  it('20 resident mode for one session: set at the start or later, in the session only, and the next session starts without it', async () => {
    const h = harness();
    const c = h.make();
    const first = await c.start('dichvucong', 'dang-nhap-vneid', 3, { residentMode: true });
    expect(first.residentMode).toBe(true);
    expect(h.stored()!.residentMode).toBe(true);
    expect(await c.setResidentMode(false)).toMatchObject({ residentMode: false });
    expect(h.stored()!.residentMode).toBe(false);
    // The record never says how the hints looked.
    await c.finish('completed');
    expect(await c.setResidentMode(true)).toBeNull();
    const next = await c.start('dichvucong', 'dang-nhap-vneid', 3);
    expect(next.residentMode).toBeUndefined();
    expect(h.stored()!.residentMode).toBeUndefined();
  });

  it('20 "Hoàn tác" takes the saved record out of the logs and restores the session at its step; once only, in time, and not after another start', async () => {
    const pending = memoryPending();
    const h = harness('https://dichvucong.gov.vn/', { pending });
    const c = h.make();
    const view = await c.start('dichvucong', 'dang-nhap-vneid', 3);
    await c.next();
    await c.finish('stopped', { reason: 'forgot-password' });
    expect(await storedIds()).toContain(view.sessionId);
    h.tick(5_000);
    const undone = await c.undoFinish(view.sessionId);
    expect(undone).toMatchObject({ ok: true, view: { sessionId: view.sessionId, index: 1, status: 'running' } });
    expect(await storedIds()).not.toContain(view.sessionId);
    expect(pending.list()).toEqual([]);
    expect(h.stored()).toMatchObject({ id: view.sessionId, stepIndex: 1, status: 'running' });
    expect(h.sent.at(-1)).toEqual([3, expect.objectContaining({ sessionId: view.sessionId, index: 1 })]);
    // Only once.
    expect(await c.undoFinish(view.sessionId)).toEqual({ ok: false, reason: 'expired' });
    // Saved again: one record, the new outcome.
    await c.finish('completed');
    const logs = await createLogStore();
    expect((await logs.all()).filter((r) => r.id === view.sessionId).map((r) => r.outcome)).toEqual(['completed']);
    logs.close();
    // Too late.
    h.tick(UNDO_ACCEPT_MS + 1);
    expect(await c.undoFinish(view.sessionId)).toEqual({ ok: false, reason: 'expired' });
    expect(await storedIds()).toContain(view.sessionId);
    // Another session started meanwhile.
    const other = await c.start('evn', 'thanh-toan-hoa-don-dien', 3);
    await c.finish('completed');
    await c.start('dichvucong', 'dang-nhap-vneid', 3);
    expect(await c.undoFinish(other.sessionId)).toEqual({ ok: false, reason: 'expired' });
    expect(await storedIds()).toContain(other.sessionId);
  });

  it('20 an undo the log database cannot do leaves the outcome standing and the session ended', async () => {
    let broken = false;
    const h = harness('https://dichvucong.gov.vn/', { openLogs: async () => (broken ? fullStore() : createLogStore()) });
    const c = h.make();
    const view = await c.start('dichvucong', 'dang-nhap-vneid', 3);
    await c.finish('completed');
    broken = true;
    expect(await c.undoFinish(view.sessionId)).toEqual({ ok: false, reason: 'failed' });
    expect(h.stored()).toBeNull();
    expect(await storedIds()).toContain(view.sessionId);
  });

  it('20 the last outcome kept in storage survives a restarted worker', async () => {
    const last = memoryLastOutcome();
    const h = harness('https://dichvucong.gov.vn/', { lastOutcome: last });
    const view = await h.make().start('dichvucong', 'dang-nhap-vneid', 3);
    await h.make().guideState(3, 0, 'found');
    expect(h.stored()!.foundPages).toEqual({ 0: 'https://dichvucong.gov.vn/' });
    await h.make().finish('referred');
    // What waits for an undo holds ids and step numbers only: no page address.
    expect(JSON.stringify(await last.get())).not.toContain('https://');
    expect(await h.make().undoFinish(view.sessionId)).toMatchObject({ ok: true });
    expect(await storedIds()).not.toContain(view.sessionId);
  });
});
