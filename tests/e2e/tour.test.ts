// Issue 20, the screenshot tour: every screen `npm run tour` photographs (tests/support/tour.ts) opens in the
// built extension, and axe-core finds nothing on any of them — the console's states, the step card on a site
// (normal, resident mode, shrunk, not found), the dashboard with sample logs, the editor, the recording bar,
// the OCR helper, the link checker, the scam warning page, the widget at 1280 and 375 px and its print view.
// One test per scene (each runs in a browser of its own); a scene reports every screen's violations at once.
import { describe, expect, it } from 'vitest';
import { axe, axeUi } from '../support/axe';
import { runScene, tour } from '../support/tour';

const scenes = tour();

describe('20 the screenshot tour: axe on every screen', () => {
  it('20 the tour has every screen the issue names, each once, numbered in order', () => {
    const names = scenes.flatMap((s) => s.screens.map((x) => x.name));
    expect(new Set(names).size).toBe(names.length);
    for (const want of [
      'console-list',
      'console-walkthrough',
      'console-guiding',
      'console-not-found',
      'console-outcome',
      'console-settings',
      'card',
      'card-resident',
      'card-shrunk',
      'dashboard',
      'editor',
      'recorder-bar',
      'ocr-helper',
      'link-checker',
      'scam-warning',
      'widget-375',
      'widget-1280',
      'widget-print',
    ]) {
      expect(names).toContain(want);
    }
    const files = scenes.flatMap((s) => s.screens.map((x) => x.file));
    expect(files).toEqual(names.map((n, i) => `${String(i + 1).padStart(2, '0')}-${n}`));
    // The README shows four of them, copied into docs/tour/.
    expect(scenes.flatMap((s) => s.screens.filter((x) => x.readme)).length).toBe(4);
  });

  for (const scene of scenes) {
    it(`20 ${scene.name}: ${scene.screens.map((s) => s.name).join(', ')} — axe finds nothing`, async () => {
      const opened: string[] = [];
      const violations: Record<string, { id: string; help: string; nodes: { target: unknown }[] }[]> = {};
      await runScene(scene, async (screen, shot) => {
        const found = shot.axe.kind === 'ui' ? await axeUi(shot.page, shot.axe.host) : await axe(shot.page, shot.axe.include);
        if (found.length) violations[screen.file] = found;
        opened.push(screen.name);
      });
      expect(opened).toEqual(scene.screens.map((s) => s.name));
      expect(violations).toEqual({});
    }, 240_000);
  }
});
