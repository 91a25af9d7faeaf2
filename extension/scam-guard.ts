// The live scam warning (issue 19), background side: a main-frame navigation to a host core/scam.ts calls a
// lookalike is replaced by the extension's warning page before the lookalike can paint, and counted (one
// anonymous count a day). "Vẫn tiếp tục" lets one tab open that host once. Nothing about a navigation is kept:
// the warning page's address holds the host and the site it imitates only (never the URL, its path or query),
// an allowance holds a tab id and a host until it is used, and the count has no host, URL or tab.
// Everything the browser does is injected (createScamGuard, keepNavigationListener), so tests use fakes.
import { checkHost, hostOf, type HostCheck } from '../core/scam';

/** What webNavigation.onBeforeNavigate reports (the fields used). */
export interface NavigationDetails {
  tabId: number;
  frameId: number;
  url: string;
}

/** "Vẫn tiếp tục": hosts one tab may open once (storage.session in the extension: tab id and host only). */
export interface Allowances {
  get(): Promise<string[]>;
  set(value: string[]): Promise<void>;
}

export interface ScamGuardDeps {
  /** The desk's "Cảnh báo trang giả mạo" setting. */
  enabled(): Promise<boolean>;
  /** Navigate the tab (tabs.update). */
  navigate(tabId: number, url: string): Promise<void>;
  /** The extension's warning page for a host (runtime.getURL). */
  warningPage(): string;
  /** Leave the warning for the browser's new-tab page (when the tab has no page to go back to). */
  newTab(tabId: number): Promise<void>;
  /** tabs.goBack. */
  goBack(tabId: number): Promise<void>;
  /**
   * Whether the tab shows a page before the lookalike's navigation (webNavigation.getFrame: its main frame's
   * document is not the empty one of a new tab). Only this yes/no is kept, never the page.
   */
  hadPage(tabId: number): Promise<boolean>;
  allowances: Allowances;
  /** Tabs whose warning has no page to go back to (tab ids only; storage.session). */
  freshTabs: Allowances;
  /** One warning shown: the day's anonymous count in the logs. */
  counted(): Promise<void>;
  /** @default core/scam.ts checkHost */
  check?(host: string): HostCheck;
}

/** At most this many allowances are kept (a tab that never used one keeps it until then). @default 20 */
export const MAX_ALLOWANCES = 20;

const key = (tabId: number, host: string): string => `${tabId}|${host}`;

/** The warning page's address: the host and what it imitates, nothing else of the navigation. */
export function warningAddress(page: string, host: string, imitates?: string): string {
  const q = new URLSearchParams({ host });
  if (imitates) q.set('imitates', imitates);
  return `${page}?${q.toString()}`;
}

export function createScamGuard(deps: ScamGuardDeps) {
  const check = deps.check ?? checkHost;

  // The allowances as this worker last read or wrote them: a lookalike's tab is taken over without waiting for
  // storage (a page served fast commits within milliseconds of its navigation starting; measured in the e2e test).
  // Storage keeps them for a worker woken later, which reads them once.
  let known: string[] | null = null;
  void deps.allowances.get().then(
    (list) => void (known ??= list),
    () => void (known ??= []),
  );
  const allow = async (list: string[]): Promise<void> => {
    known = list;
    await deps.allowances.set(list);
  };

  /**
   * Use a tab's allowance for a host, if it has one (once: it is gone after). A worker woken by the navigation has
   * not read them yet and does not wait: an allowance is used right after it is given ("Vẫn tiếp tục" navigates at
   * once), by the same worker; at worst the site is warned about again.
   */
  async function takeAllowance(tabId: number, host: string): Promise<boolean> {
    const list = known ?? [];
    if (!list.includes(key(tabId, host))) return false;
    await allow(list.filter((k) => k !== key(tabId, host)));
    return true;
  }

  return {
    /**
     * webNavigation.onBeforeNavigate: a lookalike in a tab's main frame, with the warning on and no allowance,
     * is replaced by the warning page. True when it was.
     */
    async beforeNavigate(d: NavigationDetails): Promise<boolean> {
      if (d.frameId !== 0 || d.tabId < 0 || !/^https?:\/\//i.test(d.url)) return false;
      // The verdict first: it needs nothing from storage, and almost every navigation ends here.
      const host = hostOf(d.url);
      const verdict = check(host);
      if (verdict.verdict !== 'lookalike') return false;
      if (!(await deps.enabled().catch(() => false))) return false;
      if (await takeAllowance(d.tabId, host)) return false;
      // Asked before the tab is taken over, answered after: the question must see the page before the warning.
      // A tab with no frame yet (opened at the lookalike's address) has no page either.
      const hadPage = deps.hadPage(d.tabId).catch(() => false);
      await deps.navigate(d.tabId, warningAddress(deps.warningPage(), host, verdict.imitates));
      const fresh = (await deps.freshTabs.get().catch(() => [] as string[])).filter((k) => k !== String(d.tabId));
      await deps.freshTabs.set((await hadPage) ? fresh : [...fresh, String(d.tabId)].slice(-MAX_ALLOWANCES));
      await deps.counted().catch(() => undefined);
      return true;
    },
    /**
     * "Vẫn tiếp tục" from the warning page on `tabId` (the message gate checked it came from that page): only a
     * host the guard itself calls a lookalike, once, for that tab; then the tab goes to the host's front page
     * (the lookalike's path and query were never kept).
     */
    async continueTo(tabId: number, host: string): Promise<void> {
      const clean = hostOf(host);
      if (!clean || clean !== host || check(clean).verdict !== 'lookalike') throw new Error('not a lookalike host');
      const list = (known ?? (await deps.allowances.get().catch(() => [] as string[]))).filter((k) => k !== key(tabId, clean));
      await allow([...list, key(tabId, clean)].slice(-MAX_ALLOWANCES));
      await deps.navigate(tabId, `https://${clean}/`);
    },
    /** "Quay lại an toàn": the page before the lookalike, or the browser's new-tab page when there was none. */
    async leave(tabId: number): Promise<void> {
      const fresh = await deps.freshTabs.get().catch(() => [] as string[]);
      // No page to go back to after all (tabs.goBack refuses): the new-tab page.
      if (!fresh.includes(String(tabId))) return deps.goBack(tabId).catch(() => deps.newTab(tabId));
      await deps.freshTabs.set(fresh.filter((k) => k !== String(tabId)));
      await deps.newTab(tabId);
    },
    /** A closed tab's allowances go with it. */
    async tabClosed(tabId: number): Promise<void> {
      const list = known ?? (await deps.allowances.get().catch(() => [] as string[]));
      const kept = list.filter((k) => !k.startsWith(`${tabId}|`));
      if (kept.length !== list.length) await allow(kept);
      const fresh = await deps.freshTabs.get().catch(() => [] as string[]);
      if (fresh.includes(String(tabId))) await deps.freshTabs.set(fresh.filter((k) => k !== String(tabId)));
    },
  };
}

export type ScamGuard = ReturnType<typeof createScamGuard>;

/** The parts of `browser` the listener needs: webNavigation exists only while its permission is granted. */
export interface NavigationApi {
  webNavigation(): { onBeforeNavigate: ListenerSlot<(d: NavigationDetails) => void> } | undefined;
  permissions: {
    onAdded: { addListener(fn: (p: { permissions?: string[] }) => void): void };
    onRemoved: { addListener(fn: (p: { permissions?: string[] }) => void): void };
  };
}

interface ListenerSlot<F> {
  addListener(fn: F, filter?: { url: { schemes: string[] }[] }): void;
  removeListener(fn: F): void;
  hasListener(fn: F): boolean;
}

/**
 * Listen to main-frame navigations whenever the API is there: at once (called at the top level of the
 * background, so an event that wakes the worker, or the first after a browser restart, finds it), and again when
 * the permission is granted at run time. No-op while it is missing.
 */
export function keepNavigationListener(api: NavigationApi, onNavigate: (d: NavigationDetails) => void): void {
  const listener = (d: NavigationDetails): void => onNavigate(d);
  const attach = (): void => {
    const nav = api.webNavigation();
    if (nav && !nav.onBeforeNavigate.hasListener(listener)) nav.onBeforeNavigate.addListener(listener, { url: [{ schemes: ['http', 'https'] }] });
  };
  attach();
  api.permissions.onAdded.addListener((p) => {
    if (p.permissions?.includes('webNavigation')) attach();
  });
  api.permissions.onRemoved.addListener((p) => {
    if (p.permissions?.includes('webNavigation')) api.webNavigation()?.onBeforeNavigate.removeListener(listener);
  });
}
