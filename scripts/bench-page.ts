// npm run bench:page — what the guide costs the resident's page, in real Chromium. For every page a step of
// the four shipped walkthroughs points at (reached in the state that step expects, tests/support/visits.ts), with
// a session running on that page's step, the page is loaded again and again, and two times are taken from its
// navigation start: the page's own load event (loadEventEnd) and the first animation frame in which the guide's
// outline is drawn. The banking SPA's route changes (home ⇄ transfer) are timed from the click to the outline
// of the new route's step. A second Chromium without the extension loads the same pages (and follows the same
// routes) in the same run, ALTERNATING load for load with the guided one (which of the two goes first alternates
// too), so both see the same machine; one
// warm-up load per page and condition is not counted. Conditions: unthrottled, CPU throttled 4× (a low-end
// desk PC; CDP Emulation.setCPUThrottlingRate on both pages), and 4× with the background worker stopped before
// each load (as after a long OTP wait). Prints p50/p95 per condition. RUNS loads per page and
// condition (default 3); ONLY=<flow key part> to measure some walkthroughs.
//
// The outline is read from the content script's world (the overlay's root is closed): as soon as that world
// exists, a probe there checks every animation frame; both worlds share the page's performance timeline. A
// probe that starts only after the outline is already drawn would overstate the time: such loads are counted
// ("late") and their time is the probe's first frame, an upper bound.
import type { Browser, CDPSession, Page, Protocol } from 'puppeteer-core';
import { matchesPage } from '../core/url-pattern';
import { SHIPPED_PACKS } from '../walkthroughs/index';
import { setup, type Env } from '../tests/support/env';
import { FLOWS, type Flow } from '../tests/support/flows';
import { launch, targetsFor } from '../tests/support/harness';
import { guideRealm, startGuided, waitInUi } from '../tests/support/overlay-probe';
import { reach, visits, type Visit } from '../tests/support/visits';

const RUNS = Number(process.env.RUNS ?? 3);
const ONLY = process.env.ONLY;

type Condition = '1× cpu' | '4× cpu' | '4× cpu, worker stopped';
const CONDITIONS: { name: Condition; rate: number; stop: boolean }[] = [
  { name: '1× cpu', rate: 1, stop: false },
  { name: '4× cpu', rate: 4, stop: false },
  { name: '4× cpu, worker stopped', rate: 4, stop: true },
];

interface LoadSample {
  page: string;
  load: number;
  plainLoad: number;
  outline: number | null;
  /** When the page itself first showed the step's control (0: before the content script started). */
  control: number;
  late: boolean;
}
interface RouteSample {
  route: string;
  outline: number | null;
  /** The same route change without the extension: the click to the new route's control in the page. */
  plainRendered: number;
}

const pct = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number): string => (Number.isNaN(n) ? '—' : `${n.toFixed(0)} ms`);
const pair = (xs: number[]): string => `${ms(pct(xs, 50))} / ${ms(pct(xs, 95))}`;

interface Shipped {
  id: string;
  walkthroughs: { id: string; steps: { page: string; anchor?: unknown }[] }[];
}

/**
 * The pages (as visits) of a walkthrough's steps that outline a control, in the walkthrough's order, each with
 * the selector (from the sites' targets.json) of the control its first step there points at.
 */
function stepPages(flow: Flow): { key: string; visit: Visit; control: string }[] {
  const [packId, walkthroughId] = flow.key.split('/');
  const pack = (SHIPPED_PACKS as Shipped[]).find((p) => p.id === packId);
  const steps = pack?.walkthroughs.find((w) => w.id === walkthroughId)?.steps ?? [];
  const all = visits();
  const out: { key: string; visit: Visit; control: string }[] = [];
  steps.forEach((step, i) => {
    const target = flow.steps[i]?.target;
    if (!step.anchor || !target) return;
    const v = all.find((x) => matchesPage(step.page, x.visit.url));
    if (!v) throw new Error(`no stand-in page for ${step.page} (${flow.key})`);
    const control = targetsFor(v.visit.url)[target];
    if (!control) throw new Error(`no target ${target} for ${v.visit.url}`);
    if (!out.some((o) => o.key === v.key)) out.push({ ...v, control });
  });
  return out;
}

/**
 * The outline after the page was ready for it: its load event, or later, when the page itself drew the control
 * after its load (a single-page app that renders its view on a timer): the guide cannot outline it sooner.
 */
const afterReady = (s: LoadSample[]): number[] => s.flatMap((x) => (x.outline === null ? [] : [x.outline - Math.max(x.load, x.control)]));

async function loadEnd(page: Page): Promise<number> {
  await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd, { timeout: 30_000, polling: 20 });
  return page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
}

/**
 * In the content script's world: the first animation frame with the outline drawn, and the first frame in which
 * the step's control is in the page's document (CONTROL, a selector of the stand-in page; 0 when it was already
 * there at the probe's first frame, i.e. before the content script's world existed). The probe reads no layout
 * until the outline is there, so it costs the loading page next to nothing.
 */
const LOAD_PROBE = `new Promise((resolve) => {
  let first = true;
  let control = null;
  const check = () => {
    // Only whether it is in the document: measuring it every frame would force the loading page's layout.
    if (control === null && document.querySelector(CONTROL)) control = first ? 0 : performance.now();
    const host = document.querySelector('dan-buoc-overlay');
    const root = host ? globalThis.chrome.dom.openOrClosedShadowRoot(host) : null;
    const el = root ? root.querySelector('[data-dan-buoc="outline"]') : null;
    const r = el && !el.hidden ? el.getBoundingClientRect() : null;
    if (r && r.width > 0 && r.height > 0) return resolve({ at: performance.now(), late: first, control: control ?? performance.now() });
    first = false;
    if (performance.now() > 30000) return resolve(null);
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

/** In the content script's world: the first frame showing a step other than BEFORE with its outline drawn. */
const ROUTE_PROBE = `new Promise((resolve) => {
  const until = performance.now() + 20000;
  const check = () => {
    const host = document.querySelector('dan-buoc-overlay');
    const root = host ? globalThis.chrome.dom.openOrClosedShadowRoot(host) : null;
    const step = root ? root.querySelector('[data-dan-buoc="step"]') : null;
    const el = root ? root.querySelector('[data-dan-buoc="outline"]') : null;
    const r = el && !el.hidden ? el.getBoundingClientRect() : null;
    if (step && step.textContent !== BEFORE && r && r.width > 0 && r.height > 0) return resolve(performance.now());
    if (performance.now() > until) return resolve(null);
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

/**
 * Reload and time the outline. The probe goes into the content script's world the moment Chromium reports
 * that world created (Runtime.executionContextCreated on a session of our own): one call, no polling of the
 * page while it loads (polling would cost the throttled page's thread and inflate its load event).
 */
async function guidedLoad(page: Page, cdp: CDPSession, control: string): Promise<{ load: number; outline: number | null; control: number; late: boolean }> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const top = frameTree.frame.id;
  const probed = new Promise<{ at: number; late: boolean; control: number } | null>((resolve, reject) => {
    const onContext = (e: Protocol.Runtime.ExecutionContextCreatedEvent): void => {
      const aux = e.context.auxData as { isDefault?: boolean; frameId?: string } | undefined;
      if (aux?.isDefault || aux?.frameId !== top || !e.context.origin.startsWith('chrome-extension://')) return;
      cdp.off('Runtime.executionContextCreated', onContext);
      cdp
        .send('Runtime.evaluate', { expression: LOAD_PROBE.replace('CONTROL', JSON.stringify(control)), contextId: e.context.id, awaitPromise: true, returnByValue: true })
        .then((r) => resolve((r.result.value as { at: number; late: boolean; control: number } | null) ?? null), reject);
    };
    cdp.on('Runtime.executionContextCreated', onContext);
  });
  await page.reload({ waitUntil: 'load' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const seen = await Promise.race([probed, new Promise<'never'>((r) => (timer = setTimeout(() => r('never'), 30_000)))]);
  clearTimeout(timer);
  if (seen === 'never') throw new Error(`the content script never started on ${page.url()}`);
  return { load: await loadEnd(page), outline: seen?.at ?? null, control: seen?.control ?? 0, late: seen?.late ?? false };
}

async function plainLoad(page: Page): Promise<number> {
  await page.reload({ waitUntil: 'load' });
  return loadEnd(page);
}

/** Click `selector` from the page's own world (a route change of the SPA); its time on the page's clock. */
async function clickAt(page: Page, selector: string): Promise<number> {
  await page.waitForSelector(selector, { timeout: 20_000 });
  return page.evaluate((sel: string) => {
    const t = performance.now();
    const el = document.querySelector(sel) as HTMLElement | null;
    if (!el) throw new Error(`no ${sel} on ${location.href}`);
    el.click();
    return t;
  }, selector);
}

async function guidedRoute(page: Page, click: string): Promise<number | null> {
  const realm = await guideRealm(page);
  const before = await realm.evaluate(`(() => { const h = document.querySelector('dan-buoc-overlay'); const r = h ? globalThis.chrome.dom.openOrClosedShadowRoot(h) : null; return r?.querySelector('[data-dan-buoc="step"]')?.textContent ?? null; })()`);
  const probe = (realm.evaluate(ROUTE_PROBE.replace('BEFORE', JSON.stringify(before))) as Promise<number | null>).catch((e: unknown) => {
    console.error('route probe', e);
    return null;
  });
  // The probe's first frame has run once a round trip to the world has come back.
  await realm.evaluate('new Promise((r) => requestAnimationFrame(() => r(0)))');
  const t0 = await clickAt(page, click);
  const at = await probe;
  return at === null ? null : at - t0;
}

async function plainRoute(page: Page, click: string, shown: string): Promise<number> {
  const t0 = await clickAt(page, click);
  const handle = await page.waitForFunction(
    (sel: string) => {
      const el = document.querySelector(sel);
      return el && el.getBoundingClientRect().width > 0 ? performance.now() : 0;
    },
    { polling: 'raf', timeout: 20_000 },
    shown,
  );
  return ((await handle.jsonValue()) as number) - t0;
}

/**
 * Sign in to the banking SPA from its page's own world (set-up, not measured): the guide's card may lie over the
 * form's button, where a mouse click would land on the card.
 */
async function signIn(page: Page, origin: string): Promise<void> {
  const login = targetsFor(`${origin}/dang-nhap`);
  await page.goto(`${origin}/dang-nhap`, { waitUntil: 'load' });
  await page.waitForSelector(login.username!);
  await page.evaluate(
    (u: string, p: string, b: string) => {
      (document.querySelector(u) as HTMLInputElement).value = 'nguoithu';
      (document.querySelector(p) as HTMLInputElement).value = 'matkhau1';
      (document.querySelector(b) as HTMLButtonElement).click();
    },
    login.username!,
    login.password!,
    login['login-button']!,
  );
  await page.waitForSelector(targetsFor(`${origin}/trang-chu`)['menu-transfer']!);
}

async function stopWorker(cdp: CDPSession, browser: Browser): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10_000;
  while (browser.targets().some((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'))) {
    if (Date.now() > deadline) throw new Error('the service worker did not stop');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Wait until the overlay outlines a control on the page now open (the session has reached this page's step). */
async function outlined(page: Page): Promise<boolean> {
  return waitInUi(page, 'dan-buoc-overlay', { timeout: 20_000, polling: 50 }, (root) => {
    const o = root?.querySelector('[data-dan-buoc="outline"]') as HTMLElement | null | undefined;
    return !!o && !o.hidden && o.getBoundingClientRect().width > 0;
  }).then(
    () => true,
    () => false,
  );
}

async function main(): Promise<void> {
  const loads: Record<string, LoadSample[]> = {};
  const routes: Record<string, RouteSample[]> = {};
  const skipped: string[] = [];
  const measured = new Set<string>();
  const started = Date.now();
  for (const flow of FLOWS) {
    if (ONLY && !flow.key.includes(ONLY)) continue;
    const env: Env = await setup();
    const plain = await launch({ server: env.server, extension: false });
    try {
      const { site, panel } = await startGuided(env, flow);
      const cdp = await panel.page.createCDPSession();
      await cdp.send('ServiceWorker.enable');
      const bare = await plain.browser.newPage();
      // Both pages get a session listening to their worlds, so both pay the same for it.
      const probe = await site.createCDPSession();
      await probe.send('Runtime.enable');
      const bareProbe = await bare.createCDPSession();
      await bareProbe.send('Runtime.enable');
      const spa = flow.key.startsWith('ebank/');
      for (const { key, visit, control } of stepPages(flow)) {
        if (visit.spa && visit.spa !== ('dang-nhap' as Visit['spa'])) continue;
        // Reached in order, so the session follows the walkthrough from page to page.
        await reach(site, visit);
        if (measured.has(key)) continue;
        await reach(bare, visit);
        if (!(await outlined(site))) {
          skipped.push(`${key}: no outline after reaching it`);
          continue;
        }
        measured.add(key);
        for (const c of CONDITIONS) {
          await site.emulateCPUThrottling(c.rate === 1 ? null : c.rate);
          await bare.emulateCPUThrottling(c.rate === 1 ? null : c.rate);
          for (let i = 0; i <= RUNS; i++) {
            // Which goes first alternates (guided, plain; then plain, guided …): on two cores, a load right after
            // another browser's load shares the CPU with that browser's work after its load event.
            const plainFirst = i % 2 === 1;
            const b0 = plainFirst ? await plainLoad(bare) : 0;
            if (c.stop) await stopWorker(cdp, env.browser);
            const g = await guidedLoad(site, probe, control);
            const b = plainFirst ? b0 : await plainLoad(bare);
            // Load 0 is the warm-up.
            if (i > 0) (loads[c.name] ??= []).push({ page: key, ...g, plainLoad: b });
          }
        }
        await site.emulateCPUThrottling(null);
        await bare.emulateCPUThrottling(null);
        process.stdout.write(`· ${flow.key} ${key}\n`);
      }
      if (spa) {
        // Home ⇄ transfer, by the menu link and the form's cancel link (both pushState routes of the SPA).
        const origin = 'https://ebank.example';
        const home = targetsFor(`${origin}/trang-chu`);
        const transfer = targetsFor(`${origin}/chuyen-tien`);
        await signIn(site, origin);
        await signIn(bare, origin);
        if (!(await outlined(site))) skipped.push('ebank route changes: no outline on the home route');
        else
          for (const c of CONDITIONS) {
            await site.emulateCPUThrottling(c.rate === 1 ? null : c.rate);
            await bare.emulateCPUThrottling(c.rate === 1 ? null : c.rate);
            for (let i = 0; i <= RUNS; i++) {
              for (const [route, click, shown] of [
                ['/trang-chu → /chuyen-tien', home['menu-transfer']!, transfer['bank-option-vietcombank']!],
                ['/chuyen-tien → /trang-chu', transfer['cancel-button']!, home['menu-transfer']!],
              ] as const) {
                if (c.stop) await stopWorker(cdp, env.browser);
                const outline = await guidedRoute(site, click);
                const plainRendered = await plainRoute(bare, click, shown);
                if (i > 0) (routes[c.name] ??= []).push({ route, outline, plainRendered });
              }
            }
          }
        await site.emulateCPUThrottling(null);
        await bare.emulateCPUThrottling(null);
        process.stdout.write(`· ${flow.key} route changes\n`);
      }
    } finally {
      await plain.close();
      await env.close();
    }
  }

  const table = (head: string[], rows: string[][]): void => {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
    console.log(line(head));
    for (const r of rows) console.log(line(r));
  };
  const pages = [...measured];
  console.log(`\nFirst hint latency, page loads: ${pages.length} step pages × ${RUNS} loads per condition (after 1 warm-up), guided and plain loads alternating`);
  console.log(`pages: ${pages.join(', ')}\n`);
  table(
    ['condition', 'loads', 'load event, no extension p50/p95', 'load event, guided p50/p95', 'guide adds: Δp50 / paired p50', 'outline after load event p50/p95', 'after load + control drawn p50/p95', 'outline from nav. start p50/p95', 'probe'],
    Object.entries(loads).map(([cond, s]) => {
      const g = s.map((x) => x.load);
      const b = s.map((x) => x.plainLoad);
      const after = s.flatMap((x) => (x.outline === null ? [] : [x.outline - x.load]));
      return [
        cond,
        `${s.length}`,
        pair(b),
        pair(g),
        `${ms(pct(g, 50) - pct(b, 50))} / ${ms(pct(s.map((x) => x.load - x.plainLoad), 50))}`,
        pair(after),
        pair(afterReady(s)),
        pair(s.flatMap((x) => (x.outline === null ? [] : [x.outline]))),
        `${s.filter((x) => x.outline === null).length} missed, ${s.filter((x) => x.late).length} late`,
      ];
    }),
  );
  const at4 = loads['4× cpu'] ?? [];
  if (at4.length) {
    console.log(`\n4× cpu, per page: guide adds to the load event (paired p50) · outline after load event p50/p95 · after the load event and the page's own drawing of the control p50/p95\n`);
    table(
      ['page', 'guide adds', 'outline after load', 'after load + control drawn'],
      pages.map((k) => {
        const s = at4.filter((x) => x.page === k);
        return [k, ms(pct(s.map((x) => x.load - x.plainLoad), 50)), pair(s.flatMap((x) => (x.outline === null ? [] : [x.outline - x.load]))), pair(afterReady(s))];
      }),
    );
  }
  if (Object.keys(routes).length) {
    console.log(`\nFirst hint latency, the ebank SPA's route changes (home ⇄ transfer, ${RUNS} each way per condition after 1 warm-up)\n`);
    table(
      ['condition', 'changes', 'new route drawn, no extension p50/p95', 'outline after the click p50/p95', 'missed'],
      Object.entries(routes).map(([cond, s]) => [
        cond,
        `${s.length}`,
        pair(s.map((x) => x.plainRendered)),
        pair(s.flatMap((x) => (x.outline === null ? [] : [x.outline]))),
        `${s.filter((x) => x.outline === null).length}`,
      ]),
    );
  }
  if (skipped.length) console.log(`\nnot measured: ${skipped.join('; ')}`);
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
