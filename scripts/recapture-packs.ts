// `npm run recapture`: re-capture the anchors of the shipped packs (walkthroughs/*.json) with the current
// engine, on ../shared/sites. Each walkthrough's flow (tests/support/flows.ts) is walked in Chromium as a
// resident would (by the sites' targets.json, no extension); at every step the pack's existing anchor is
// resolved, checked to be the flow's target, and captured again (core/capture.ts: never a resident's data);
// an `appear` anchor is re-captured once it has appeared. Hints, pages and order stay as they are.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Anchor } from '../core/anchors/index';
import type { Pack } from '../core/pack';
import { actOnOutlined, FLOWS } from '../tests/support/flows';
import { anchorsBundle, launch, ROOT, SHARED_SITES, startSites, targetsFor } from '../tests/support/harness';
import { DEEP_QUERY, waitForTarget } from '../tests/support/targets';

declare global {
  interface Window {
    __danBuocAnchors: typeof import('../core/capture');
    __deepQuery: (selector: string) => { el: Element | null };
  }
}

/** Resolve `old` on the page and capture the element again; `target` (a targets selector) must be that element. */
async function recapture(page: Page, old: Anchor, target: string | null): Promise<Anchor> {
  const result = await page.evaluate(
    async (a: Anchor, sel: string | null) => {
      const A = window.__danBuocAnchors;
      const r = await A.waitForAnchor(a, { timeoutMs: 8000 });
      const want = sel ? window.__deepQuery(sel).el : null;
      if (!r) return { error: 'the old anchor finds nothing here' };
      if (sel && r.element !== want) return { error: 'the old anchor finds another element than the flow’s target' };
      return { anchor: A.captureAnchor(r.element) };
    },
    old,
    target,
  );
  if ('error' in result) throw new Error(`${result.error} (${page.url()})`);
  return result.anchor as Anchor;
}

/**
 * The selector of a flow's target once the page it belongs to is open and shows it: the previous action
 * may still be navigating, so the page (and with it the targets file) is looked at again until it does.
 */
async function flowTarget(page: Page, targetId: string, what: string, retry?: () => Promise<void>): Promise<string> {
  const deadline = Date.now() + 15_000;
  // A click the page refused (a lookup not finished when it came) is made again, as a person would.
  let nextRetry = Date.now() + 4000;
  for (;;) {
    if (retry && Date.now() > nextRetry) {
      nextRetry = Date.now() + 4000;
      await retry().catch(() => undefined);
    }
    const sel = targetsFor(page.url())[targetId];
    if (sel && (await page.evaluate((s: string) => { const el = window.__deepQuery(s).el as HTMLInputElement | null; return document.readyState === 'complete' && !!el && !el.disabled; }, sel).catch(() => false))) return sel;
    if (Date.now() > deadline) throw new Error(`${what}: no target ${targetId} on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(): Promise<void> {
  process.env.DAN_BUOC_SITES = SHARED_SITES;
  const dir = path.join(ROOT, 'walkthroughs');
  const packs = new Map(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Pack]));
  const server = await startSites(SHARED_SITES);
  const chrome = await launch({ server, extension: false });
  const scripts = ['globalThis.__name = globalThis.__name || ((f) => f);', `window.__deepQuery = ${DEEP_QUERY};`, await anchorsBundle()];
  let count = 0;
  try {
    for (const flow of FLOWS) {
      const [packId, walkId] = flow.key.split('/');
      const file = [...packs.keys()].find((f) => packs.get(f)!.id === packId)!;
      const walk = packs.get(file)!.walkthroughs.find((w) => w.id === walkId)!;
      if (walk.steps.length !== flow.steps.length) throw new Error(`${flow.key}: ${walk.steps.length} steps in the pack, ${flow.steps.length} in the flow`);
      const page = await chrome.browser.newPage();
      for (const s of scripts) await page.evaluateOnNewDocument(s);
      await page.goto(flow.startUrl, { waitUntil: 'load' });
      let again: (() => Promise<void>) | undefined;
      for (const [i, fs] of flow.steps.entries()) {
        const step = walk.steps[i]!;
        await fs.settle?.(page);
        const sel = fs.target ? await flowTarget(page, fs.target, `${flow.key} step ${i + 1}`, again) : null;
        again = undefined;
        if (step.anchor) {
          step.anchor = await recapture(page, step.anchor, sel);
          count++;
        }
        if (fs.act === 'done' || fs.act === 'next' || !sel) continue;
        const box = await (await waitForTarget(page, sel)).evaluate((el) => {
          el.scrollIntoView({ block: 'center' });
          const r = el.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        });
        await actOnOutlined(page, fs, box);
        if (fs.act === 'click') again = () => actOnOutlined(page, fs, box);
        if (step.advance.kind === 'appear') {
          step.advance = { kind: 'appear', anchor: await recapture(page, step.advance.anchor, null) };
          count++;
        }
      }
      await page.close();
      console.log(`${flow.key}: re-captured`);
    }
  } finally {
    await chrome.close();
    await server.stop();
  }
  for (const [file, pack] of packs) writeFileSync(path.join(dir, file), JSON.stringify(pack, null, 2) + '\n');
  console.log(`${count} anchors re-captured into walkthroughs/*.json`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
