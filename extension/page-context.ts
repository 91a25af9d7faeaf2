// The content script's lifetime on one page, owned here instead of taken from WXT. WXT's context announces
// every start to the page (a window.postMessage and a document event, both named with the extension id) and
// stops when the page sends that event back: any official page could learn the extension is there, and
// switch the guide off. This one says nothing to the page and listens to nothing the page can send. It ends
// when the extension is reloaded, updated or removed (browser.runtime.id is gone: checked whenever the
// script acts), or when a newer copy of this script starts in the same world; everything registered with
// it is undone then.
import { browser } from 'wxt/browser';

export interface PageContext {
  /** Aborted when the context ends: pass it to every listener, observer and timer. */
  readonly signal: AbortSignal;
  /** False once the context has ended; asking checks whether the extension is still there. */
  readonly isValid: boolean;
  /** Run `cb` when the context ends (at once if it already has). Returns a function that forgets `cb`. */
  onInvalidated(cb: () => void): () => void;
  /** setTimeout that does not run once the context has ended. */
  setTimeout(cb: () => void, ms: number): void;
  /** setInterval that stops once the context has ended. */
  setInterval(cb: () => void, ms: number): void;
  /** End the context now. */
  invalidate(reason?: string): void;
}

export interface PageContextOptions {
  /** The extension's id while it is there. @default () => browser.runtime?.id */
  runtimeId?: () => string | undefined;
  /**
   * Where the running copy is kept, for a newer copy to end it: the content script's own global, which the
   * page's scripts cannot see (another JavaScript world). @default globalThis
   */
  scope?: object;
  /**
   * Which script this context belongs to: the guide, or an author's recorder or picker injected beside it in
   * the same world. A newer copy ends only an older copy of the same script. @default 'guide'
   */
  name?: 'guide' | 'recorder' | 'picker';
}

/** Where a script's running copy is kept: the guide keeps the key it always had. */
const currentKey = (name: string): symbol => Symbol.for(name === 'guide' ? 'dan-buoc.page-context' : `dan-buoc.page-context.${name}`);

export function createPageContext(options: PageContextOptions = {}): PageContext {
  const runtimeId = options.runtimeId ?? (() => browser.runtime?.id);
  const scope = (options.scope ?? globalThis) as Record<symbol, PageContext | undefined>;
  const CURRENT = currentKey(options.name ?? 'guide');
  const controller = new AbortController();
  const { signal } = controller;

  const ctx: PageContext = {
    signal,
    get isValid() {
      if (!signal.aborted && !runtimeId()) controller.abort('extension gone'); // reloaded, updated or removed
      return !signal.aborted;
    },
    onInvalidated(cb) {
      if (signal.aborted) {
        cb();
        return () => undefined;
      }
      signal.addEventListener('abort', cb, { once: true });
      return () => signal.removeEventListener('abort', cb);
    },
    setTimeout(cb, ms) {
      const id = setTimeout(() => {
        if (ctx.isValid) cb();
      }, ms);
      signal.addEventListener('abort', () => clearTimeout(id), { once: true });
    },
    setInterval(cb, ms) {
      const id = setInterval(() => {
        if (ctx.isValid) cb();
      }, ms);
      signal.addEventListener('abort', () => clearInterval(id), { once: true });
    },
    invalidate(reason = 'Ended') {
      controller.abort(reason);
    },
  };

  // An older copy in this world (the extension was updated and its script injected again) steps aside.
  scope[CURRENT]?.invalidate('newer copy');
  scope[CURRENT] = ctx;
  signal.addEventListener('abort', () => {
    if (scope[CURRENT] === ctx) delete scope[CURRENT];
  });
  return ctx;
}

/**
 * The copy of a script running in this world now, if it is still valid: a script injected again into a document
 * whose copy runs (the background injects the guide after every load of the session's tab) leaves it alone.
 */
export function runningContext(name: PageContextOptions['name'] = 'guide', scope: object = globalThis): PageContext | undefined {
  const running = (scope as Record<symbol, PageContext | undefined>)[currentKey(name)];
  return running?.isValid ? running : undefined;
}

/**
 * Call `cb` when this document's URL changes without a new document (a single-page app's route), with the
 * new and the old URL. The Navigation API's 'navigate' fires before the URL changes, and also for a
 * navigation that leaves the page: the caller checks `location` a moment later. Only the browser's own
 * events count (a page can dispatch a look-alike); without the API, the URL is compared every second.
 */
export function onLocationChange(ctx: PageContext, cb: (newUrl: URL, oldUrl: URL) => void, win: Window = window): void {
  let last = new URL(win.location.href);
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  if (typeof nav?.addEventListener === 'function') {
    nav.addEventListener(
      'navigate',
      (e) => {
        if (!e.isTrusted || !ctx.isValid) return;
        const next = new URL((e as Event & { destination: { url: string } }).destination.url);
        if (next.href === last.href) return;
        const old = last;
        last = next;
        cb(next, old);
      },
      { signal: ctx.signal },
    );
    return;
  }
  ctx.setInterval(() => {
    const next = new URL(win.location.href);
    if (next.href === last.href) return;
    const old = last;
    last = next;
    cb(next, old);
  }, 1000);
}
