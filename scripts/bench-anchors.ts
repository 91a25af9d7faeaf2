// `npm run bench:anchors`: how often anchors find the right control after a page changes, against a
// single-CSS-selector baseline (what a tour-library user writes), measured in the same run in Chromium.
//   1. ../shared/bench/locators: real old/new page pairs (WebEvo subset), if present.
//   2. every page of the stand-in sites, unchanged and after seeded redesigns (tests/fixtures/redesign.ts).
//   3. resolve latency p50/p95 on generated pages of 3,000 and 30,000 elements.
// Prints a table and writes bench-output/anchors.json. A script, not a test: it never fails on figures.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { bundleForPage, launch, ROOT, startSites, targetsFor } from './lib/harness';
import { reach, visits } from './lib/visits';

type Outcome = 'correct' | 'wrong' | 'notFound';
interface Tally {
  correct: number;
  wrong: number;
  notFound: number;
}
interface Row {
  dataset: string;
  anchors: Tally;
  baseline: Tally;
  skipped: number;
}

const SEEDS = (process.env.BENCH_SEEDS ?? '1,2,3,4,5').split(',').map(Number);
const tally = (): Tally => ({ correct: 0, wrong: 0, notFound: 0 });

declare global {
  interface Window {
    __danBuocAnchors: typeof import('../core/capture');
    __danBuocRedesign: typeof import('../tests/fixtures/redesign');
    __benchLib: typeof import('./lib/bench-page');
  }
}

async function preparePage(page: Page, scripts: string[]): Promise<void> {
  for (const s of scripts) await page.evaluateOnNewDocument(s);
}

// ---------------------------------------------------------------- 1. WebEvo page pairs
async function webevo(page: () => Promise<Page>): Promise<Row[]> {
  const dir = path.resolve(ROOT, process.env.DAN_BUOC_LOCATORS ?? '../shared/bench/locators');
  if (!existsSync(dir)) return [];
  const rows: Row[] = [];
  const all: Row = { dataset: 'WebEvo (all pairs)', anchors: tally(), baseline: tally(), skipped: 0 };
  const controls: Row = { dataset: 'WebEvo, controls only (a, button, input…)', anchors: tally(), baseline: tally(), skipped: 0 };
  for (const name of readdirSync(dir).sort()) {
    const targetsFile = path.join(dir, name, 'targets.json');
    if (!existsSync(targetsFile)) continue;
    const targets = JSON.parse(readFileSync(targetsFile, 'utf8')) as { id: string; old: string; new: string; tag: string }[];
    const p = await page();
    await p.goto(pathToFileURL(path.join(dir, name, 'old.html')).href, { waitUntil: 'load' });
    const captured = await p.evaluate((ts: { id: string; old: string }[]) => {
      const lib = window.__benchLib;
      return ts.map((t) => {
        const el = lib.byXPath(document, t.old);
        return el ? { id: t.id, anchor: window.__danBuocAnchors.captureAnchor(el), selector: lib.baselineSelector(el) } : null;
      });
    }, targets);
    await p.goto(pathToFileURL(path.join(dir, name, 'new.html')).href, { waitUntil: 'load' });
    const results = await p.evaluate(
      (ts: { id: string; new: string }[], caps: typeof captured) => {
        const lib = window.__benchLib;
        return ts.map((t, i) => {
          const c = caps[i];
          const truth = lib.byXPath(document, t.new);
          if (!c || !truth) return null;
          const r = window.__danBuocAnchors.resolveAnchor(c.anchor, document);
          const b = lib.safeQuery(document, c.selector);
          const verdict = lib.judge(r?.element ?? null, truth);
          let why = '';
          if (verdict !== 'correct') {
            const ranked = window.__danBuocAnchors.rankCandidates(c.anchor, document).slice(0, 3);
            const a = c.anchor;
            why = `${verdict} ${t.id} rank=${ranked.findIndex((x) => x.element === truth)} anchor=${JSON.stringify({ n: a.name?.slice(0, 30), id: a.id, cl: a.classes, h: a.heading?.slice(0, 20), r: a.rival, tw: a.twins })} | ` + ranked.map((x) => `${x.element === truth ? 'T' : 'x'} c=${x.confidence.toFixed(2)} i=${x.identity.toFixed(2)} x=${x.context.toFixed(2)}`).join(' ; ');
          }
          return { anchors: verdict, baseline: lib.judge(b, truth), why };
        });
      },
      targets,
      captured,
    );
    await p.close();
    const row: Row = { dataset: `  ${name.replace(/^webevo-/, '')}`, anchors: tally(), baseline: tally(), skipped: 0 };
    results.forEach((r, i) => {
      if (r && /^(a|button|input|select|textarea)$/.test(targets[i]!.tag)) {
        controls.anchors[r.anchors as Outcome]++;
        controls.baseline[r.baseline as Outcome]++;
      }
    });
    for (const r of results) {
      if (r?.why && process.argv.includes('--why')) console.log(`  [${name}] ${r.why}`);
      if (!r) {
        row.skipped++;
        all.skipped++;
        continue;
      }
      row.anchors[r.anchors as Outcome]++;
      row.baseline[r.baseline as Outcome]++;
      all.anchors[r.anchors as Outcome]++;
      all.baseline[r.baseline as Outcome]++;
    }
    rows.push(row);
  }
  return rows.length ? [all, controls, ...rows] : [];
}

// ---------------------------------------------------------------- 2. stand-in sites and redesigns
async function standIns(page: () => Promise<Page>): Promise<{ same: Row; redesigned: Row; perPage: Row[] }> {
  const same: Row = { dataset: 'Stand-in sites, unchanged', anchors: tally(), baseline: tally(), skipped: 0 };
  const redesigned: Row = { dataset: `Stand-in sites, redesigned ×${SEEDS.length} seeds`, anchors: tally(), baseline: tally(), skipped: 0 };
  const perPage: Row[] = [];
  for (const { key, visit } of visits()) {
    const row: Row = { dataset: `  ${key}`, anchors: tally(), baseline: tally(), skipped: 0 };
    for (const seed of [0, ...SEEDS]) {
      const p = await page();
      try {
        await reach(p, visit);
        const targets = targetsFor(p.url());
        // Content may render late: wait (briefly) for every ground-truth selector.
        await Promise.all(Object.values(targets).map((sel) => p.waitForSelector(sel, { timeout: 3000 }).catch(() => undefined)));
        const results = await p.evaluate(
          async (ts: Record<string, string>, s: number) => {
            const lib = window.__benchLib;
            const A = window.__danBuocAnchors;
            const els: Record<string, Element> = {};
            let skipped = 0;
            for (const [id, sel] of Object.entries(ts)) {
              const el = document.querySelector(sel);
              // Only what a guide could point at: rendered with a box.
              if (el && lib.visible(el)) els[id] = el;
              else skipped++;
            }
            const anchors = Object.fromEntries(Object.entries(els).map(([id, el]) => [id, A.captureAnchor(el)]));
            const truth = s === 0 ? els : window.__danBuocRedesign.redesign(document, els, { seed: s }).truth;
            const why: string[] = [];
            const found = await Promise.all(
              Object.keys(els).map(async (id) => {
                const r = await A.waitForAnchor(anchors[id]!, { timeoutMs: 2500 });
                const verdict = lib.judge(r?.element ?? null, truth[id]!);
                if (verdict !== 'correct') {
                  const ranked = A.rankCandidates(anchors[id]!, document).slice(0, 3);
                  const d = (e: Element): string => `${e.tagName.toLowerCase()}«${(e.textContent ?? '').trim().slice(0, 30) || e.getAttribute('placeholder') || e.getAttribute('aria-label') || ''}»`;
                  const truthRank = ranked.findIndex((x) => x.element === truth[id]);
                  const late = A.resolveAnchor(anchors[id]!, document);
                  why.push(`${verdict} ${id}: now=${late ? lib.judge(late.element, truth[id]!) : 'null'} rival=${anchors[id]!.rival} twins=${anchors[id]!.twins} truth=${d(truth[id]!)} rank=${truthRank} | ` + ranked.map((x) => `${d(x.element)} c=${x.confidence.toFixed(2)} id=${x.identity.toFixed(2)}`).join(' ; ') + ` | anchor=${JSON.stringify({ n: anchors[id]!.name, t: anchors[id]!.text, l: anchors[id]!.label, p: anchors[id]!.placeholder, k: anchors[id]!.kind })}`);
                }
                return verdict;
              }),
            );
            await new Promise((r) => setTimeout(r, 900)); // the late part is back before the baseline looks
            const base = Object.keys(els).map((id) => lib.judge(lib.safeQuery(document, ts[id]!), truth[id]!));
            return { found, base, skipped, why };
          },
          targets,
          seed,
        );
        if (process.argv.includes('--why')) for (const w of results.why) console.log(`  [${key} #${seed}] ${w}`);
        const into = seed === 0 ? same : redesigned;
        into.skipped += results.skipped;
        if (seed !== 0) row.skipped += results.skipped;
        results.found.forEach((o) => {
          into.anchors[o as Outcome]++;
          if (seed !== 0) row.anchors[o as Outcome]++;
        });
        results.base.forEach((o) => {
          into.baseline[o as Outcome]++;
          if (seed !== 0) row.baseline[o as Outcome]++;
        });
      } catch (err) {
        console.error(`  ${key} seed ${seed}: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        await p.close();
      }
    }
    perPage.push(row);
  }
  return { same, redesigned, perPage };
}

// ---------------------------------------------------------------- 3. latency on generated pages
async function latency(page: () => Promise<Page>, size: number): Promise<{ size: number; p50: number; p95: number; baseP50: number; baseP95: number; correct: string }> {
  const p = await page();
  await p.goto('about:blank');
  const r = await p.evaluate((n: number) => {
    const lib = window.__benchLib;
    // Warm-up on another generated page (JIT), not counted.
    const warm = lib.generatePage(document, n, 7);
    for (const el of warm) window.__danBuocAnchors.resolveAnchor(window.__danBuocAnchors.captureAnchor(el));
    const targets = lib.generatePage(document, n, 42);
    // A loaded page is laid out before anyone looks for a control: do that here, untimed.
    void document.body.offsetHeight;
    const A = window.__danBuocAnchors;
    const anchors = targets.map((el) => A.captureAnchor(el));
    const selectors = targets.map((el) => lib.baselineSelector(el));
    const times: number[] = [];
    const baseTimes: number[] = [];
    let correct = 0;
    for (let round = 0; round < 5; round++) {
      anchors.forEach((a, i) => {
        const t0 = performance.now();
        const res = A.resolveAnchor(a);
        times.push(performance.now() - t0);
        if (round === 0 && res?.element === targets[i]) correct++;
        const t1 = performance.now();
        lib.safeQuery(document, selectors[i]!);
        baseTimes.push(performance.now() - t1);
      });
    }
    return { times, baseTimes, correct, total: targets.length, elements: document.querySelectorAll('*').length };
  }, size);
  await p.close();
  const pct = (xs: number[], q: number): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  };
  return { size: r.elements, p50: pct(r.times, 0.5), p95: pct(r.times, 0.95), baseP50: pct(r.baseTimes, 0.5), baseP95: pct(r.baseTimes, 0.95), correct: `${r.correct}/${r.total}` };
}

// ---------------------------------------------------------------- output
const pctOf = (t: Tally): string => {
  const n = t.correct + t.wrong + t.notFound;
  if (!n) return '—';
  const f = (x: number): string => `${((100 * x) / n).toFixed(1)}%`;
  return `${f(t.correct)} / ${f(t.wrong)} / ${f(t.notFound)}`;
};

function printRows(rows: Row[]): void {
  const head = ['dataset', 'n', 'anchors correct/wrong/not found', 'baseline correct/wrong/not found'];
  const lines = rows.map((r) => [r.dataset, String(r.anchors.correct + r.anchors.wrong + r.anchors.notFound), `${r.anchors.correct}/${r.anchors.wrong}/${r.anchors.notFound}  (${pctOf(r.anchors)})`, `${r.baseline.correct}/${r.baseline.wrong}/${r.baseline.notFound}  (${pctOf(r.baseline)})`]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cols: string[]): string => cols.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(fmt(l));
}

async function main(): Promise<void> {
  const scripts = [
    // tsx keeps function names with a __name() helper that page code evaluated from here would lack.
    'globalThis.__name = globalThis.__name || ((f) => f);',
    await bundleForPage('core/capture.ts', '__danBuocAnchors'),
    await bundleForPage('tests/fixtures/redesign.ts', '__danBuocRedesign'),
    await bundleForPage('scripts/lib/bench-page.ts', '__benchLib'),
  ];
  const server = await startSites();
  const chrome = await launch({ server, extension: false });
  const page = async (): Promise<Page> => {
    const p = await chrome.browser.newPage();
    await preparePage(p, scripts);
    return p;
  };
  const started = Date.now();
  try {
    console.log(`Anchor benchmark — Chromium ${await chrome.browser.version()}, seeds ${SEEDS.join(',')}\n`);
    const evo = process.env.SKIP_WEBEVO ? [] : await webevo(page);
    const empty = { dataset: '', anchors: tally(), baseline: tally(), skipped: 0 };
    const stand = process.env.SKIP_STANDINS ? { same: empty, redesigned: empty, perPage: [] } : await standIns(page);
    const rows = [...evo, ...(process.env.SKIP_STANDINS ? [] : [stand.same, stand.redesigned])];
    printRows(rows);
    if (process.argv.includes('--pages')) {
      console.log('\nPer page (redesigned):');
      printRows(stand.perPage);
    }
    console.log('\nResolve latency (resolveAnchor; 40 targets × 5 rounds after a warm-up page; baseline = one querySelector):');
    const lat = process.env.SKIP_LATENCY ? [] : [await latency(page, 3000), await latency(page, 30000)];
    for (const l of lat) {
      console.log(
        `  ${String(l.size).padStart(6)} elements: p50 ${l.p50.toFixed(2)} ms, p95 ${l.p95.toFixed(2)} ms (correct ${l.correct}); baseline p50 ${l.baseP50.toFixed(3)} ms, p95 ${l.baseP95.toFixed(3)} ms`,
      );
    }
    mkdirSync(path.join(ROOT, 'bench-output'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench-output/anchors.json'), JSON.stringify({ date: new Date().toISOString(), seeds: SEEDS, rows, perPage: stand.perPage, latency: lat }, null, 2));
    console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s; details in bench-output/anchors.json)`);
  } finally {
    await chrome.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
