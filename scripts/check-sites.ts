// Check a stand-in sites folder (the originals or a redesign in tests/sites/): every page reached in the
// state its targets file describes, and every target selector naming exactly one element (` >>> ` included),
// rendered unless it is meant to be hidden. `npx tsx scripts/check-sites.ts [dir]` (default DAN_BUOC_SITES).
import path from 'node:path';
import { launch, startSites, targetsFor } from '../tests/support/harness';
import { probeTarget } from '../tests/support/targets';
import { reach, visits } from '../tests/support/visits';

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (arg) process.env.DAN_BUOC_SITES = path.resolve(arg);
  const server = await startSites();
  const chrome = await launch({ server, extension: false });
  let bad = 0;
  let total = 0;
  try {
    for (const { key, visit } of visits()) {
      const page = await chrome.browser.newPage();
      try {
        await reach(page, visit);
        const targets = targetsFor(page.url());
        const ids = Object.keys(targets);
        // Content may render late: give every target up to 5 s.
        const deadline = Date.now() + 5000;
        const state = new Map<string, string>();
        for (;;) {
          state.clear();
          for (const id of ids) {
            const r = await probeTarget(page, targets[id]!);
            if (!r.handle) state.set(id, r.error);
            else {
              const shown = await r.handle.evaluate((el) => {
                const b = el.getBoundingClientRect();
                return b.width > 0 && b.height > 0;
              });
              if (!shown) state.set(id, 'hidden (no box)');
              await r.handle.dispose();
            }
          }
          if ([...state.values()].every((e) => e.startsWith('hidden')) || Date.now() > deadline) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        total += ids.length;
        const problems = [...state].filter(([, e]) => !e.startsWith('hidden'));
        bad += problems.length;
        const hidden = [...state].filter(([, e]) => e.startsWith('hidden')).map(([id]) => id);
        console.log(`${problems.length ? '✗' : '✓'} ${key}: ${ids.length} targets${hidden.length ? `, hidden: ${hidden.join(' ')}` : ''}`);
        for (const [id, e] of problems) console.log(`    ${id}: ${e}`);
      } catch (err) {
        bad++;
        console.log(`✗ ${key}: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await chrome.close();
    await server.stop();
  }
  console.log(`${total} targets, ${bad} problems`);
  process.exit(bad ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
