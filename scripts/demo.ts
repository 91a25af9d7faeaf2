// `npm run demo`: headless Chromium with the built extension drives the VNeID walkthrough as a resident
// would, and writes a screenshot of every step to demo-output/ (step-01.png …).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setup } from '../tests/support/env';
import { actOnOutlined, VNEID_LOGIN } from '../tests/support/flows';
import { ROOT } from '../tests/support/harness';
import { clickOverlayButton, startGuided, waitForStep } from '../tests/support/overlay-probe';

export async function runDemo(): Promise<string[]> {
  const outDir = path.join(ROOT, 'demo-output');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const env = await setup();
  const files: string[] = [];
  try {
    const { site, panel } = await startGuided(env, VNEID_LOGIN);
    const total = VNEID_LOGIN.steps.length;
    for (const [i, step] of VNEID_LOGIN.steps.entries()) {
      await step.settle?.(site);
      const state = await waitForStep(site, `Bước ${i + 1}/${total}`, { outline: step.target !== null });
      const file = path.join(outDir, `step-${String(i + 1).padStart(2, '0')}.png`);
      await site.screenshot({ path: file as `${string}.png` });
      files.push(file);
      console.log(`  ${path.relative(ROOT, file)}  ${state.step}: ${state.text}`);
      if (step.act === 'done' || step.act === 'next') await clickOverlayButton(site, 'next');
      else await actOnOutlined(site, step, state.outline!);
    }
    await panel.page.bringToFront();
    await panel.page.waitForSelector('[data-testid="outcome-form"]');
    const panelShot = path.join(outDir, 'side-panel-outcome.png');
    await panel.page.screenshot({ path: panelShot as `${string}.png` });
    files.push(panelShot);
    const saved = await panel.recordOutcome();
    console.log(`  ${path.relative(ROOT, panelShot)}  ${saved}`);
  } finally {
    await env.close();
  }
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(ROOT, 'scripts/demo.ts')) {
  console.log('Dẫn Bước demo: the VNeID sign-in walkthrough, headless, one screenshot per step.');
  runDemo()
    .then((files) => console.log(`\n${files.length} screenshots in ${path.join(ROOT, 'demo-output')}`))
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
