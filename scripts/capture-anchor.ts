// Capture anchors of stand-in controls for a pack: `npm run capture -- <url> <targetId> [targetId…]`.
// Prints one JSON object targetId → Anchor. The targetIds come from the page's *.targets.json.

import { anchorsBundle, launch, startSites, targetsFor } from '../tests/support/harness';
import { waitForTarget } from '../tests/support/targets';
import { reach, visitFor } from '../tests/support/visits';

async function main(): Promise<void> {
  const [url, ...ids] = process.argv.slice(2);
  if (!url || ids.length === 0) {
    console.error('usage: npm run capture -- <https://host/page> <targetId> [targetId…]');
    process.exit(2);
  }
  const targets = targetsFor(url);
  const server = await startSites();
  const chrome = await launch({ server, extension: false });
  try {
    const page = await chrome.browser.newPage();
    await page.evaluateOnNewDocument(await anchorsBundle());
    // Reach the page in the state a flow leaves it in (a session, a pending transfer…).
    await reach(page, visitFor(url));
    const out: Record<string, unknown> = {};
    for (const id of ids) {
      const selector = targets[id];
      if (!selector) throw new Error(`no target "${id}" in the targets file of ${url}`);
      const handle = await waitForTarget(page, selector, 5000);
      out[id] = await handle.evaluate((el) => (window as unknown as { __danBuocAnchors: typeof import('../core/capture') }).__danBuocAnchors.captureAnchor(el));
    }
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await chrome.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
