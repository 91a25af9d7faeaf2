// Issue 16: entrypoints are wiring (logic lives in factories with unit tests), and the one serial queue is
// core/serial-queue.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sources(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

describe('16 entrypoints are wiring', () => {
  it('16 background.ts is at most 60 lines and registers handlers only through the gate', () => {
    const background = read('entrypoints/background.ts');
    expect(background.trimEnd().split('\n').length).toBeLessThanOrEqual(60);
    expect(background).not.toMatch(/\bon\('/);
    expect(background).toMatch(/registerHandlers\(on, \{ controller, recording, catalog, repair \}\)/);
  });

  it('16 the side panel and editor entrypoints hand their work to createPacksApi and createEditorApi, with no module-level pick state', () => {
    const panel = read('entrypoints/sidepanel/main.tsx');
    expect(panel).toMatch(/packs: createPacksApi\(/);
    expect(panel).not.toMatch(/installFile|updateFile|rollBack\(/);
    const editor = read('entrypoints/editor/main.tsx');
    expect(editor).toMatch(/createEditorApi\(/);
    expect(editor).not.toMatch(/\blet\s+picking\b/);
  });

  it('16 one serial queue: no hand-written .then(fn, fn) chain outside core/serial-queue.ts', () => {
    const files = ['core', 'extension', 'entrypoints', 'components', 'widget'].flatMap(sources);
    const chains = files.filter((f) => f !== path.join('core', 'serial-queue.ts') && /\.then\((\w+), \1\)/.test(read(f)));
    expect(chains).toEqual([]);
    expect(read('core/serial-queue.ts')).toMatch(/tail\.then\(fn, fn\)/);
  });
});
