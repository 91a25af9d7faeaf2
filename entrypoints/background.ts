// Background: wires the message protocol to the session controller. No state lives in memory.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createController } from '../extension/controller';
import { BUILT_IN_IDS, libraryItem, liveCatalog } from '../extension/library';
import { messaging, type ProtocolMap } from '../extension/protocol';
import { check, schemas } from '../extension/protocol-schemas';
import { sessionStore } from '../extension/session-storage';
import { addStep, finishDraft, recordingItem, startDraft, viewOf } from '../extension/recording';
import { readSettings } from '../extension/settings';
import { syncContentScripts } from '../extension/site-access';

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

  const onMessage: typeof messaging.onMessage = (type, handler) =>
    messaging.onMessage(type, async (message) => {
      await ready;
      return (await handler(message)) as Awaited<ReturnType<ProtocolMap[typeof type]>>;
    });

  const senderTab = (sender: { tab?: { id?: number } }): number => {
    const id = sender.tab?.id;
    if (typeof id !== 'number') throw new Error('message must come from a tab');
    return id;
  };

  onMessage('start', ({ data }) => {
    const d = check(schemas.start, data);
    return controller.start(d.packId, d.walkthroughId, d.tabId);
  });
  onMessage('current', () => controller.current());
  onMessage('offer', ({ data }) => {
    const d = check(schemas.offer, data);
    const entry = catalog.find(d.packId, d.walkthroughId);
    return entry ? { title: entry.walkthrough.title.vi } : null;
  });
  onMessage('startHere', ({ data, sender }) => {
    const d = check(schemas.offer, data);
    return controller.start(d.packId, d.walkthroughId, senderTab(sender));
  });
  onMessage('pageReady', ({ data, sender }) => controller.pageReady(senderTab(sender), check(schemas.pageReady, data).page));
  onMessage('advance', ({ data, sender }) => controller.advance(senderTab(sender), check(schemas.advance, data).fromIndex));
  onMessage('next', () => controller.next());
  onMessage('back', () => controller.back());
  onMessage('repeat', () => controller.repeat());
  onMessage('skip', () => controller.skip());
  onMessage('pause', ({ data }) => controller.pause(check(schemas.pause, data).paused));
  onMessage('notFound', ({ data, sender }) => controller.notFound(senderTab(sender), check(schemas.notFound, data).index));
  onMessage('found', ({ data, sender }) => controller.found(senderTab(sender), check(schemas.notFound, data).index));
  onMessage('startTrial', ({ data }) => {
    const d = check(schemas.startTrial, data);
    return controller.start(d.packId, d.walkthroughId, d.tabId, { trial: true });
  });
  onMessage('finish', ({ data }) => {
    const { outcome, ...details } = check(schemas.finish, data);
    return controller.finish(outcome, details);
  });

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
  onMessage('startRecording', async ({ data }) => {
    return serialRec(async () => {
      const { tabId } = check(schemas.startRecording, data);
      if (await controller.current()) throw new Error('a walkthrough is running');
      const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
      if (!url) throw new Error('no-tab');
      const draft = startDraft(tabId, url);
      await recordingItem.setValue(draft);
      await showRecording(tabId, viewOf(draft));
      return viewOf(draft)!;
    });
  });
  onMessage('recording', async ({ sender }) => {
    const draft = await recordingItem.getValue();
    // A content script hears only of its own tab's recording (the console, an extension page, of any).
    const fromPage = (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
    if (draft && !fromPage && sender.tab?.id !== draft.tabId) return null;
    return viewOf(draft);
  });
  onMessage('recordStep', async ({ data, sender }) => {
    return serialRec(async () => {
      const { step } = check(schemas.recordStep, data);
      const draft = await recordingItem.getValue();
      if (!draft || senderTab(sender) !== draft.tabId) throw new Error('not recording on this tab');
      const next = addStep(draft, step, (await libraryItem.getValue()).trusted);
      await recordingItem.setValue(next);
      await showRecording(draft.tabId, viewOf(next));
      return viewOf(next)!;
    });
  });
  onMessage('undoStep', async () => {
    return serialRec(async () => {
      const draft = await recordingItem.getValue();
      if (!draft) return null;
      const next = { ...draft, steps: draft.steps.slice(0, -1) };
      await recordingItem.setValue(next);
      await showRecording(draft.tabId, viewOf(next));
      return viewOf(next);
    });
  });
  onMessage('stopRecording', async ({ data }) => {
    return serialRec(async () => {
      const details = check(schemas.stopRecording, data);
      const draft = await recordingItem.getValue();
      if (!draft) throw new Error('not recording');
      const r = finishDraft(await libraryItem.getValue(), draft, { ...details, now: Date.now() }, BUILT_IN_IDS);
      if (!r.ok) return r;
      await libraryItem.setValue(r.library);
      await recordingItem.setValue(null);
      await showRecording(draft.tabId, null);
      return { ok: true as const, packId: r.pack.id, walkthroughId: r.pack.walkthroughs[0]!.id };
    });
  });
  onMessage('cancelRecording', async () => {
    return serialRec(async () => {
      const draft = await recordingItem.getValue();
      await recordingItem.setValue(null);
      if (draft) await showRecording(draft.tabId, null);
    });
  });

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
