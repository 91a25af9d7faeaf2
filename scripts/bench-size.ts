// `npm run bench:size`: what the widget costs a ward page. Prints gzip sizes (gzip -9, as `gzip -9c f | wc -c`)
// of the widget files and the overlay content script, beside Preact's own runtime measured the same way in
// this run and the reference tour libraries' figures; then the widget's first render on the demo page in
// Chromium (from the element's connection to its content in the DOM, pack fetch included), over repeated loads.
// A script, not a test: it never fails on figures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, launch, ROOT, startSites } from '../tests/support/harness';
import { startWardSite } from '../tests/support/ward-site';

const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const GOALS = { widgetGzKb: 18, firstRenderMs: 50 };
/** Minified bundles, gzip -9, as given with the widget's budget (react-joyride without React). */
const REFERENCES: [string, number][] = [
  ['driver.js', 7.4],
  ['Shepherd', 16.4],
  ['intro.js', 20.5],
  ['react-joyride (without React)', 27.5],
];

const kb = (bytes: number): string => (bytes / 1000).toFixed(1);
const gz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], q: number): number => sorted(xs)[Math.max(0, Math.ceil(q * xs.length) - 1)]!;

async function main(): Promise<void> {
  const widget = path.join(ROOT, '.output/widget');
  const preact = path.join(ROOT, 'node_modules/preact/dist/preact.mjs');
  const rows: [string, string, string][] = [
    ['dan-buoc-widget.js (IIFE, what the snippet loads)', `${kb(gz(path.join(widget, 'dan-buoc-widget.js')))} kB`, `≤ ${GOALS.widgetGzKb} kB: ${gz(path.join(widget, 'dan-buoc-widget.js')) <= GOALS.widgetGzKb * 1000 ? 'met' : 'NOT met'}`],
    ['dan-buoc-widget.mjs (ES module)', `${kb(gz(path.join(widget, 'dan-buoc-widget.mjs')))} kB`, `≤ ${GOALS.widgetGzKb} kB: ${gz(path.join(widget, 'dan-buoc-widget.mjs')) <= GOALS.widgetGzKb * 1000 ? 'met' : 'NOT met'}`],
    ['dan-buoc-print.js (the print view with its QR code maker, loaded only when it opens)', `${kb(gz(path.join(widget, 'dan-buoc-print.js')))} kB`, ''],
    ['dan-buoc-errors.js (error texts, loaded only when a pack cannot be shown)', `${kb(gz(path.join(widget, 'dan-buoc-errors.js')))} kB`, ''],
    ['guide script, injected into the guided tab (guide.js)', `${kb(gz(path.join(EXTENSION_DIR, 'guide.js')))} kB`, ''],
    ['baseline: Preact runtime alone (its minified dist/preact.mjs)', `${kb(gz(preact))} kB`, ''],
    ...REFERENCES.map(([name, size]): [string, string, string] => [`reference: ${name}`, `${size.toFixed(1)} kB`, '']),
  ];

  const sites = await startSites();
  const ward = await startWardSite();
  const chrome = await launch({ server: sites, extension: false });
  const renders: number[][] = [];
  const domReady: number[] = [];
  const fetches: number[] = [];
  try {
    const page = await chrome.browser.newPage();
    for (let i = 0; i < LOADS; i++) {
      await page.goto(`${ward.url}?load=${i}`, { waitUntil: 'load' });
      const r = await page.waitForFunction(
        () => {
          const m = performance.getEntriesByName('dan-buoc-guide:first-render');
          const packs = performance.getEntriesByType('resource').filter((e) => e.name.includes('/assets/packs/')) as PerformanceResourceTiming[];
          return (
            m.length >= document.querySelectorAll('dan-buoc-guide').length && {
              renders: m.map((e) => e.duration),
              fetches: packs.map((e) => e.responseEnd - e.startTime),
              dom: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
            }
          );
        },
        { timeout: 10_000 },
      );
      const v = (await r.jsonValue()) as { renders: number[]; fetches: number[]; dom: number };
      renders.push(v.renders);
      fetches.push(...v.fetches);
      domReady.push(v.dom);
    }
  } finally {
    await chrome.close();
    await ward.stop();
    await sites.stop();
  }
  const firsts = renders.map((r) => Math.max(...r));
  const fmt = (x: number): string => x.toFixed(1);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log('Widget size (gzip -9)\n');
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join(' | '));
  console.log(`\nFirst render on the demo page (2 widgets, packs fetched from the same site), ${LOADS} loads:`);
  console.log(`  connected → content in the DOM, slower of the two: p50 ${fmt(pct(firsts, 0.5))} ms, max ${fmt(Math.max(...firsts))} ms (goal ≤ ${GOALS.firstRenderMs} ms: ${pct(firsts, 0.5) <= GOALS.firstRenderMs ? 'met' : 'NOT met'})`);
  console.log(`  of which fetching a pack from the page's server: p50 ${fmt(pct(fetches, 0.5))} ms (a local Node server on this loaded 2-core machine)`);
  console.log(`  baseline, the page's own DOMContentLoaded: p50 ${fmt(pct(domReady, 0.5))} ms after navigation start`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
