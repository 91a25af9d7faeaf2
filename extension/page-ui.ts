// The on-page UI's shadow roots (the guide's overlay, the recording bar, the re-capture bar), made one way.
// Closed roots: no script of the page can read what the guide shows (host.shadowRoot is null, its text is
// not in the page's document) nor reach its buttons; and, should a page get hold of one anyway, a capture
// listener on the root drops every event a script made (event.isTrusted false) before any control sees it.
// Styles go in as text: no stylesheet file is web-accessible, so the content script also works on origins
// granted at run time, where a manifest's web_accessible_resources (fixed at install) could not follow.
// Inline !important on the host outranks any site rule, so a page cannot hide or shrink it.
// (WXT's createShadowRootUi can make a closed root too, but it is tied to WXT's content script context,
// which the page can see and stop: extension/page-context.ts.)
import { render } from 'preact';
import stepCardCss from '../components/step-card.css?inline';
import overlayCss from '../components/overlay.css?inline';
import type { PageContext } from './page-context';

export const UI_CSS = `${stepCardCss}\n${overlayCss}`;

const HOST_STYLE: [string, string][] = [
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  // Out of the page's flow, at the viewport's corner, of no size (its content is fixed-positioned): mounting it
  // does not make the page lay itself out again before the guide measures the control.
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['transform', 'none'],
  ['filter', 'none'],
];

/** Events a control could act on: one a script made never gets past the shadow root. */
const INPUT_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
  'pointerdown',
  'pointerup',
  'pointermove',
  'mousedown',
  'mouseup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
] as const;

/** Keys typed in the UI stay in it: the page's shortcuts never see them. */
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export interface PageUi {
  /** The element in the page (its tag is the UI's name); all the page can see of the UI. */
  readonly shadowHost: HTMLElement;
  /** Where to render, inside the closed root. */
  readonly uiContainer: HTMLElement;
  /** Unmount and take the host out of the page (also done when the context ends). */
  remove(): void;
}

/**
 * A mounted UI in a closed shadow root at the end of the body, named `name` (its host element's tag), styled by
 * UI_CSS and `css` (the author's bars bring their own: components/bar.css stays out of the guide).
 */
export function mountPageUi(ctx: PageContext, name: string, doc: Document = document, css = ''): PageUi {
  const host = doc.createElement(name);
  const shadow = host.attachShadow({ mode: 'closed' });
  const html = doc.createElement('html');
  const head = doc.createElement('head');
  const body = doc.createElement('body');
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${UI_CSS}\n${css}`;
  head.append(style);
  html.append(head, body);
  shadow.append(html);

  const mounted = new AbortController();
  const drop = (e: Event): void => {
    // A person's input goes through, unless the extension has been reloaded or removed since: then asking
    // ends the context, which takes this UI away.
    if (e.isTrusted && ctx.isValid) return;
    e.stopImmediatePropagation();
    e.preventDefault();
  };
  for (const type of INPUT_EVENTS) shadow.addEventListener(type, drop, { capture: true, signal: mounted.signal });
  for (const type of KEY_EVENTS) body.addEventListener(type, (e) => e.stopPropagation(), { signal: mounted.signal });

  for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
  doc.body.append(host);

  let removed = false;
  let stopWatching = (): void => undefined;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    stopWatching();
    mounted.abort();
    render(null, body);
    host.remove();
  };
  stopWatching = ctx.onInvalidated(remove);
  return { shadowHost: host, uiContainer: body, remove };
}
