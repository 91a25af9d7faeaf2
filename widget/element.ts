// <dan-buoc-guide>: the widget as a custom element, the only name it adds to a page. Each element has its own
// shadow root (styles in through a constructed style sheet, so a strict `style-src 'self'` page is fine; none
// out), loads its pack from `src` (same site or CORS) or from a child <script type="application/json">,
// validates it with parsePack, and renders components/widget.tsx. Several elements work side by side.
import { h, render } from 'preact';
import { Fragment, jsx } from 'preact/jsx-runtime';
import stepCardCss from '../components/step-card.css?inline';
import type { PrintViewComponent } from '../components/print-view';
import { Widget, openFromFragment, type WidgetSource } from '../components/widget';
import { createCatalog } from '../core/catalog';
import { createTranslator, fillTemplate, type Lang, type Translate } from '../core/i18n';
import type { ErrorCode } from '../core/errors';
import type { PackError } from '../core/pack';
import { createSpeaker, type Speaker, type UtteranceLike } from '../core/voices';
import { ERRORS_EVENT, ERRORS_FILE, PRINT_EVENT, PRINT_FILE, type PrintHandOver } from './files';
import widgetCss from './widget.css?inline';

declare const __WIDGET_ESM__: boolean;

/** Packs larger than this are refused before parsing (parsePack's own limit). */
const MAX_PACK_CHARS = 2 * 1024 * 1024;

// Where this file was loaded from: the files it loads on demand sit beside it. (A classic script knows it only now.)
const SCRIPT_URL = __WIDGET_ESM__ ? import.meta.url : ((document.currentScript as HTMLScriptElement | null)?.src ?? document.baseURI);

let sheet: CSSStyleSheet | undefined;
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(stepCardCss + widgetCss);
  }
  return sheet;
}

/** Load a file beside this one once (a same-site script, as a strict CSP allows) and take what it hands over. */
function loadBeside<T>(file: string, event: string, accept: (detail: unknown) => detail is T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onReady = (e: Event): void => {
      const detail = (e as CustomEvent<unknown>).detail;
      if (accept(detail)) resolve(detail);
    };
    document.addEventListener(event, onReady, { once: true });
    const script = document.createElement('script');
    script.src = new URL(file, SCRIPT_URL).href;
    script.async = true;
    script.onerror = () => {
      document.removeEventListener(event, onReady);
      reject(new Error(`${file} did not load`));
    };
    document.head.append(script);
  });
}

let printFile: Promise<{ View: PrintViewComponent; sheet: CSSStyleSheet }> | undefined;
/** The print view and its style sheet (dan-buoc-print.js), loaded once, when a print view first opens. */
function loadPrintFile(): Promise<{ View: PrintViewComponent; sheet: CSSStyleSheet }> {
  printFile ??= loadBeside(PRINT_FILE, PRINT_EVENT, (d): d is PrintHandOver => typeof d === 'function').then((open) => {
    const { View, css } = open({ jsx, Fragment });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return { View, sheet };
  });
  printFile.catch(() => (printFile = undefined));
  return printFile;
}

type ErrorTexts = Record<Lang, Record<string, string>>;
let errorTexts: Promise<ErrorTexts | null> | undefined;
/** The error texts (dan-buoc-errors.js), loaded once, when a pack cannot be shown; null if the file is missing. */
function loadErrorTexts(): Promise<ErrorTexts | null> {
  errorTexts ??= loadBeside(ERRORS_FILE, ERRORS_EVENT, (d): d is ErrorTexts => typeof d === 'object' && d !== null && 'vi' in d).catch(() => null);
  return errorTexts;
}
let loadedErrors: ErrorTexts | null = null;

/** The widget's translator, with the error texts once they are here (before that, an error shows its code). */
function translator(lang: Lang): Translate {
  const base = createTranslator(lang);
  const errors = loadedErrors;
  if (!errors) return base;
  return (key, params) => {
    const template = errors[lang][key] ?? errors.vi[key];
    return template ? fillTemplate(template, params) : base(key, params);
  };
}

/** This element's reader: "Nghe" only where the browser has a voice for the language (core/voices.ts). */
function makeSpeaker(): Speaker | undefined {
  if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance !== 'function') return undefined;
  return createSpeaker(window.speechSynthesis, (text) => new SpeechSynthesisUtterance(text) as UtteranceLike);
}

const fail = (path: string, code: ErrorCode, params?: Record<string, string | number>): WidgetSource => ({
  kind: 'error',
  errors: [{ path, code, ...(params ? { params } : {}) } satisfies PackError],
});

/** The element's pack: fetched from `src`, or read from its inline JSON child; validated. */
async function loadSource(el: HTMLElement): Promise<WidgetSource> {
  const src = el.getAttribute('src');
  let text: string;
  let base = document.baseURI;
  if (src) {
    let url: URL;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      return fail('src', 'widget.badSrc');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('src', 'widget.httpOnly');
    try {
      const res = await fetch(url, { credentials: 'same-origin' });
      if (!res.ok) return fail('src', 'widget.status', { status: res.status });
      text = await res.text();
    } catch {
      return fail('src', 'widget.network');
    }
    base = url.href;
  } else {
    const inline = el.querySelector(':scope > script[type="application/json"]');
    if (!inline) return fail('/', 'widget.missing');
    text = inline.textContent ?? '';
  }
  if (text.length > MAX_PACK_CHARS) return fail('/', 'pack.tooBig');
  const read = performance.now();
  const catalog = createCatalog([text]);
  performance.measure('dan-buoc-guide:validate', { start: read });
  const rejected = catalog.rejected[0];
  return rejected ? { kind: 'error', errors: rejected.errors } : { kind: 'ready', catalog, base };
}

class DanBuocGuide extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'walkthrough'];
  private readonly shadow: ShadowRoot;
  private source: WidgetSource = { kind: 'loading' };
  private loads = 0;
  private connectedAt = 0;
  private connected = false;
  private speaker: Speaker | undefined;

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: 'open' });
    this.shadow.adoptedStyleSheets = [styles()];
  }

  connectedCallback(): void {
    this.connectedAt = performance.now();
    this.connected = true;
    this.speaker ??= makeSpeaker();
    void this.load();
  }

  disconnectedCallback(): void {
    this.connected = false;
    this.loads++;
    this.speaker?.destroy();
    this.speaker = undefined;
    render(null, this.shadow);
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    // An element upgraded from the page's HTML gets a call per attribute before connectedCallback loads it.
    if (!this.connected || before === after) return;
    if (name === 'src') void this.load();
    else this.paint();
  }

  private language(): Lang {
    const lang = (this.getAttribute('lang') ?? this.closest('[lang]')?.getAttribute('lang') ?? 'vi').toLowerCase();
    return lang.startsWith('en') ? 'en' : 'vi';
  }

  private async load(): Promise<void> {
    const mine = ++this.loads;
    // Ask for the pack first, then show the loading line while it comes.
    const pending = loadSource(this);
    this.source = { kind: 'loading' };
    this.paint();
    const source = await pending;
    // A pack that cannot be shown is explained in words: those come in a file of their own.
    if (source.kind === 'error' && !loadedErrors) loadedErrors = await loadErrorTexts();
    if (mine !== this.loads) return;
    this.source = source;
    this.paint();
  }

  private paint(): void {
    const lang = this.language();
    const source = this.source;
    const open = this.getAttribute('walkthrough') ?? (source.kind === 'ready' ? openFromFragment(location.hash, source.catalog.packs[0]!.id) : undefined);
    render(
      h(Widget, {
        t: translator(lang),
        lang,
        source,
        open,
        pageUrl: location.href,
        loadPrint: () =>
          loadPrintFile().then(({ View, sheet }) => {
            this.shadow.adoptedStyleSheets = [styles(), sheet];
            return View;
          }),
        speaker: this.speaker,
        print: () => window.print(),
        onPrintView: (on) => this.toggleAttribute('printing', on),
      }),
      this.shadow,
    );
    // Preact renders synchronously: the content is in the DOM now. (A performance entry, not a global.)
    if (source.kind !== 'loading' && this.connectedAt) {
      performance.measure('dan-buoc-guide:first-render', { start: this.connectedAt });
      this.connectedAt = 0;
    }
  }
}

if (!customElements.get('dan-buoc-guide')) customElements.define('dan-buoc-guide', DanBuocGuide);
