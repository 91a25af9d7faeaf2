// The project's import graph, read from its source files with TypeScript's own pre-processor (imports,
// `import type`, re-exports and dynamic imports alike), and the import cycles in it: the check that keeps
// the layers one-way (core ← components ← extension ← entrypoints, widget ← components) free of loops.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import ts from 'typescript';

/** The source directories whose imports form the app (tests and scripts are not part of it). */
export const APP_DIRS = ['core', 'components', 'extension', 'entrypoints', 'widget'] as const;

const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A relative or aliased (`@/`, `~/`) specifier as a source file of the project, or null (a package, CSS, JSON). */
function resolveImport(root: string, from: string, specifier: string): string | null {
  const bare = specifier.replace(/\?.*$/, '');
  let base: string;
  if (bare.startsWith('.')) base = resolve(dirname(from), bare);
  else if (/^[@~]\//.test(bare)) base = resolve(root, bare.slice(2));
  else return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  // `./x.js` written for ./x.ts (NodeNext style).
  if (/\.m?js$/.test(base)) candidates.push(base.replace(/\.m?js$/, '.ts'), base.replace(/\.m?js$/, '.tsx'));
  return candidates.find((c) => SOURCE.test(c) && existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Each source file under `dirs` (paths relative to `root`, with `/`) and the project files it imports. */
export function importGraph(root: string, dirs: readonly string[] = APP_DIRS): Map<string, string[]> {
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap((d) => sourceFiles(join(root, d)))) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles.map((f) => resolveImport(root, file, f.fileName)).filter((t): t is string => t !== null);
    graph.set(rel(file), [...new Set(targets.map(rel))].sort());
  }
  return graph;
}

/** Every import cycle, each once, as the files around it ending where it began (`a → b → a`). */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const loop = stack.slice(stack.indexOf(next));
        // The same loop found from another entry point is one cycle: key it by its rotation from its least file.
        const start = loop.indexOf([...loop].sort()[0]!);
        const canonical = [...loop.slice(start), ...loop.slice(0, start)];
        cycles.set(canonical.join(' → '), [...canonical, canonical[0]!]);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles.values()];
}
