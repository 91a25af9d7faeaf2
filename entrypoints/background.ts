// Background: wires the message protocol to the session controller. No state lives in memory.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createController } from '../extension/controller';
import { BUILT_IN_IDS, libraryItem, liveCatalog } from '../extension/library';
import { createMessageGate, type Caller } from '../extension/message-gate';
import { messaging, type ProtocolMap } from '../extension/protocol';
import type { Received } from '../extension/protocol-schemas';
import { sessionStore } from '../extension/session-storage';
import { addStep, finishDraft, recordingItem, startDraft, viewOf, type RecordingDraft } from '../extension/recording';
import { displayItem } from '../extension/display-settings';
import { readSettings, syncDisplaySettings } from '../extension/settings';
import { syncContentScripts } from '../extension/site-access';
import { injectRecorder, keepRecorderInjected } from '../extension/author-scripts';
import { isActive } from '../core/session';

export default defineBackground(() => {
  // Shipped packs and the desk's own: answers wait for the first load (a woken worker reads storage first).
  const { catalog, ready } = liveCatalog();
  const controller = createController({
    storage: sessionStore,
    catalog,
    sendToTab: (tabId, view) => messaging.sendMessage('showStep', view, tabId).catch(() => undefined),
    navigate: async (tabId, url) => void (await browser.tabs.update(tabId, { url })),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
    desk: readSettings,
  });
  browser.runtime.onStartup.addListener(() => void controller.browserStarted());

  // Every message passes the gate first: its sender checked, its data validated (extension/message-gate.ts).
  const gate = createMessageGate({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    sessionTab: async () => {
      const s = await sessionStore.get();
      return s && isActive(s) ? s.tabId : null;
    },
    recordingTab: async () => (await recordingItem.getValue())?.tabId ?? null,
  });
  function on<K extends keyof ProtocolMap>(type: K, handler: (data: Received[K], caller: Caller) => ReturnType<ProtocolMap[K]> | Promise<ReturnType<ProtocolMap[K]>>): void {
    messaging.onMessage(type, async ({ data, sender }) => {
      const admitted = await gate.admit(type, data, sender);
      await ready;
      return (await handler(admitted.data, admitted.caller)) as Awaited<ReturnType<ProtocolMap[K]>>;
    });
  }
  /** The sender's tab: the gate lets only content scripts send the messages that ask for it. */
  const tabOf = (caller: Caller): number => {
    if (caller.kind !== 'tab') throw new Error('message must come from a tab');
    return caller.tabId;
  };

  on('start', (d) => controller.start(d.packId, d.walkthroughId, d.tabId));
  on('current', () => controller.current());
  on('offer', (d) => {
    const entry = catalog.find(d.packId, d.walkthroughId);
    return entry ? { title: entry.walkthrough.title.vi } : null;
  });
  on('startHere', (d, caller) => controller.start(d.packId, d.walkthroughId, tabOf(caller)));
  on('pageReady', (d, caller) => controller.pageReady(tabOf(caller), d.page));
  on('advance', (d, caller) => controller.advance(tabOf(caller), d.fromIndex));
  on('next', () => controller.next());
  on('back', () => controller.back());
  on('repeat', () => controller.repeat());
  on('skip', () => controller.skip());
  on('pause', (d) => controller.pause(d.paused));
  on('notFound', (d, caller) => controller.notFound(tabOf(caller), d.index));
  on('found', (d, caller) => controller.found(tabOf(caller), d.index));
  on('startTrial', (d) => controller.start(d.packId, d.walkthroughId, d.tabId, { trial: true }));
  on('finish', ({ outcome, ...details }) => controller.finish(outcome, details));

  // ---- recording a walkthrough by doing it (the draft in storage.session; steps only, never a typed value)
  // One change of the draft at a time: a focus and a click a few ms apart must both land, in order.
  let recQueue: Promise<unknown> = Promise.resolve();
  const serialRec = <T,>(fn: () => Promise<T>): Promise<T> => {
    const run = recQueue.then(fn, fn);
    recQueue = run.catch(() => undefined);
    return run;
  };
  const showRecording = async (tabId: number, view: ReturnType<typeof viewOf>): Promise<void> =>
    void (await messaging.sendMessage('showRecording', view, tabId).catch(() => undefined));
  on('startRecording', ({ tabId }) => {
    return serialRec(async () => {
      if (await controller.current()) throw new Error('a walkthrough is running');
      const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
      if (!url) throw new Error('no-tab');
      const draft = startDraft(tabId, url);
      await recordingItem.setValue(draft);
      await injectRecorder(tabId);
      await showRecording(tabId, viewOf(draft));
      return viewOf(draft)!;
    });
  });
  keepRecorderInjected(async () => (await recordingItem.getValue())?.tabId ?? null);
  on('recording', async (_, caller) => {
    const draft = await recordingItem.getValue();
    // A content script hears only of its own tab's recording (an extension page, of any).
    if (draft && caller.kind === 'tab' && caller.tabId !== draft.tabId) return null;
    return viewOf(draft);
  });
  on('recordStep', ({ step }, caller) => {
    return serialRec(async () => {
      const draft = await recordingItem.getValue();
      if (!draft || tabOf(caller) !== draft.tabId) throw new Error('not recording on this tab');
      const next = addStep(draft, step, (await libraryItem.getValue()).trusted);
      await recordingItem.setValue(next);
      await showRecording(draft.tabId, viewOf(next));
      return viewOf(next)!;
    });
  });
  // The gate let a content script through only for its own tab's recording; checked again in the queue.
  const ownRecording = (draft: RecordingDraft | null, caller: Caller): void => {
    if (draft && caller.kind === 'tab' && caller.tabId !== draft.tabId) throw new Error('not recording on this tab');
  };
  on('undoStep', (_, caller) => {
    return serialRec(async () => {
      const draft = await recordingItem.getValue();
      ownRecording(draft, caller);
      if (!draft) return null;
      const next = { ...draft, steps: draft.steps.slice(0, -1) };
      await recordingItem.setValue(next);
      await showRecording(draft.tabId, viewOf(next));
      return viewOf(next);
    });
  });
  on('stopRecording', (details, caller) => {
    return serialRec(async () => {
      const draft = await recordingItem.getValue();
      ownRecording(draft, caller);
      if (!draft) throw new Error('not recording');
      const r = finishDraft(await libraryItem.getValue(), draft, { ...details, now: Date.now() }, BUILT_IN_IDS);
      if (!r.ok) return r;
      await libraryItem.setValue(r.library);
      await recordingItem.setValue(null);
      await showRecording(draft.tabId, null);
      return { ok: true as const, packId: r.pack.id, walkthroughId: r.pack.walkthroughs[0]!.id };
    });
  });
  on('cancelRecording', () => {
    return serialRec(async () => {
      const draft = await recordingItem.getValue();
      await recordingItem.setValue(null);
      if (draft) await showRecording(draft.tabId, null);
    });
  });

  // The on-page guide's copy of language and resident mode follows the desk settings (moved from storage.local
  // on the first read); a change made to it by anyone else — a content script — is put back.
  const syncDisplay = (): void => void syncDisplaySettings().catch(() => undefined);
  syncDisplay();
  displayItem.watch(syncDisplay);

  // The content script on origins granted at run time (a provincial portal, a trusted origin).
  const sync = (): void => void syncContentScripts().catch(() => undefined);
  sync();
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  libraryItem.watch(sync);

  browser.tabs.onRemoved.addListener((tabId) => void controller.tabClosed(tabId));
  // Chromium: the toolbar button opens the side panel (Firefox shows its sidebar from the action instead).
  // Opened from action.onClicked, not by openPanelOnActionClick: only a click the extension handles grants
  // activeTab on that tab, which the OCR helper's tab capture needs. open() runs inside the click's gesture.
  if (import.meta.env.BROWSER !== 'firefox') {
    void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
    browser.action.onClicked.addListener((tab) => {
      if (tab.windowId !== undefined) void browser.sidePanel?.open({ windowId: tab.windowId }).catch(() => undefined);
    });
  } else {
    const firefox = browser as unknown as { sidebarAction?: { toggle(): Promise<void> } };
    browser.browserAction?.onClicked.addListener(() => void firefox.sidebarAction?.toggle());
  }
});
