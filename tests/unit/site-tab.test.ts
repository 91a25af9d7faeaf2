// The tab the console guides (extension/site-tab.ts): never the console's own tab, even when the browser does not
// show it the URL of that tab (Chromium 150 without the "tabs" permission: the console opened as a page).
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { guidedTabId } from '../../extension/site-tab';

type Tab = Browser.tabs.Tab;
const tab = (id: number, active: boolean, url?: string): Tab => ({ id, active, url, index: id, pinned: false, highlighted: active, windowId: 1, incognito: false, selected: active, discarded: false, autoDiscardable: true, groupId: -1, frozen: false }) as Tab;

describe('guidedTabId', () => {
  it("skips the console's own tab when its URL is hidden, and takes the active site tab otherwise", async () => {
    const site = tab(7, false, 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html');
    // As Chromium 150 answers without the "tabs" permission: the extension's own page shows no URL.
    const consoleTab = tab(9, true);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([site, consoleTab]);
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue(consoleTab);
    expect(await guidedTabId()).toBe(7);
    // From the side panel (no tab of its own), the active tab is the one guided.
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue(undefined as never);
    expect(await guidedTabId()).toBe(9);
  });
});
