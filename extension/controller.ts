// The background's session controller: every change to the guided session goes through here, is
// serialised, and is written to session storage before anyone is told, so a stopped service worker,
// a reload or a cross-domain navigation resumes on the right step.
//
// Guiding never depends on the log database: an ended session's record is first kept in a small queue in
// extension storage, the session ends, and then the queue is written to the database (bounded in time).
// A write that fails (disk full, an upgrade blocked by another page) leaves the records queued for the next
// start, end or browser start, says so in the console, and never stops a session from ending or starting.

import type { Catalog } from '../core/catalog';
import type { AssistRecord, DeskInfo, OutcomeDetails } from '../core/log-record';
import { createLogStore, DEFAULT_RETENTION_MONTHS, recordFromSession, retentionCutoff, type LogStore } from '../core/log-store';
import * as machine from '../core/session';
import type { GuideState, Outcome, Session } from '../core/session';
import { UNDO_ACCEPT_MS } from '../core/outcomes';
import type { UndoResult } from '../core/views';
import { redactNote } from '../core/privacy';
import { createSerialQueue } from '../core/serial-queue';
import { pendingLogs, type PendingLogsLike } from './pending-logs';
import type { StepView } from './protocol';

export type { PendingLogsLike };

/** Records that may wait; past this the oldest are dropped (and the console says so). @default 200 */
export const MAX_PENDING_LOGS = 200;

export interface SessionStorageLike {
  get(): Promise<Session | null>;
  set(session: Session | null): Promise<void>;
}

/** The last session ended with an outcome, as it was just before it ended, and when: what "Hoàn tác" restores. */
export interface LastOutcome {
  session: Session;
  at: number;
}

export interface LastOutcomeStorageLike {
  get(): Promise<LastOutcome | null>;
  set(last: LastOutcome | null): Promise<void>;
}

/** Kept in memory: for tests, and where nothing else is given. */
export function memoryLastOutcome(): LastOutcomeStorageLike {
  let kept: LastOutcome | null = null;
  return {
    get: async () => (kept ? structuredClone(kept) : null),
    set: async (v) => void (kept = v ? structuredClone(v) : null),
  };
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
  /** Where records wait for the database. @default extension/pending-logs.ts (the private store) */
  pending?: PendingLogsLike;
  /** Longest wait for the database before a session goes on without it (records stay queued). @default 10000 */
  logTimeoutMs?: number;
  /** Where the last ended session waits for a possible "Hoàn tác" (a stopped worker keeps it). @default in memory */
  lastOutcome?: LastOutcomeStorageLike;
}

/** What the console may show of a failure: its kind, never a record. */
const failureKind = (err: unknown): string => (err as { code?: string } | null)?.code ?? (err as { name?: string } | null)?.name ?? 'error';

export function createController(deps: ControllerDeps) {
  const now = deps.now ?? Date.now;
  const randomId = deps.randomId ?? (() => crypto.randomUUID());
  const openLogs = deps.openLogs ?? createLogStore;
  const pending = deps.pending ?? pendingLogs;
  const logTimeoutMs = deps.logTimeoutMs ?? 10_000;
  const lastOutcome = deps.lastOutcome ?? memoryLastOutcome();
  /** The last write of records to the database, which may go on after a session stopped waiting for it. */
  let flushing: Promise<unknown> = Promise.resolve();
  /** One change at a time: each reads the stored session and writes it back before the next. */
  const queue = createSerialQueue();
  const serial = <T,>(fn: () => Promise<T>): Promise<T> => queue.run(fn);
  const pendingQueue = createSerialQueue();

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
      ...(s.guide?.index === s.stepIndex && s.status === 'running' ? { guide: s.guide.state } : {}),
      peers: entry.walkthrough.steps.filter((x) => x !== step && x.page === step.page && x.anchor).map((x) => x.anchor!),
      ...(s.notFound.includes(s.stepIndex) ? { notFound: true as const } : {}),
      ...(s.residentMode !== undefined ? { residentMode: s.residentMode } : {}),
    };
  }

  const deskInfo = async (): Promise<DeskInfo & { retentionMonths?: number }> => (await deps.desk?.().catch(() => undefined)) ?? {};

  /**
   * Change the queue of waiting records, one change at a time (a late write may finish while a new record is
   * queued). Null when extension storage failed too (said in the console).
   */
  function editPending(fn: (list: AssistRecord[]) => AssistRecord[]): Promise<AssistRecord[] | null> {
    const run = pendingQueue.run(async () => {
      const list = await pending.get();
      const next = fn(list);
      if (next !== list) await pending.set(next);
      return next;
    });
    return run.catch((err: unknown) => {
      console.error(`Dẫn Bước: extension storage failed (${failureKind(err)}); an assistance record may not be kept`);
      return null;
    });
  }

  /**
   * Queue an ended session's record before the session is let go. Returns the record when it could not be
   * queued (then it is written directly, or lost if that fails too); null otherwise and for trial runs,
   * which are the author testing a pack, not a resident helped: never logged.
   */
  async function keep(s: Session): Promise<AssistRecord | null> {
    if (s.trial) return null;
    const record = recordFromSession(s, now(), await deskInfo());
    const kept = await editPending((list) => {
      // The same session again (a worker stopped between queueing and ending it): the first record stands.
      if (list.some((r) => r.id === record.id)) return list;
      const next = [...list, record];
      if (next.length > MAX_PENDING_LOGS) console.warn(`Dẫn Bước: ${next.length - MAX_PENDING_LOGS} unsaved assistance record(s) dropped (queue full)`);
      return next.slice(-MAX_PENDING_LOGS);
    });
    return kept ? null : record;
  }

  /**
   * Write the waiting records (and `extra`) to the database, each whole or not at all (an id already there is
   * skipped), then drop records past the retention period. Never throws; returns how many still wait.
   */
  async function flush(extra: AssistRecord[] = []): Promise<number> {
    const queued = await pending.get().catch(() => [] as AssistRecord[]);
    const todo = [...queued, ...extra.filter((r) => !queued.some((q) => q.id === r.id))];
    if (!todo.length) return 0;
    const written = new Set<string>();
    let failure: unknown;
    try {
      const logs = await openLogs();
      try {
        for (const r of todo) {
          await logs.add(r);
          written.add(r.id);
        }
        // Upkeep (sealing past days, retention) is best effort: the records themselves are safe already.
        const desk = await deskInfo();
        await logs.maintain(retentionCutoff(now(), desk.retentionMonths ?? DEFAULT_RETENTION_MONTHS)).catch(() => 0);
      } finally {
        logs.close();
      }
    } catch (err) {
      failure = err;
    }
    const left = written.size ? await editPending((list) => (list.some((r) => written.has(r.id)) ? list.filter((r) => !written.has(r.id)) : list)) : null;
    const waiting = left?.length ?? todo.length - written.size;
    if (failure) console.warn(`Dẫn Bước: ${waiting} assistance record(s) wait to be saved (${failureKind(failure)}); retried at the next start or end of a session`);
    return waiting;
  }

  /** `flush`, but a session never waits on the database longer than `logTimeoutMs` (records stay queued). */
  async function save(extra: (AssistRecord | null)[] = []): Promise<number> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.warn('Dẫn Bước: the log database did not answer in time; assistance records wait to be saved');
        void pending.get().then((l) => resolve(l.length), () => resolve(0));
      }, logTimeoutMs);
    });
    const run = flush(extra.filter((r): r is AssistRecord => !!r));
    flushing = run;
    try {
      return await Promise.race([run, late]);
    } finally {
      clearTimeout(timer);
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

  /** A step newly shown: the console says "looking" or "another page" until the guide on the page reports. */
  async function placed(s: Session): Promise<Session> {
    const entry = deps.catalog.find(s.packId, s.walkthroughId);
    return entry ? machine.placeGuide(s, entry.walkthrough, await deps.tabUrl(s.tabId)) : s;
  }

  async function update(fn: (s: Session) => Session): Promise<void> {
    const s = await active();
    if (!s) return;
    const after = fn(s);
    await commit(s, after !== s && (after.stepIndex !== s.stepIndex || after.status !== s.status) ? await placed(after) : after);
  }

  /**
   * Bring the session's tab to the current step's page when it is on another one (the background navigates,
   * never the page). Nothing when the tab's URL is unknown (a page we may not read is no step's page either).
   */
  async function toStepPage(s: Session, options: { always?: boolean } = {}): Promise<void> {
    const entry = deps.catalog.find(s.packId, s.walkthroughId);
    if (!entry || s.status !== 'running') return;
    const url = await deps.tabUrl(s.tabId);
    if (!options.always && (!url || machine.stepIsOnPage(s, entry.walkthrough, url))) return;
    await deps.navigate(s.tabId, machine.stepPageUrl(s, entry.walkthrough, s.stepIndex));
  }

  return {
    /**
     * Start a walkthrough on a tab: at its first step, navigating the tab to the start page unless it is on
     * that step's page; or (`fromStep`) at a step whose page the tab is on, without navigating.
     */
    start: (packId: string, walkthroughId: string, tabId: number, options: { trial?: boolean; fromStep?: number; residentMode?: boolean } = {}) =>
      serial(async () => {
        const entry = deps.catalog.find(packId, walkthroughId);
        if (!entry) throw new Error(`unknown walkthrough ${packId}/${walkthroughId}`);
        // A new session: the last one's outcome can no longer be undone.
        await lastOutcome.set(null).catch(() => undefined);
        const previous = await active();
        let unkept: AssistRecord | null = null;
        if (previous) {
          const ended = machine.abandon(previous, now());
          unkept = await keep(ended);
          if (ended.tabId !== tabId) await deps.sendToTab(ended.tabId, null);
        }
        const url = await deps.tabUrl(tabId);
        const started = machine.startSession({
          id: randomId(),
          packId,
          packVersion: entry.pack.version,
          walkthrough: entry.walkthrough,
          tabId,
          now: now(),
          trial: options.trial,
          stepIndex: options.fromStep,
          residentMode: options.residentMode,
        });
        const s = machine.placeGuide(started, entry.walkthrough, url);
        await deps.storage.set(s);
        if (url && machine.stepIsOnPage(s, entry.walkthrough, url)) await deps.sendToTab(tabId, viewOf(s));
        else await deps.navigate(tabId, machine.stepPageUrl(s, entry.walkthrough, s.stepIndex));
        // The new session is running already; now the previous one's record and any waiting ones.
        await save([unkept]);
        return viewOf(s)!;
      }),

    /**
     * Before starting: the step (index > 0) whose page the tab is on, when the tab is on a page of the
     * walkthrough other than its first step's: the console then asks where to start, instead of navigating
     * away from a page the resident is working on. Null otherwise.
     */
    startChoice: async (packId: string, walkthroughId: string, tabId: number): Promise<{ onPage: number } | null> => {
      const entry = deps.catalog.find(packId, walkthroughId);
      if (!entry) throw new Error(`unknown walkthrough ${packId}/${walkthroughId}`);
      const url = await deps.tabUrl(tabId);
      const index = url ? machine.stepOnPage(entry.walkthrough, url) : -1;
      return index > 0 ? { onPage: index } : null;
    },

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
        const next = machine.placeGuide(machine.arriveOnPage(s, entry.walkthrough, page), entry.walkthrough, page);
        if (next !== s) await deps.storage.set(next);
        return viewOf(next);
      }),

    advance: (tabId: number, fromIndex: number) =>
      serial(() => update((s) => (s.tabId === tabId ? machine.advance(s, fromIndex) : s))),
    next: () => serial(() => update((s) => machine.advance(s, s.stepIndex))),
    /** One step back; when that step is on another page than the tab is on, the tab goes back to it. */
    back: () =>
      serial(async () => {
        const s = await active();
        if (!s) return;
        const moved = machine.back(s);
        const after = moved !== s && moved.stepIndex !== s.stepIndex ? await placed(moved) : moved;
        await commit(s, after);
        if (after !== s && after.stepIndex !== s.stepIndex) await toStepPage(after);
      }),
    /** "Mở trang của bước này": bring the tab to the current step's page (machine.stepPageUrl). */
    openStepPage: () =>
      serial(async () => {
        const s = await active();
        if (s) await toStepPage(s, { always: true });
      }),
    /** Content script: what the guide is doing about step `index` (only the current step, on the session's tab). */
    guideState: (tabId: number, index: number, state: GuideState) =>
      serial(async () => {
        const s = await active();
        if (!s || s.tabId !== tabId) return;
        const entry = deps.catalog.find(s.packId, s.walkthroughId);
        if (!entry) return;
        const url = state === 'found' ? await deps.tabUrl(tabId) : undefined;
        const after = machine.reportGuide(s, entry.walkthrough, index, state, url);
        if (after !== s) await deps.storage.set(after);
      }),
    skip: () => serial(() => update(machine.skip)),
    pause: (paused: boolean) => serial(() => update((s) => machine.setPaused(s, paused))),
    /**
     * Resident mode for this session only (the console's switch): the desk setting is left as it is; the
     * on-page guide's copy follows (extension/settings.ts syncDisplaySettings reads the session).
     */
    setResidentMode: (on: boolean) =>
      serial(async () => {
        const s = await active();
        if (!s) return null;
        const after = machine.setResidentMode(s, on);
        if (after !== s) await deps.storage.set(after);
        return viewOf(after);
      }),
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
    /**
     * The current step was repaired at the desk (extension/repair.ts): the session goes on in the pack's new
     * version at the same step, shown again at once. The catalogue must hold that version already.
     */
    repaired: (index: number, pack: { id: string; version: string }) =>
      serial(async () => {
        const s = await active();
        if (!s || deps.catalog.find(pack.id, s.walkthroughId)?.pack.version !== pack.version) return null;
        const after = machine.markRepaired(s, index, pack);
        await commit(s, after);
        return viewOf(after);
      }),
    /** Content script, trial runs: the step's control was found. */
    found: (tabId: number, index: number) =>
      serial(async () => {
        const s = await active();
        if (!s || s.tabId !== tabId || !s.trial) return;
        const after = machine.markFound(s, index);
        if (after !== s) await deps.storage.set(after);
      }),
    /** End the session with an outcome. `pending`: records (this one included) not in the database yet. */
    finish: (outcome: Outcome, details: OutcomeDetails = {}) =>
      serial(async (): Promise<{ pending: number }> => {
        const s = await active();
        if (!s) return { pending: await save() };
        // The note is redacted here, whatever the sender did: nothing unredacted reaches storage.
        const note = details.note ? redactNote(details.note) || undefined : undefined;
        const unkept = await keep(machine.finish(s, outcome, now(), { ...details, note }));
        // Kept for "Hoàn tác" with ids and step numbers only: not the pages where steps were found (addresses).
        const kept: Session = { ...s };
        delete kept.foundPages;
        delete kept.guide;
        await lastOutcome.set({ session: kept, at: now() }).catch(() => undefined);
        await deps.storage.set(null);
        await deps.sendToTab(s.tabId, null);
        return { pending: await save([unkept]) };
      }),
    /**
     * "Hoàn tác" just after an outcome was saved: the record of session `sessionId` is taken out of the waiting
     * queue and the log database, and the session goes on as it was before it ended (the console shows the
     * outcome form again). Only the last session ended, only for `UNDO_ACCEPT_MS`, only while no other session
     * runs; when the database cannot take the record out, the outcome stands and nothing is restored.
     */
    undoFinish: (sessionId: string) =>
      serial(async (): Promise<UndoResult> => {
        const last = await lastOutcome.get().catch(() => null);
        if (!last || last.session.id !== sessionId || now() - last.at > UNDO_ACCEPT_MS || (await active())) return { ok: false, reason: 'expired' };
        const restored = await placed(last.session);
        const view = viewOf(restored);
        if (!view) return { ok: false, reason: 'expired' };
        // A write still under way (the session did not wait for a slow database) must land before the record is taken out.
        await withTimeout(flushing.catch(() => undefined), logTimeoutMs);
        // The database first: when it cannot take the record out, nothing has changed and the outcome stands.
        try {
          await withTimeout(
            (async () => {
              const logs = await openLogs();
              try {
                await logs.remove(sessionId);
              } finally {
                logs.close();
              }
            })(),
            logTimeoutMs,
            () => new Error('timeout'),
          );
        } catch (err) {
          console.warn(`Dẫn Bước: an outcome could not be undone (${failureKind(err)})`);
          return { ok: false, reason: 'failed' };
        }
        const left = await editPending((list) => (list.some((r) => r.id === sessionId) ? list.filter((r) => r.id !== sessionId) : list));
        if (!left) return { ok: false, reason: 'failed' };
        await lastOutcome.set(null).catch(() => undefined);
        await deps.storage.set(restored);
        await deps.sendToTab(restored.tabId, view);
        return { ok: true, view };
      }),
    /**
     * The browser started: a session left from before (the browser closed mid-session) is abandoned, and
     * records left waiting are written.
     */
    browserStarted: () =>
      serial(async () => {
        const s = await active();
        let unkept: AssistRecord | null = null;
        if (s) {
          unkept = await keep(machine.abandon(s, now()));
          await deps.storage.set(null);
        }
        await save([unkept]);
      }),
    tabClosed: (tabId: number) =>
      serial(async () => {
        const s = await active();
        if (!s || s.tabId !== tabId) return;
        const unkept = await keep(machine.abandon(s, now()));
        await deps.storage.set(null);
        await save([unkept]);
      }),
  };
}

export type Controller = ReturnType<typeof createController>;

/** `p`, or after `ms` undefined (`fail` absent) or a rejection with `fail()`. */
function withTimeout<T>(p: Promise<T>, ms: number, fail?: () => Error): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve, reject) => {
    timer = setTimeout(() => (fail ? reject(fail()) : resolve(undefined)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
