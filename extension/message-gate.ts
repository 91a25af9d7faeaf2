// The background's one message gate: who sent a message, whether that sender may send it, and its data
// checked by the message's schema — before any handler runs. Content scripts run on pages that may be
// hostile (a compromised site can drive our content script's messaging), so they are trusted with their own
// tab only; whatever starts, ends, logs, installs or reads across tabs is for the extension's own pages.
import type { ProtocolMap } from './protocol';
import { check, type Received } from './protocol-schemas';

/**
 * Who may send a message:
 * - `page`: the extension's own pages only (side panel, editor, dashboard);
 * - `tab`: content scripts, about their own tab (the handler is given the sender's tab);
 * - `tab-or-page`: both; a content script is answered about its own tab only;
 * - `session`: extension pages, or a content script whose tab the running session is on;
 * - `recording`: extension pages, or a content script whose tab the recording is on;
 * - `warning`: the extension's own scam warning page (warning.html) in a tab, about that tab only;
 * - `none`: the background never receives it (it goes to content scripts).
 */
export type Access = 'page' | 'tab' | 'tab-or-page' | 'session' | 'recording' | 'warning' | 'none';

export const ACCESS: { [K in keyof ProtocolMap]: Access } = {
  start: 'page',
  startChoice: 'page',
  current: 'page',
  pageReady: 'tab',
  advance: 'tab',
  next: 'session',
  back: 'session',
  // Navigates only the session's own tab, to a page the pack names: the side panel, or the card on that tab.
  openStepPage: 'session',
  repeat: 'session',
  skip: 'session',
  pause: 'session',
  // The controller takes it only from the session's tab, and only about the current step.
  guideState: 'tab',
  finish: 'page',
  // Taking a record back out of the logs, and the session's display: the console only.
  undoFinish: 'page',
  setResidentMode: 'page',
  offer: 'tab-or-page',
  startHere: 'tab',
  showStep: 'none',
  startRecording: 'page',
  recording: 'tab-or-page',
  recordStep: 'tab',
  // The on-page recording bar's undo and stop: from the recording's own tab only.
  undoStep: 'recording',
  stopRecording: 'recording',
  cancelRecording: 'page',
  showRecording: 'none',
  pickTarget: 'none',
  cancelPick: 'none',
  showTarget: 'none',
  startTrial: 'page',
  // A repair changes the desk's library: the console only, never a page's script.
  repairStep: 'page',
  // Whitelisting a lookalike for a tab: the warning page shown in that tab, never a content script, a web page
  // or another extension page.
  scamContinue: 'warning',
  scamLeave: 'warning',
};

/** The sender as the browser reports it (runtime.MessageSender); never anything the message says. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * An extension page (its path, e.g. `warning.html`, and its tab when it is shown in one), or a content script
 * in a tab.
 */
export type Caller = { kind: 'page'; page?: string; tabId?: number } | { kind: 'tab'; tabId: number };

/** The extension's scam warning page (entrypoints/warning/). */
export const WARNING_PAGE = 'warning.html';

export interface GateDeps {
  /** runtime.id. */
  extensionId: string;
  /** runtime.getURL('/'), e.g. `chrome-extension://<id>/`: every extension page's URL starts with it. */
  extensionOrigin: string;
  /** The tab the running guided session is on, if any. */
  sessionTab(): Promise<number | null>;
  /** The tab being recorded, if any. */
  recordingTab(): Promise<number | null>;
}

/** A message refused by the gate (the sender sees its message as a rejected promise). */
export class GateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GateError';
  }
}

export function createMessageGate(deps: GateDeps) {
  /**
   * Who sent it. An extension page: our extension's id and a URL inside the extension (with or without a
   * tab: the side panel has none, the dashboard or editor opened in a tab has one). A content script: our id,
   * a tab, and a web page's URL. Anything else (another extension, a sender without a tab) is nobody.
   */
  function callerOf(sender: Sender): Caller | null {
    if (!sender || sender.id !== deps.extensionId) return null;
    const tabId = sender.tab?.id;
    const inTab = typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0;
    if (typeof sender.url === 'string' && sender.url.startsWith(deps.extensionOrigin)) {
      const page = sender.url.slice(deps.extensionOrigin.length).replace(/^\//, '').replace(/[?#].*$/, '');
      return inTab ? { kind: 'page', page, tabId } : { kind: 'page', page };
    }
    if (inTab) return { kind: 'tab', tabId };
    return null;
  }

  /** Why `caller` may not send a message of this access, or null when it may. */
  async function refusal(access: Access, caller: Caller): Promise<string | null> {
    if (access === 'none') return 'the background does not take it';
    if (access === 'warning') return caller.kind === 'page' && caller.page === WARNING_PAGE && caller.tabId !== undefined ? null : 'only the warning page, in its tab, may send it';
    if (caller.kind === 'page') return access === 'tab' ? 'only a content script sends it, about its own tab' : null;
    switch (access) {
      case 'page':
        return "only the extension's own pages may send it";
      case 'session':
        return (await deps.sessionTab()) === caller.tabId ? null : "the guided session is not on the sender's tab";
      case 'recording':
        return (await deps.recordingTab()) === caller.tabId ? null : "the recording is not on the sender's tab";
      default:
        return null;
    }
  }

  return {
    callerOf,
    /**
     * Admit a message or throw a GateError: the sender must be allowed to send it, and its data must pass the
     * message's schema (the error names the bad field's path). Returns the checked data and who sent it.
     */
    async admit<K extends keyof ProtocolMap>(type: K, data: unknown, sender: Sender): Promise<{ data: Received[K]; caller: Caller }> {
      const access = ACCESS[type] as Access | undefined;
      if (!access) throw new GateError(`unknown message ${String(type)}`);
      const caller = callerOf(sender);
      if (!caller) throw new GateError(`refused ${type}: unknown sender`);
      const why = await refusal(access, caller);
      if (why) throw new GateError(`refused ${type}: ${why}`);
      return { data: check(type, data), caller };
    },
  };
}

export type MessageGate = ReturnType<typeof createMessageGate>;

/** A handler of one message: given the checked data and who sent it. */
export type Handler<K extends keyof ProtocolMap> = (
  data: Received[K],
  caller: Caller,
) => ReturnType<ProtocolMap[K]> | Promise<ReturnType<ProtocolMap[K]>>;

/** Registers a handler for one message type, behind the gate. */
export type On = <K extends keyof ProtocolMap>(type: K, handler: Handler<K>) => void;

/**
 * The only way a background handler is registered: each message passes the gate (sender, then schema) before
 * its handler runs, and handlers wait for `ready` (a woken worker reads storage first).
 * `listen` is the messaging library's onMessage.
 */
export function createOn(
  gate: Pick<MessageGate, 'admit'>,
  listen: (type: keyof ProtocolMap, receive: (message: { data: unknown; sender: Sender }) => Promise<unknown>) => void,
  ready: Promise<unknown> = Promise.resolve(),
): On {
  return (type, handler) =>
    listen(type, async ({ data, sender }) => {
      const admitted = await gate.admit(type, data, sender);
      await ready;
      return handler(admitted.data, admitted.caller);
    });
}

/** The sender's tab: the gate lets only content scripts send the messages that ask for it. */
export function tabOf(caller: Caller): number {
  if (caller.kind !== 'tab') throw new Error('message must come from a tab');
  return caller.tabId;
}

/** The tab of the warning page that sent a `warning` message (the gate admitted only that page, in a tab). */
export function warningTabOf(caller: Caller): number {
  if (caller.kind !== 'page' || caller.tabId === undefined) throw new Error('message must come from the warning page');
  return caller.tabId;
}
