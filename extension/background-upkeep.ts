// The background's standing duties beside the messages: the on-page guide's copy of the display settings,
// and the toolbar button opening the console.
import { browser } from 'wxt/browser';
import { displayItem, wordsItem } from './display-settings';
import { sessionResidentMode, syncDisplaySettings } from './settings';
import { sessionStore } from './session-storage';

/**
 * The on-page guide's copy of language and resident mode, and its words, follow the desk settings (moved from
 * storage.local on the first read); a change made to them by anyone else — a content script — is put back. The
 * session's own resident mode (the console's switch) applies while it runs, and goes with it.
 */
export function keepDisplaySettings(): void {
  const sync = (): void => void syncDisplaySettings().catch(() => undefined);
  sync();
  displayItem.watch(sync);
  wordsItem.watch(sync);
  // The session is written at every step and guide report: only a change of its resident mode matters here.
  let seen: boolean | null = null;
  sessionStore.watch((s) => {
    const now = sessionResidentMode(s);
    if (now === seen) return;
    seen = now;
    sync();
  });
}

/**
 * Before issue 16 the guide was also registered as a content script on origins granted at run time; it is now
 * injected where a session runs (extension/guide-injection.ts). A registration left by that version is removed.
 */
export function dropOldGuideRegistration(): void {
  const scripting = browser.scripting;
  if (!scripting?.unregisterContentScripts) return;
  void scripting
    .getRegisteredContentScripts({ ids: [OLD_GUIDE_SCRIPT_ID] })
    .then((found) => (found.length ? scripting.unregisterContentScripts({ ids: [OLD_GUIDE_SCRIPT_ID] }) : undefined))
    .catch(() => undefined);
}

/** The id under which that version registered it. */
const OLD_GUIDE_SCRIPT_ID = 'dan-buoc-guide-extra';

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
