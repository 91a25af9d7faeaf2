// The background's standing duties beside the messages: the on-page guide's copy of the display settings,
// the content script on origins granted at run time, and the toolbar button opening the console.
import { browser } from 'wxt/browser';
import { displayItem, wordsItem } from './display-settings';
import { libraryItem } from './library';
import { syncDisplaySettings } from './settings';
import { syncContentScripts } from './site-access';

/**
 * The on-page guide's copy of language and resident mode, and its words, follow the desk settings (moved from
 * storage.local on the first read); a change made to them by anyone else — a content script — is put back.
 */
export function keepDisplaySettings(): void {
  const sync = (): void => void syncDisplaySettings().catch(() => undefined);
  sync();
  displayItem.watch(sync);
  wordsItem.watch(sync);
}

/** The content script on origins granted at run time (a provincial portal, a trusted origin). */
export function keepContentScripts(): void {
  const sync = (): void => void syncContentScripts().catch(() => undefined);
  sync();
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  libraryItem.watch(sync);
}

/**
 * Chromium: the toolbar button opens the side panel (Firefox shows its sidebar from the action instead).
 * Opened from action.onClicked, not by openPanelOnActionClick: only a click the extension handles grants
 * activeTab on that tab, which the OCR helper's tab capture needs. open() runs inside the click's gesture.
 */
export function openConsoleFromToolbar(): void {
  if (import.meta.env.BROWSER !== 'firefox') {
    void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
    browser.action.onClicked.addListener((tab) => {
      if (tab.windowId !== undefined) void browser.sidePanel?.open({ windowId: tab.windowId }).catch(() => undefined);
    });
  } else {
    const firefox = browser as unknown as { sidebarAction?: { toggle(): Promise<void> } };
    browser.browserAction?.onClicked.addListener(() => void firefox.sidebarAction?.toggle());
  }
}
