// Builds that ship only part of the strings: locales/*.json reduced, at build time, to the keys a bundle
// shows. The widget shows the step card and its own views; the content script the overlay and the hand-off
// offer; the recorder and the picker their bars. tests/unit/content-strings.test.ts checks that every key the
// content script's modules ask for is kept.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { isPageWord } from '../core/page-words';

export type KeepKey = (key: string) => boolean;

const byPrefix =
  (prefixes: readonly string[]): KeepKey =>
  (key) =>
    prefixes.some((p) => key === p || (p.endsWith('.') && key.startsWith(p)));

/** The guide's lines about finding the control on a real page (extension/guide-page.tsx): a ward page has none. */
const GUIDE_ONLY = new Set(['overlay.notFound', 'overlay.waiting', 'overlay.searching', 'overlay.where']);
/** The print view's own words (components/print-view.tsx): in dan-buoc-print.js, loaded with the view. */
const PRINT_ONLY = new Set(['widget.print', 'widget.qrLabel', 'widget.qrCaption', 'widget.qrFailed', 'widget.printPrivate', 'widget.printPrivateMark']);
export const PRINT_STRINGS: KeepKey = (key) => PRINT_ONLY.has(key);
/** The widget: its own words and the step card's (tests/unit/content-strings.test.ts checks it asks for no other). */
export const WIDGET_STRINGS: KeepKey = (key) => byPrefix(['overlay.', 'widget.'])(key) && !GUIDE_ONLY.has(key) && !PRINT_ONLY.has(key);
/** The widget's error texts (core/error-text.ts), in a file it loads only when a pack cannot be shown. */
export const ERROR_STRINGS: KeepKey = byPrefix(['error.']);
/**
 * The guide's content script ships no strings: its words come from the background's copy in storage.local
 * (core/page-words.ts). Should a module of it import a locale file anyway, the file is empty there.
 */
export const CONTENT_SCRIPT_STRINGS: KeepKey = () => false;
/** The background: the guide's words, which it writes into storage.local for the content script. */
export const BACKGROUND_STRINGS: KeepKey = isPageWord;
/** The author's scripts, injected into one tab when recording or re-capturing (extension/author-scripts.ts). */
export const RECORDER_STRINGS: KeepKey = byPrefix(['recorder.', 'overlay.move']);
export const PICKER_STRINGS: KeepKey = byPrefix(['pick.', 'overlay.move']);

export function localeSubset(name: string, keep: KeepKey): Plugin {
  return {
    name,
    enforce: 'pre',
    load(id) {
      if (!/[\\/]locales[\\/](vi|en)\.json$/.test(id)) return null;
      const all = JSON.parse(readFileSync(id, 'utf8')) as Record<string, string>;
      return JSON.stringify(Object.fromEntries(Object.entries(all).filter(([k]) => keep(k))));
    },
  };
}
