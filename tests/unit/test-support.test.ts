// @vitest-environment node
// Issue 16.5: test support in one place. Tests and benchmarks share tests/support/ (launch, sites server,
// flows, page objects, one axe helper, one seeded PRNG); the build plugins live in build/. So: nothing under
// tests/ imports scripts/, scripts/ reach tests/ only through tests/support/, tests/support/ never leans on a
// test, the builds (wxt.config.ts, widget/vite.config.ts, scripts/ensure-build.mjs) read build/, not scripts/,
// and scripts/lib (where the plugins were) holds no build plugin. Read with tests/support/import-graph.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { importGraph } from '../support/import-graph';
import { mulberry32 } from '../support/random';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The imports that cross the folders the wrong way, as `file → target`. */
export function wrongCrossings(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const wrong = (file: string, target: string): boolean =>
    (file.startsWith('tests/') && target.startsWith('scripts/')) ||
    (file.startsWith('scripts/') && target.startsWith('tests/') && !target.startsWith('tests/support/')) ||
    (file.startsWith('tests/support/') && target.startsWith('tests/') && !target.startsWith('tests/support/'));
  return [...graph].flatMap(([file, targets]) => targets.filter((t) => wrong(file, t)).map((t) => `${file} → ${t}`));
}

/** The module specifiers a file imports (static, type-only, re-exports and dynamic imports). */
function specifiers(file: string): string[] {
  return ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** Every .ts/.mts/.js/.mjs file under a folder (relative to the root). */
function filesUnder(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return filesUnder(rel);
    return /\.(m?ts|tsx|m?js)$/.test(name) ? [rel] : [];
  });
}

describe('16 test support in one place', () => {
  const graph = importGraph(ROOT, ['tests/unit', 'tests/e2e', 'tests/support', 'tests/fixtures', 'scripts', 'build']);

  it('16 tests import nothing from scripts/, scripts reach tests/ only through tests/support/', () => {
    // The graph holds the files it should: the e2e fixture, the benchmarks, the support modules.
    expect(graph.get('tests/e2e/fixture.ts')).toContain('tests/support/env.ts');
    expect(graph.get('scripts/bench-logs.ts')).toContain('tests/support/random.ts');
    expect(graph.get('scripts/bench-anchors.ts')).toContain('tests/support/harness.ts');
    expect(wrongCrossings(graph)).toEqual([]);
  });

  it('16 the crossing check reports a test importing scripts/ and a script importing a test fixture', () => {
    const bad = new Map([
      ['tests/e2e/x.test.ts', ['scripts/lib/harness.ts', 'tests/support/env.ts']],
      ['scripts/bench-x.ts', ['tests/fixtures/redesign.ts', 'tests/support/random.ts', 'core/text.ts']],
      ['tests/support/y.ts', ['tests/e2e/fixture.ts']],
    ]);
    expect(wrongCrossings(bad)).toEqual([
      'tests/e2e/x.test.ts → scripts/lib/harness.ts',
      'scripts/bench-x.ts → tests/fixtures/redesign.ts',
      'tests/support/y.ts → tests/e2e/fixture.ts',
    ]);
  });

  it('16 the build plugins live in build/: the builds import nothing from scripts/, and scripts/lib holds no plugin', () => {
    for (const config of ['wxt.config.ts', 'widget/vite.config.ts']) {
      const local = specifiers(config).filter((s) => s.startsWith('.'));
      expect(local.length, config).toBeGreaterThan(0);
      expect(local.filter((s) => /(^|\/)scripts\//.test(s)), config).toEqual([]);
      const plugins = local.filter((s) => /(minify-again|locale-subset)$/.test(s));
      expect(plugins.length, config).toBeGreaterThan(0);
      expect(plugins.filter((s) => !/(^|\/)build\//.test(s)), config).toEqual([]);
    }
    expect(specifiers('wxt.config.ts')).toContain('./build/minify-again');
    // ensure-build.mjs rebuilds when a plugin changes: its source lists name build/, not scripts/lib.
    const ensure = readFileSync(path.join(ROOT, 'scripts/ensure-build.mjs'), 'utf8');
    expect(ensure).toMatch(/'build'/);
    expect(ensure).not.toMatch(/scripts\/lib/);
    // A Vite plugin is a module that imports Vite's Plugin type; none is left under scripts/.
    const plugins = filesUnder('scripts').filter((f) => specifiers(f).includes('vite') && /\bPlugin\b/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(plugins).toEqual([]);
    expect(filesUnder('scripts/lib')).toEqual([]);
    expect(filesUnder('build').length).toBeGreaterThanOrEqual(2);
  });

  it('16 one axe helper and one seeded PRNG: no copies in tests/ or scripts/', () => {
    const sources = [...filesUnder('tests/unit'), ...filesUnder('tests/e2e'), ...filesUnder('tests/support'), ...filesUnder('tests/fixtures'), ...filesUnder('scripts')];
    const text = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');
    // Patterns spelled in parts, so this file does not match itself.
    const AXE_FILE = ['axe-core', 'axe.min.js'].join('/');
    expect(sources.filter((f) => text(f).includes(AXE_FILE))).toEqual(['tests/support/axe.ts']);
    // Mulberry32's constant, or the classic LCG's multiplier: the only generator is tests/support/random.ts
    // (ocr-docs.ts, webcam-frames.ts and the photo maker's camera inline it in code passed to page.evaluate, which
    // cannot import; each says so beside it).
    const PRNG = new RegExp(['0x6d2b' + '79f5', '110351' + '5245'].join('|'), 'i');
    const prng = sources.filter((f) => PRNG.test(text(f)));
    expect(prng.sort()).toEqual(['scripts/ocr-photos/camera.ts', 'tests/support/ocr-docs.ts', 'tests/support/random.ts', 'tests/support/webcam-frames.ts']);
  });

  it('16 the seeded PRNG repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(20260101);
    const b = mulberry32(20260101);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
    // The published Mulberry32 sequence for seed 1 (what every benchmark's saved figures were made with).
    expect(mulberry32(1)()).toBeCloseTo(0.6270739405881613, 12);
  });
});
