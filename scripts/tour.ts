// `npm run tour`: the screenshot tour (issue 20). Headless Chromium with the built extension opens every screen
// of the product (tests/support/tour.ts: the console's states, the card on a site, the dashboard, the editor,
// the recording bar, the OCR helper, the link checker, the scam warning, the widget and its print view) and
// writes a PNG of each into tour-output/ (01-console-list.png …); the four shown in the README are refreshed in
// docs/tour/ at 1x, the viewport only. `npm run tour -- widget` runs only the scenes named so (or with a screen so named). tests/e2e/tour.test.ts opens the same screens and runs axe on each.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../tests/support/harness';
import { runScene, tour } from '../tests/support/tour';

/** `only`: the scenes whose name, or a screen's name, contains one of these words (all when empty). */
export async function runTour(only: string[] = []): Promise<{ files: string[]; failed: string[] }> {
  const outDir = path.join(ROOT, 'tour-output');
  const docsDir = path.join(ROOT, 'docs/tour');
  // A partial run keeps the other screens' files.
  if (only.length === 0) rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  mkdirSync(docsDir, { recursive: true });
  const files: string[] = [];
  const failed: string[] = [];
  const chosen = tour().filter((scene) => only.length === 0 || only.some((w) => scene.name.includes(w) || scene.screens.some((s) => s.name.includes(w))));
  for (const scene of chosen) {
    const started = Date.now();
    try {
      await runScene(scene, async (screen, shot) => {
        const file = path.join(outDir, `${screen.file}.png`) as `${string}.png`;
        await shot.page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
        files.push(file);
        console.log(`  ${path.relative(ROOT, file)}  ${screen.about}`);
        if (screen.readme) {
          const copy = path.join(docsDir, screen.readme) as `${string}.png`;
          await shot.page.screenshot({ path: copy, fullPage: false });
          console.log(`    → ${path.relative(ROOT, copy)} (${Math.round(statSync(copy).size / 1024)} kB)`);
        }
      });
      console.log(`  (${scene.name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (err) {
      // One scene failing (a screen changed) leaves the others to be photographed.
      failed.push(`${scene.name}: ${err instanceof Error ? err.message : String(err)}`);
      console.error(`  ✗ ${scene.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { files, failed };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(ROOT, 'scripts/tour.ts')) {
  console.log('Dẫn Bước screenshot tour: every screen, headless, into tour-output/.');
  // `npm run tour -- widget card`: only the scenes with those words in their names or their screens' names.
  runTour(process.argv.slice(2))
    .then(({ files, failed }) => {
      console.log(`\n${files.length} screenshots in ${path.join(ROOT, 'tour-output')}`);
      if (failed.length) {
        console.error(`${failed.length} scene(s) failed:\n${failed.map((f) => `  ${f}`).join('\n')}`);
        process.exit(1);
      }
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
