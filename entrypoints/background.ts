// Background: wires the message protocol to the session and recording controllers. No state lives in memory.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createController } from '../extension/controller';
import { createRecordingController } from '../extension/recording-controller';
import { registerHandlers, registerScamHandlers } from '../extension/background-handlers';
import { dropOldGuideRegistration, keepDisplaySettings, openConsoleFromToolbar } from '../extension/background-upkeep';
import { guideBoot, keepGuideInjected, offeredHere, sendOrInject } from '../extension/guide-injection';
import { BUILT_IN_IDS, libraryItem, liveCatalog } from '../extension/library';
import { createMessageGate, createOn } from '../extension/message-gate';
import { messaging } from '../extension/protocol';
import { lastOutcomeStore, sessionStore } from '../extension/session-storage';
import { recordingItem } from '../extension/recording';
import { readSettings } from '../extension/settings';
import { isActive } from '../core/session';
import { injectRecorder, keepRecorderInjected } from '../extension/author-scripts';
import { createRepair } from '../extension/repair';
import { startScamGuard } from '../extension/scam-background';

export default defineBackground(() => {
  // Shipped packs and the desk's own: answers wait for the first load (a woken worker reads storage first).
  const { catalog, ready, refresh } = liveCatalog();
  const tabUrl = async (tabId: number) => (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  const controller = createController({
    storage: sessionStore,
    catalog,
    sendToTab: (tabId, view) => sendOrInject(() => messaging.sendMessage('showStep', view, tabId), tabId, !!view),
    navigate: async (tabId, url) => void (await browser.tabs.update(tabId, { url })),
    tabUrl,
    desk: readSettings,
    lastOutcome: lastOutcomeStore,
  });
  const recording = createRecordingController({
    draft: recordingItem,
    library: libraryItem,
    builtInIds: BUILT_IN_IDS,
    guiding: async () => !!(await controller.current()),
    tabUrl,
    show: (tabId, view) => messaging.sendMessage('showRecording', view, tabId).then(() => undefined, () => undefined),
    inject: injectRecorder,
  });
  keepRecorderInjected(async () => (await recordingItem.getValue())?.tabId ?? null);
  const sessionTab = async () => ((s) => (s && isActive(s) ? s.tabId : null))(await sessionStore.get());

  // Every message passes the gate first: its sender checked, its data validated (extension/message-gate.ts).
  const recordingTab = async () => (await recordingItem.getValue())?.tabId ?? null;
  const gate = createMessageGate({ extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/'), sessionTab, recordingTab });
  const on = createOn(gate, (type, receive) => messaging.onMessage(type, receive as never), ready);
  const repair = createRepair({ library: libraryItem, builtInIds: BUILT_IN_IDS, catalog, session: sessionStore, reloadCatalog: refresh, repaired: controller.repaired });
  registerHandlers(on, { controller, recording, catalog, repair });
  registerScamHandlers(on, startScamGuard());

  browser.runtime.onStartup.addListener(() => void controller.browserStarted());
  browser.tabs.onRemoved.addListener((tabId) => void controller.tabClosed(tabId));
  keepDisplaySettings();
  keepGuideInjected({ sessionTab, offered: (url) => ready.then(() => offeredHere(catalog, url)), boot: guideBoot(controller.pageReady) });
  dropOldGuideRegistration();
  openConsoleFromToolbar();
});
