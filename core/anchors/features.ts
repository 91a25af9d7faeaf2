// Feature extraction from the DOM: what a live element offers for comparison (Props), and where candidates
// are looked for (the document, open shadow roots, same-origin iframes). Never reads a form field's value.
import { accessibleName, clip, editingHost, fieldName, IMPLICIT_ROLES, isClassToken, isCodeLike, isFormField, isRendered, isStableToken, KIND_SELECTORS, kindOf, labelText, roleOf, TEXT_TAGS, visibleText } from './controls';
import { MAX_NEAR, type AnchorKind, type Props } from './types';

/**
 * The elements the texts of `features` were read from, filled in when asked: a rule that depends on
 * where a text stands (core/capture.ts: an account menu) judges each text by its element. The element's
 * own texts (name, text, placeholder, title) come from the element itself.
 */
export interface TextSources {
  label?: Element;
  heading?: Element;
  /** One per text of `near`, in the same order. */
  near?: Element[];
}

/** A text and the element it was read from. */
interface Sourced {
  text: string;
  from: Element;
}

/**
 * Text just before an element: a previous sibling's text (for a form field, its name), climbing a few
 * levels. Gives a label to unlabelled fields and to empty message slots (the error line under a field).
 */
function nearbyText(el: Element, throughFields: boolean): Sourced | undefined {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 3; depth++) {
    // Text written right before it ("Mã hồ sơ: <span>…</span>") names a value slot.
    const before = node.previousSibling;
    if (before?.nodeType === 3) {
      const t = clip(before.nodeValue)?.replace(/[:：]\s*$/, '');
      const from = before.parentElement;
      if (t && from && editingHost(from)) return undefined;
      if (t && from) return t.length <= 80 ? { text: t, from } : undefined;
    }
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      // A field (or a row holding one) before the element names it by the field's own name.
      const fields = isFormField(prev) ? [prev] : Array.from(prev.querySelectorAll('input:not([type=hidden]),select,textarea'));
      const field = fields[fields.length - 1];
      if (field && !throughFields) return undefined;
      const t = field ? fieldName(field) : clip(visibleText(prev));
      if (t) return t.length <= 80 ? { text: t, from: field ?? prev } : undefined;
    }
    node = node.parentElement;
    if (node && node.children.length > 6) break;
  }
  return undefined;
}

/**
 * The caption of a value slot: text ending in a colon right before it, the header cell before a table
 * cell, the term before a definition, a caption element just before it. Only for plain elements.
 */
function valueCaption(el: Element, depth = 0): Sourced | undefined {
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
  const sourced = (text: string | undefined, from: Element | null): Sourced | undefined => (text && from ? { text, from } : undefined);
  if (before?.nodeType === 3) {
    const t = clip(before.nodeValue);
    if (t && /[:：]$/.test(t) && t.length <= 81) return sourced(t.slice(0, -1).trim(), before.parentElement);
  }
  const prev = el.previousElementSibling;
  if (!prev) return undefined;
  const t = clip(visibleText(prev));
  if (!t || t.length > 81) return undefined;
  if ((el.tagName === 'TD' && prev.tagName === 'TH') || (el.tagName === 'DD' && prev.tagName === 'DT')) return sourced(t, prev);
  // <b>Mã hồ sơ:</b> <span>…</span>, with nothing but blanks between them.
  if (before === prev && /[:：]$/.test(t)) return sourced(t.slice(0, -1).trim(), prev);
  // A code shown under a short wordy caption with no colon (<span>Số hồ sơ</span><b>G22…</b>).
  const own = clip(visibleText(el));
  if (before === prev && own && isCodeLike(own) && t.length <= 40 && !/\d/.test(t)) return sourced(t, prev);
  return undefined;
}

/** A plain element with its own text and a caption before it (see valueCaption). */
export function isCaptioned(f: Pick<Props, 'kind' | 'text' | 'label'>): boolean {
  return f.kind === 'other' && !!f.text && f.label !== undefined;
}

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LEGEND', 'CAPTION']);
const LABELLED_SECTIONS = new Set(['SECTION', 'FORM', 'FIELDSET', 'NAV', 'ASIDE', 'DIALOG', 'HEADER', 'FOOTER', 'MAIN']);

/**
 * The section title around an element: the label of the nearest labelled section (aria-label) or the
 * nearest heading before it in document order, whichever is closer. Bounded walk: cheap on big pages.
 */
function nearbyHeading(el: Element): Sourced | undefined {
  const sourced = (text: string | undefined, from: Element): Sourced | undefined => (text ? { text, from } : undefined);
  for (let p = el.parentElement, depth = 0; p && depth < 6; p = p.parentElement, depth++) {
    const label = p.getAttribute('aria-label');
    if (label && LABELLED_SECTIONS.has(p.tagName)) return sourced(clip(label), p);
    if (p.tagName === 'FIELDSET') {
      const legend = p.querySelector(':scope > legend');
      if (legend) return sourced(clip(visibleText(legend)), legend);
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
      // A heading typed into an editor on the page is the resident's text, not the page's.
      if (prev.contains(el) || editingHost(prev)) continue;
      return sourced(clip(visibleText(prev)), prev);
    }
  }
  return undefined;
}

function ShadowRootCtor(): typeof ShadowRoot {
  return (globalThis.ShadowRoot ?? class {}) as typeof ShadowRoot;
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

/** Absolute XPath with positions among same-tag siblings, within the element's document or shadow root. */
export function xpathOf(el: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    let i = 1;
    for (let s = node.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === node.tagName) i++;
    steps.unshift(`${node.tagName.toLowerCase()}[${i}]`);
    if (steps.length > 30) break;
  }
  return '/' + steps.join('/');
}

export function hrefPath(el: Element): string | undefined {
  const raw = el.getAttribute('href');
  if (!raw || raw.startsWith('#') || /^javascript:/i.test(raw)) return undefined;
  try {
    const u = new URL(raw, el.ownerDocument?.baseURI ?? 'https://x.invalid/');
    return u.hostname + u.pathname;
  } catch {
    return undefined;
  }
}

/** Attributes that describe what a field or control is, and survive restyling. */
const STABLE_ATTRS = ['autocomplete', 'inputmode', 'maxlength', 'minlength', 'pattern', 'accept', 'min', 'max', 'step', 'multiple', 'required', 'aria-haspopup', 'aria-controls', 'aria-autocomplete'];

function stableAttrs(el: Element): string[] | undefined {
  const out: string[] = [];
  for (const name of STABLE_ATTRS) {
    const v = el.getAttribute(name);
    if (v !== null) out.push(`${name}=${v.slice(0, 40)}`);
  }
  for (const attr of Array.from(el.attributes)) {
    // data-* keys name what a control is for (data-bank=VCB, data-act=logout); hash-like ones do not.
    if (!attr.name.startsWith('data-') || out.length >= 10) continue;
    const value = attr.value.length <= 40 ? attr.value : '';
    if (isStableToken(attr.name.slice(5).replace(/-/g, '')) || attr.name.length <= 12) out.push(`${attr.name}=${value}`);
  }
  return out.length ? out.slice(0, 10) : undefined;
}

const SKIP_TEXT_IN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'INPUT', 'TEXTAREA', 'SELECT', 'OPTION']);

/**
 * The nearest visible texts before and after an element in reading order (outside it), each at most
 * MAX_NEAR characters: what a person reads around the control. Bounded walk.
 */
function nearTexts(el: Element): Sourced[] | undefined {
  const doc = el.ownerDocument;
  const root = el.getRootNode() as Node;
  const walker = doc.createTreeWalker(root, 4 /* text */);
  const take = (node: Node | null): Sourced | undefined => {
    const parent = node?.parentElement;
    if (!node || !parent || SKIP_TEXT_IN.has(parent.tagName) || el.contains(node)) return undefined;
    const t = clip(node.nodeValue, MAX_NEAR);
    if (!t || !/[\p{L}\p{N}]/u.test(t)) return undefined;
    // Text in an editable region is what the resident typed: never read, like a field's value.
    if (editingHost(parent)) return undefined;
    return isRendered(parent) ? { text: t, from: parent } : undefined;
  };
  const out: Sourced[] = [];
  // Before: the text nodes preceding the element.
  walker.currentNode = el;
  for (let i = 0; i < 30; i++) {
    const n = walker.previousNode();
    if (!n) break;
    const t = take(n);
    if (t) {
      out.push(t);
      break;
    }
  }
  // After: skip the element's own text, then the next text.
  let last: Node = el;
  while (last.lastChild) last = last.lastChild;
  walker.currentNode = last;
  for (let i = 0; i < 30; i++) {
    const n = walker.nextNode();
    if (!n) break;
    const t = take(n);
    if (t) {
      out.push(t);
      break;
    }
  }
  return out.length ? out : undefined;
}

/** The form around the element, known by its fields' names (else types): what a redesign of it keeps. */
function formOf(el: Element): string | undefined {
  const form = (el as HTMLInputElement).form ?? el.closest('form');
  if (!form) return undefined;
  const keys = new Set<string>();
  for (const f of Array.from(form.querySelectorAll('input:not([type=hidden]),select,textarea'))) {
    keys.add(f.getAttribute('name') || `:${(f.getAttribute('type') ?? f.tagName).toLowerCase()}`);
    if (keys.size >= 12) break;
  }
  return [...keys].sort().join('|').slice(0, 200);
}

/** The element's box in page coordinates (iframe offsets added), and the top page's width. */
export function boxOf(el: Element): Props['box'] {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return undefined;
  let x = r.x;
  let y = r.y;
  let win: Window | null = el.ownerDocument.defaultView;
  try {
    while (win && win.frameElement) {
      const fr = win.frameElement.getBoundingClientRect();
      x += fr.x;
      y += fr.y;
      win = win.parent;
    }
  } catch {
    // a cross-origin parent: offsets within the frame are all there is
  }
  const top = win ?? el.ownerDocument.defaultView;
  const sx = top?.scrollX ?? 0;
  const sy = top?.scrollY ?? 0;
  const pw = top?.document.documentElement.clientWidth ?? 0;
  return [Math.round(x + sx), Math.round(y + sy), Math.round(r.width), Math.round(r.height), pw];
}

/**
 * What a live element offers for comparison. `rich` adds the costlier parts: neighbours, box, xpath.
 * `sources`, when given, is filled with the elements the label, heading and neighbours were read from.
 */
export function features(el: Element, rich = true, sources?: TextSources): Props {
  const tag = el.tagName.toLowerCase();
  const kind = kindOf(el);
  const formish = kind === 'field' || kind === 'select' || kind === 'toggle';
  const ownText = formish && isFormField(el) ? undefined : clip(visibleText(el));
  // A field that names itself (aria-label, placeholder, title) needs no guess from the text before it.
  const selfNamed = el.hasAttribute('aria-label') || el.hasAttribute('placeholder') || el.hasAttribute('title');
  // A value shown under a caption ("Mã hồ sơ: G22…", a table cell after its header) is known by the caption.
  const own = formish ? labelText(el) : undefined;
  const labelled = own !== undefined ? { text: own, from: el } : formish ? (selfNamed ? undefined : nearbyText(el, false)) : ownText ? valueCaption(el) : nearbyText(el, true);
  const label = labelled?.text;
  if (sources && labelled) sources.label = labelled.from;
  const id = el.getAttribute('id');
  const classes = Array.from(el.classList).filter(isClassToken).slice(0, 8);
  const f: Props = { kind, tag, role: roleOf(el), path: structuralPath(el) };
  const set = <K extends keyof Props>(key: K, value: Props[K] | undefined): void => {
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) f[key] = value;
  };
  set('type', tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : undefined);
  set('name', accessibleName(el, label));
  set('text', ownText);
  set('label', label);
  set('placeholder', clip(el.getAttribute('placeholder')));
  set('title', clip(el.getAttribute('title') ?? (tag === 'img' ? el.getAttribute('alt') : null)));
  set('attrName', clip(el.getAttribute('name')));
  set('href', hrefPath(el));
  const heading = nearbyHeading(el);
  set('heading', heading?.text);
  if (sources && heading) sources.heading = heading.from;
  set('id', id && id.length <= 60 ? id : undefined);
  set('classes', classes);
  set('attrs', stableAttrs(el));
  const form = formOf(el);
  if (form !== undefined) f.form = form;
  if (rich) {
    const near = nearTexts(el);
    set('near', near?.map((n) => n.text));
    if (sources && near) sources.near = near.map((n) => n.from);
    set('box', boxOf(el));
    set('xpath', xpathOf(el));
  }
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

/**
 * What an anchor of this kind may have become: controls of the same kind; for a plain element (a value, a
 * message) any element of a text-bearing tag, since a redesign turns table cells into cards and lists.
 */
function kindSelector(kind: AnchorKind, tag: string, role: string): string {
  if (kind !== 'other') return KIND_SELECTORS[kind];
  if (role !== 'generic' && !IMPLICIT_ROLES[tag]) return `${tag},[role="${role}"]`;
  return TEXT_TAGS.split(',').includes(tag) ? TEXT_TAGS : tag;
}

/** Elements of one kind, including open shadow roots and same-origin iframes. */
export function elementsOfKind(roots: (Document | ShadowRoot)[], kind: AnchorKind, tag: string, role: string): Element[] {
  const selector = kindSelector(kind, tag, role);
  const out: Element[] = [];
  for (const root of roots) {
    const found = root.querySelectorAll(selector);
    for (let i = 0; i < found.length; i++) {
      const el = found[i]!;
      // Without a role attribute the kind selectors do not overlap: no need to classify again.
      if (kind === 'other' ? !el.hasAttribute('role') || kindOf(el) === 'other' : !el.hasAttribute('role') || kindOf(el) === kind) out.push(el);
    }
  }
  return out;
}
