// The guide goes only where it is needed, and only after the page has loaded. No content script is declared: a
// declared one — even an empty one — makes Chromium build the extension's script world into every official
// page before that page's load event (≈ 28 ms on a 4× throttled desk PC, measured by bench:page's notes in the
// README). The background injects the guide (scripting.executeScript, no web-accessible file) into:
// - the session's tab, each time a page of it has loaded (tabs.onUpdated "complete", after the page's own load
//   event), or LOAD_WAIT_MS after it started loading when its last resource never arrives;
// - a tab opened on a hand-off link (#dan-buoc=<pack>/<walkthrough>), which offers its walkthrough;
// - a tab a step is sent to that has no guide yet (a session started on a page already open).
// A second injection into a document whose guide runs does nothing (entrypoints/guide.ts). Injection works on the
// official origins and on those granted at run time alike: nothing is registered per origin.
import { browser } from 'wxt/browser';
import type { Catalog } from '../core/catalog';
import { parseHandOff } from '../core/handoff';
import { stripUrl } from '../core/url-pattern';
import type { StepView } from '../core/views';
import { deliverGuideBoot, GUIDE_BOOT_KEY, type GuideBoot } from './guide-boot';
import { readStoredCopy } from './page-display';

/** The built guide (a WXT unlisted script: entrypoints/guide.ts). */
export const GUIDE_SCRIPT = '/guide.js';

/**
 * A page of the session's tab still loading this long after it started (an image or a tracker that never
 * answers): the guide goes in anyway, once the document itself is ready. @default 2000
 */
export const LOAD_WAIT_MS = 2000;

export type InjectGuide = (tabId: number) => Promise<unknown>;
export type DeliverBoot = (tabId: number, boot: GuideBoot) => Promise<unknown>;

/** Into the tab's top document, at document_idle (at once when the page has loaded). */
const executeScript: InjectGuide = (tabId) => browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [GUIDE_SCRIPT] });

/** The boot, into the world the guide is injected into next. */
const executeDeliver: DeliverBoot = (tabId, boot) =>
  browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: deliverGuideBoot, args: [GUIDE_BOOT_KEY, boot], injectImmediately: true });

/** Inject the guide into a tab. False when the browser refused (a page the extension may not run on, a closed tab). */
export async function injectGuide(tabId: number, inject: InjectGuide = executeScript): Promise<boolean> {
  try {
    await inject(tabId);
    return true;
  } catch {
    return false;
  }
}

/**
 * The boot for a page of the session's tab that has loaded: the step for it (the controller's pageReady, as if
 * the guide had asked) and the guide's copy as stored.
 */
export function guideBoot(pageReady: (tabId: number, page: string) => Promise<StepView | null>, stored: () => Promise<Record<string, unknown>> = readStoredCopy) {
  return async (tabId: number, url: string): Promise<GuideBoot> => {
    const [view, copy] = await Promise.all([pageReady(tabId, stripUrl(url)), stored()]);
    return { view, stored: copy };
  };
}

export interface GuideTabEvents {
  onUpdated: {
    addListener(cb: (tabId: number, info: { status?: string; url?: string }, tab: { url?: string }) => void): void;
  };
}

export interface KeepGuideDeps {
  /** The tab the running session guides, or null. */
  sessionTab(): Promise<number | null>;
  /** Whether a page opened on a hand-off link gets the guide, to offer the walkthrough (see offeredHere); async when
   *  it must wait for the catalogue (a worker just started reads it from storage). */
  offered(url: string): boolean | Promise<boolean>;
  /** What the guide is handed for a loaded page of the session's tab (see guideBoot); without it, it asks. */
  boot?(tabId: number, url: string): Promise<GuideBoot | null>;
  tabs?: GuideTabEvents;
  inject?: InjectGuide;
  deliver?: DeliverBoot;
  setTimeout?: (cb: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
}

/**
 * Keep the guide in the pages that need it (see the top of this file). tabs.onUpdated tells the extension of
 * every tab's loading without the "tabs" permission; a tab's URL only on the origins it may run on.
 */
export function keepGuideInjected(deps: KeepGuideDeps): void {
  const tabs = deps.tabs ?? browser.tabs;
  const inject = deps.inject ?? executeScript;
  const deliver = deps.deliver ?? executeDeliver;
  const later = deps.setTimeout ?? ((cb, ms) => setTimeout(cb, ms));
  const cancel = deps.clearTimeout ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  /** Tabs of the session loading a page: the fallback timer of each. */
  const loading = new Map<number, unknown>();
  /** Each tab's latest event: an answer about an older one (the session read is async) is dropped. */
  const latest = new Map<number, number>();
  let events = 0;
  const stopWaiting = (tabId: number): void => {
    if (loading.has(tabId)) cancel(loading.get(tabId));
    loading.delete(tabId);
  };
  const isSessionTab = (tabId: number): Promise<boolean> => deps.sessionTab().then((t) => t === tabId, () => false);

  tabs.onUpdated.addListener((tabId, info, tab) => {
    const url = info.url ?? tab.url;
    const link = !!url && !!parseHandOff(hashOf(url));
    // Asked at once (the event's order), answered when the catalogue is there: a link opened as the browser starts
    // must not find an empty catalogue.
    const handOff = link ? Promise.resolve(deps.offered(url)).catch(() => false) : Promise.resolve(false);
    if (info.status !== 'loading' && info.status !== 'complete') {
      // A hand-off link to the page already open (only its fragment changed): no load, no "complete".
      if (link && info.url) void handOff.then((offer) => offer && injectGuide(tabId, inject));
      return;
    }
    const event = ++events;
    latest.set(tabId, event);
    stopWaiting(tabId);
    void (async () => {
      if (info.status === 'complete' && (await handOff)) return void (await injectGuide(tabId, inject));
      const guided = await isSessionTab(tabId);
      if (!guided || latest.get(tabId) !== event) return;
      if (info.status !== 'complete') return armFallback(tabId);
      // The step and copy first (the worker's work, not the page's), put in place just before the guide: it
      // finds them as it starts and asks for nothing.
      const boot = url && deps.boot ? await deps.boot(tabId, url).catch(() => null) : null;
      if (latest.get(tabId) !== event) return;
      if (boot) await deliver(tabId, boot).catch(() => undefined);
      await injectGuide(tabId, inject);
    })();
  });

  function armFallback(tabId: number): void {
    loading.set(
      tabId,
      later(() => {
        loading.delete(tabId);
        void injectGuide(tabId, inject);
      }, LOAD_WAIT_MS),
    );
  }
}

/**
 * A hand-off link names a walkthrough of the desk's catalogue that runs on the page's origin: only then does the
 * page get the guide (an address nobody's walkthrough uses, such as where a pack was downloaded from, gets none).
 */
export function offeredHere(catalog: Pick<Catalog, 'find'>, url: string): boolean {
  const handOff = parseHandOff(hashOf(url));
  const entry = handOff ? catalog.find(handOff.packId, handOff.walkthroughId) : undefined;
  if (!entry) return false;
  const origin = originOf(url);
  return !!origin && [entry.walkthrough.startUrl, ...entry.walkthrough.steps.map((s) => s.page)].some((page) => originOf(page) === origin);
}

function originOf(url: string): string | null {
  try {
    return new URL(url.replaceAll('*', 'x')).origin;
  } catch {
    return null;
  }
}

/** The fragment of a URL ('' when there is none or it is no URL). */
function hashOf(url: string | undefined): string {
  if (!url) return '';
  const i = url.indexOf('#');
  return i < 0 ? '' : url.slice(i);
}

/**
 * Send a step to a tab's guide; a tab that has none yet (a session started on a page already open) gets it
 * injected, and the guide then asks for its step itself.
 */
export async function sendOrInject(send: () => Promise<unknown>, tabId: number, hasStep: boolean, inject: InjectGuide = executeScript): Promise<void> {
  try {
    await send();
  } catch {
    if (hasStep) await injectGuide(tabId, inject);
  }
}
