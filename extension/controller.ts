// The background's session controller: every change to the guided session goes through here, is
// serialised, and is written to session storage before anyone is told, so a stopped service worker,
// a reload or a cross-domain navigation resumes on the right step.

import type { Catalog } from '../core/catalog';
import type { DeskInfo, OutcomeDetails } from '../core/log-record';
import { createLogStore, DEFAULT_RETENTION_MONTHS, recordFromSession, retentionCutoff, type LogStore } from '../core/log-store';
import * as machine from '../core/session';
import type { Outcome, Session } from '../core/session';
import { redactNote } from '../core/privacy';
import type { StepView } from './protocol';

export interface SessionStorageLike {
  get(): Promise<Session | null>;
  set(session: Session | null): Promise<void>;
}

export interface ControllerDeps {
  storage: SessionStorageLike;
  catalog: Catalog;
  /** Tell a tab's content script what to show (null removes the overlay); failures are ignored. */
  sendToTab(tabId: number, view: StepView | null): Promise<void>;
  /** Open a URL in the tab. */
  navigate(tabId: number, url: string): Promise<void>;
  /** The tab's current URL, when known. */
  tabUrl(tabId: number): Promise<string | undefined>;
  now?: () => number;
  randomId?: () => string;
  openLogs?: () => Promise<LogStore>;
  /** The desk's ward code and volunteer nickname, and how many months records are kept. */
  desk?: () => Promise<DeskInfo & { retentionMonths?: number }>;
}

export function createController(deps: ControllerDeps) {
  const now = deps.now ?? Date.now;
  const randomId = deps.randomId ?? (() => crypto.randomUUID());
  const openLogs = deps.openLogs ?? createLogStore;
  let queue: Promise<unknown> = Promise.resolve();

  /** Run one change at a time: each reads the stored session and writes it back before the next. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  }

  function viewOf(s: Session): StepView | null {
    const entry = deps.catalog.find(s.packId, s.walkthroughId);
    const step = entry?.walkthrough.steps[s.stepIndex];
    if (!entry || !step) return null;
    return {
      sessionId: s.id,
      packId: s.packId,
      walkthroughId: s.walkthroughId,
      title: entry.walkthrough.title,
      index: s.stepIndex,
      total: s.total,
      status: s.status,
      paused: !!s.paused,
      ...(s.trial ? { trial: true } : {}),
      step,
      peers: entry.walkthrough.steps.filter((x) => x !== step && x.page === step.page && x.anchor).map((x) => x.anchor!),
    };
  }

  /** Write the session's record (whole or not at all), then drop records past the retention period. */
  async function record(s: Session): Promise<void> {
    // A trial run from the editor is the author testing a pack, not a resident helped: never logged.
    if (s.trial) return;
    const desk: DeskInfo & { retentionMonths?: number } = (await deps.desk?.().catch(() => undefined)) ?? {};
    const logs = await openLogs();
    try {
      await logs.add(recordFromSession(s, now(), desk));
      // Upkeep (sealing past days, retention) is best effort: the record itself is safe already.
      await logs.maintain(retentionCutoff(now(), desk.retentionMonths ?? DEFAULT_RETENTION_MONTHS)).catch(() => 0);
    } finally {
      logs.close();
    }
  }

  /** Store a changed session and push it to its tab. */
  async function commit(before: Session, after: Session): Promise<void> {
    if (after === before) return;
    await deps.storage.set(after);
    await deps.sendToTab(after.tabId, viewOf(after));
  }

  async function active(): Promise<Session | null> {
    const s = await deps.storage.get();
    return machine.isActive(s) ? s : null;
  }

  async function update(fn: (s: Session) => Session): Promise<void> {
    const s = await active();
    if (s) await commit(s, fn(s));
  }

  return {
    start: (packId: string, walkthroughId: string, tabId: number, options: { trial?: boolean } = {}) =>
      serial(async () => {
        const entry = deps.catalog.find(packId, walkthroughId);
        if (!entry) throw new Error(`unknown walkthrough ${packId}/${walkthroughId}`);
        const previous = await active();
        if (previous) {
          const ended = machine.abandon(previous, now());
          await record(ended);
          if (ended.tabId !== tabId) await deps.sendToTab(ended.tabId, null);
        }
        const s = machine.startSession({
          id: randomId(),
          packId,
          packVersion: entry.pack.version,
          walkthrough: entry.walkthrough,
          tabId,
          now: now(),
          trial: options.trial,
        });
        await deps.storage.set(s);
        const url = await deps.tabUrl(tabId);
        if (url && machine.stepIsOnPage(s, entry.walkthrough, url)) await deps.sendToTab(tabId, viewOf(s));
        else await deps.navigate(tabId, entry.walkthrough.startUrl);
        return viewOf(s)!;
      }),

    current: () => serial(async () => {
      const s = await active();
      return s ? viewOf(s) : null;
    }),

    pageReady: (tabId: number, page: string) =>
      serial(async () => {
        const s = await active();
        if (!s || s.tabId !== tabId) return null;
        const entry = deps.catalog.find(s.packId, s.walkthroughId);
        if (!entry) return null;
        const next = machine.arriveOnPage(s, entry.walkthrough, page);
        if (next !== s) await deps.storage.set(next);
        return viewOf(next);
      }),

    advance: (tabId: number, fromIndex: number) =>
      serial(() => update((s) => (s.tabId === tabId ? machine.advance(s, fromIndex) : s))),
    next: () => serial(() => update((s) => machine.advance(s, s.stepIndex))),
    back: () => serial(() => update(machine.back)),
    skip: () => serial(() => update(machine.skip)),
    pause: (paused: boolean) => serial(() => update((s) => machine.setPaused(s, paused))),
    repeat: () =>
      serial(async () => {
        const s = await active();
        if (!s) return;
        const after = machine.repeat(s);
        await deps.storage.set(after);
        await deps.sendToTab(after.tabId, viewOf(after));
      }),
    notFound: (tabId: number, index: number) =>
      serial(async () => {
        const s = await active();
        if (!s || s.tabId !== tabId) return;
        const after = machine.markNotFound(s, index);
        if (after !== s) await deps.storage.set(after);
      }),
    /** Content script, trial runs: the step's control was found. */
    found: (tabId: number, index: number) =>
      serial(async () => {
        const s = await active();
        if (!s || s.tabId !== tabId || !s.trial) return;
        const after = machine.markFound(s, index);
        if (after !== s) await deps.storage.set(after);
      }),
    finish: (outcome: Outcome, details: OutcomeDetails = {}) =>
      serial(async () => {
        const s = await active();
        if (!s) return;
        // The note is redacted here, whatever the sender did: nothing unredacted reaches storage.
        const note = details.note ? redactNote(details.note) || undefined : undefined;
        const ended = machine.finish(s, outcome, now(), { ...details, note });
        // If the write fails (storage full) the session stays, so the volunteer can free space and save again.
        await record(ended);
        await deps.storage.set(null);
        await deps.sendToTab(s.tabId, null);
      }),
    /** The browser started: a session left from before (the browser closed mid-session) is abandoned. */
    browserStarted: () =>
      serial(async () => {
        const s = await active();
        if (!s) return;
        await record(machine.abandon(s, now()));
        await deps.storage.set(null);
      }),
    tabClosed: (tabId: number) =>
      serial(async () => {
        const s = await active();
        if (!s || s.tabId !== tabId) return;
        await record(machine.abandon(s, now()));
        await deps.storage.set(null);
      }),
  };
}

export type Controller = ReturnType<typeof createController>;
