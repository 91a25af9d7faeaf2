// The author's tools on a page — the recorder and the re-capture picker — are scripts of their own, injected
// into one tab when an author starts them (scripting.executeScript: no web-accessible file, nothing on the
// pages of residents being guided). The guide's content script, on every official page, stays small.
// They run in the content scripts' isolated world, with the same page context, closed roots and
// trusted-event rules as the guide (extension/page-context.ts, extension/page-ui.ts).
import { browser } from 'wxt/browser';

/** The built files (WXT unlisted scripts: entrypoints/recorder.ts, entrypoints/picker.ts). */
export const AUTHOR_SCRIPTS = { recorder: '/recorder.js', picker: '/picker.js' } as const;

export type AuthorScript = keyof typeof AUTHOR_SCRIPTS;

type Inject = (tabId: number, file: (typeof AUTHOR_SCRIPTS)[AuthorScript]) => Promise<unknown>;

const executeScript: Inject = (tabId, file) => browser.scripting.executeScript({ target: { tabId }, files: [file] });

/**
 * Inject one of the author's scripts into a tab's top document. Injecting again is harmless: the newer copy
 * ends the older one. False when the browser refused (a page the extension may not run on, a closed tab).
 */
export async function injectAuthorScript(tabId: number, script: AuthorScript, inject: Inject = executeScript): Promise<boolean> {
  try {
    await inject(tabId, AUTHOR_SCRIPTS[script]);
    return true;
  } catch {
    return false;
  }
}

export const injectRecorder = (tabId: number, inject?: Inject): Promise<boolean> => injectAuthorScript(tabId, 'recorder', inject);
export const injectPicker = (tabId: number, inject?: Inject): Promise<boolean> => injectAuthorScript(tabId, 'picker', inject);

export interface TabEvents {
  onUpdated: { addListener(cb: (tabId: number, info: { status?: string }) => void): void };
}

/**
 * While a tab is recorded, every page it loads gets the recorder again (a navigation drops the injected
 * script with its document). `recordingTab` says which tab is recorded now. tabs.onUpdated tells the extension
 * of its own tabs' loading without the "tabs" permission (the status, never the URL of a site it cannot see).
 */
export function keepRecorderInjected(recordingTab: () => Promise<number | null>, tabs: TabEvents = browser.tabs, inject?: Inject): void {
  tabs.onUpdated.addListener((tabId, info) => {
    if (info.status !== 'complete') return;
    void recordingTab()
      .then((recorded) => (recorded === tabId ? injectRecorder(tabId, inject) : false))
      .catch(() => false);
  });
}
