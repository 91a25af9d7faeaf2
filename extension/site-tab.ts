// The tab the console guides (guidedTabId), and the tab of a site the editor works on (re-capture, trial runs): the tab on the step's page used most
// recently, else one on the pack's origins, else a new tab at the page (or the walkthrough's start when the
// page pattern has wildcards). Without the "tabs" permission only tabs of sites we may guide on show a URL,
// which is exactly the set we look in.
import { browser } from 'wxt/browser';
import { matchesPage } from '../core/url-pattern';

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

export async function findSiteTab(origins: readonly string[], page: string, startUrl: string): Promise<number> {
  const own = browser.runtime.getURL('/');
  const tabs = (await browser.tabs.query({})).filter((t) => typeof t.id === 'number' && t.url && !t.url.startsWith(own));
  const recent = (a: { lastAccessed?: number }, b: { lastAccessed?: number }): number => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0);
  const onPage = tabs.filter((t) => matchesPage(page, t.url!)).sort(recent)[0];
  const onOrigin = tabs.filter((t) => origins.includes(originOf(t.url!) ?? '')).sort(recent)[0];
  const found = onPage ?? onOrigin;
  if (found) return found.id!;
  const created = await browser.tabs.create({ url: page.includes('*') ? startUrl : page, active: true });
  if (typeof created.id !== 'number') throw new Error('no-tab');
  return created.id;
}

/** Wait until the tab has loaded (or throw 'no-tab' when it is closed). */
export async function waitForTabLoad(tabId: number, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (!tab) throw new Error('no-tab');
    if (tab.status === 'complete' || Date.now() > until) return;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * The tab to guide: the active tab of this window unless it is one of our own pages, else the tab used most
 * recently. Without the "tabs" permission only official sites' URLs are visible, which is all we need.
 */
export async function guidedTabId(): Promise<number> {
  const tabs = await browser.tabs.query({ currentWindow: true });
  const own = browser.runtime.getURL('/');
  // The console opened as a tab (tests, Firefox) is never the one to guide: Chromium 150 does not show an
  // extension page's URL to tabs.query without the "tabs" permission, so it is known by its id too.
  const self = (await browser.tabs.getCurrent?.().catch(() => undefined))?.id;
  const candidates = tabs.filter((tab) => typeof tab.id === 'number' && tab.id !== self && !(tab.url ?? '').startsWith(own));
  const pick = candidates.find((tab) => tab.active) ?? candidates.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (!pick?.id) throw new Error('no-tab');
  return pick.id;
}
