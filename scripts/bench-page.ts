// npm run bench:page — what the guide costs the resident's page, in real Chromium: for the start page of each
// of the four shipped walkthroughs, with a session running on its first step, each page is loaded again and
// again and two times are taken from its navigation start: the page's own load event (loadEventEnd) and the
// first animation frame in which the guide's outline is drawn. The same pages are loaded in a second Chromium
// without the extension, in the same run, for the load event without the guide. Conditions: unthrottled,
// CPU throttled 4× (a low-end desk PC), and 4× with the background worker stopped before each load (as after
// a long OTP wait). Prints p50/p95 per condition.
//
// The outline is read from the content script's world (the overlay's root is closed): as soon as that world
// exists, a probe there checks every animation frame; both worlds share the page's performance timeline. A
// probe that starts only after the outline is already drawn would overstate the time: such loads are counted
// ("late probes") and their time is the probe's first frame, an upper bound.
import type { CDPSession, Page } from 'puppeteer-core';
import { setup, type Env } from '../tests/support/env';
import { FLOWS } from '../tests/support/flows';
import { launch } from '../tests/support/harness';
import { startGuided } from '../tests/support/overlay-probe';

const RUNS = Number(process.env.RUNS ?? 8);

interface Sample {
  load: number;
  outline: number | null;
  late: boolean;
}

const pct = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number): string => (Number.isNaN(n) ? '—' : `${n.toFixed(0)} ms`);

async function loadEnd(page: Page): Promise<number> {
  await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd, { timeout: 30_000, polling: 20 });
  return page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
}

/** In the content script's world: the first animation frame with the outline drawn ('old': not the new page yet). */
const PROBE = `performance.timeOrigin === OLD_ORIGIN ? 'old' : new Promise((resolve) => {
  let first = true;
  const check = () => {
    const host = document.querySelector('dan-buoc-overlay');
    const root = host ? globalThis.chrome.dom.openOrClosedShadowRoot(host) : null;
    const el = root ? root.querySelector('[data-dan-buoc="outline"]') : null;
    const r = el && !el.hidden ? el.getBoundingClientRect() : null;
    if (r && r.width > 0 && r.height > 0) return resolve({ at: performance.now(), late: first });
    first = false;
    if (performance.now() > 30000) return resolve(null);
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

/** Reload and time the outline, probing from the content script's new world as soon as it exists. */
async function guidedLoad(page: Page): Promise<Sample> {
  // Puppeteer keeps one realm object per world of a frame: the new document is told by its time origin.
  const oldOrigin = await page.evaluate(() => performance.timeOrigin);
  const reloaded = page.reload({ waitUntil: 'load' });
  const deadline = Date.now() + 30_000;
  let seen = 'old' as { at: number; late: boolean } | null | 'old';
  while (seen === 'old' && Date.now() < deadline) {
    const realm = page.mainFrame().extensionRealms().find((r) => r.origin?.startsWith('chrome-extension://'));
    seen = realm ? ((await realm.evaluate(PROBE.replace('OLD_ORIGIN', String(oldOrigin))).catch(() => 'old')) as typeof seen) : 'old';
    if (seen === 'old') await new Promise((r) => setTimeout(r, 2));
  }
  if (seen === 'old') throw new Error(`the content script never started on ${page.url()}`);
  await reloaded;
  return { load: await loadEnd(page), outline: seen?.at ?? null, late: seen?.late ?? false };
}

async function plainLoad(page: Page): Promise<number> {
  await page.reload({ waitUntil: 'load' });
  return loadEnd(page);
}

async function throttle(page: Page, rate: number): Promise<void> {
  await page.emulateCPUThrottling(rate === 1 ? null : rate);
}

async function stopWorker(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  const all: Record<string, Sample[]> = {};
  const base: Record<string, number[]> = {};
  // One pair of browsers per walkthrough (a fresh session each; a launch costs well under a second).
  for (const flow of FLOWS) {
    const env: Env = await setup();
    const plain = await launch({ server: env.server, extension: false });
    try {
      const { site, panel } = await startGuided(env, flow);
      const cdp = await panel.page.createCDPSession();
      await cdp.send('ServiceWorker.enable');
      const bare = await plain.browser.newPage();
      await bare.goto(flow.startUrl, { waitUntil: 'load' });
      for (const rate of [1, 4]) {
        await throttle(site, rate);
        await throttle(bare, rate);
        for (const worker of rate === 4 ? ['running', 'stopped'] : ['running']) {
          const key = `${rate}× cpu, worker ${worker}`;
          for (let i = 0; i < RUNS; i++) {
            if (worker === 'stopped') await stopWorker(cdp);
            (all[key] ??= []).push(await guidedLoad(site));
          }
        }
        for (let i = 0; i < RUNS; i++) (base[`${rate}× cpu`] ??= []).push(await plainLoad(bare));
      }
      process.stdout.write(`· ${flow.key}\n`);
    } finally {
      await plain.close();
      await env.close();
    }
  }
  for (const [key, samples] of Object.entries(all)) {
    const rate = key.split(',')[0]!;
    const loads = samples.map((s) => s.load);
    const outlines = samples.flatMap((s) => (s.outline === null ? [] : [s.outline]));
    const afterLoad = samples.flatMap((s) => (s.outline === null ? [] : [s.outline - s.load]));
    const bl = base[rate] ?? [];
    rows.push([
      key,
      `${samples.length}`,
      `${ms(pct(bl, 50))} / ${ms(pct(bl, 95))}`,
      `${ms(pct(loads, 50))} / ${ms(pct(loads, 95))}`,
      `${ms(pct(loads, 50) - pct(bl, 50))}`,
      `${ms(pct(outlines, 50))} / ${ms(pct(outlines, 95))}`,
      `${ms(pct(afterLoad, 50))} / ${ms(pct(afterLoad, 95))}`,
      `${samples.filter((s) => s.outline === null).length} missed, ${samples.filter((s) => s.late).length} late`,
    ]);
  }
  const head = ['condition', 'loads', 'load event, no extension p50/p95', 'load event, guided p50/p95', 'guide adds (p50)', 'outline from nav. start p50/p95', 'outline after load event p50/p95', 'probe'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\nFirst hint latency on the walkthroughs' start pages (${RUNS} loads per page and condition)\n`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
