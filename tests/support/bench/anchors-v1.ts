// The anchor engine as it was on main before engine v2 (issue 14), kept only as a baseline for
// `npm run bench:anchors` (accuracy and latency measured beside the current engine). Not shipped.
// Anchors: a JSON description of a control rich enough to find it again after a redesign, and the
// resolver that finds it — or answers null rather than pointing at a wrong control.
// DOM-only: no browser.* APIs, no framework, no network. Never reads the value of a form field.

import { foldText, textSimilarity, tokens } from '../../../core/text';

/** What kind of control an element is; only elements of a compatible kind are compared. */
export type AnchorKind = 'action' | 'field' | 'toggle' | 'select' | 'other';

/** A JSON-serialisable description of one control. Every text is at most 120 characters. */
export interface Anchor {
  v: 1;
  kind: AnchorKind;
  tag: string;
  role: string;
  /** input type, when the element is an input. */
  type?: string;
  /** Accessible name (aria-labelledby, aria-label, label, text, title, alt). */
  name?: string;
  /** Visible text of the element itself (never of a form field). */
  text?: string;
  /** Label of a form control: label[for], wrapping label, aria-labelledby, or the text just before it. */
  label?: string;
  placeholder?: string;
  title?: string;
  /** The `name` attribute. */
  attrName?: string;
  /** Path of a link's href, without query or fragment. */
  href?: string;
  /** The nearest heading, legend or labelled section around the element. */
  heading?: string;
  /** Tag names from the top of the document (or shadow root) to the element, joined by ">". */
  path: string;
  /** Position among elements of the same kind, in document order, and how many there were. */
  index: number;
  count: number;
  /** id and class names that look hand-written (hash-like or numeric ones are left out). */
  id?: string;
  classes?: string[];
  /** How many other controls on the captured page had the same name, and this one's place among them all. */
  twins?: number;
  twinIndex?: number;
  /**
   * How like this control the most similar other control on the captured page was (identity, 0–1): a
   * candidate no more like it than that rival was is not trusted.
   */
  rival?: number;
}

export interface ResolvedAnchor {
  element: Element;
  /** In [0, 1]: how much of the anchor's description the element matches. */
  confidence: number;
}

/** Below this confidence the best candidate is not trusted. */
export const MIN_CONFIDENCE = 0.6;
/** Below this identity similarity the best candidate is not the same control, whatever its position. */
export const MIN_IDENTITY = 0.7;
/** The best candidate must lead the runner-up by at least this much confidence… */
export const MIN_MARGIN = 0.06;
/** …unless it is clearly more like the control itself (an exact label against a reworded look-alike). */
const IDENTITY_LEAD = 0.06;
/** Without any identifying feature, only an almost perfect structural match is trusted. */
const CONTEXT_ONLY_CONFIDENCE = 0.9;

const MAX_TEXT = 120;

const ACTION_SELECTOR = [
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
const TOGGLE_SELECTOR = 'input[type=checkbox],input[type=radio],[role=checkbox],[role=radio],[role=switch]';
const SELECT_SELECTOR = 'select,[role=listbox],[role=combobox]';
const FIELD_SELECTOR =
  'input:not([type=button]):not([type=submit]):not([type=reset]):not([type=image]):not([type=checkbox]):not([type=radio]):not([type=hidden]),' +
  'textarea,[contenteditable=""],[contenteditable=true],[role=textbox],[role=searchbox],[role=spinbutton]';

const KIND_SELECTORS: Record<Exclude<AnchorKind, 'other'>, string> = {
  action: ACTION_SELECTOR,
  toggle: TOGGLE_SELECTOR,
  select: SELECT_SELECTOR,
  field: FIELD_SELECTOR,
};

const IMPLICIT_ROLES: Record<string, string> = {
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

function roleOf(el: Element): string {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(' ')[0] ?? explicit;
  const tag = el.tagName.toLowerCase();
  if (tag === 'input') return INPUT_ROLES[(el.getAttribute('type') ?? 'text').toLowerCase()] ?? 'textbox';
  if (tag === 'a' && !el.hasAttribute('href')) return 'generic';
  return IMPLICIT_ROLES[tag] ?? 'generic';
}

function clip(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, MAX_TEXT) : undefined;
}

function isFormField(el: Element): boolean {
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** False when style hides the element (display: none on it or an ancestor, visibility: hidden). */
function shownByStyle(el: Element): boolean {
  const check = (el as HTMLElement).checkVisibility;
  return typeof check === 'function' && el.isConnected ? check.call(el, { visibilityProperty: true }) : true;
}

/** Text an element shows, skipping form fields (whose content is the resident's) and hidden parts. */
function visibleText(el: Element): string {
  if (isFormField(el)) return '';
  // Parts hidden by style (a "loading…" note inside a label) are skipped too, unless the element itself is
  // hidden (an anchor captured for a message that appears later): then its text is all there is.
  const styled = shownByStyle(el);
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const c = child as Element;
        if (isFormField(c) || c.tagName === 'SCRIPT' || c.tagName === 'STYLE') continue;
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

/** Label text of a form control: aria-labelledby, label[for], wrapping label. */
function labelText(el: Element): string | undefined {
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

/**
 * Text just before an element: a previous sibling's text (for a form field, its name), climbing a few
 * levels. Gives a label to unlabelled fields and to empty message slots (the error line under a field).
 */
function nearbyText(el: Element, throughFields: boolean): string | undefined {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 3; depth++) {
    // Text written right before it ("Mã hồ sơ: <span>…</span>") names a value slot.
    const before = node.previousSibling;
    if (before?.nodeType === 3) {
      const t = clip(before.nodeValue)?.replace(/[:：]\s*$/, '');
      if (t) return t.length <= 80 ? t : undefined;
    }
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      // A field (or a row holding one) before the element names it by the field's own name.
      const fields = isFormField(prev) ? [prev] : Array.from(prev.querySelectorAll('input:not([type=hidden]),select,textarea'));
      const field = fields[fields.length - 1];
      if (field && !throughFields) return undefined;
      const t = field ? fieldName(field) : clip(visibleText(prev));
      if (t) return t.length <= 80 ? t : undefined;
    }
    node = node.parentElement;
    if (node && node.children.length > 6) break;
  }
  return undefined;
}

/**
 * The caption of a value slot: text ending in a colon right before it, the header cell before a table
 * cell, the term before a definition. Only for plain elements (not buttons or links).
 */
function valueCaption(el: Element, depth = 0): string | undefined {
  if (kindOf(el) !== 'other') return undefined;
  const blank = (n: Node | null): boolean => !!n && n.nodeType === 3 && !n.nodeValue?.trim();
  let before = el.previousSibling;
  while (blank(before)) before = before!.previousSibling;
  let after = el.nextSibling;
  while (blank(after)) after = after!.nextSibling;
  // The only thing inside a captioned wrapper (<b><b>504.017 đ</b></b>) has the wrapper's caption.
  const parent = el.parentElement;
  if (!before && !after && parent && depth < 3) {
    const inherited = valueCaption(parent, depth + 1);
    if (inherited) return inherited;
  }
  if (before?.nodeType === 3) {
    const t = clip(before.nodeValue);
    if (t && /[:：]$/.test(t) && t.length <= 81) return t.slice(0, -1).trim() || undefined;
  }
  const prev = el.previousElementSibling;
  if (!prev) return undefined;
  const t = clip(visibleText(prev));
  if (!t || t.length > 81) return undefined;
  if ((el.tagName === 'TD' && prev.tagName === 'TH') || (el.tagName === 'DD' && prev.tagName === 'DT')) return t;
  // <b>Mã hồ sơ:</b> <span>…</span>, with nothing but blanks between them.
  if (before === prev && /[:：]$/.test(t)) return t.slice(0, -1).trim() || undefined;
  return undefined;
}

/** A plain element with its own text and a caption before it (see valueCaption). */
function isCaptioned(f: Pick<Features, 'kind' | 'text' | 'label'>): boolean {
  return f.kind === 'other' && !!f.text && f.label !== undefined;
}

/** A single code-like token with digits ("G22.99-261124-0001", "GD1234567890"): a record's data. */
export function isCodeLike(text: string): boolean {
  return !/\s/.test(text.trim()) && (text.match(/\d/g)?.length ?? 0) >= 4;
}

export interface CaptureOptions {
  /**
   * Whether a captioned value's text is data (a dossier code, the resident's name) rather than the page's
   * own words: data is never kept in the anchor. core/capture.ts adds the personal-data rules.
   * @default isCodeLike
   */
  isData?: (text: string) => boolean;
}

/** A form field's name from its label, aria-label or placeholder (never its value). */
function fieldName(el: Element): string | undefined {
  const labels = (el as HTMLInputElement).labels;
  const fromLabel = labels && labels.length ? clip(Array.from(labels, (l) => visibleText(l)).join(' ')) : undefined;
  return fromLabel ?? clip(el.getAttribute('aria-label')) ?? clip(el.getAttribute('placeholder')) ?? clip(el.getAttribute('title'));
}

/** Accessible name, close to the ARIA algorithm's common cases. */
function accessibleName(el: Element, label: string | undefined): string | undefined {
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

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LEGEND', 'CAPTION']);
const LABELLED_SECTIONS = new Set(['SECTION', 'FORM', 'FIELDSET', 'NAV', 'ASIDE', 'DIALOG', 'HEADER', 'FOOTER', 'MAIN']);

/**
 * The section title around an element: the label of the nearest labelled section (aria-label) or the
 * nearest heading before it in document order, whichever is closer. Bounded walk: cheap on big pages.
 */
function nearbyHeading(el: Element): string | undefined {
  for (let p = el.parentElement, depth = 0; p && depth < 6; p = p.parentElement, depth++) {
    const label = p.getAttribute('aria-label');
    if (label && LABELLED_SECTIONS.has(p.tagName)) return clip(label);
    if (p.tagName === 'FIELDSET') {
      const legend = p.querySelector(':scope > legend');
      if (legend) return clip(visibleText(legend));
    }
  }
  const doc = el.ownerDocument;
  const root = el.getRootNode() as Node;
  const walker = doc.createTreeWalker(root, 1);
  walker.currentNode = el;
  for (let i = 0; i < 200; i++) {
    const prev = walker.previousNode() as Element | null;
    if (!prev) break;
    if (HEADING_TAGS.has(prev.tagName) || prev.getAttribute('role') === 'heading') {
      if (prev.contains(el)) continue;
      return clip(visibleText(prev));
    }
  }
  return undefined;
}

function structuralPath(el: Element): string {
  const parts: string[] = [];
  let node: Element | null = el;
  while (node && parts.length < 12) {
    parts.unshift(node.tagName.toLowerCase());
    if (node.parentElement) node = node.parentElement;
    else {
      const root = node.getRootNode();
      node = root instanceof ShadowRootCtor() ? (root as ShadowRoot).host : null;
    }
  }
  return parts.join('>');
}

function ShadowRootCtor(): typeof ShadowRoot {
  return (globalThis.ShadowRoot ?? class {}) as typeof ShadowRoot;
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

function hrefPath(el: Element): string | undefined {
  const raw = el.getAttribute('href');
  if (!raw || raw.startsWith('#') || /^javascript:/i.test(raw)) return undefined;
  try {
    const u = new URL(raw, el.ownerDocument?.baseURI ?? 'https://x.invalid/');
    return u.hostname + u.pathname;
  } catch {
    return undefined;
  }
}

/** What an element offers for comparison: the anchor's own description, before its place among peers. */
type Features = Omit<Anchor, 'v' | 'index' | 'count' | 'twins' | 'twinIndex' | 'rival'> & { el: Element };

function features(el: Element): Features {
  const tag = el.tagName.toLowerCase();
  const kind = kindOf(el);
  const formish = kind === 'field' || kind === 'select' || kind === 'toggle';
  const ownText = formish && isFormField(el) ? undefined : clip(visibleText(el));
  // A field's label; for an element with no text of its own, the text just before it.
  // A field that names itself (aria-label, placeholder, title) needs no guess from the text before it.
  const selfNamed = el.hasAttribute('aria-label') || el.hasAttribute('placeholder') || el.hasAttribute('title');
  // A value shown under a caption ("Mã hồ sơ: G22…", a table cell after its header) is known by the caption.
  const label = formish
    ? (labelText(el) ?? (selfNamed ? undefined : nearbyText(el, false)))
    : ownText
      ? valueCaption(el)
      : nearbyText(el, true);
  const id = el.getAttribute('id');
  const classes = Array.from(el.classList).filter(isStableToken).slice(0, 8);
  const f: Features = { el, kind, tag, role: roleOf(el), path: structuralPath(el) };
  const set = <K extends keyof Features>(key: K, value: Features[K] | undefined): void => {
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) f[key] = value;
  };
  set('type', tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : undefined);
  set('name', accessibleName(el, label));
  set('text', ownText);
  set('label', label);
  set('placeholder', clip(el.getAttribute('placeholder')));
  set('title', clip(el.getAttribute('title')));
  set('attrName', clip(el.getAttribute('name')));
  set('href', hrefPath(el));
  set('heading', nearbyHeading(el));
  set('id', id && isStableToken(id) ? id : undefined);
  set('classes', classes);
  return f;
}

/**
 * The document and every open shadow root and same-origin iframe document below it: where controls are
 * looked for. Document first, then the others in the order they are found.
 */
export function searchRoots(doc: Document): (Document | ShadowRoot)[] {
  const roots: (Document | ShadowRoot)[] = [doc];
  for (let i = 0; i < roots.length; i++) {
    const all = roots[i]!.querySelectorAll('*');
    for (let j = 0; j < all.length; j++) {
      const el = all[j]!;
      if (el.shadowRoot) roots.push(el.shadowRoot);
      if (el.tagName === 'IFRAME') {
        let inner: Document | null = null;
        try {
          inner = (el as HTMLIFrameElement).contentDocument;
        } catch {
          inner = null; // cross-origin: not ours to read
        }
        // Pushed even while empty: an iframe written to later must still be watched.
        if (inner) roots.push(inner);
      }
    }
  }
  return roots;
}

function kindSelector(kind: AnchorKind, tag: string, role: string): string {
  if (kind !== 'other') return KIND_SELECTORS[kind];
  return role !== 'generic' && !IMPLICIT_ROLES[tag] ? `${tag},[role="${role}"]` : tag;
}

/** Elements of one kind, including open shadow roots and same-origin iframes. */
function elementsOfKind(roots: (Document | ShadowRoot)[], kind: AnchorKind, tag: string, role: string): Element[] {
  const selector = kindSelector(kind, tag, role);
  const out: Element[] = [];
  for (const root of roots) {
    const found = root.querySelectorAll(selector);
    for (let i = 0; i < found.length; i++) {
      const el = found[i]!;
      // Without a role attribute the kind selectors do not overlap: no need to classify again.
      if (kind === 'other' || !el.hasAttribute('role') || kindOf(el) === kind) out.push(el);
    }
  }
  return out;
}

/** True when the element takes part in layout and could be seen or clicked. */
export function isRendered(el: Element): boolean {
  if (el.closest('[hidden]') || el.getAttribute('type') === 'hidden') return false;
  const check = (el as HTMLElement).checkVisibility;
  if (typeof check === 'function') return check.call(el, { visibilityProperty: true, opacityProperty: false });
  return true;
}

/** Describe an element so that resolveAnchor can find it again on a changed page. */
export function captureAnchor(el: Element, options: CaptureOptions = {}): Anchor {
  const f = features(el);
  const doc = el.ownerDocument;
  let top: Document = doc;
  try {
    top = doc.defaultView?.top?.document ?? doc;
  } catch {
    top = doc; // inside a cross-origin frame: its own document is the world
  }
  const peers = elementsOfKind(searchRoots(top), f.kind, f.tag, f.role);
  const index = Math.max(0, peers.indexOf(el));
  const anchor: Anchor = { v: 1, kind: f.kind, tag: f.tag, role: f.role, path: f.path, index, count: peers.length };
  // A captioned value: when it is data (a dossier code, the resident's name or number) the anchor keeps
  // the caption only; when it is the page's own words (a fee, a deadline) it keeps the words, as for any text.
  const captioned = isCaptioned(f);
  const data = captioned && (options.isData ?? isCodeLike)(f.text!);
  for (const key of ['type', 'name', 'text', 'label', 'placeholder', 'title', 'attrName', 'href', 'heading', 'id'] as const) {
    const value = f[key];
    if (value === undefined) continue;
    if (data && (key === 'name' || key === 'text')) continue;
    if (captioned && !data && key === 'label') continue;
    anchor[key] = value;
  }
  if (f.classes) anchor.classes = f.classes;
  // Look-alikes on the same page (another control with the same name): remember how many and which one
  // this is, so a changed page with a different number of them is not guessed at. A link target shared
  // with another control (a nav link and a button to the same page) does not identify this one.
  const key = twinKey(f);
  if (key) {
    const folded = key.slice(key.indexOf('|') + 1);
    const twins = peers.filter(
      (p) =>
        p !== el &&
        !nested(p, el) &&
        quickTexts(p).some((t) => t.includes(folded)) &&
        isRendered(p) &&
        twinKey(features(p)) === key,
    );
    if (twins.length > 0) {
      anchor.twins = twins.length;
      anchor.twinIndex = [...twins, el].sort(documentOrder).indexOf(el);
    }
  }
  if (anchor.href && peers.some((p) => p !== el && hrefPath(p) === anchor.href)) delete anchor.href;
  const rival = rivalSimilarity(anchor, el, peers);
  if (rival >= 0.5) anchor.rival = Math.round(rival * 100) / 100;
  return anchor;
}

/** The identity similarity of the control most like `el` among the other rendered controls of its kind. */
function rivalSimilarity(anchor: Anchor, el: Element, peers: Element[]): number {
  const key = anchor.twins ? twinKey(features(el)) : '';
  const tokens = anchorTokenSets(anchor);
  const others = peers
    .filter((p) => p !== el)
    .map((p) => ({ p, q: quickScore(anchor, tokens, p) }))
    .sort((a, b) => b.q - a.q)
    .slice(0, 12)
    .map((x) => x.p)
    .filter(isRendered);
  let best = 0;
  for (const p of others) {
    const f = features(p);
    if (key && twinKey(f) === key) continue;
    best = Math.max(best, score(anchor, f, 0, peers.length).identity);
  }
  return best;
}

function anchorTokenSets(anchor: Anchor): Set<string>[] {
  return [anchor.name, anchor.text, anchor.label, anchor.placeholder, anchor.title]
    .filter((t): t is string => !!t)
    .map((t) => new Set(foldText(t).split(' ').filter(Boolean)));
}

function twinKey(f: Features): string {
  const name = f.name ?? f.text ?? f.label ?? f.placeholder;
  return name ? `${f.kind}|${foldText(name)}` : '';
}

/** Elements from the top document down to `el`, through shadow hosts and iframe elements. */
function liftChain(el: Element): Element[] {
  const chain: Element[] = [el];
  let node: Element | null = el;
  while (node) {
    const root = node.getRootNode();
    let up: Element | null = null;
    if (root instanceof ShadowRootCtor()) up = (root as ShadowRoot).host;
    else {
      try {
        up = (root as Document).defaultView?.frameElement ?? null;
      } catch {
        up = null;
      }
    }
    if (up) chain.unshift(up);
    node = up;
  }
  return chain;
}

/** Document order across shadow roots and same-origin iframes (a host or frame stands for its content). */
export function documentOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  const ca = liftChain(a);
  const cb = liftChain(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (x === y) continue;
    if (x.getRootNode() !== y.getRootNode()) return 0;
    return x.compareDocumentPosition(y) & 4 ? -1 : 1;
  }
  return ca.length - cb.length;
}

/** Weights of what says which control this is. id and classes only ever add: a redesign renames them. */
const IDENTITY_WEIGHTS = { name: 3, text: 1.5, label: 2.5, placeholder: 1.5, title: 1, attrName: 1.5, href: 1.5 } as const;
/** Weights of where the control sits. */
const CONTEXT_WEIGHTS = { role: 1, type: 0.5, heading: 1, path: 0.75, index: 0.75 } as const;
/** Share of identity in the final score. */
const IDENTITY_SHARE = 0.75;

function hrefSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const [hostA, ...pa] = a.split('/');
  const [hostB, ...pb] = b.split('/');
  const lastA = pa.filter(Boolean).pop() ?? '';
  const lastB = pb.filter(Boolean).pop() ?? '';
  if (hostA !== hostB) return 0;
  if (lastA && lastA === lastB) return 0.8;
  return 0.5 * textSimilarity(pa.join(' '), pb.join(' '));
}

function pathSimilarity(a: string, b: string): number {
  const ta = a.split('>').reverse();
  const tb = b.split('>').reverse();
  let same = 0;
  const n = Math.min(ta.length, tb.length, 6);
  for (let i = 0; i < n; i++) if (ta[i] === tb[i]) same++;
  return n === 0 ? 0 : same / 6;
}

function classSimilarity(a: string[], b: string[] | undefined): number {
  if (!b || b.length === 0) return 0;
  const set = new Set(b);
  const common = a.filter((c) => set.has(c)).length;
  return common / Math.max(a.length, b.length);
}

/** Texts differing in their numbers ("Chữ số 1" / "Chữ số 2", "200.000 đ" / "300.000 đ") are different. */
function labelSimilarity(a: string, b: string): number {
  const sim = textSimilarity(a, b);
  const numsA = foldText(a).match(/\d+/g)?.join(' ') ?? '';
  const numsB = foldText(b).match(/\d+/g)?.join(' ') ?? '';
  return numsA === numsB ? sim : sim * 0.4;
}

export interface Scored {
  element: Element;
  /** Final score in [0, 1]. */
  confidence: number;
  /** Identity similarity in [0, 1] (what the control is). */
  identity: number;
  /** Context similarity in [0, 1] (where it sits). */
  context: number;
  index: number;
  count: number;
  twinKey: string;
  /** The candidate's name is the anchor's name, letter for letter after folding. */
  exact: boolean;
}

function score(anchor: Anchor, f: Features, index: number, count: number): Scored {
  // Each text of the anchor is compared with the candidate's best matching text: a redesign may turn a
  // label into a placeholder, or a button's text into its aria-label.
  // A value's caption is its context, not its words: it only meets the anchor's own label.
  const texts = [f.name, f.text, isCaptioned(f) ? undefined : f.label, f.placeholder, f.title].filter((t): t is string => !!t);
  const bestText = (t: string, own: string | undefined): number => {
    let best = own ? labelSimilarity(t, own) : 0;
    for (const other of texts) if (other !== own) best = Math.max(best, 0.9 * labelSimilarity(t, other));
    return best;
  };
  let got = 0;
  let max = 0;
  const add = (w: number, present: boolean, sim: number): void => {
    if (!present) return;
    max += w;
    got += w * sim;
  };
  const W = IDENTITY_WEIGHTS;
  add(W.name, !!anchor.name, anchor.name ? bestText(anchor.name, f.name) : 0);
  add(W.text, !!anchor.text, anchor.text ? bestText(anchor.text, f.text) : 0);
  // An empty element's label is the text before it (context, not its own words): compare like with like.
  const labelIsContext = anchor.kind === 'other' && !anchor.text;
  add(W.label, !!anchor.label, anchor.label ? (labelIsContext ? (f.label ? labelSimilarity(anchor.label, f.label) : 0) : bestText(anchor.label, f.label)) : 0);
  add(W.placeholder, !!anchor.placeholder, anchor.placeholder ? bestText(anchor.placeholder, f.placeholder) : 0);
  add(W.title, !!anchor.title, anchor.title ? bestText(anchor.title, f.title) : 0);
  add(W.attrName, !!anchor.attrName, anchor.attrName && f.attrName ? (anchor.attrName === f.attrName ? 1 : 0.5 * textSimilarity(anchor.attrName, f.attrName)) : 0);
  add(W.href, !!anchor.href, anchor.href && f.href ? hrefSimilarity(anchor.href, f.href) : 0);
  let identity: number;
  if (max === 0) {
    // Known by its id and classes only (a layout block with no text): they are its identity.
    add(1.5, !!anchor.id, anchor.id && anchor.id === f.id ? 1 : 0);
    add(1.5, !!anchor.classes?.length, anchor.classes ? classSimilarity(anchor.classes, f.classes) : 0);
    identity = max > 0 ? got / max : 0;
  } else {
    identity = got / max;
    // Hand-written ids and classes that survived the change are strong evidence; their absence is none.
    if (anchor.id && anchor.id === f.id) identity = Math.min(1, identity + 0.25 * (1 - identity) + 0.1);
    if (anchor.classes?.length) identity = Math.min(1, identity + 0.1 * classSimilarity(anchor.classes, f.classes));
  }

  let cGot = 0;
  let cMax = 0;
  const C = CONTEXT_WEIGHTS;
  const addC = (w: number, present: boolean, sim: number): void => {
    if (!present) return;
    cMax += w;
    cGot += w * sim;
  };
  addC(C.role, true, anchor.role === f.role ? 1 : anchor.kind === f.kind ? 0.4 : 0);
  addC(C.type, !!anchor.type, anchor.type === f.type ? 1 : 0);
  addC(C.heading, !!anchor.heading, anchor.heading && f.heading ? textSimilarity(anchor.heading, f.heading) : 0);
  addC(C.path, true, pathSimilarity(anchor.path, f.path));
  const relA = anchor.count > 1 ? anchor.index / (anchor.count - 1) : 0;
  const relB = count > 1 ? index / (count - 1) : 0;
  addC(C.index, true, anchor.index === index && anchor.count === count ? 1 : Math.max(0, 1 - 4 * Math.abs(relA - relB)));
  const context = cMax > 0 ? cGot / cMax : 0;

  const hasIdentity = max > 0 || !!anchor.id || !!anchor.classes?.length;
  let confidence = hasIdentity ? IDENTITY_SHARE * identity + (1 - IDENTITY_SHARE) * context : context;
  if (f.kind !== anchor.kind) confidence *= 0.6;
  const anchorName = anchor.name ?? anchor.text;
  const exact = !!anchorName && foldText(f.name ?? f.text ?? '') === foldText(anchorName);
  return { element: f.el, confidence, identity, context, index, count, twinKey: twinKey(f), exact };
}

function nested(a: Element, b: Element): boolean {
  return a !== b && (a.contains(b) || b.contains(a));
}

function anchorHasIdentity(anchor: Anchor): boolean {
  return IDENTITY.some((k) => anchor[k] !== undefined);
}

const IDENTITY = ['name', 'text', 'label', 'placeholder', 'title', 'attrName', 'href', 'id'] as const;

/** Candidates beyond this many are first narrowed down by a cheap text comparison. */
const PREFILTER_KEEP = 24;

/** The raw texts a candidate shows, cheaply: for narrowing thousands of candidates down to a few. */
function quickRaw(el: Element): string[] {
  const out: string[] = [];
  const push = (t: string | null | undefined): void => {
    if (t) out.push(t.length > 200 ? t.slice(0, 200) : t);
  };
  push(el.getAttribute('aria-label'));
  push(el.getAttribute('placeholder'));
  push(el.getAttribute('title'));
  if (isFormField(el)) {
    const type = el.getAttribute('type');
    if (type === 'submit' || type === 'button' || type === 'reset') push(el.getAttribute('value'));
    const labels = (el as HTMLInputElement).labels;
    if (labels) for (const l of Array.from(labels)) push(l.textContent);
  } else push(el.textContent);
  return out;
}

/** The folded texts of quickRaw. */
function quickTexts(el: Element): string[] {
  return quickRaw(el).map(foldText);
}

function quickScore(anchor: Anchor, anchorTokens: Set<string>[], el: Element): number {
  let best = 0;
  const texts = quickRaw(el);
  for (const tokensA of anchorTokens) {
    for (const raw of texts) {
      const words = tokens(raw);
      if (words.length === 0) continue;
      let common = 0;
      for (const w of words) if (tokensA.has(w)) common++;
      best = Math.max(best, (2 * common) / (tokensA.size + words.length));
    }
  }
  if (anchor.attrName && el.getAttribute('name') === anchor.attrName) best += 1;
  if (anchor.id && el.id === anchor.id) best += 1;
  if (anchor.classes?.length) best += 0.5 * classSimilarity(anchor.classes, Array.from(el.classList));
  if (anchor.href && hrefPath(el) === anchor.href) best += 1;
  return best;
}

export interface ResolveOptions {
  /** Also consider elements that are not rendered (benchmarks on saved pages). @default false */
  includeHidden?: boolean;
}

/** Rank the candidates for an anchor, best first. */
export function rankCandidates(anchor: Anchor, root: Document = document, options: ResolveOptions = {}): Scored[] {
  return rankIn(anchor, searchRoots(root), options);
}

/** rankCandidates over roots already found (waitForAnchor scans the document once per check). */
function rankIn(anchor: Anchor, roots: (Document | ShadowRoot)[], options: ResolveOptions): Scored[] {
  const peers = elementsOfKind(roots, anchor.kind, anchor.tag, anchor.role);
  let pool = peers;
  if (peers.length > PREFILTER_KEEP) {
    const anchorTokens = anchorTokenSets(anchor);
    const quick = peers.map((el) => ({ el, q: quickScore(anchor, anchorTokens, el) }));
    quick.sort((a, b) => b.q - a.q);
    // Keep every look-alike of the best, so that twins are counted, and the one where the control sat.
    const cut = quick[PREFILTER_KEEP - 1]!.q;
    pool = quick.filter((x, i) => i < PREFILTER_KEEP || (x.q === cut && x.q > 0)).map((x) => x.el);
    const sameIndex = peers[anchor.index];
    if (sameIndex && !pool.includes(sameIndex)) pool.push(sameIndex);
  }
  const index = new Map<Element, number>();
  peers.forEach((el, i) => index.set(el, i));
  const shown = options.includeHidden ? pool : pool.filter(isRendered);
  const scored = shown.map((el) => score(anchor, features(el), index.get(el) ?? 0, peers.length));
  scored.sort((a, b) => b.confidence - a.confidence);
  return scored;
}

/**
 * Find the element an anchor describes. Returns null when no candidate is strong enough or the best one
 * is not clearly ahead of the runner-up: no hint is better than a hint on the wrong control.
 */
export function resolveAnchor(anchor: Anchor, root: Document = document, options: ResolveOptions = {}): ResolvedAnchor | null {
  const pick = choose(anchor, rankCandidates(anchor, root, options));
  return pick ? toResolved(pick) : null;
}

function toResolved(pick: Scored): ResolvedAnchor {
  return { element: pick.element, confidence: Math.round(pick.confidence * 1000) / 1000 };
}

/** Strong enough to take at once: confident, and carrying the control's own name (or id) unchanged. */
function settled(pick: Scored): boolean {
  return pick.confidence >= SETTLED_CONFIDENCE && (pick.exact || pick.identity >= 0.99);
}

function choose(anchor: Anchor, ranked: Scored[]): Scored | null {
  let best = ranked[0];
  if (!best) return null;
  // A redesign adds wrappers more often than it removes them: among nested candidates that are equally
  // like the control (a span and the span around it), the innermost is the control.
  for (const c of ranked) {
    if (
      c !== best &&
      best.element.contains(c.element) &&
      c.element.tagName === best.element.tagName &&
      c.identity >= best.identity - 0.02
    ) {
      best = c;
    }
  }
  const hasIdentity = anchorHasIdentity(anchor);
  if (hasIdentity ? best.identity < MIN_IDENTITY || best.confidence < MIN_CONFIDENCE : best.confidence < CONTEXT_ONLY_CONFIDENCE) {
    return null;
  }
  // No more like the control than another control on the original page was: could be that other one.
  if (anchor.rival !== undefined && best.identity < Math.min(1, anchor.rival + 0.03)) return null;
  // Look-alikes: the group of candidates that are the same as the best one by name.
  const similar = best.twinKey ? ranked.filter((c) => c.twinKey === best.twinKey && best.identity - c.identity < IDENTITY_LEAD) : [best];
  // One per nested cluster (ranked is best first, so the best-fitting of a wrapper and its content stays).
  const group = similar.filter((c, i) => !similar.slice(0, i).some((d) => nested(c.element, d.element)));
  if (anchor.twins) {
    // The captured control had look-alikes: trust order among them only if their number is unchanged.
    if (group.length !== anchor.twins + 1) return null;
    const ordered = [...group].sort((a, b) => documentOrder(a.element, b.element));
    return ordered[anchor.twinIndex ?? 0] ?? null;
  }
  const second = ranked.find((c) => c !== best && !nested(c.element, best.element));
  // Wrappers and their content share a text: a candidate nested in the best one (or around it) is the
  // same thing on screen, not a rival; the best fits the captured structure better.
  if (group.length > 1) return null; // a look-alike appeared: it could be either
  if (!second) return best;
  if (best.confidence - second.confidence >= MIN_MARGIN) return best;
  if (hasIdentity && best.identity - second.identity >= IDENTITY_LEAD && best.identity >= 0.9) return best;
  // The only candidate still carrying the exact name, where the others carry a longer or changed one.
  if (best.exact && !second.exact && best.identity >= 0.95 && best.context >= second.context - 0.2) return best;
  return null;
}

/** A match this strong (and with the control's exact name) is taken at once; others wait for the page to settle. */
const SETTLED_CONFIDENCE = 0.85;
/** The page counts as settled after this long without a change. */
const QUIET_MS = 300;
/** A weaker match is never held longer than this (pages with tickers never settle). */
const MAX_HOLD_MS = 1200;

export interface WaitOptions {
  /** Give up after this long. @default 8000 */
  timeoutMs?: number;
  signal?: AbortSignal;
  root?: Document;
}

/**
 * Resolve an anchor, waiting for it to render when it is not there yet. Re-checks only when the DOM
 * changes (MutationObserver, batched per animation frame); resolves null on timeout or abort.
 */
export function waitForAnchor(anchor: Anchor, options: WaitOptions = {}): Promise<ResolvedAnchor | null> {
  const { timeoutMs = 8000, signal } = options;
  const root = options.root ?? document;
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(null);
    const look = (roots = searchRoots(root)): Scored | null => choose(anchor, rankIn(anchor, roots, {}));
    const firstPick = look();
    if (firstPick && settled(firstPick)) return resolve(toResolved(firstPick));
    const first = firstPick ? toResolved(firstPick) : null;
    const view = root.defaultView ?? globalThis;
    let scheduled = false;
    let done = false;
    // A weaker match is held while the page is still changing: a page that renders in parts may show a
    // look-alike first and the control itself a moment later.
    let tentative: ResolvedAnchor | null = first;
    let heldSince = first ? Date.now() : 0;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const hold = (found: ResolvedAnchor | null): void => {
      if (found && !tentative) heldSince = Date.now();
      tentative = found;
      clearTimeout(quiet);
      if (!tentative) return;
      if (Date.now() - heldSince >= MAX_HOLD_MS) return finish(tentative);
      quiet = setTimeout(() => finish(tentative), QUIET_MS);
    };
    const finish = (result: ResolvedAnchor | null): void => {
      if (done) return;
      done = true;
      observer.disconnect();
      root.removeEventListener('load', schedule, true);
      clearTimeout(timer);
      clearTimeout(quiet);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const check = (): void => {
      scheduled = false;
      if (done) return;
      const pick = look(observeRoots());
      if (pick && settled(pick)) finish(toResolved(pick));
      else hold(pick ? toResolved(pick) : null);
    };
    const schedule = (): void => {
      if (scheduled) return;
      scheduled = true;
      // A hidden tab gets no animation frames: fall back to a short timer there.
      const raf = view.requestAnimationFrame?.bind(view);
      if (raf && !root.hidden) raf(check);
      else setTimeout(check, 30);
    };
    const MO = (view as typeof globalThis).MutationObserver ?? MutationObserver;
    const observer = new MO(schedule);
    // Shadow roots and iframe documents are observed too, as they appear; an iframe that loads a new
    // document is noticed through its load event (captured on the document, since load does not bubble).
    const observed = new Set<Node>();
    const observeRoots = (): (Document | ShadowRoot)[] => {
      const roots = searchRoots(root);
      for (const r of roots) {
        if (observed.has(r)) continue;
        observed.add(r);
        observer.observe(r, { subtree: true, childList: true, attributes: true, characterData: true });
      }
      return roots;
    };
    observeRoots();
    root.addEventListener('load', schedule, true);
    const timer = setTimeout(() => finish(tentative), timeoutMs);
    const onAbort = (): void => finish(null);
    signal?.addEventListener('abort', onAbort);
    if (tentative) hold(tentative);
  });
}

/** A short description of the control for a text-only hint ("nút «Đăng nhập»"). */
export function describeAnchor(anchor: Anchor): { kind: AnchorKind; label: string; heading?: string } {
  const label = anchor.label ?? anchor.name ?? anchor.text ?? anchor.placeholder ?? anchor.title ?? '';
  return anchor.heading && anchor.heading !== label ? { kind: anchor.kind, label, heading: anchor.heading } : { kind: anchor.kind, label };
}

function cssEscape(value: string): string {
  const esc = (globalThis as { CSS?: { escape?: (s: string) => string } }).CSS?.escape;
  return esc ? esc(value) : value.replace(/["\\]/g, '\\$&');
}
