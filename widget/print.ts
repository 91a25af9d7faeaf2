// dan-buoc-print.js: the print view (components/print-view.tsx) with its QR code maker (lean-qr), its style sheet
// (print.css) and its words (the print view's own keys, build/locale-subset.ts), a file of its own that the widget
// loads only when "Bản in" is pressed. It hands over a function with a DOM event, so neither file adds a global;
// the widget calls it with its own Preact's JSX functions (preact-kit.ts).
import { PrintView, type PrintViewProps } from '../components/print-view';
import { fillTemplate, type Lang, type Translate } from '../core/i18n';
import en from '../locales/en.json';
import vi from '../locales/vi.json';
import { PRINT_EVENT, type PrintHandOver } from './files';
import printCss from './print.css?inline';
import { jsx, setRuntime } from './preact-kit';

const WORDS: Record<Lang, Record<string, string>> = { vi, en };

/** The print view with its own words; the widget's for the rest (the walkthrough's length, what to bring). */
function View(props: PrintViewProps): ReturnType<typeof jsx> {
  const t: Translate = (key, params) => {
    const own = WORDS[props.lang][key] ?? WORDS.vi[key];
    return own === undefined ? props.t(key, params) : fillTemplate(own, params);
  };
  return jsx(PrintView, { ...props, t });
}

const open: PrintHandOver = (runtime) => {
  setRuntime(runtime);
  return { View, css: printCss };
};

document.dispatchEvent(new CustomEvent(PRINT_EVENT, { detail: open }));
