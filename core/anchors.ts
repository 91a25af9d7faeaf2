// Anchors: a JSON description of a control rich enough to find it again after a redesign, and the
// resolver that finds it — or answers null rather than pointing at a wrong control.
// DOM-only: no browser.* APIs, no framework, no network. Never reads the value of a form field.

import { foldText, textSimilarity } from './text';

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
}

export interface ResolvedAnchor {
  element: Element;
  /** In [0, 1]: how much of the anchor's description the element matches. */
  confidence: number;
}

/** Below this confidence the best candidate is not trusted. */
export const MIN_CONFIDENCE = 0.55;
/** The best candidate must lead the runner-up by at least this much confidence. */
export const MIN_MARGIN = 0.08;

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

/** Text an element shows, skipping form fields (whose content is the resident's) and hidden parts. */
function visibleText(el: Element): string {
  if (isFormField(el)) return '';
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const c = child as Element;
        if (isFormField(c) || c.tagName === 'SCRIPT' || c.tagName === 'STYLE') continue;
        if (c.getAttribute('aria-hidden') === 'true' || c.hasAttribute('hidden')) continue;
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

/** Label text of a form control (label[for], wrapping label, aria-labelledby), or nearby text. */
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
  return nearbyText(el);
}

/** Text just before a control: a previous sibling's text, or the parent's own text. */
function nearbyText(el: Element): string | undefined {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 3; depth++) {
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (isFormField(prev)) break;
      const t = clip(visibleText(prev));
      if (t) return t.length <= 60 ? t : undefined;
    }
    node = node.parentElement;
    if (node && node.children.length > 4) break;
  }
  return undefined;
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
    return label ?? clip(el.getAttribute('title')) ?? clip(el.getAttribute('placeholder'));
  }
  return clip(visibleText(el)) ?? clip(el.getAttribute('title')) ?? clip(el.getAttribute('alt'));
}

const HEADING_SELECTOR = 'h1,h2,h3,h4,h5,h6,[role=heading],legend,caption,.title';

/** Nearest heading that comes before the element inside one of its ancestors, or a labelled section. */
function nearbyHeading(el: Element): string | undefined {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 8; depth++) {
    const parent: Element | null = node.parentElement;
    if (!parent) break;
    const label = parent.getAttribute('aria-label');
    if (label && ['SECTION', 'FORM', 'FIELDSET', 'NAV', 'ASIDE', 'DIALOG'].includes(parent.tagName)) return clip(label);
    let found: Element | undefined;
    for (const h of Array.from(parent.querySelectorAll(HEADING_SELECTOR))) {
      if (h === el || h.contains(el) || el.contains(h)) continue;
      // Only headings before the element count; the last one before it is the nearest.
      if (h.compareDocumentPosition(el) & 4) found = h;
    }
    if (found) return clip(visibleText(found));
    node = parent;
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

interface Features {
  el: Element;
  kind: AnchorKind;
  tag: string;
  role: string;
  type?: string;
  name?: string;
  text?: string;
  label?: string;
  placeholder?: string;
  title?: string;
  attrName?: string;
  href?: string;
  heading?: string;
  path: string;
  id?: string;
  classes?: string[];
}

function features(el: Element): Features {
  const tag = el.tagName.toLowerCase();
  const kind = kindOf(el);
  const formish = kind === 'field' || kind === 'select' || kind === 'toggle';
  const label = formish ? labelText(el) : undefined;
  const id = el.getAttribute('id');
  const classes = Array.from(el.classList).filter(isStableToken).slice(0, 8);
  const f: Features = {
    el,
    kind,
    tag,
    role: roleOf(el),
    path: structuralPath(el),
  };
  const set = <K extends keyof Features>(key: K, value: Features[K] | undefined): void => {
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) f[key] = value;
  };
  set('type', tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : undefined);
  set('name', accessibleName(el, label));
  set('text', formish && isFormField(el) ? undefined : clip(visibleText(el)));
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

/** Every element below a root, through open shadow roots and same-origin iframes, in document order. */
export function* allElements(root: Document | ShadowRoot | Element): Generator<Element> {
  const list = root.querySelectorAll('*');
  for (let i = 0; i < list.length; i++) {
    const el = list[i]!;
    yield el;
    if (el.shadowRoot) yield* allElements(el.shadowRoot);
    if (el.tagName === 'IFRAME') {
      let doc: Document | null = null;
      try {
        doc = (el as HTMLIFrameElement).contentDocument;
      } catch {
        doc = null; // cross-origin: not ours to read
      }
      if (doc?.documentElement) yield* allElements(doc);
    }
  }
}

/** Elements of one kind, in document order, including open shadow roots and same-origin iframes. */
function elementsOfKind(root: Document, kind: AnchorKind, tag: string, role: string): Element[] {
  const out: Element[] = [];
  for (const el of allElements(root)) {
    if (kind === 'other') {
      if (el.tagName.toLowerCase() === tag || (role !== 'generic' && el.getAttribute('role') === role)) out.push(el);
    } else if (el.matches(KIND_SELECTORS[kind]) && kindOf(el) === kind) out.push(el);
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
export function captureAnchor(el: Element): Anchor {
  const f = features(el);
  const doc = el.ownerDocument;
  const peers = elementsOfKind(doc, f.kind, f.tag, f.role);
  const index = Math.max(0, peers.indexOf(el));
  const anchor: Anchor = { v: 1, kind: f.kind, tag: f.tag, role: f.role, path: f.path, index, count: peers.length };
  for (const key of ['type', 'name', 'text', 'label', 'placeholder', 'title', 'attrName', 'href', 'heading', 'id'] as const) {
    const value = f[key];
    if (value !== undefined) anchor[key] = value;
  }
  if (f.classes) anchor.classes = f.classes;
  return anchor;
}

const WEIGHTS = {
  name: 3,
  text: 1.5,
  label: 2.5,
  placeholder: 1.5,
  title: 1,
  attrName: 1.5,
  href: 1.5,
  id: 1.5,
  type: 0.5,
  role: 0.5,
  classes: 0.75,
  heading: 1,
  path: 0.75,
  index: 0.75,
} as const;

/** Features that say which control this is, rather than where it sits. */
const IDENTITY = ['name', 'text', 'label', 'placeholder', 'title', 'attrName', 'href', 'id'] as const;

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

interface Scored {
  element: Element;
  confidence: number;
  /** Best similarity of any one identifying feature. */
  identity: number;
  /** Weighted similarity of the identifying features alone (what the control is, not where). */
  identityScore: number;
  index: number;
  count: number;
}

/** Texts differing in their numbers ("Chữ số 1" / "Chữ số 2") name different controls. */
function labelSimilarity(a: string, b: string): number {
  const sim = textSimilarity(a, b);
  const numsA = foldText(a).match(/\d+/g)?.join(' ') ?? '';
  const numsB = foldText(b).match(/\d+/g)?.join(' ') ?? '';
  return numsA === numsB ? sim : sim * 0.5;
}

function score(anchor: Anchor, f: Features, index: number, count: number): Scored {
  let got = 0;
  let max = 0;
  let identity = 0;
  let identityScore = 0;
  const add = (key: keyof typeof WEIGHTS, present: boolean, sim: number): void => {
    if (!present) return;
    const w = WEIGHTS[key];
    max += w;
    got += w * sim;
    if ((IDENTITY as readonly string[]).includes(key)) {
      identity = Math.max(identity, sim);
      identityScore += w * sim;
    }
  };
  // A text feature of the anchor may show up under another name on the new page
  // (a label turned into a placeholder, a button's text into aria-label), so each
  // text is compared with the candidate's best matching text.
  const texts = [f.name, f.text, f.label, f.placeholder, f.title].filter((t): t is string => !!t);
  const bestText = (t: string, own: string | undefined): number => {
    let best = own ? labelSimilarity(t, own) : 0;
    for (const other of texts) if (other !== own) best = Math.max(best, 0.85 * labelSimilarity(t, other));
    return best;
  };
  add('name', !!anchor.name, anchor.name ? bestText(anchor.name, f.name) : 0);
  add('text', !!anchor.text, anchor.text ? bestText(anchor.text, f.text) : 0);
  add('label', !!anchor.label, anchor.label ? bestText(anchor.label, f.label) : 0);
  add('placeholder', !!anchor.placeholder, anchor.placeholder ? bestText(anchor.placeholder, f.placeholder) : 0);
  add('title', !!anchor.title, anchor.title ? bestText(anchor.title, f.title) : 0);
  add('attrName', !!anchor.attrName, anchor.attrName && f.attrName ? (anchor.attrName === f.attrName ? 1 : 0.5 * textSimilarity(anchor.attrName, f.attrName)) : 0);
  add('href', !!anchor.href, anchor.href && f.href ? hrefSimilarity(anchor.href, f.href) : 0);
  add('id', !!anchor.id, anchor.id && anchor.id === f.id ? 1 : 0);
  add('type', !!anchor.type, anchor.type === f.type ? 1 : 0);
  add('role', true, anchor.role === f.role ? 1 : 0);
  add('classes', !!anchor.classes?.length, anchor.classes ? classSimilarity(anchor.classes, f.classes) : 0);
  add('heading', !!anchor.heading, anchor.heading && f.heading ? textSimilarity(anchor.heading, f.heading) : 0);
  add('path', true, pathSimilarity(anchor.path, f.path));
  const relA = anchor.count > 1 ? anchor.index / (anchor.count - 1) : 0;
  const relB = count > 1 ? index / (count - 1) : 0;
  add('index', true, anchor.index === index ? 1 : Math.max(0, 1 - 4 * Math.abs(relA - relB)));
  let confidence = max > 0 ? got / max : 0;
  if (f.kind !== anchor.kind) confidence *= 0.6;
  return { element: f.el, confidence, identity, identityScore, index, count };
}

function anchorHasIdentity(anchor: Anchor): boolean {
  return IDENTITY.some((k) => anchor[k] !== undefined);
}

/** Rank the rendered candidates for an anchor, best first. */
export function rankCandidates(anchor: Anchor, root: Document = document): Scored[] {
  const peers = elementsOfKind(root, anchor.kind, anchor.tag, anchor.role);
  const scored: Scored[] = [];
  const rendered = peers.filter(isRendered);
  rendered.forEach((el, i) => {
    scored.push(score(anchor, features(el), i, rendered.length));
  });
  scored.sort((a, b) => b.confidence - a.confidence);
  return scored;
}

/**
 * Find the element an anchor describes. Returns null when no candidate is strong enough or the best one
 * is not clearly ahead of the runner-up: no hint is better than a hint on the wrong control.
 */
export function resolveAnchor(anchor: Anchor, root: Document = document): ResolvedAnchor | null {
  const ranked = rankCandidates(anchor, root);
  const best = ranked[0];
  if (!best) return null;
  if (best.confidence < MIN_CONFIDENCE) return null;
  if (anchorHasIdentity(anchor) && best.identity < 0.6) return null;
  const second = ranked[1];
  if (second && best.confidence - second.confidence < MIN_MARGIN) return null;
  // Look-alikes (same texts, same attributes) are told apart by position only when the page still has the
  // same number of such controls and the best one sits where the captured one did.
  if (second && Math.abs(best.identityScore - second.identityScore) < 0.05 && (best.index !== anchor.index || best.count !== anchor.count)) {
    return null;
  }
  return { element: best.element, confidence: Math.round(best.confidence * 1000) / 1000 };
}

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
    const first = resolveAnchor(anchor, root);
    if (first) return resolve(first);
    const view = root.defaultView ?? globalThis;
    let scheduled = false;
    let done = false;
    const finish = (result: ResolvedAnchor | null): void => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const check = (): void => {
      scheduled = false;
      if (done) return;
      const found = resolveAnchor(anchor, root);
      if (found) finish(found);
    };
    const schedule = (): void => {
      if (scheduled) return;
      scheduled = true;
      const raf = view.requestAnimationFrame?.bind(view);
      if (raf) raf(check);
      else setTimeout(check, 16);
    };
    const MO = (view as typeof globalThis).MutationObserver ?? MutationObserver;
    const observer = new MO(schedule);
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => finish(null), timeoutMs);
    const onAbort = (): void => finish(null);
    signal?.addEventListener('abort', onAbort);
  });
}

/** A short description of the control for a text-only hint ("nút «Đăng nhập»"). */
export function describeAnchor(anchor: Anchor): { kind: AnchorKind; label: string } {
  return { kind: anchor.kind, label: anchor.label ?? anchor.name ?? anchor.text ?? anchor.placeholder ?? anchor.title ?? '' };
}

function cssEscape(value: string): string {
  const esc = (globalThis as { CSS?: { escape?: (s: string) => string } }).CSS?.escape;
  return esc ? esc(value) : value.replace(/["\\]/g, '\\$&');
}
