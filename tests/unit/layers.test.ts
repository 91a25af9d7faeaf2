// @vitest-environment node
// Issue 16.1: dependencies point one way — core ← components ← extension ← entrypoints, widget ← components —
// enforced by the lint rules in eslint.config.js (run here through ESLint's own Node API on snippets placed
// in each layer), and no import cycles anywhere in the app (tests/support/import-graph.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_DIRS, findCycles, importGraph } from '../support/import-graph';

const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The layer errors ESLint reports for `code` as if it were the file `file` (relative to the root). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('16 layers: lint rules', () => {
  it('16 lint refuses a component importing extension/', async () => {
    const errors = await layerErrors('components/probe.tsx', "import type { Settings } from '../extension/settings';\nexport const x: Settings | null = null;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Components import only core\/ and components\//);
  });

  it('16 lint refuses a component importing wxt/*, an entrypoint, or extension/ through the @/ alias', async () => {
    const code = [
      "import { browser } from 'wxt/browser';",
      "import { x } from '../entrypoints/background';",
      "import { y } from '@/extension/library';",
      'export const z = [browser, x, y];',
      '',
    ].join('\n');
    expect(await layerErrors('components/sub/probe.ts', code)).toHaveLength(3);
  });

  it('16 lint lets a component import core/, components/ and libraries', async () => {
    const code = [
      "import { useState } from 'preact/hooks';",
      "import type { Settings } from '../core/settings';",
      "import type { StepView } from '../core/views';",
      "import { HintText } from './hint-text';",
      'export const probe = [useState, HintText] as const;',
      'export type Probe = Settings | StepView;',
      '',
    ].join('\n');
    expect(await layerErrors('components/probe.tsx', code)).toEqual([]);
  });

  it('16 lint refuses extension/ importing an entrypoint, and lets it import components/ and core/', async () => {
    expect(await layerErrors('extension/probe.ts', "import { x } from '../entrypoints/sidepanel/main';\nexport const y = x;\n")).toHaveLength(1);
    const clean = "import { Overlay } from '../components/overlay';\nimport { OUTCOMES } from '../core/outcomes';\nexport const y = [Overlay, OUTCOMES];\n";
    expect(await layerErrors('extension/probe.ts', clean)).toEqual([]);
  });

  it('16 lint refuses the widget importing extension/ or wxt, and core/ importing a higher layer', async () => {
    expect(await layerErrors('widget/probe.ts', "import { libraryItem } from '../extension/library';\nexport const y = libraryItem;\n")).toHaveLength(1);
    expect(await layerErrors('widget/probe.ts', "import { storage } from 'wxt/utils/storage';\nexport const y = storage;\n")).toHaveLength(1);
    expect(await layerErrors('widget/probe.ts', "import { Widget } from '../components/widget';\nimport { createCatalog } from '../core/catalog';\nexport const y = [Widget, createCatalog];\n")).toEqual([]);
    expect(await layerErrors('core/probe.ts', "import { HintText } from '../components/hint-text';\nexport const y = HintText;\n")).toHaveLength(1);
  });
});

describe('16 layers: the import graph', () => {
  const graph = importGraph(ROOT);

  it('16 no import cycles in core, components, extension, entrypoints and widget', () => {
    expect([...graph.keys()].filter((f) => f.startsWith('core/')).length).toBeGreaterThan(20);
    expect(findCycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('16 components import only core/ and components/ (type imports included)', () => {
    const wrong = [...graph].flatMap(([file, targets]) =>
      file.startsWith('components/') ? targets.filter((t) => !/^(core|components)\//.test(t)).map((t) => `${file} → ${t}`) : [],
    );
    expect(wrong).toEqual([]);
  });

  it('16 core imports only core/', () => {
    const wrong = [...graph].flatMap(([file, targets]) => (file.startsWith('core/') ? targets.filter((t) => !t.startsWith('core/')).map((t) => `${file} → ${t}`) : []));
    expect(wrong).toEqual([]);
  });

  describe('16 the cycle finder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dan-buoc-cycles-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('16 the cycle finder reports a cycle made of a type import and a re-export, once, with its files', () => {
      mkdirSync(path.join(dir, 'core'), { recursive: true });
      mkdirSync(path.join(dir, 'components'), { recursive: true });
      writeFileSync(path.join(dir, 'core/a.ts'), "import type { B } from './b';\nexport const a = 1;\nexport type A = B;\n");
      writeFileSync(path.join(dir, 'core/b.ts'), "export { a } from './a';\nexport type B = number;\n");
      writeFileSync(path.join(dir, 'components/c.tsx'), "import { a } from '../core/a';\nimport css from './c.css?inline';\nexport const c = [a, css];\n");
      const g = importGraph(dir, APP_DIRS);
      expect(g.get('components/c.tsx')).toEqual(['core/a.ts']);
      expect(findCycles(g)).toEqual([['core/a.ts', 'core/b.ts', 'core/a.ts']]);
    });

    it('16 the cycle finder finds a longer loop and a self-import, and none in a tree', () => {
      expect(findCycles(new Map([['x', ['y']], ['y', ['z']], ['z', ['x', 'w']], ['w', []]]))).toEqual([['x', 'y', 'z', 'x']]);
      expect(findCycles(new Map([['s', ['s']]]))).toEqual([['s', 's']]);
      expect(findCycles(new Map([['r', ['p', 'q']], ['p', ['q']], ['q', []]]))).toEqual([]);
    });
  });
});
