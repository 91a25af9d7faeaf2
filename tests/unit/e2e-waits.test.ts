// A meta-test over the end-to-end tests (issue 15.10): a fresh-clone CI run under load failed on a click made
// before the console had rendered, and on a focus read once before the widget had moved it. The e2e tests
// must wait for the state they act on: no page.click/type/select/focus/hover/tap(selector) — puppeteer looks
// the element up once and throws when it is not there yet — and no sleep (a setTimeout run by Node) but the
// one polling helper, `until` in fixture.ts, which waits for a state with a deadline. Timers inside functions
// the page runs (evaluate, waitForFunction…) are the page's own business and are not counted.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const E2E = path.join(ROOT, 'tests/e2e');
const FILES = readdirSync(E2E)
  .filter((n) => n.endsWith('.ts'))
  .map((n) => path.join(E2E, n));

/** Puppeteer methods of a page or frame that look a selector up once, then act. */
const ACT_ONCE = new Set(['click', 'type', 'select', 'focus', 'hover', 'tap']);
/** Calls whose function arguments run in the page, not in Node. */
const PAGE_SIDE = new Set(['evaluate', 'evaluateHandle', 'evaluateOnNewDocument', 'waitForFunction', '$eval', '$$eval']);

/** A program over `files` with the project's compiler options; `virtual` files are served from memory. */
function program(files: string[], virtual: Record<string, string> = {}): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), { skipLibCheck: true, noEmit: true }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  })!;
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => f in virtual || fileExists.call(host, f);
  host.readFile = (f) => virtual[f] ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, ...rest) => (f in virtual ? ts.createSourceFile(f, virtual[f]!, lang, true) : getSourceFile.call(host, f, lang, ...rest));
  return ts.createProgram(files, config.options, host);
}

const where = (sf: ts.SourceFile, node: ts.Node): string => {
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `${path.relative(ROOT, sf.fileName)}:${line + 1}: ${node.getText(sf).split('\n')[0]!.slice(0, 100)}`;
};

/** The name of the call a node is (directly) an argument of, when that call is `x.name(…)`. */
function calleeName(call: ts.Node | undefined): string | null {
  if (!call || !ts.isCallExpression(call)) return null;
  return ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : ts.isIdentifier(call.expression) ? call.expression.text : null;
}

function findings(files: string[], virtual: Record<string, string> = {}): { actOnce: string[]; sleeps: string[] } {
  const prog = program(files, virtual);
  const checker = prog.getTypeChecker();
  const actOnce: string[] = [];
  const sleeps: string[] = [];
  for (const file of files) {
    const sf = prog.getSourceFile(file)!;
    const visit = (node: ts.Node, inPage: boolean, inUntil: boolean): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ACT_ONCE.has(node.expression.name.text)) {
        const receiver = checker.getTypeAtLocation(node.expression.expression);
        const name = receiver.getSymbol()?.getName() ?? '';
        const [first] = node.arguments;
        if ((name === 'Page' || name === 'Frame') && first && !ts.isObjectLiteralExpression(first)) actOnce.push(where(sf, node));
      }
      if (ts.isIdentifier(node) && node.text === 'setTimeout' && !inPage && !inUntil) sleeps.push(where(sf, node));
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && /timers\/promises$/.test(node.moduleSpecifier.text)) sleeps.push(where(sf, node));
      const fn = ts.isArrowFunction(node) || ts.isFunctionExpression(node);
      const nextInPage = inPage || (fn && PAGE_SIDE.has(calleeName(node.parent) ?? ''));
      const nextInUntil = inUntil || (ts.isFunctionDeclaration(node) && node.name?.text === 'until' && path.basename(file) === 'fixture.ts');
      ts.forEachChild(node, (child) => visit(child, nextInPage, nextInUntil));
    };
    visit(sf, false, false);
  }
  return { actOnce, sleeps };
}

/** A sample with two acts-once and one sleep among things that are fine, to show the rules see them. */
const SAMPLE = path.join(E2E, '__sample__.ts');
const SAMPLE_SOURCE = [
  "import type { ElementHandle, Page } from 'puppeteer-core';",
  'export async function f(page: Page, h: ElementHandle<HTMLSelectElement>): Promise<void> {',
  "  await page.click('#a');",
  "  await page.mainFrame().type('#b', 'x');",
  '  await new Promise((r) => setTimeout(r, 9));',
  "  await page.keyboard.type('typed');",
  "  await h.select('value');",
  "  await (await page.waitForSelector('#c'))!.click();",
  '  await page.evaluate(() => new Promise((r) => setTimeout(r, 1)));',
  '}',
].join('\n');

describe('15.10 end-to-end tests wait for the state they act on', () => {
  let found: { actOnce: string[]; sleeps: string[] };
  // One type-checked program over every e2e file and the sample: seconds on a loaded machine.
  beforeAll(() => {
    found = findings([...FILES, SAMPLE], { [SAMPLE]: SAMPLE_SOURCE });
  }, 120_000);
  const inSample = (f: string): boolean => f.startsWith(path.relative(ROOT, SAMPLE));
  const notSample = (list: string[]): string[] => list.filter((f) => !inSample(f));

  it('the rules find what they look for, and nothing else, in a sample', () => {
    expect(found.actOnce.filter(inSample).map((f) => f.replace(/^.*?: /, ''))).toEqual(["page.click('#a')", "page.mainFrame().type('#b', 'x')"]);
    expect(found.sleeps.filter(inSample).map((f) => f.replace(/^.*?:(\d+):.*$/, '$1'))).toEqual(['5']);
  });

  it('15.10 no page.click/type/select/focus/hover/tap(selector): each waits for its element first (clickWhenReady, waitForSelector…)', () => {
    expect(FILES.length).toBeGreaterThan(15);
    expect(notSample(found.actOnce)).toEqual([]);
  });

  it('15.10 no sleep in Node-side test code: only fixture.ts `until` polls, for a state and with a deadline', () => {
    expect(notSample(found.sleeps)).toEqual([]);
  });
});
