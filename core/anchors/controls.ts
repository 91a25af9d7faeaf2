// What counts as a control, and how a control is named: one home for the guide, the recorder, the picker
// and the benchmarks. DOM-only. Never reads the value of a form field.
import { MAX_TEXT, type AnchorKind } from './types';

export const ACTION_SELECTOR = [
  'a[href]',
  'button',
  'input[type=button]',
  'input[type=submit]',
  'input[type=reset]',
  'input[type=image]',
  'summary',
  '[role=button]',
  '[role=link]',
  '[role=menuitem]',
  '[role=tab]',
  '[role=option]',
].join(',');
export const TOGGLE_SELECTOR = 'input[type=checkbox],input[type=radio],[role=checkbox],[role=radio],[role=switch]';
export const SELECT_SELECTOR = 'select,[role=listbox],[role=combobox]';
export const FIELD_SELECTOR =
  'input:not([type=button]):not([type=submit]):not([type=reset]):not([type=image]):not([type=checkbox]):not([type=radio]):not([type=hidden]),' +
  'textarea,[contenteditable=""],[contenteditable=true],[contenteditable=plaintext-only],[role=textbox],[role=searchbox],[role=spinbutton]';

export const KIND_SELECTORS: Record<Exclude<AnchorKind, 'other'>, string> = {
  action: ACTION_SELECTOR,
  toggle: TOGGLE_SELECTOR,
  select: SELECT_SELECTOR,
  field: FIELD_SELECTOR,
};

/** Every element a step can point at as a control (a click on anything inside one lands on it). */
export const CONTROL_SELECTOR = [ACTION_SELECTOR, TOGGLE_SELECTOR, SELECT_SELECTOR, FIELD_SELECTOR, 'label'].join(',');

/** Plain elements that show a value or a message a step may point at (kind "other"). */
export const TEXT_TAGS = 'td,th,dd,dt,span,div,p,b,strong,em,i,small,li,label,output,code,time,mark,h1,h2,h3,h4,h5,h6,caption,legend,section,article,nav,header,footer,main,aside,ul,ol,table,form,img,iframe,canvas,svg,figure,fieldset';

export const IMPLICIT_ROLES: Record<string, string> = {
  a: 'link',
  button: 'button',
  select: 'combobox',
  textarea: 'textbox',
  summary: 'button',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  nav: 'navigation',
  form: 'form',
  img: 'img',
  canvas: 'img',
};

const INPUT_ROLES: Record<string, string> = {
  button: 'button',
  submit: 'button',
  reset: 'button',
  image: 'button',
  checkbox: 'checkbox',
  radio: 'radio',
  search: 'searchbox',
  number: 'spinbutton',
  range: 'slider',
};

/** Kind of an element, from its tag, type and role. */
export function kindOf(el: Element): AnchorKind {
  const role = el.getAttribute('role');
  if (role) {
    if (['checkbox', 'radio', 'switch'].includes(role)) return 'toggle';
    if (['listbox', 'combobox'].includes(role) && el.tagName !== 'INPUT') return 'select';
    if (['textbox', 'searchbox', 'spinbutton'].includes(role)) return 'field';
    if (['button', 'link', 'menuitem', 'tab', 'option'].includes(role)) return 'action';
  }
  if (el.matches(TOGGLE_SELECTOR)) return 'toggle';
  if (el.matches(ACTION_SELECTOR)) return 'action';
  if (el.matches(SELECT_SELECTOR)) return 'select';
  if (el.matches(FIELD_SELECTOR)) return 'field';
  return 'other';
}

export function roleOf(el: Element): string {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(' ')[0] ?? explicit;
  const tag = el.tagName.toLowerCase();
  if (tag === 'input') return INPUT_ROLES[(el.getAttribute('type') ?? 'text').toLowerCase()] ?? 'textbox';
  if (tag === 'a' && !el.hasAttribute('href')) return 'generic';
  return IMPLICIT_ROLES[tag] ?? 'generic';
}

/**
 * The control a click or focus lands on: the nearest control around the event target (a label stands for
 * its field). Null when the target is inside no control.
 */
export function controlAt(target: EventTarget | null): Element | null {
  if (!target || typeof (target as Element).closest !== 'function') return null;
  const el = (target as Element).closest(CONTROL_SELECTOR);
  if (!el) return null;
  if (el.tagName === 'LABEL') return (el as HTMLLabelElement).control ?? el;
  return el;
}

export function clip(text: string | null | undefined, max = MAX_TEXT): string | undefined {
  if (!text) return undefined;
  const t = text.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : undefined;
}

export function isFormField(el: Element): boolean {
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** False when style hides the element (display: none on it or an ancestor, visibility: hidden). */
export function shownByStyle(el: Element): boolean {
  const check = (el as HTMLElement).checkVisibility;
  return typeof check === 'function' && el.isConnected ? check.call(el, { visibilityProperty: true }) : true;
}

/** True when the element takes part in layout and could be seen or clicked. */
export function isRendered(el: Element): boolean {
  if (el.closest('[hidden]') || el.getAttribute('type') === 'hidden') return false;
  const check = (el as HTMLElement).checkVisibility;
  if (typeof check === 'function') return check.call(el, { visibilityProperty: true, opacityProperty: false });
  return true;
}

/** Where a resident types: an editable region (contenteditable) or a text box drawn by a script. */
const EDITABLE = '[contenteditable]:not([contenteditable=false]),[role=textbox],[role=searchbox],[role=spinbutton]';

/** An element whose own content is typed by the resident, not written by the page. */
function isEditableHost(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce.toLowerCase() !== 'false') return true;
  const role = el.getAttribute('role');
  return role === 'textbox' || role === 'searchbox' || role === 'spinbutton';
}

/**
 * The editable region an element is in (itself included): its text is what a resident typed, read
 * like a form field's value — never.
 */
export function editingHost(el: Element): Element | null {
  const host = el.closest(EDITABLE);
  if (host) return host;
  return (el as HTMLElement).isContentEditable === true ? el : null;
}

/** Text an element shows, skipping form fields and editable regions (whose content is the resident's) and hidden parts. */
export function visibleText(el: Element): string {
  if (isFormField(el) || editingHost(el)) return '';
  // Parts hidden by style (a "loading…" note inside a label) are skipped too, unless the element itself is
  // hidden (an anchor captured for a message that appears later): then its text is all there is.
  const styled = shownByStyle(el);
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const c = child as Element;
        if (isFormField(c) || isEditableHost(c) || c.tagName === 'SCRIPT' || c.tagName === 'STYLE') continue;
        if (c.getAttribute('aria-hidden') === 'true' || c.hasAttribute('hidden')) continue;
        if (styled && !shownByStyle(c)) continue;
        if (c.tagName === 'IMG') out += ' ' + (c.getAttribute('alt') ?? '') + ' ';
        else {
          out += ' ';
          walk(c);
          out += ' ';
        }
      }
      if (out.length > 4 * MAX_TEXT) return;
    }
  };
  walk(el);
  return out;
}

function byIdText(el: Element, ids: string): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  return ids
    .split(/\s+/)
    .map((id) => (id ? root.getElementById?.(id) : null))
    .filter((x): x is HTMLElement => !!x)
    .map((x) => visibleText(x))
    .join(' ');
}

export function cssEscape(value: string): string {
  const esc = (globalThis as { CSS?: { escape?: (s: string) => string } }).CSS?.escape;
  return esc ? esc(value) : value.replace(/["\\]/g, '\\$&');
}

/** Label text of a form control: aria-labelledby, label[for], wrapping label. */
export function labelText(el: Element): string | undefined {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const t = clip(byIdText(el, labelledBy));
    if (t) return t;
  }
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    const t = clip(Array.from(labels, (l) => visibleText(l)).join(' '));
    if (t) return t;
  }
  const wrapping = el.closest('label');
  if (wrapping) {
    const t = clip(visibleText(wrapping));
    if (t) return t;
  }
  const id = el.getAttribute('id');
  if (id) {
    const root = el.getRootNode() as Document | ShadowRoot;
    const forLabel = root.querySelector?.(`label[for="${cssEscape(id)}"]`);
    if (forLabel) {
      const t = clip(visibleText(forLabel));
      if (t) return t;
    }
  }
  return undefined;
}

/** A form field's name from its label, aria-label or placeholder (never its value). */
export function fieldName(el: Element): string | undefined {
  const labels = (el as HTMLInputElement).labels;
  const fromLabel = labels && labels.length ? clip(Array.from(labels, (l) => visibleText(l)).join(' ')) : undefined;
  return fromLabel ?? clip(el.getAttribute('aria-label')) ?? clip(el.getAttribute('placeholder')) ?? clip(el.getAttribute('title'));
}

/** Accessible name, close to the ARIA algorithm's common cases. */
export function accessibleName(el: Element, label?: string): string | undefined {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const t = clip(byIdText(el, labelledBy));
    if (t) return t;
  }
  const aria = clip(el.getAttribute('aria-label'));
  if (aria) return aria;
  if (isFormField(el)) {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (['button', 'submit', 'reset'].includes(type)) {
      return clip(el.getAttribute('value')) ?? (type === 'submit' ? 'Submit' : undefined);
    }
    if (type === 'image') return clip(el.getAttribute('alt'));
    return labelText(el) ?? clip(el.getAttribute('title')) ?? clip(el.getAttribute('placeholder')) ?? label;
  }
  return clip(visibleText(el)) ?? clip(el.getAttribute('title')) ?? clip(el.getAttribute('alt'));
}

/** Ids and classes written by people ("login", "btn-search"), not by build tools ("z1q4r", "css-1x2y3", "a83"). */
export function isStableToken(token: string): boolean {
  if (token.length < 3 || token.length > 40) return false;
  if (/\d{2,}/.test(token)) return false;
  if (/^[a-z]{1,2}\d/i.test(token)) return false;
  if (/^(css|sc|jsx|emotion|svelte|ng|v|_)-?[a-z0-9]{4,}$/i.test(token) && /\d/.test(token)) return false;
  // Hash-like: consonant runs or mixed digits in a short token.
  if (/\d/.test(token) && token.length <= 8) return false;
  if (/[bcdfghjklmnpqrstvwxz]{5,}/i.test(token)) return false;
  return /^[a-zA-Z][a-zA-Z0-9_-]*$/.test(token);
}

/** A class name worth comparing: any but the very long (a generated class that survived is evidence too). */
export function isClassToken(token: string): boolean {
  return token.length >= 2 && token.length <= 60;
}

/** A single code-like token with digits ("G22.99-261124-0001", "GD1234567890"): a record's data. */
export function isCodeLike(text: string): boolean {
  return !/\s/.test(text.trim()) && (text.match(/\d/g)?.length ?? 0) >= 4;
}
