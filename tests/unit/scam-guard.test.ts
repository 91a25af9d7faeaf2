// Issue 19, the live warning's decisions (extension/scam-guard.ts) with fake tabs, storage and webNavigation:
// a lookalike's main-frame navigation is replaced by the warning page (its address: host and imitated site
// only) and counted, only when the setting is on; "Vẫn tiếp tục" is one tab's, once; the listener is there
// at start when the permission is, added when it is granted at run time, and nothing when the API is missing.
import { describe, expect, it } from 'vitest';
import { sanitizeSettings, DEFAULT_SETTINGS } from '../../core/settings';
import { createScamGuard, keepNavigationListener, warningAddress, type NavigationApi, type NavigationDetails } from '../../extension/scam-guard';

const PAGE = 'chrome-extension://abc/warning.html';

function harness(options: { enabled?: boolean; hadPage?: boolean } = {}) {
  const navigations: [number, string][] = [];
  const newTabs: number[] = [];
  const backs: number[] = [];
  let count = 0;
  let allowed: string[] = [];
  let fresh: string[] = [];
  let enabled = options.enabled ?? true;
  const guard = createScamGuard({
    enabled: async () => enabled,
    navigate: async (tabId, url) => void navigations.push([tabId, url]),
    warningPage: () => PAGE,
    newTab: async (tabId) => void newTabs.push(tabId),
    goBack: async (tabId) => void backs.push(tabId),
    hadPage: async () => options.hadPage ?? true,
    allowances: { get: async () => allowed, set: async (v) => void (allowed = v) },
    freshTabs: { get: async () => fresh, set: async (v) => void (fresh = v) },
    counted: async () => void count++,
  });
  return {
    guard,
    navigations,
    newTabs,
    backs,
    count: () => count,
    stored: () => ({ allowed, fresh }),
    setEnabled: (v: boolean) => void (enabled = v),
  };
}

const nav = (url: string, tabId = 5, frameId = 0): NavigationDetails => ({ url, tabId, frameId });

describe('19 the live scam warning decides in the background', () => {
  it('19 a lookalike in a main frame is replaced by the warning page, whose address holds the host and the imitated site only', async () => {
    const h = harness();
    expect(await h.guard.beforeNavigate(nav('https://dichvucong-gov.vn.xyz/dang-nhap?cccd=001234567890#otp'))).toBe(true);
    expect(h.navigations).toEqual([[5, `${PAGE}?host=dichvucong-gov.vn.xyz&imitates=dichvucong.gov.vn`]]);
    expect(h.count()).toBe(1);
    expect(JSON.stringify(h.stored())).not.toMatch(/dang-nhap|cccd|0012/);
    expect(await h.guard.beforeNavigate(nav('http://vietcombank-hotro.com/', 6))).toBe(true);
    expect(h.navigations[1]).toEqual([6, `${PAGE}?host=vietcombank-hotro.com&imitates=vietcombank.com.vn`]);
    expect(warningAddress(PAGE, 'x.example')).toBe(`${PAGE}?host=x.example`);
  });

  it('19 official and unrelated sites, frames, other schemes and tab-less navigations pass untouched', async () => {
    const h = harness();
    const pass = [
      nav('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html'),
      nav('https://sso.dancuquocgia.gov.vn/'),
      nav('https://vietcombank.com.vn/'),
      nav('https://vnexpress.net/'),
      nav('https://www.google.com/search?q=dichvucong'),
      nav('https://shopee.vn/'),
      nav('https://dichvucong-gov.vn.xyz/', 5, 3),
      nav('https://dichvucong-gov.vn.xyz/', -1),
      nav('ftp://dichvucong-gov.vn.xyz/'),
      nav('chrome-extension://abc/warning.html?host=dichvucong-gov.vn.xyz'),
    ];
    for (const d of pass) expect(await h.guard.beforeNavigate(d), d.url).toBe(false);
    expect(h.navigations).toEqual([]);
    expect(h.count()).toBe(0);
  });

  it('19 with the setting off nothing happens, and nothing is counted', async () => {
    const h = harness({ enabled: false });
    expect(await h.guard.beforeNavigate(nav('https://dichvucong-gov.vn.xyz/'))).toBe(false);
    expect(h.navigations).toEqual([]);
    expect(h.count()).toBe(0);
    h.setEnabled(true);
    expect(await h.guard.beforeNavigate(nav('https://dichvucong-gov.vn.xyz/'))).toBe(true);
  });

  it('19 "Vẫn tiếp tục" lets that tab open that host once, at its front page; other tabs and hosts are still warned', async () => {
    const h = harness();
    await h.guard.continueTo(5, 'dichvucong-gov.vn.xyz');
    expect(h.navigations).toEqual([[5, 'https://dichvucong-gov.vn.xyz/']]);
    expect(h.stored().allowed).toEqual(['5|dichvucong-gov.vn.xyz']);
    expect(await h.guard.beforeNavigate(nav('https://dichvucong-gov.vn.xyz/', 6))).toBe(true);
    expect(await h.guard.beforeNavigate(nav('https://vietcombank-hotro.com/', 5))).toBe(true);
    expect(await h.guard.beforeNavigate(nav('https://dichvucong-gov.vn.xyz/', 5))).toBe(false);
    // Used: the next navigation there is warned again.
    expect(await h.guard.beforeNavigate(nav('https://dichvucong-gov.vn.xyz/tra-cuu', 5))).toBe(true);
    expect(h.stored().allowed).toEqual([]);
  });

  it('19 "Vẫn tiếp tục" is for a lookalike host only: an official or unrelated host, or a URL, is refused', async () => {
    const h = harness();
    for (const host of ['dichvucong.gov.vn', 'vnexpress.net', 'https://dichvucong-gov.vn.xyz/', 'DICHVUCONG-GOV.VN.XYZ', '']) {
      await expect(h.guard.continueTo(5, host), host).rejects.toThrow(/not a lookalike/);
    }
    expect(h.navigations).toEqual([]);
    expect(h.stored().allowed).toEqual([]);
  });

  it('19 "Quay lại an toàn": back when the tab had a page before the lookalike, else the new-tab page; a closed tab leaves nothing', async () => {
    const withPage = harness({ hadPage: true });
    await withPage.guard.beforeNavigate(nav('https://dichvucong-gov.vn.xyz/'));
    await withPage.guard.leave(5);
    expect(withPage.backs).toEqual([5]);
    expect(withPage.newTabs).toEqual([]);

    const fresh = harness({ hadPage: false });
    await fresh.guard.beforeNavigate(nav('https://dichvucong-gov.vn.xyz/', 8));
    expect(fresh.stored().fresh).toEqual(['8']);
    await fresh.guard.leave(8);
    expect(fresh.newTabs).toEqual([8]);
    expect(fresh.stored().fresh).toEqual([]);

    await fresh.guard.beforeNavigate(nav('https://dichvucong-gov.vn.xyz/', 9));
    await fresh.guard.continueTo(9, 'dichvucong-gov.vn.xyz');
    await fresh.guard.tabClosed(9);
    expect(fresh.stored()).toEqual({ allowed: [], fresh: [] });
  });
});

/** A fake webNavigation that exists only while its permission is granted. */
function fakeBrowser(granted: boolean) {
  const listeners = new Set<(d: NavigationDetails) => void>();
  const added: ((p: { permissions?: string[] }) => void)[] = [];
  const removed: ((p: { permissions?: string[] }) => void)[] = [];
  let has = granted;
  const api: NavigationApi = {
    webNavigation: () =>
      has
        ? {
            onBeforeNavigate: {
              addListener: (fn) => void listeners.add(fn),
              removeListener: (fn) => void listeners.delete(fn),
              hasListener: (fn) => listeners.has(fn),
            },
          }
        : undefined,
    permissions: { onAdded: { addListener: (fn) => void added.push(fn) }, onRemoved: { addListener: (fn) => void removed.push(fn) } },
  };
  return {
    api,
    listeners,
    grant: () => {
      has = true;
      for (const fn of added) fn({ permissions: ['webNavigation'] });
    },
    revoke: () => {
      for (const fn of removed) fn({ permissions: ['webNavigation'] });
      has = false;
    },
    fire: (d: NavigationDetails) => [...listeners].forEach((fn) => fn(d)),
  };
}

describe('19 the navigation listener', () => {
  it('19 is registered at once when the permission is there (a browser restart, a woken worker), never twice', () => {
    const b = fakeBrowser(true);
    const seen: string[] = [];
    keepNavigationListener(b.api, (d) => seen.push(d.url));
    expect(b.listeners.size).toBe(1);
    b.grant();
    expect(b.listeners.size).toBe(1);
    b.fire(nav('https://dichvucong-gov.vn.xyz/'));
    expect(seen).toEqual(['https://dichvucong-gov.vn.xyz/']);
  });

  it('19 is a no-op while the API is missing, is added when the permission is granted at run time, and goes when it is removed', () => {
    const b = fakeBrowser(false);
    const seen: string[] = [];
    expect(() => keepNavigationListener(b.api, (d) => seen.push(d.url))).not.toThrow();
    expect(b.listeners.size).toBe(0);
    b.grant();
    expect(b.listeners.size).toBe(1);
    b.fire(nav('https://vietcombank-hotro.com/'));
    expect(seen).toHaveLength(1);
    b.revoke();
    expect(b.listeners.size).toBe(0);
  });
});

describe('19 the setting', () => {
  it('19 scamWarning is off by default and on only when stored as true', () => {
    expect(DEFAULT_SETTINGS.scamWarning).toBe(false);
    expect(sanitizeSettings(null).scamWarning).toBe(false);
    expect(sanitizeSettings({ scamWarning: true }).scamWarning).toBe(true);
    for (const bad of ['true', 1, 'yes', null, {}]) expect(sanitizeSettings({ scamWarning: bad as never }).scamWarning, String(bad)).toBe(false);
  });
});
