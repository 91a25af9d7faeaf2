// Reading the overlay and driving the side panel in Chromium and Firefox, for e2e tests and `npm run demo`.
// Controls are known only by their targetId in the sites' *.targets.json.
// The on-page UIs live in closed shadow roots that no script of the page can open (extension/page-ui.ts).
// The probe opens them from outside the page, by the remote protocol's privilege, never by a hook in the
// extension:
// - Chromium (DevTools protocol): in the content script's own JavaScript world, where Chromium gives
//   extensions chrome.dom.openOrClosedShadowRoot.
// - Firefox (WebDriver BiDi, which reaches no content script's world): BiDi serializes an element with a
//   reference to its shadow root, closed ones included; that reference is handed to a function run in
//   puppeteer's own sandbox of the page (a world of its own: the page's scripts see neither it nor the root).
// Buttons are pressed with puppeteer's mouse (trusted input), as a person does.
import { TimeoutError, type ElementHandle, type JSHandle, type Page, type Realm } from 'puppeteer-core';
import type { Env } from './env';
import { openSidePanel, targetsFor } from './harness';
import { waitForTarget } from './targets';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The on-page UIs, by their host element's tag. */
export type UiHost = 'dan-buoc-overlay' | 'dan-buoc-recorder' | 'dan-buoc-picker' | 'dan-buoc-shown';

/** True when puppeteer drives the page's browser over WebDriver BiDi (Firefox), not the DevTools protocol. */
export function overBidi(page: Page): boolean {
  // Browser.protocol is puppeteer's own field ('cdp' | 'webDriverBiDi'), public at run time, internal in its types.
  const protocol = (page.browser() as unknown as { protocol?: unknown }).protocol;
  if (protocol !== 'cdp' && protocol !== 'webDriverBiDi') throw new Error('puppeteer-core no longer tells its protocol (Browser.protocol): update overlay-probe');
  return protocol === 'webDriverBiDi';
}

/** The content script's world in the page's top frame (waiting for the script to start there). Chromium only. */
export async function guideRealm(page: Page, timeout = 20_000): Promise<Realm> {
  if (overBidi(page)) throw new Error("WebDriver BiDi reaches no content script's world: the probe reads the closed roots by BiDi's node references there (inUi, waitInUi)");
  const deadline = Date.now() + timeout;
  for (;;) {
    const realm = page.mainFrame().extensionRealms().find((r) => r.origin?.startsWith('chrome-extension://'));
    if (realm) return realm;
    if (Date.now() > deadline) throw new Error(`the content script never started on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * `fn(root, ...args)` as an expression for the content script's world, `root` being the closed shadow root of
 * `host` (null while it is not mounted). `fn` must not name inner helpers (tsx would wrap them in a __name()
 * the page lacks), and `args` must be JSON.
 */
function inRoot(host: UiHost, fn: { toString(): string }, args: unknown[]): string {
  const root = `((h) => h ? globalThis.chrome.dom.openOrClosedShadowRoot(h) : null)(document.querySelector(${JSON.stringify(host)}))`;
  return `(${fn.toString()})(${[root, ...args.map((a) => JSON.stringify(a))].join(', ')})`;
}

/** A value as WebDriver BiDi serializes it (the part the probe reads). */
interface BidiRemoteValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}

/** Puppeteer's BiDi realm, with the internal call that turns a remote value into a handle. */
interface BidiRealm extends Realm {
  createHandle(value: BidiRemoteValue): JSHandle;
}

/** Puppeteer's own sandbox in the page's top frame (BiDi): a world apart from the page's scripts. */
function sandbox(page: Page): BidiRealm {
  const realm = (page.mainFrame() as unknown as { isolatedRealm?(): Partial<BidiRealm> }).isolatedRealm?.();
  if (typeof realm?.createHandle !== 'function') throw new Error("puppeteer-core no longer exposes a BiDi frame's sandbox realm (isolatedRealm, createHandle): update overlay-probe");
  return realm as BidiRealm;
}

function remoteValue(handle: JSHandle): BidiRemoteValue {
  return (handle as unknown as { remoteValue(): BidiRemoteValue }).remoteValue();
}

/**
 * The closed shadow root of `host` in the sandbox (BiDi), or null while it is not mounted. BiDi serializes an
 * element with its shadow root, open or closed (Firefox reads it with openOrClosedShadowRoot), as a node
 * reference; the reference becomes a handle in the sandbox.
 */
async function bidiRoot(realm: BidiRealm, host: UiHost): Promise<JSHandle | null> {
  const el = await realm.evaluateHandle((h: string) => document.querySelector(h), host);
  try {
    const value = remoteValue(el).value as { shadowRoot?: BidiRemoteValue | null } | undefined;
    const root = value?.shadowRoot;
    return root?.sharedId ? realm.createHandle({ type: 'node', sharedId: root.sharedId }) : null;
  } finally {
    await el.dispose();
  }
}

/** `fn(root, ...args)` in the sandbox (BiDi): its value, or (`handle`) a handle to it. */
async function bidiEvaluate<A extends unknown[]>(page: Page, host: UiHost, fn: (root: ShadowRoot | null, ...args: A) => unknown, args: A, as: 'value' | 'handle'): Promise<unknown> {
  const realm = sandbox(page);
  const root = await bidiRoot(realm, host);
  const call = fn as (...a: unknown[]) => unknown;
  return as === 'handle' ? realm.evaluateHandle(call, root, ...args) : realm.evaluate(call, root, ...args);
}

/** Whether a BiDi remote value is truthy in JavaScript (numbers' special values come as strings). */
function truthy(v: BidiRemoteValue): boolean {
  switch (v.type) {
    case 'undefined':
    case 'null':
      return false;
    case 'boolean':
    case 'string':
      return !!v.value;
    case 'number':
      return v.value !== 0 && v.value !== '-0' && v.value !== 'NaN';
    case 'bigint':
      return v.value !== '0';
    default:
      return true;
  }
}

/**
 * Wait (BiDi) until `fn(root, ...args)` is truthy: the root is looked up again on each poll, as the UI may
 * mount, remount or go with a page load between two polls (a poll that meets a page load is tried again).
 */
async function bidiWait<A extends unknown[]>(
  page: Page,
  host: UiHost,
  timeout: number,
  polling: number,
  fn: (root: ShadowRoot | null, ...args: A) => unknown,
  args: A,
): Promise<JSHandle> {
  const deadline = Date.now() + timeout;
  let failure: unknown = null;
  for (;;) {
    try {
      const handle = (await bidiEvaluate(page, host, fn, args, 'handle')) as JSHandle;
      if (truthy(remoteValue(handle))) return handle;
      await handle.dispose();
      failure = null;
    } catch (err) {
      failure = err;
    }
    if (Date.now() > deadline) throw new TimeoutError(`Waiting failed: ${timeout}ms exceeded in ${host} (WebDriver BiDi)${failure ? `; the last poll failed: ${String(failure)}` : ''}`);
    await new Promise((r) => setTimeout(r, polling));
  }
}

/** Evaluate `fn` with the closed shadow root of `host` (null while it is not mounted). */
export async function inUi<A extends unknown[], R>(page: Page, host: UiHost, fn: (root: ShadowRoot | null, ...args: A) => R, ...args: A): Promise<Awaited<R>> {
  if (overBidi(page)) return (await bidiEvaluate(page, host, fn, args, 'value')) as Awaited<R>;
  const realm = await guideRealm(page);
  return (await realm.evaluate(inRoot(host, fn, args))) as Awaited<R>;
}

/** Wait until `fn` with the closed shadow root of `host` is truthy; a handle to what it returned. */
export async function waitInUi<A extends unknown[], R>(
  page: Page,
  host: UiHost,
  options: { timeout?: number; polling?: number },
  fn: (root: ShadowRoot | null, ...args: A) => R,
  ...args: A
): Promise<JSHandle<R>> {
  const { timeout = 10_000, polling = 100 } = options;
  if (overBidi(page)) return (await bidiWait(page, host, timeout, polling, fn, args)) as JSHandle<R>;
  const realm = await guideRealm(page, timeout);
  return (await realm.waitForFunction(inRoot(host, fn, args), { timeout, polling })) as JSHandle<R>;
}

/** Wait for the element of `host`'s UI matching `selector`: a handle to read, or to click as a person does. */
export async function waitForUi(page: Page, selector: string, { host = 'dan-buoc-overlay' as UiHost, timeout = 10_000 } = {}): Promise<ElementHandle<Element>> {
  const handle = await waitInUi(page, host, { timeout }, (root, sel: string) => root?.querySelector(sel), selector);
  const el = handle.asElement();
  if (!el) throw new Error(`no ${selector} in ${host}`);
  return el as ElementHandle<Element>;
}

/** The text of the element of `host`'s UI matching `selector` now, or null when there is none. */
export async function uiText(page: Page, selector: string, host: UiHost = 'dan-buoc-overlay'): Promise<string | null> {
  return inUi(page, host, (root, sel: string) => root?.querySelector(sel)?.textContent ?? null, selector);
}

/** What the overlay shows right now, read from its shadow root. */
export interface OverlayState {
  step: string | null;
  text: string | null;
  privateNote: string | null;
  notice: string | null;
  outline: Box | null;
  bubble: Box | null;
}

export async function overlayState(page: Page): Promise<OverlayState> {
  // No named helpers inside: scripts run by tsx would wrap them in a __name() the page lacks.
  return inUi(page, 'dan-buoc-overlay', (root) => {
    const found = ['step', 'text', 'private', 'notice', 'outline', 'card'].map((name) => {
      const el = root?.querySelector(`[data-dan-buoc="${name}"]`) as HTMLElement | null | undefined;
      if (!el) return { text: null, box: null };
      const r = el.getBoundingClientRect();
      return { text: el.textContent, box: el.hidden ? null : { x: r.x, y: r.y, width: r.width, height: r.height } };
    });
    return {
      step: found[0]!.text,
      text: found[1]!.text,
      privateNote: found[2]!.text,
      notice: found[3]!.text,
      outline: found[4]!.box,
      bubble: found[5]!.box,
    };
  });
}

/** Wait until the overlay shows `step` ("Bước 3/8") with an outline drawn (or, `outline: false`, without). */
export async function waitForStep(page: Page, step: string, { outline = true, timeout = 20_000 } = {}): Promise<OverlayState> {
  await waitForStepOrExplain(page, step, outline, timeout);
  // Let floating placement settle after the last layout change: the outline follows the control a frame or
  // two later, later still on a loaded machine, so wait until it has stopped moving (at most 3 s).
  await new Promise((r) => setTimeout(r, 150));
  let state = await overlayState(page);
  for (let i = 0; i < 30 && state.outline; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const next = await overlayState(page);
    const a = state.outline;
    const b = next.outline;
    state = next;
    if (b && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5) break;
  }
  return state;
}

async function waitForStepOrExplain(page: Page, step: string, outline: boolean, timeout: number): Promise<void> {
  try {
    await waitForStepRaw(page, step, outline, timeout);
  } catch (err) {
    const seen = await overlayState(page).catch(() => null);
    throw new Error(`waiting for "${step}" (outline: ${outline}) on ${page.url()}; overlay shows ${JSON.stringify(seen)}: ${String(err)}`);
  }
}

async function waitForStepRaw(page: Page, step: string, outline: boolean, timeout: number): Promise<void> {
  await waitInUi(
    page,
    'dan-buoc-overlay',
    { timeout },
    (root, want: string, needOutline: boolean) => {
      if (root?.querySelector('[data-dan-buoc="step"]')?.textContent !== want) return false;
      const o = root.querySelector('[data-dan-buoc="outline"]') as HTMLElement | null;
      const hasOutline = !!o && !o.hidden && o.getBoundingClientRect().width > 0;
      if (needOutline !== hasOutline) return false;
      if (root.querySelector('[data-dan-buoc="notice"]')) return !needOutline;
      return true;
    },
    step,
    outline,
  );
}

/** The box of the control a page's targets.json names, waiting for it to render. */
export async function targetBox(page: Page, targetId: string, sitesDir?: string): Promise<Box> {
  const selector = targetsFor(page.url(), sitesDir)[targetId];
  if (!selector) throw new Error(`no target "${targetId}" for ${page.url()}`);
  // A control inside a same-origin iframe: its box is in the frame's viewport, so add each frame's offset.
  return (await waitForTarget(page, selector)).evaluate((el) => {
    const r = el.getBoundingClientRect();
    let x = r.x;
    let y = r.y;
    for (let w: Window | null = el.ownerDocument.defaultView; w && w.frameElement; w = w.parent) {
      const frame = w.frameElement;
      const f = frame.getBoundingClientRect();
      x += f.x + frame.clientLeft;
      y += f.y + frame.clientTop;
    }
    return { x, y, width: r.width, height: r.height };
  });
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Act as the resident: click the middle of whatever the overlay outlines. */
export async function clickOutlined(page: Page, outline: Box): Promise<void> {
  await page.mouse.click(outline.x + outline.width / 2, outline.y + outline.height / 2);
}

/** Click a button of the overlay card ("next", "back"). */
export async function clickOverlayButton(page: Page, name: 'next' | 'back'): Promise<void> {
  await (await waitForUi(page, `[data-dan-buoc="${name}"]`)).click();
}

/** The side panel, opened as a tab. */
export class SidePanelPage {
  private constructor(readonly page: Page) {}

  /** Open the console as a tab and wait until it has loaded (it asks the background first: a fresh desk's worker may still be starting). */
  static async open(env: Env): Promise<SidePanelPage> {
    return SidePanelPage.of(await openSidePanel(env.browser, env.extensionId));
  }

  /** The console already open in `page` (Firefox opens it by other means), once it has loaded. */
  static async of(page: Page): Promise<SidePanelPage> {
    await page.waitForSelector('main.panel:not([aria-busy])', { timeout: 15_000 });
    return new SidePanelPage(page);
  }

  async startWalkthrough(key: string): Promise<void> {
    await (await this.page.waitForSelector(`[data-walkthrough="${key}"]`))!.click();
    await (await this.page.waitForSelector('[data-testid="start"]'))!.click();
    await this.page.waitForSelector('[data-testid="running"]');
  }

  async stepLabel(): Promise<string> {
    return (await this.page.$('[data-testid="panel-step"]'))!.evaluate((el) => el.textContent ?? '');
  }

  /** End early: press "Kết thúc", pick an outcome by its label, and write a note if given. */
  async endWith(outcomeLabel: string, note?: string): Promise<string> {
    await this.page.bringToFront();
    // The outcome form may be open already (a note being written).
    if (!(await this.page.$('[data-testid="outcome-form"]'))) await (await this.page.waitForSelector('[data-testid="stop"]'))!.click();
    await this.page.waitForSelector('[data-testid="outcome-form"]');
    const options = await this.page.$$('.outcome-option');
    for (const o of options) {
      if (((await o.evaluate((el) => el.textContent)) ?? '').trim() === outcomeLabel) await o.click();
    }
    if (note) await this.writeNote(note);
    return this.recordOutcome();
  }

  /** Type the outcome note; returns what the console says it will save. */
  async writeNote(note: string): Promise<string> {
    await (await this.page.waitForSelector('[data-testid="outcome-note"]'))!.type(note);
    return (await this.page.$('[data-testid="outcome-note-preview"]'))!.evaluate((el) => el.textContent ?? '');
  }

  async recordOutcome(): Promise<string> {
    await this.page.bringToFront();
    await (await this.page.waitForSelector('[data-testid="save-outcome"]'))!.click();
    const msg = await this.page.waitForSelector('[data-testid="panel-message"]');
    return msg!.evaluate((el) => el.textContent ?? '');
  }

  /** Every record in the extension's log database (read in the extension's own origin). */
  async logRecords(): Promise<unknown[]> {
    return this.page.evaluate(
      () =>
        new Promise<unknown[]>((resolve, reject) => {
          const req = indexedDB.open('dan-buoc-logs');
          // No database yet: create none (an empty version 1 left behind would block the extension's own open).
          req.onupgradeneeded = () => req.transaction?.abort();
          req.onerror = () => (req.error?.name === 'AbortError' ? resolve([]) : reject(req.error));
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains('sessions')) {
              db.close();
              return resolve([]);
            }
            const all = db.transaction('sessions').objectStore('sessions').getAll();
            all.onsuccess = () => {
              resolve(all.result as unknown[]);
              db.close();
            };
            all.onerror = () => reject(all.error);
          };
        }),
    );
  }
}

/** Open the flow's start page, start its walkthrough from the side panel, and bring the site to the front. */
export async function startGuided(env: Env, flow: { key: string; startUrl: string }, site?: Page): Promise<{ site: Page; panel: SidePanelPage }> {
  const page = site ?? (await env.browser.newPage());
  await page.goto(flow.startUrl, { waitUntil: 'load' });
  const panel = await SidePanelPage.open(env);
  await panel.startWalkthrough(flow.key);
  await page.bringToFront();
  return { site: page, panel };
}
