// End-to-end fixture: re-exports the environment and overlay probes, and adds the assertions.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { setup as setupEnv, type Env } from '../support/env';
import { actOnOutlined, type Flow } from '../support/flows';
import { clickOverlayButton, overlaps, overlayState, startGuided, targetBox, waitForStep, type Box, type OverlayState, type SidePanelPage } from '../support/overlay-probe';

export { setup, type Env } from '../support/env';
export * from '../support/overlay-probe';
export { axe, axeUi } from '../support/axe';

/** True when the outline surrounds the control within the slack expectOutlines allows. */
function surrounds(o: Box, control: Box, slack = 10): boolean {
  const dx = control.x - o.x;
  const dy = control.y - o.y;
  const dr = o.x + o.width - (control.x + control.width);
  const db = o.y + o.height - (control.y + control.height);
  return [dx, dy, dr, db].every((d) => d >= -0.5 && d <= slack);
}

/** The outline surrounds exactly this control: it contains it, each edge within a few pixels. */
export function expectOutlines(outline: Box | null, control: Box, label = ''): void {
  expect(outline, 'overlay outline').not.toBeNull();
  const o = outline!;
  const at = `${label} outline ${JSON.stringify(o)} around control ${JSON.stringify(control)}`;
  const slack = 10;
  expect(o.x, at).toBeLessThanOrEqual(control.x + 0.5);
  expect(o.y, at).toBeLessThanOrEqual(control.y + 0.5);
  expect(o.x + o.width, at).toBeGreaterThanOrEqual(control.x + control.width - 0.5);
  expect(o.y + o.height, at).toBeGreaterThanOrEqual(control.y + control.height - 0.5);
  expect(control.x - o.x, at).toBeLessThanOrEqual(slack);
  expect(control.y - o.y, at).toBeLessThanOrEqual(slack);
  expect(o.x + o.width - (control.x + control.width), at).toBeLessThanOrEqual(slack);
  expect(o.y + o.height - (control.y + control.height), at).toBeLessThanOrEqual(slack);
}


export async function workerRunning(browser: Browser): Promise<boolean> {
  return browser.targets().some((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
}

/**
 * Poll a state the browser does not signal (a file on disk, a target list, two boxes compared) until `check`
 * gives something truthy, or `timeout` ms have passed: then its last value, for the assertion to explain.
 * The one place the e2e tests poll from Node; everything else waits with waitForSelector/waitForFunction.
 */
export async function until<T>(check: () => Promise<T> | T, { timeout = 10_000, interval = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value || Date.now() >= deadline) return value;
    await new Promise((r) => setTimeout(r, interval));
  }
}

// Puppeteer's page.click/type/select(selector) look for the element once and throw when it is not there yet
// (a console still loading, a list that follows storage a moment later): these wait for it first.

/**
 * Counts the script worlds of the extension created in a page from now on (the guide's; the recorder's and the
 * picker's share it): what the extension put into the page, read from the browser's side, never from the page.
 */
export async function extensionWorlds(page: Page, extensionId: string): Promise<{ created(): number }> {
  const cdp = await page.createCDPSession();
  let created = 0;
  cdp.on('Runtime.executionContextCreated', (e: { context: { origin: string; auxData?: { type?: string } } }) => {
    if (e.context.auxData?.type === 'isolated' && e.context.origin.includes(extensionId)) created++;
  });
  await cdp.send('Runtime.enable');
  return { created: () => created };
}

/** Click the element `selector` names, once it is there. */
export async function clickWhenReady(page: Page, selector: string, timeout = 10_000): Promise<void> {
  await (await page.waitForSelector(selector, { timeout }))!.click();
}

/** Type into the field `selector` names, once it is there. */
export async function typeWhenReady(page: Page, selector: string, text: string): Promise<void> {
  await (await page.waitForSelector(selector))!.type(text);
}

/** Choose `value` in the list `selector` names, once it is there. */
export async function selectWhenReady(page: Page, selector: string, value: string): Promise<void> {
  await (await page.waitForSelector(selector))!.select(value);
}

/**
 * The text of the element `selector` names once it matches `pattern` (a line filled in after the rest, a
 * count read from the database): waits up to `timeout` ms, then gives what is there, for the assertion.
 */
export async function textWhen(page: Page, selector: string, pattern: RegExp, timeout = 10_000): Promise<string | null> {
  await page
    .waitForFunction((sel: string, source: string, flags: string) => new RegExp(source, flags).test(document.querySelector(sel)?.textContent ?? ''), { timeout }, selector, pattern.source, pattern.flags)
    .catch(() => undefined);
  return page.evaluate((sel: string) => document.querySelector(sel)?.textContent ?? null, selector);
}

/** Stop the extension's MV3 service worker through CDP and wait until it is gone. */
export async function stopWorker(env: Env, via: SidePanelPage): Promise<void> {
  const cdp = await via.page.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  expect(await until(async () => !(await workerRunning(env.browser))), 'service worker stopped').toBe(true);
  await cdp.detach();
}

/**
 * The overlay's state once its outline surrounds the control `targetId` names: the page may still move things
 * (a late lookup shows a line above the field, a resize reflows the page) and the outline follows a moment
 * later, so both are compared as they stand together, for up to 3 s; then the last pair, for expectOutlines.
 */
export async function outlineAround(site: Page, targetId: string, timeout = 3000): Promise<{ state: OverlayState; control: Box }> {
  let last = { state: await overlayState(site), control: await targetBox(site, targetId) };
  await until(
    async () => {
      last = { state: await overlayState(site), control: await targetBox(site, targetId) };
      return !!last.state.outline && surrounds(last.state.outline, last.control);
    },
    { timeout },
  );
  return last;
}

export interface WalkOptions {
  privateTargets?: string[];
  /** Start at this step (0-based): the steps before it were walked already. @default 0 */
  from?: number;
  /** Stop before this step (0-based). @default the end */
  to?: number;
  /** Called with each step (0-based) shown, before it is acted on; may return the step as shown again. */
  beforeAct?: (index: number, state: OverlayState) => Promise<OverlayState | void>;
}

/**
 * Walk steps of a flow as the resident: at every step the overlay must outline exactly the control the sites'
 * targets.json names, the card must not cover it, the console must show the same step, and on private steps
 * the card tells the resident to type alone while the console asks the volunteer to look away. Returns the
 * host of each step's page.
 */
export async function walkSteps(site: Page, panel: SidePanelPage, flow: Flow, options: WalkOptions = {}): Promise<string[]> {
  const total = flow.steps.length;
  const hosts: string[] = [];
  for (let i = options.from ?? 0; i < (options.to ?? total); i++) {
    const step = flow.steps[i]!;
    const label = `Bước ${i + 1}/${total}`;
    await step.settle?.(site);
    let state = await waitForStep(site, label, { outline: step.target !== null });
    state = (await options.beforeAct?.(i, state)) ?? state;
    hosts.push(new URL(site.url()).hostname);
    expect(state.text, `${label} has a hint`).toBeTruthy();
    await panel.page
      .waitForFunction((l: string) => document.querySelector('[data-testid="panel-step"]')?.textContent === l, { timeout: 5000 }, label)
      .catch(() => undefined);
    expect(await panel.stepLabel(), 'the console shows the same step').toBe(label);
    if (step.target) {
      const around = await outlineAround(site, step.target);
      state = around.state;
      expectOutlines(state.outline, around.control, label);
      expect(overlaps(state.bubble!, around.control), `${label}: the card must not cover the control: card ${JSON.stringify(state.bubble)}, control ${JSON.stringify(around.control)}`).toBe(false);
    }
    if (options.privateTargets?.includes(step.target ?? '')) {
      // The card speaks to the resident (locales/STYLE.md); the console asks the volunteer to look away.
      expect(state.privateNote, `${label} tells the resident to type it alone`).toMatch(/^Tự nhập .*không đọc to/);
      expect(state.privateNote).not.toMatch(/người hỗ trợ|người dân/i);
      await panel.page.waitForFunction(() => /quay mặt đi/.test(document.querySelector('.run-private')?.textContent ?? ''), { timeout: 5000 });
    } else expect(state.privateNote).toBeNull();
    if (step.act === 'done' || step.act === 'next') await clickOverlayButton(site, 'next');
    else await actOnOutlined(site, step, state.outline!);
  }
  // Past the last step the walkthrough is over: the console turns to the outcome form (and brings it into view),
  // so what a test does next in the console happens on a console that has settled.
  if ((options.to ?? total) === total) await panel.page.waitForSelector('[data-testid="running"][data-state="outcome"]');
  return hosts;
}

/**
 * Walk a whole flow as the resident (walkSteps), from its start page opened in a new tab.
 * `stopWorkerBefore`: stop the service worker just before that step (1-based) is acted on, then reload the
 * page (unless `reloadAfterStop` is false: a single-page app's form would lose what was typed).
 */
export async function walkFlow(
  env: Env,
  flow: Flow,
  options: { stopWorkerBefore?: number; reloadAfterStop?: boolean; privateTargets?: string[] } = {},
): Promise<{ site: Page; panel: SidePanelPage; hosts: string[] }> {
  const { site, panel } = await startGuided(env, flow);
  const hosts = await walkSteps(site, panel, flow, {
    privateTargets: options.privateTargets,
    beforeAct: async (i, state) => {
      if (options.stopWorkerBefore !== i + 1) return state;
      await stopWorker(env, panel);
      // A reload is the next page load; without it the resident's next action has to wake the worker.
      if (options.reloadAfterStop === false) return state;
      await site.reload({ waitUntil: 'load' });
      return waitForStep(site, `Bước ${i + 1}/${flow.steps.length}`, { outline: flow.steps[i]!.target !== null });
    },
  });
  return { site, panel, hosts };
}

/** One environment per test file: started before its tests, closed after them. Read `ctx.env` in tests. */
export function useEnv(): { env: Env } {
  const ctx = {} as { env: Env };
  beforeAll(async () => {
    ctx.env = await setupEnv();
  });
  afterAll(async () => {
    await ctx.env?.close();
  });
  return ctx;
}

/** Every IndexedDB database and every extension storage area, read from an extension page. */
export async function dumpStores(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const out: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        out[`idb:${info.name}/${store}`] = await new Promise((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
    }
    // The extension page's own API (typed loosely: the test's types do not include it).
    const areas = (globalThis as unknown as { chrome: { storage: Record<string, { get(keys: null): Promise<unknown> }> } }).chrome.storage;
    for (const area of ['local', 'session', 'sync']) out[`storage.${area}`] = await areas[area]!.get(null);
    return out;
  });
}

/** Downloads of the browser go to `dir`; returns a function that waits for a file there. */
export async function downloadsTo(browser: Browser, dir: string): Promise<(name: string) => Promise<Buffer>> {
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
  return async (name) => {
    const file = path.join(dir, name);
    await until(() => existsSync(file) && !readdirSync(dir).some((f) => f.endsWith('.crdownload')));
    expect(existsSync(file), `downloaded ${name} (have: ${readdirSync(dir).join(', ')})`).toBe(true);
    return readFileSync(file);
  };
}
