// End-to-end fixture: re-exports the environment and overlay probes, and adds the assertions.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { setup as setupEnv, type Env } from '../../scripts/lib/env';
import { actOnOutlined, type Flow } from '../../scripts/lib/flows';
import { clickOverlayButton, guideRealm, overlaps, overlayState, startGuided, targetBox, waitForStep, type Box, type SidePanelPage, type UiHost } from '../../scripts/lib/overlay-probe';

export { setup, type Env } from '../../scripts/lib/env';
export * from '../../scripts/lib/overlay-probe';

/** The outline surrounds exactly this control: it contains it, each edge within a few pixels. */
// Evaluated through the DevTools protocol, so extension pages' CSP does not block it.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[];
  passes: unknown[];
}

/** Run axe-core on the document (or inside `sel`) of the world it is evaluated in. */
const RUN_AXE = async (sel: string | null): Promise<{ passes: number; violations: AxeResult['violations'] }> => {
  const run = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResult> } }).axe.run;
  const r = await run(sel ? { include: [sel] } : document, {});
  return {
    passes: r.passes.length,
    violations: r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })),
  };
};

/** axe-core's violations on a page (or inside `include`); fails when nothing was checked. */
export async function axe(page: Page, include?: string): Promise<AxeResult['violations']> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(RUN_AXE, include ?? null);
  // Something was checked: an empty scope would pass vacuously.
  expect(result.passes).toBeGreaterThan(5);
  return result.violations;
}

/**
 * axe-core's violations in an on-page UI. Its shadow root is closed, so axe runs in the content script's
 * world, where the host's shadowRoot is made to show that root for the run (in that world only).
 */
export async function axeUi(page: Page, host: UiHost = 'dan-buoc-overlay'): Promise<AxeResult['violations']> {
  const realm = await guideRealm(page);
  if (!(await realm.evaluate(() => 'axe' in window))) await realm.evaluate(AXE_SOURCE);
  const show = (h: string, on: boolean): void => {
    const el = document.querySelector(h)!;
    const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
    if (on) Object.defineProperty(el, 'shadowRoot', { value: dom.openOrClosedShadowRoot(el), configurable: true });
    else delete (el as { shadowRoot?: unknown }).shadowRoot;
  };
  await realm.evaluate(show, host, true);
  try {
    const result = await realm.evaluate(RUN_AXE, host);
    expect(result.passes).toBeGreaterThan(5);
    return result.violations;
  } finally {
    await realm.evaluate(show, host, false);
  }
}

/** True when the outline surrounds the control within the slack expectOutlines allows. */
function surrounds(o: Box, control: Box, slack = 10): boolean {
  const dx = control.x - o.x;
  const dy = control.y - o.y;
  const dr = o.x + o.width - (control.x + control.width);
  const db = o.y + o.height - (control.y + control.height);
  return [dx, dy, dr, db].every((d) => d >= -0.5 && d <= slack);
}

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

/** Stop the extension's MV3 service worker through CDP and wait until it is gone. */
export async function stopWorker(env: Env, via: SidePanelPage): Promise<void> {
  const cdp = await via.page.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10_000;
  while ((await workerRunning(env.browser)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(await workerRunning(env.browser), 'service worker stopped').toBe(false);
  await cdp.detach();
}

/**
 * Walk a whole flow as the resident: at every step the overlay must outline exactly the control the sites'
 * targets.json names, the card must not cover it, and private steps must ask the volunteer to look away.
 * `stopWorkerBefore`: stop the service worker just before that step (1-based) is acted on, then reload the
 * page (unless `reloadAfterStop` is false: a single-page app's form would lose what was typed).
 */
export async function walkFlow(
  env: Env,
  flow: Flow,
  options: { stopWorkerBefore?: number; reloadAfterStop?: boolean; privateTargets?: string[] } = {},
): Promise<{ site: Page; panel: SidePanelPage; hosts: string[] }> {
  const { site, panel } = await startGuided(env, flow);
  const total = flow.steps.length;
  const hosts: string[] = [];
  for (const [i, step] of flow.steps.entries()) {
    const label = `Bước ${i + 1}/${total}`;
    await step.settle?.(site);
    let state = await waitForStep(site, label, { outline: step.target !== null });
    if (options.stopWorkerBefore === i + 1) {
      await stopWorker(env, panel);
      // A reload is the next page load; without it the resident's next action has to wake the worker.
      if (options.reloadAfterStop !== false) {
        await site.reload({ waitUntil: 'load' });
        state = await waitForStep(site, label, { outline: step.target !== null });
      }
    }
    hosts.push(new URL(site.url()).hostname);
    expect(state.text, `${label} has a hint`).toBeTruthy();
    await panel.page
      .waitForFunction((l: string) => document.querySelector('[data-testid="panel-step"]')?.textContent === l, { timeout: 5000 }, label)
      .catch(() => undefined);
    expect(await panel.stepLabel(), 'the console shows the same step').toBe(label);
    if (step.target) {
      // The page may still move things (a late lookup shows a line above the field): the outline follows a
      // moment later, so compare both as they stand together, giving it up to 3 s to catch up.
      let control = await targetBox(site, step.target);
      for (let i = 0; i < 30 && !(state.outline && surrounds(state.outline, control)); i++) {
        await new Promise((r) => setTimeout(r, 100));
        state = await overlayState(site);
        control = await targetBox(site, step.target);
      }
      expectOutlines(state.outline, control, label);
      expect(overlaps(state.bubble!, control), `${label}: the card must not cover the control`).toBe(false);
    }
    if (options.privateTargets?.includes(step.target ?? '')) expect(state.privateNote, `${label} asks the volunteer to look away`).toMatch(/quay mặt đi/);
    else expect(state.privateNote).toBeNull();
    if (step.act === 'done' || step.act === 'next') await clickOverlayButton(site, 'next');
    else await actOnOutlined(site, step, state.outline!);
  }
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
