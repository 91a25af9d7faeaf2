// 'preact/jsx-runtime' in dan-buoc-print.js only (widget/vite.config.ts aliases it to this file): the print view's
// elements are made with the widget's own Preact, handed over when the file is opened (widget/print.ts). A second
// copy of Preact in that file could not render into the widget's tree, and would weigh more than the view.
import type { Fragment as PreactFragment, jsx as preactJsx } from 'preact/jsx-runtime';

export interface JsxRuntime {
  jsx: typeof preactJsx;
  Fragment: typeof PreactFragment;
}

// Live bindings, set once by setRuntime before anything is rendered.
export let jsx: typeof preactJsx;
export let jsxs: typeof preactJsx;
export let Fragment: typeof PreactFragment;

export function setRuntime(runtime: JsxRuntime): void {
  jsx = jsxs = runtime.jsx;
  Fragment = runtime.Fragment;
}
