// `npm run explain -- <pack.json> <stepId> [url]`: how the engine sees one step's anchor on a page of the
// stand-in sites (DAN_BUOC_SITES, e.g. tests/sites/v2): the decision, and the best candidates with their
// scores and per-property similarities. For developers repairing a pack or the engine.
import { readFileSync } from 'node:fs';
import type { Anchor } from '../core/anchors/index';
import type { Pack } from '../core/pack';
import { anchorsBundle, launch, startSites } from '../tests/support/harness';
import { reach, visitFor } from '../tests/support/visits';

async function main(): Promise<void> {
  const [file, stepId, urlArg] = process.argv.slice(2);
  if (!file || !stepId) {
    console.error('usage: npm run explain -- <walkthroughs/pack.json> <stepId> [url]');
    process.exit(2);
  }
  const pack = JSON.parse(readFileSync(file, 'utf8')) as Pack;
  const walk = pack.walkthroughs.find((w) => w.steps.some((s) => s.id === stepId));
  const step = walk?.steps.find((s) => s.id === stepId);
  // The guide resolves a step among the other steps of its page (core/anchors/together.ts).
  const peers = walk?.steps.filter((x) => x !== step && x.page === step?.page && x.anchor).map((x) => x.anchor!) ?? [];
  if (!step?.anchor) throw new Error(`no step "${stepId}" with an anchor in ${file}`);
  const url = urlArg ?? step.page.replace('*', 'ly-lich-tu-phap.html');
  const server = await startSites();
  const chrome = await launch({ server, extension: false });
  try {
    const page = await chrome.browser.newPage();
    await page.evaluateOnNewDocument('globalThis.__name = globalThis.__name || ((f) => f);');
    await page.evaluateOnNewDocument(await anchorsBundle());
    await reach(page, visitFor(url));
    await new Promise((r) => setTimeout(r, 1500)); // late parts
    const out = await page.evaluate(async (a: Anchor, ps: Anchor[]) => {
      const A = (window as unknown as { __danBuocAnchors: typeof import('../core/capture') }).__danBuocAnchors;
      const r = await A.waitForAnchor(a, { timeoutMs: 1000, peers: ps });
      const d = (e: Element): string => `${e.tagName.toLowerCase()}«${(e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40) || e.getAttribute('placeholder') || e.getAttribute('aria-label') || ''}»`;
      return {
        decision: r ? `${d(r.element)} (confidence ${r.confidence})` : 'null',
        ranked: A.rankCandidates(a).slice(0, 6).map((s) => `${d(s.element)} c=${s.confidence.toFixed(3)} id=${s.identity.toFixed(2)} ctx=${s.context.toFixed(2)} ev=${(s.evidence ?? 0).toFixed(2)}${s.typed ? ' typed' : ''}${s.exact ? ' exact' : ''} | ${JSON.stringify(A.features(s.element)).slice(0, 300)}`),
      };
    }, step.anchor, peers);
    console.log(`anchor: ${JSON.stringify(step.anchor)}\non ${page.url()}\ndecision: ${out.decision}`);
    for (const line of out.ranked) console.log('  ' + line);
  } finally {
    await chrome.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
