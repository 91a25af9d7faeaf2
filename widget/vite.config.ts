// The widget's build (Vite, library mode), run by scripts/build-widget.ts into .output/widget/:
//   dan-buoc-widget.js   one classic (IIFE) file for <script src defer>
//   dan-buoc-widget.mjs  the same as an ES module for <script type="module">
//   dan-buoc-print.js    the print view (its component, style sheet, words and QR code maker), loaded by either
//                        only when a print view opens; it renders with the widget's own Preact (preact-kit.ts)
//   dan-buoc-errors.js   the error texts (both languages), loaded only when a pack cannot be shown
// It carries only the locale strings the widget shows (overlay.* for the step card, widget.*).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { InlineConfig } from 'vite';
import { ERROR_STRINGS, localeSubset, PRINT_STRINGS, WIDGET_STRINGS } from '../build/locale-subset';
import { minifyAgain } from '../build/minify-again';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WIDGET_OUT = path.join(ROOT, '.output/widget');

function config(entry: string, format: 'iife' | 'es', fileName: string, empty: boolean, strings = WIDGET_STRINGS, again = true): InlineConfig {
  return {
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    plugins: [
      preact({ prefreshEnabled: false, devToolsEnabled: false }),
      localeSubset('dan-buoc-widget-strings', strings),
      ...(again ? [minifyAgain({ module: format === 'es' })] : []),
    ],
    define: { __WIDGET_ESM__: JSON.stringify(format === 'es') },
    // The print view's JSX, made with the widget's Preact, handed over when the file opens (no Preact of its own).
    resolve: entry === 'widget/print.ts' ? { alias: [{ find: /^preact\/jsx-runtime$/, replacement: path.join(ROOT, 'widget/preact-kit.ts') }] } : {},
    build: {
      outDir: WIDGET_OUT,
      emptyOutDir: empty,
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      target: ['chrome111', 'firefox115', 'safari16.4'],
      lib: { entry: path.join(ROOT, entry), formats: [format], name: 'DanBuocGuide', fileName: () => fileName },
      // Library mode keeps an ES build's whitespace (for other bundlers); this file is served as it is.
      // Then terser once more (build/minify-again.ts).
      rolldownOptions: { output: { minify: true } },
    },
  };
}

export function widgetBuilds(): InlineConfig[] {
  return [
    config('widget/element.ts', 'iife', 'dan-buoc-widget.js', true),
    config('widget/element.ts', 'es', 'dan-buoc-widget.mjs', false),
    config('widget/print.ts', 'iife', 'dan-buoc-print.js', false, PRINT_STRINGS),
    // The error texts are all strings: terser's second pass makes that file a little larger, not smaller.
    config('widget/errors.ts', 'iife', 'dan-buoc-errors.js', false, ERROR_STRINGS, false),
  ];
}
