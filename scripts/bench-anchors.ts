// `npm run bench:anchors`: how often an anchor finds the right control on a changed page — correct / wrong /
// not found — beside baselines measured in the same run: Similo as published (Nass et al., TOSEM 2023;
// tests/support/bench/similo.ts, always answers), the engine on main before v2
// (tests/support/bench/anchors-v1.ts) and a copied CSS selector. Sets:
//   generator  every stand-in page after seeded redesigns (support/bench/redesign.ts)       may be tuned on
//   v2         anchors captured on ../shared/sites, resolved on tests/sites/v2              may be tuned on
//   v3         the same on tests/sites/v3: FROZEN, measured only, never tuned on
//   WebEvo     real old/new page pairs (../shared/bench/locators), targets visible on both  measured only
//   Similo     423 real element pairs as property records (../shared/bench/similo): matchRecords
// and resolve latency on generated pages of 3,000 and 30,000 elements beside the old engine.
// `--dump` writes bench-output/anchor-cases-{generator,v2}.json for `npm run fit:anchors` (never v3).
// `--why` prints every miss; `--only v2,v3` runs some sets. A script, not a test: it never fails on figures.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { matchRecords, rankRecords } from '../core/anchors/index';
import type { Case } from '../tests/support/bench/anchor-cases';
import { bundleForPage, launch, ROOT, SHARED_SITES, startSites, targetsFor, type Launched, type SitesServer } from '../tests/support/harness';
import { similoPick, type SimiloRecord } from '../tests/support/bench/similo';
import { DEEP_QUERY } from '../tests/support/targets';
import { reach, visits } from '../tests/support/visits';

type Outcome = 'correct' | 'wrong' | 'notFound';
type Tally = Record<Outcome, number>;
const METHODS = ['engine', 'top1', 'v1', 'similo', 'selector'] as const;
type Method = (typeof METHODS)[number];
interface Row {
  set: string;
  note: string;
  t: Partial<Record<Method | 'similoMargin', Tally>>;
}
const tally = (): Tally => ({ correct: 0, wrong: 0, notFound: 0 });
const WHY = process.argv.includes('--why');
const DUMP = process.argv.includes('--dump');
/** `--together`: resolve each target with the page's other targets as peers (as the guide does with a pack's steps). */
const TOGETHER = process.argv.includes('--together');
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? new Set(process.argv[onlyArg + 1]!.split(',')) : null;
const want = (set: string): boolean => !ONLY || ONLY.has(set);
const SEEDS = (process.env.BENCH_SEEDS ?? '1,2,3').split(',').map(Number);
/** Similo with a relative-lead margin tuned to ≈2 % wrong on the records (scripts/bench-similo.ts). */
const SIMILO_MARGIN = 0.15;

declare global {
  interface Window {
    __danBuocAnchors: typeof import('../core/capture');
    __anchorsV1: typeof import('../tests/support/bench/anchors-v1');
    __similo: typeof import('../tests/support/bench/similo');
    __danBuocRedesign: typeof import('../tests/support/bench/redesign');
    __benchLib: typeof import('../tests/support/bench/bench-page');
    __deepQuery: (selector: string) => { el: Element | null };
  }
}

interface Captured {
  id: string;
  anchor: import('../core/anchors/index').Anchor;
  v1: import('../tests/support/bench/anchors-v1').Anchor;
  similo: SimiloRecord;
  selector: string;
}

interface PageResult {
  verdicts: Record<Method, Outcome>[];
  why: string[];
  cases: Case[];
  skipped: number;
}

function add(row: Row, r: PageResult): void {
  for (const v of r.verdicts) for (const m of METHODS) (row.t[m] ??= tally())[v[m]]++;
}

// ---------------------------------------------------------------- in-page capture and resolve
async function capture(p: Page, targets: Record<string, string>, selectorOf: 'targets' | 'copy'): Promise<{ caps: Captured[]; skipped: number }> {
  return p.evaluate(
    (ts: Record<string, string>, how: string) => {
      const lib = window.__benchLib;
      const caps: Captured[] = [];
      let skipped = 0;
      for (const [id, sel] of Object.entries(ts)) {
        const el = window.__deepQuery(sel).el;
        // Only what a guide could point at: rendered, with a box.
        if (!el || !lib.visible(el)) {
          skipped++;
          continue;
        }
        caps.push({ id, anchor: window.__danBuocAnchors.captureAnchor(el), v1: window.__anchorsV1.captureAnchor(el), similo: window.__similo.recordOfElement(el), selector: how === 'targets' ? sel : lib.baselineSelector(el) });
      }
      return { caps, skipped };
    },
    targets,
    selectorOf,
  );
}

/** Resolve captured anchors on the page now open; `truth` maps a capture id to a truth selector (targets syntax). */
async function resolveAll(p: Page, caps: Captured[], truth: Record<string, string>, set: string, group: string): Promise<PageResult> {
  return p.evaluate(
    async (cs: Captured[], tr: Record<string, string>, dump: boolean, setName: string, groupName: string, together: boolean) => {
      const lib = window.__benchLib;
      const A = window.__danBuocAnchors;
      const S = window.__similo;
      const pool = S.candidateRecords(document);
      const out: PageResult = { verdicts: [], why: [], cases: [], skipped: 0 };
      const d = (e: Element | null | undefined): string => (e ? `${e.tagName.toLowerCase()}«${(e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30) || e.getAttribute('placeholder') || e.getAttribute('aria-label') || ''}»` : 'null');
      for (const c of cs) {
        const t = tr[c.id] ? window.__deepQuery(tr[c.id]!).el : null;
        if (!t || !lib.visible(t)) {
          out.skipped++;
          continue;
        }
        // The truth has rendered already (waitTargets): a short wait covers the engine's settling only.
        const r = await A.waitForAnchor(c.anchor, { timeoutMs: 600, ...(together ? { peers: cs.map((x) => x.anchor) } : {}) });
        const v1 = window.__anchorsV1.resolveAnchor(c.v1, document);
        const sp = S.similoPick(c.similo, pool.records);
        let sel: Element | null = null;
        try {
          sel = c.selector.includes('>>>') ? window.__deepQuery(c.selector).el : document.querySelector(c.selector);
        } catch {
          sel = null;
        }
        const ranked = A.rankCandidates(c.anchor, document);
        const verdict = {
          engine: lib.judge(r?.element ?? null, t),
          // The ceiling of any decision rule on this scoring: is the best-scored candidate the truth?
          top1: lib.judge(ranked[0]?.element ?? null, t),
          v1: lib.judge(v1?.element ?? null, t),
          similo: lib.judge(sp ? pool.elements[sp.index]! : null, t),
          selector: lib.judge(sel, t),
        };
        out.verdicts.push(verdict);
        if (verdict.engine !== 'correct') {
          const at = ranked.findIndex((x) => x.element === t);
          out.why.push(`${verdict.engine} ${c.id}: truth=${d(t)} rank=${at} got=${d(r?.element)} | ` + ranked.slice(0, 3).map((x) => `${x.element === t ? 'T' : 'x'}${d(x.element)} c=${x.confidence.toFixed(2)} i=${x.identity.toFixed(2)} x=${x.context.toFixed(2)}`).join(' ; ') + ` | anchor=${JSON.stringify({ n: c.anchor.name, l: c.anchor.label, p: c.anchor.placeholder, k: c.anchor.kind, near: c.anchor.near })}`);
        }
        if (dump) {
          out.cases.push({
            set: setName,
            group: groupName,
            id: `${groupName}#${c.id}`,
            anchor: c.anchor,
            anchorPos: { index: c.anchor.index, count: c.anchor.count },
            candidates: ranked.map((x) => ({ props: A.features(x.element), pos: x.pos ?? null })),
            truth: ranked.findIndex((x) => x.element === t),
          });
        }
      }
      return out;
    },
    caps,
    truth,
    DUMP,
    set,
    group,
    TOGETHER,
  );
}

// ---------------------------------------------------------------- redesigned versions of the stand-in sites
interface Browsers {
  open(dir: string): Promise<{ server: SitesServer; chrome: Launched }>;
}

async function versionSet(b: Browsers, name: string, dir: string, note: string, scripts: string[]): Promise<{ row: Row; cases: Case[] }> {
  const row: Row = { set: name, note, t: {} };
  const cases: Case[] = [];
  const orig = await b.open(SHARED_SITES);
  const pages = visits(SHARED_SITES);
  const captured = new Map<string, Captured[]>();
  try {
    for (const { key, visit } of pages) {
      const p = await newPage(orig.chrome.browser, scripts);
      try {
        await reach(p, visit, SHARED_SITES);
        const targets = targetsFor(p.url(), SHARED_SITES);
        await waitTargets(p, targets);
        captured.set(key, (await capture(p, targets, 'targets')).caps);
      } finally {
        await p.close();
      }
    }
  } finally {
    await orig.chrome.close();
    await orig.server.stop();
  }
  const next = await b.open(dir);
  try {
    for (const { key, visit } of visits(dir)) {
      const caps = captured.get(key);
      if (!caps) continue;
      const p = await newPage(next.chrome.browser, scripts);
      try {
        await reach(p, visit, dir);
        const truth = targetsFor(p.url(), dir);
        await waitTargets(p, truth);
        const r = await resolveAll(p, caps, truth, name, key);
        add(row, r);
        cases.push(...r.cases);
        if (WHY) for (const w of r.why) console.log(`  [${name} ${key}] ${w}`);
      } catch (err) {
        console.error(`  ${name} ${key}: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        await p.close();
      }
    }
  } finally {
    await next.chrome.close();
    await next.server.stop();
  }
  return { row, cases };
}

/** Wait until every target names one element (content renders late), at most 5 s; missing ones are skipped later. */
async function waitTargets(p: Page, targets: Record<string, string>): Promise<void> {
  await p
    .waitForFunction((sels: string[]) => sels.every((s) => window.__deepQuery(s).el), { timeout: 5000, polling: 100 }, Object.values(targets))
    .catch(() => undefined);
}

async function newPage(browser: Browser, scripts: string[]): Promise<Page> {
  const p = await browser.newPage();
  for (const s of scripts) await p.evaluateOnNewDocument(s);
  return p;
}

// ---------------------------------------------------------------- the generator
async function generatorSet(browser: Browser, scripts: string[]): Promise<{ row: Row; cases: Case[] }> {
  const row: Row = { set: 'generator', note: `seeded redesigns ×${SEEDS.length}`, t: {} };
  const cases: Case[] = [];
  for (const { key, visit } of visits(SHARED_SITES)) {
    for (const seed of SEEDS) {
      const p = await newPage(browser, scripts);
      try {
        await reach(p, visit, SHARED_SITES);
        const targets = targetsFor(p.url(), SHARED_SITES);
        await waitTargets(p, targets);
        const { caps } = await capture(p, targets, 'targets');
        // Redesign in place; the truth is the element each target became, marked for the resolver.
        await p.evaluate((ts: Record<string, string>, s: number) => {
          const els: Record<string, Element> = {};
          for (const [id, sel] of Object.entries(ts)) {
            const el = window.__deepQuery(sel).el;
            if (el) els[id] = el;
          }
          const { truth } = window.__danBuocRedesign.redesign(document, els, { seed: s });
          for (const [id, el] of Object.entries(truth)) el.setAttribute('data-bench-truth', id);
        }, targets, seed);
        await new Promise((r) => setTimeout(r, 900)); // the late part is back
        const truth = Object.fromEntries(caps.map((c) => [c.id, `[data-bench-truth="${c.id}"]`]));
        // Truth marks can sit in a shadow root or iframe the generator made: find them there.
        const located = await p.evaluate((ids: string[]) => {
          const out: Record<string, string> = {};
          for (const id of ids) {
            for (const root of window.__danBuocAnchors.searchRoots(document)) {
              if (root.querySelector(`[data-bench-truth="${id}"]`)) {
                const host = root === document ? null : (root as ShadowRoot).host ?? ((root as Document).defaultView?.frameElement ?? null);
                if (!host) out[id] = `[data-bench-truth="${id}"]`;
                else {
                  const mark = `bench-host-${id}`;
                  host.setAttribute('data-bench-host', mark);
                  out[id] = `[data-bench-host="${mark}"] >>> [data-bench-truth="${id}"]`;
                }
              }
            }
          }
          return out;
        }, Object.keys(truth));
        const r = await resolveAll(p, caps, located, 'generator', key);
        add(row, r);
        cases.push(...r.cases);
        if (WHY) for (const w of r.why) console.log(`  [generator ${key} #${seed}] ${w}`);
      } catch (err) {
        console.error(`  generator ${key} seed ${seed}: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        await p.close();
      }
    }
  }
  return { row, cases };
}

// ---------------------------------------------------------------- WebEvo page pairs
async function webevo(browser: Browser, scripts: string[]): Promise<Row | null> {
  const dir = path.resolve(ROOT, process.env.DAN_BUOC_LOCATORS ?? '../shared/bench/locators');
  if (!existsSync(dir)) return null;
  const row: Row = { set: 'WebEvo', note: 'real page pairs, targets visible on both', t: {} };
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name, 'targets.json');
    if (!existsSync(file)) continue;
    const targets = JSON.parse(readFileSync(file, 'utf8')) as { id: string; old: string; new: string }[];
    const p = await newPage(browser, scripts);
    try {
      await p.goto(pathToFileURL(path.join(dir, name, 'old.html')).href, { waitUntil: 'load' });
      const oldSel = Object.fromEntries(targets.map((t) => [t.id, t.old]));
      const caps = await p.evaluate((ts: Record<string, string>) => {
        const lib = window.__benchLib;
        const out: Captured[] = [];
        for (const [id, xp] of Object.entries(ts)) {
          const el = lib.byXPath(document, xp);
          if (el && lib.visible(el)) out.push({ id, anchor: window.__danBuocAnchors.captureAnchor(el), v1: window.__anchorsV1.captureAnchor(el), similo: window.__similo.recordOfElement(el), selector: lib.baselineSelector(el) });
        }
        return out;
      }, oldSel);
      await p.goto(pathToFileURL(path.join(dir, name, 'new.html')).href, { waitUntil: 'load' });
      // Mark the truth so resolveAll can name it with a selector.
      const truth = await p.evaluate((ts: { id: string; new: string }[]) => {
        const out: Record<string, string> = {};
        for (const t of ts) {
          const el = window.__benchLib.byXPath(document, t.new);
          if (el) {
            el.setAttribute('data-bench-truth', t.id);
            out[t.id] = `[data-bench-truth="${t.id}"]`;
          }
        }
        return out;
      }, targets);
      const r = await resolveAll(p, caps, truth, 'webevo', name);
      add(row, r);
      if (WHY) for (const w of r.why) console.log(`  [WebEvo ${name}] ${w}`);
    } finally {
      await p.close();
    }
  }
  return row;
}

// ---------------------------------------------------------------- Similo records (no DOM)
function similoRecords(): Row | null {
  const file = path.resolve(ROOT, process.env.DAN_BUOC_SIMILO ?? '../shared/bench/similo/apps.json');
  if (!existsSync(file)) return null;
  const apps = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { candidates: SimiloRecord[]; cases: { target: SimiloRecord; truth: number }[] }>;
  const row: Row = { set: 'Similo records', note: '30 real sites, property records', t: { engine: tally(), top1: tally(), similo: tally(), similoMargin: tally() } };
  const judge = (got: number | undefined, truth: number): Outcome => (got === undefined ? 'notFound' : got === truth ? 'correct' : 'wrong');
  for (const [app, { candidates, cases }] of Object.entries(apps)) {
    for (const [i, k] of cases.entries()) {
      const mine = judge(matchRecords(k.target, candidates)?.index, k.truth);
      row.t.engine![mine]++;
      row.t.top1![judge(rankRecords(k.target, candidates)[0]?.index, k.truth)]++;
      row.t.similo![judge(similoPick(k.target, candidates)?.index, k.truth)]++;
      row.t.similoMargin![judge(similoPick(k.target, candidates, SIMILO_MARGIN)?.index, k.truth)]++;
      if (WHY && mine !== 'correct') console.log(`  [Similo ${app}#${i}] ${mine}`);
    }
  }
  return row;
}

// ---------------------------------------------------------------- latency
async function latency(browser: Browser, scripts: string[], size: number): Promise<{ size: number; p50: number; p95: number; v1p50: number; v1p95: number; correct: string; v1correct: string }> {
  const p = await newPage(browser, scripts);
  await p.goto('about:blank');
  const r = await p.evaluate((n: number) => {
    const lib = window.__benchLib;
    const A = window.__danBuocAnchors;
    const V = window.__anchorsV1;
    // Warm-up on another generated page (JIT), not counted.
    for (const el of lib.generatePage(document, n, 7)) {
      A.resolveAnchor(A.captureAnchor(el));
      V.resolveAnchor(V.captureAnchor(el));
    }
    const targets = lib.generatePage(document, n, 42);
    void document.body.offsetHeight; // a loaded page is laid out before anyone looks: do that here, untimed
    const anchors = targets.map((el) => A.captureAnchor(el));
    const olds = targets.map((el) => V.captureAnchor(el));
    const times: number[] = [];
    const oldTimes: number[] = [];
    let correct = 0;
    let oldCorrect = 0;
    for (let round = 0; round < 5; round++) {
      targets.forEach((target, i) => {
        const t0 = performance.now();
        const res = A.resolveAnchor(anchors[i]!);
        times.push(performance.now() - t0);
        const t1 = performance.now();
        const old = V.resolveAnchor(olds[i]!);
        oldTimes.push(performance.now() - t1);
        if (round === 0 && res?.element === target) correct++;
        if (round === 0 && old?.element === target) oldCorrect++;
      });
    }
    return { times, oldTimes, correct, oldCorrect, total: targets.length, elements: document.querySelectorAll('*').length };
  }, size);
  await p.close();
  const pct = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  return { size: r.elements, p50: pct(r.times, 0.5), p95: pct(r.times, 0.95), v1p50: pct(r.oldTimes, 0.5), v1p95: pct(r.oldTimes, 0.95), correct: `${r.correct}/${r.total}`, v1correct: `${r.oldCorrect}/${r.total}` };
}

// ---------------------------------------------------------------- output
function cell(t: Tally | undefined): string {
  if (!t) return '—';
  const n = t.correct + t.wrong + t.notFound;
  const f = (x: number): string => `${((100 * x) / n).toFixed(1)}%`;
  return `${t.correct}/${t.wrong}/${t.notFound} (${f(t.correct)} / ${f(t.wrong)})`;
}

function printRows(rows: Row[]): void {
  const head = ['set', 'n', 'engine v2', 'v2 ranking top-1 (ceiling)', 'engine on main (v1)', 'Similo as published', `Similo, lead ≥ ${SIMILO_MARGIN}`, 'copied selector', ''];
  const lines = rows.map((r) => {
    const e = r.t.engine!;
    return [r.set, String(e.correct + e.wrong + e.notFound), cell(r.t.engine), cell(r.t.top1), cell(r.t.v1), cell(r.t.similo), cell(r.t.similoMargin), cell(r.t.selector), r.note];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cols: string[]): string => cols.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log('correct/wrong/not found (correct % / wrong %)');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(fmt(l));
}

async function main(): Promise<void> {
  const scripts = [
    // tsx keeps function names with a __name() helper that page code evaluated from here would lack.
    'globalThis.__name = globalThis.__name || ((f) => f);',
    `window.__deepQuery = ${DEEP_QUERY};`,
    await bundleForPage('core/capture.ts', '__danBuocAnchors'),
    await bundleForPage('tests/support/bench/anchors-v1.ts', '__anchorsV1'),
    await bundleForPage('tests/support/bench/similo.ts', '__similo'),
    await bundleForPage('tests/support/bench/redesign.ts', '__danBuocRedesign'),
    await bundleForPage('tests/support/bench/bench-page.ts', '__benchLib'),
  ];
  const started = Date.now();
  const rows: Row[] = [];
  const open = async (dir: string): Promise<{ server: SitesServer; chrome: Launched }> => {
    const server = await startSites(dir);
    return { server, chrome: await launch({ server, extension: false }) };
  };
  mkdirSync(path.join(ROOT, 'bench-output'), { recursive: true });
  const dump = (name: string, cases: Case[]): void => {
    if (DUMP && name !== 'v3') writeFileSync(path.join(ROOT, `bench-output/anchor-cases-${name}.json`), JSON.stringify(cases));
  };
  console.log('Anchor benchmark\n');
  const base = await open(SHARED_SITES);
  let lat: Awaited<ReturnType<typeof latency>>[] = [];
  try {
    if (want('generator')) {
      const g = await generatorSet(base.chrome.browser, scripts);
      rows.push(g.row);
      dump('generator', g.cases);
    }
    if (want('webevo')) {
      const w = await webevo(base.chrome.browser, scripts);
      if (w) rows.push(w);
    }
    if (want('latency')) lat = [await latency(base.chrome.browser, scripts, 3000), await latency(base.chrome.browser, scripts, 30000)];
  } finally {
    await base.chrome.close();
    await base.server.stop();
  }
  for (const [name, note] of [
    ['v2', 'hand-written redesign (may be tuned on)'],
    ['v3', 'hand-written redesign, FROZEN: never tuned on'],
  ] as const) {
    const dir = path.join(ROOT, 'tests/sites', name);
    if (!want(name) || !existsSync(dir)) continue;
    const v = await versionSet({ open }, name, dir, note, scripts);
    rows.push(v.row);
    dump(name, v.cases);
  }
  if (want('similo')) {
    const s = similoRecords();
    if (s) rows.push(s);
  }
  printRows(rows);
  if (lat.length) {
    console.log('\nResolve latency (resolveAnchor; 40 targets × 5 rounds after a warm-up page), engine v2 beside the engine on main:');
    for (const l of lat) console.log(`  ${String(l.size).padStart(6)} elements: v2 p50 ${l.p50.toFixed(2)} ms, p95 ${l.p95.toFixed(2)} ms (correct ${l.correct}); v1 p50 ${l.v1p50.toFixed(2)} ms, p95 ${l.v1p95.toFixed(2)} ms (correct ${l.v1correct})`);
  }
  writeFileSync(path.join(ROOT, 'bench-output/anchors.json'), JSON.stringify({ date: new Date().toISOString(), seeds: SEEDS, rows, latency: lat }, null, 2));
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s; details in bench-output/anchors.json)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
