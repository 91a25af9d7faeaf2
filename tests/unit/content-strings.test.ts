// The content script ships a subset of the strings (build/locale-subset.ts): every key its modules ask
// for — found by following its local imports from the entrypoint — must be in that subset and in both
// locale files, or the page would show a raw key.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import { pageWords } from '../../core/i18n';
import { isPageWord, wordsOf } from '../../core/page-words';
import { BACKGROUND_STRINGS, CONTENT_SCRIPT_STRINGS, ERROR_STRINGS, PICKER_STRINGS, PRINT_STRINGS, RECORDER_STRINGS, WIDGET_STRINGS, type KeepKey } from '../../build/locale-subset';

const ROOT = path.resolve(__dirname, '../..');

/** The project's own modules a bundle is made of, from its entry, through relative imports (not `import type`: no code). */
function localModules(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\b(?!\s+type\b)[^'"]*?from\s+['"](\.{1,2}\/[^'"?]+)['"]/gm)) {
      const base = path.resolve(path.dirname(file), m[1]!);
      const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((f) => existsSync(f) && /\.tsx?$/.test(f));
      if (found) visit(found);
    }
  };
  visit(path.join(ROOT, entry));
  return [...seen];
}

/** Keys (or, for template literals, key prefixes) passed to a translator: t('…'), tr(`…${…}`). */
function askedKeys(files: string[]): string[] {
  const keys = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\btr?\(\s*(['"`])([a-z][\w-]*\.[\w.-]*?)(\$\{|\1)/gi)) keys.add(m[2]!);
  }
  return [...keys];
}

function check(entry: string, keep: KeepKey, least = { files: 5, keys: 10 }): string[] {
  const files = localModules(entry);
  const keys = askedKeys(files);
  expect(files.length).toBeGreaterThan(least.files);
  expect(keys.length).toBeGreaterThan(least.keys);
  for (const key of keys) {
    const complete = !key.endsWith('.');
    const present = complete ? [key] : Object.keys(vi).filter((k) => k.startsWith(key));
    expect(present.length, `${key} is in the locale files`).toBeGreaterThan(0);
    for (const k of present) {
      expect(keep(k), `${k} (asked for by ${entry}'s modules) is shipped`).toBe(true);
      expect((en as Record<string, string>)[k], `${k} has an English text`).toBeTruthy();
    }
  }
  return keys;
}

describe('strings shipped in the content script and the widget', () => {
  it('16 the content script ships no strings: the words the background writes for it hold every key its modules ask for, and nothing of the console, editor or OCR helper', () => {
    const keys = check('entrypoints/guide.tsx', isPageWord);
    expect(keys).toContain('overlay.next');
    for (const k of Object.keys(vi)) expect(CONTENT_SCRIPT_STRINGS(k), k).toBe(false);
    for (const k of ['ocr.title', 'editor.save', 'dashboard.title', 'packs.install', 'recorder.stop', 'pick.prompt']) expect(isPageWord(k)).toBe(false);
    for (const lang of ['vi', 'en'] as const) {
      const words = pageWords(lang);
      for (const k of keys.filter((x) => !x.endsWith('.'))) expect(words[k], `${lang} ${k}`).toBeTruthy();
      // What the guide reads back from storage.local keeps all of it.
      expect(wordsOf(JSON.parse(JSON.stringify(words)))).toEqual(words);
    }
    // The background ships only these words (it writes them; it shows nothing itself).
    for (const k of Object.keys(vi)) expect(BACKGROUND_STRINGS(k), k).toBe(isPageWord(k));
    expect(pageWords('en')['overlay.next']).toBe((en as Record<string, string>)['overlay.next']);
    expect(pageWords('vi')['overlay.next']).toBe(vi['overlay.next']);
  });

  it('16 the words read from storage.local are only page words, strings of sensible length', () => {
    const long = 'x'.repeat(401);
    expect(wordsOf({ 'overlay.next': 'Tiếp', 'overlay.back': 7, 'ocr.title': 'OCR', 'overlay.done': long, __proto__: { 'overlay.x': 'y' } })).toEqual({ 'overlay.next': 'Tiếp' });
    for (const bad of [null, 'overlay.next', [['overlay.next', 'Tiếp']], 3]) expect(wordsOf(bad)).toEqual({});
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`overlay.k${i}`, 'w']));
    expect(Object.keys(wordsOf(many)).length).toBe(100);
  });

  it('16 the recorder and the picker, injected only when an author starts them, keep every key they ask for, and only their own', () => {
    const recorder = check('entrypoints/recorder.ts', RECORDER_STRINGS, { files: 3, keys: 2 });
    expect(recorder).toContain('recorder.stop');
    const picker = check('entrypoints/picker.ts', PICKER_STRINGS, { files: 3, keys: 0 });
    expect(picker).toContain('pick.prompt');
    for (const k of ['overlay.next', 'ocr.title', 'pick.prompt']) expect(RECORDER_STRINGS(k)).toBe(false);
    for (const k of ['overlay.next', 'ocr.title', 'recorder.stop']) expect(PICKER_STRINGS(k)).toBe(false);
  });

  it('the widget keeps every key its modules ask for: its own in its file, the error texts in dan-buoc-errors.js', () => {
    const keys = check('widget/element.ts', (k) => WIDGET_STRINGS(k) || ERROR_STRINGS(k));
    expect(keys.some((k) => k.startsWith('error.'))).toBe(true);
    // 16: the error texts (3.6 kB gzip) are loaded only when a pack cannot be shown, not with every widget.
    for (const k of keys.filter((k) => k.startsWith('error.'))) expect(WIDGET_STRINGS(k), k).toBe(false);
    for (const k of ['overlay.next', 'widget.loading']) expect(ERROR_STRINGS(k)).toBe(false);
    // Nor the guide's lines about finding a control on a real page: the widget's card never shows them.
    for (const k of ['overlay.notFound', 'overlay.waiting', 'overlay.searching', 'overlay.where']) expect(WIDGET_STRINGS(k), k).toBe(false);
  });

  it('the print view (dan-buoc-print.js) brings its own words, and finds the rest in the widget’s', () => {
    const keys = check('widget/print.ts', (k) => PRINT_STRINGS(k) || WIDGET_STRINGS(k), { files: 5, keys: 5 });
    const own = keys.filter(PRINT_STRINGS);
    expect(own).toEqual(expect.arrayContaining(['widget.print', 'widget.qrCaption', 'widget.printPrivate']));
    // Its own words are not in the widget's file, and the widget's modules never ask for them.
    for (const k of own) expect(WIDGET_STRINGS(k), k).toBe(false);
    const widgetKeys = check('widget/element.ts', (k) => WIDGET_STRINGS(k) || ERROR_STRINGS(k));
    expect(widgetKeys.filter(PRINT_STRINGS)).toEqual([]);
    // What the print view asks the widget for: shown before the file comes, or on the intro too.
    expect(keys.filter((k) => !PRINT_STRINGS(k))).toEqual(expect.arrayContaining(['widget.about', 'widget.closePrint']));
  });
});
