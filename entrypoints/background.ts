// Background: wires the message protocol to the session controller. No state lives in memory.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createController } from '../extension/controller';
import { catalog } from '../extension/catalog';
import { messaging } from '../extension/protocol';
import { check, schemas } from '../extension/protocol-schemas';
import { sessionStore } from '../extension/session-storage';
import { readSettings } from '../extension/settings';

export default defineBackground(() => {
  const controller = createController({
    storage: sessionStore,
    catalog,
    sendToTab: (tabId, view) => messaging.sendMessage('showStep', view, tabId).catch(() => undefined),
    navigate: async (tabId, url) => void (await browser.tabs.update(tabId, { url })),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
    desk: readSettings,
  });
  browser.runtime.onStartup.addListener(() => void controller.browserStarted());

  const senderTab = (sender: { tab?: { id?: number } }): number => {
    const id = sender.tab?.id;
    if (typeof id !== 'number') throw new Error('message must come from a tab');
    return id;
  };

  messaging.onMessage('start', ({ data }) => {
    const d = check(schemas.start, data);
    return controller.start(d.packId, d.walkthroughId, d.tabId);
  });
  messaging.onMessage('current', () => controller.current());
  messaging.onMessage('offer', ({ data }) => {
    const d = check(schemas.offer, data);
    const entry = catalog.find(d.packId, d.walkthroughId);
    return entry ? { title: entry.walkthrough.title.vi } : null;
  });
  messaging.onMessage('startHere', ({ data, sender }) => {
    const d = check(schemas.offer, data);
    return controller.start(d.packId, d.walkthroughId, senderTab(sender));
  });
  messaging.onMessage('pageReady', ({ data, sender }) => controller.pageReady(senderTab(sender), check(schemas.pageReady, data).page));
  messaging.onMessage('advance', ({ data, sender }) => controller.advance(senderTab(sender), check(schemas.advance, data).fromIndex));
  messaging.onMessage('next', () => controller.next());
  messaging.onMessage('back', () => controller.back());
  messaging.onMessage('repeat', () => controller.repeat());
  messaging.onMessage('skip', () => controller.skip());
  messaging.onMessage('pause', ({ data }) => controller.pause(check(schemas.pause, data).paused));
  messaging.onMessage('notFound', ({ data, sender }) => controller.notFound(senderTab(sender), check(schemas.notFound, data).index));
  messaging.onMessage('finish', ({ data }) => {
    const { outcome, ...details } = check(schemas.finish, data);
    return controller.finish(outcome, details);
  });

  browser.tabs.onRemoved.addListener((tabId) => void controller.tabClosed(tabId));
  // Chromium: the toolbar button opens the side panel (Firefox shows its sidebar from the action instead).
  if (import.meta.env.BROWSER !== 'firefox') {
    void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  } else {
    const firefox = browser as unknown as { sidebarAction?: { toggle(): Promise<void> } };
    browser.browserAction?.onClicked.addListener(() => void firefox.sidebarAction?.toggle());
  }
});
