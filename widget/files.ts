// The files the widget loads beside its own, only when needed, and the DOM events by which each hands over what
// it carries (so no file adds a global).
import type { PrintViewComponent } from '../components/print-view';
import type { JsxRuntime } from './preact-kit';

/** The print view (components/print-view.tsx, its style sheet, its words and the QR code maker). */
export const PRINT_FILE = 'dan-buoc-print.js';
export const PRINT_EVENT = 'dan-buoc-guide:print';
/** The error texts (both languages): loaded only when a pack cannot be shown. */
export const ERRORS_FILE = 'dan-buoc-errors.js';
export const ERRORS_EVENT = 'dan-buoc-guide:errors';

/**
 * What dan-buoc-print.js hands over: a function the widget calls with its own Preact's JSX functions (the file
 * carries no Preact of its own, widget/preact-kit.ts), which returns the view and its style sheet's text.
 */
export type PrintHandOver = (runtime: JsxRuntime) => { View: PrintViewComponent; css: string };
