// The live scam warning's wiring in the background (issue 19): the guard (scam-guard.ts) given the browser —
// tabs, the desk setting, storage.session for "Vẫn tiếp tục", the log database's daily count — and the
// navigation listener registered at once (call this at the top level of the background).
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { createLogStore } from '../core/log-store';
import { WARNING_PAGE } from './message-gate';
import { createScamGuard, keepNavigationListener, type NavigationApi, type ScamGuard } from './scam-guard';
import { readSettings, settingsItem } from './settings';

/** "Vẫn tiếp tục": `${tabId}|${host}` entries, in the session area (extension contexts only; gone at browser exit). */
const allowances = storage.defineItem<string[]>('session:dan-buoc-scam-allowed', { fallback: [] });
/** Tabs whose warning has no page to go back to: tab ids only. */
const freshTabs = storage.defineItem<string[]>('session:dan-buoc-scam-fresh', { fallback: [] });

/** One warning shown today, in the log database (no host, no URL, no tab). */
async function countWarning(): Promise<void> {
  const store = await createLogStore();
  try {
    await store.countWarning(Date.now());
  } finally {
    store.close();
  }
}

/** The browser's new-tab page in the warning's tab (Firefox refuses about:newtab to tabs.update: a new tab instead). */
async function newTab(tabId: number): Promise<void> {
  if (import.meta.env.BROWSER !== 'firefox') {
    await browser.tabs.update(tabId, { url: 'chrome://newtab/' });
    return;
  }
  await browser.tabs.create({});
  await browser.tabs.remove(tabId);
}

interface WebNavigationFrames {
  getFrame(details: { tabId: number; frameId: number }): Promise<{ url: string } | null>;
}

export function startScamGuard(): ScamGuard {
  const api = browser as unknown as { webNavigation?: ReturnType<NavigationApi['webNavigation']>; permissions: NavigationApi['permissions'] };
  // The setting read once at start and kept current. Until that first read is in, a navigation does not wait for it: webNavigation events come only while the
  // permission is granted, and it is granted only with the setting on (turning the setting off gives it back). A
  // worker woken by a lookalike's navigation would otherwise read storage first, and a fast site commits meanwhile.
  let known: boolean | undefined;
  let enabled = readSettings().then(
    (s) => (known ??= s.scamWarning),
    () => (known ??= false),
  );
  settingsItem.watch((s) => {
    known = s?.scamWarning === true;
    enabled = Promise.resolve(known);
  });
  const guard = createScamGuard({
    enabled: () => (known === undefined ? Promise.resolve(true) : enabled),
    navigate: async (tabId, url) => void (await browser.tabs.update(tabId, { url })),
    warningPage: () => browser.runtime.getURL(`/${WARNING_PAGE}`),
    newTab,
    goBack: (tabId) => browser.tabs.goBack(tabId),
    hadPage: async (tabId) => {
      const frame = await (api.webNavigation as unknown as WebNavigationFrames | undefined)?.getFrame({ tabId, frameId: 0 });
      return !!frame && /^(https?|chrome-extension|moz-extension):/.test(frame.url);
    },
    allowances: { get: () => allowances.getValue(), set: (v) => allowances.setValue(v) },
    freshTabs: { get: () => freshTabs.getValue(), set: (v) => freshTabs.setValue(v) },
    counted: countWarning,
  });
  keepNavigationListener({ webNavigation: () => api.webNavigation, permissions: api.permissions }, (d) => void guard.beforeNavigate(d).catch(() => undefined));
  browser.tabs.onRemoved.addListener((tabId) => void guard.tabClosed(tabId));
  return guard;
}
