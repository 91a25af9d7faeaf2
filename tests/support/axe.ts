// The one axe-core helper of the end-to-end tests: violations on a page (or inside a part of it), and inside
// an on-page UI whose shadow root is closed. Each run also checks that axe checked something.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { guideRealm, type UiHost } from './overlay-probe';

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
