// Capturing an anchor from a live control, and resolving it on a (changed) page: candidates of the kind
// from the document, open shadow roots and same-origin iframes, narrowed cheaply, scored (score.ts) and
// decided (decide.ts).
import { foldText, tokens } from '../text';
import { clip, isCodeLike, isFormField, isRendered } from './controls';
import { choose, type Relations } from './decide';
import { elementsOfKind, features, hrefPath, isCaptioned, searchRoots, type TextSources } from './features';
import { conceptTokens } from './lexicon';
import { classSimilarity } from './similarity';
import { rarityOf, scoreProps, twinKey, WEIGHTS } from './score';
import { MAX_NEAR, type Anchor, type Props, type ResolvedAnchor, type Scored } from './types';

export interface CaptureOptions {
  /**
   * Whether a text is data (a dossier code, the resident's name) rather than the page's own words: data is
   * never kept in the anchor — not as a captioned value's text, nor as a neighbour's. core/capture.ts adds
   * the personal-data rules.
   * @default isCodeLike
   */
  isData?: (text: string) => boolean;
  /**
   * Whether the anchor may keep a text read from the page at element `from` (the control itself for its
   * own words; the label's, heading's or neighbour's element otherwise). Every text of the anchor —
   * name, text, label, placeholder, title, heading, neighbours, id, name attribute, link path, classes,
   * data-* values — passes it; a text refused is dropped, never masked. core/capture.ts gives the
   * personal-data gate.
   * @default every text is kept
   */
  keep?: (text: string, from: Element) => boolean;
}

function ShadowRootCtor(): typeof ShadowRoot {
  return (globalThis.ShadowRoot ?? class {}) as typeof ShadowRoot;
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

const DOM: Relations<Element> = {
  nested: (a, b) => a !== b && (a.contains(b) || b.contains(a)),
  contains: (outer, inner) => outer !== inner && outer.contains(inner),
  sameTag: (a, b) => a.tagName === b.tagName,
  tagOf: (a) => a.tagName.toLowerCase(),
  order: documentOrder,
};

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
  } else if (el.childElementCount <= 4) push(el.textContent);
  else {
    // A large container: its own words only (its whole text would cost a walk of its subtree).
    let own = '';
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) own += n.nodeValue;
    push(own);
  }
  return out;
}

/** The anchor's words and meanings, for the cheap comparison. */
function anchorTokenSets(anchor: Props): Set<string>[] {
  return [anchor.name, anchor.text, anchor.label, anchor.placeholder, anchor.title]
    .filter((t): t is string => !!t)
    .map((t) => new Set([...tokens(t), ...conceptTokens(t)]));
}

function quickScore(anchor: Props, anchorTokens: Set<string>[], el: Element): number {
  let best = 0;
  const texts = quickRaw(el);
  for (const tokensA of anchorTokens) {
    for (const raw of texts) {
      const words = [...tokens(raw), ...conceptTokens(raw)];
      if (words.length === 0) continue;
      let common = 0;
      for (const w of words) if (tokensA.has(w)) common++;
      best = Math.max(best, (2 * common) / (tokensA.size + words.length));
    }
  }
  if (anchor.attrName && el.getAttribute('name') === anchor.attrName) best += 1;
  if (anchor.id && el.id === anchor.id) best += 1;
  if (anchor.type && el.getAttribute('type') === anchor.type) best += 0.2;
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
export function rankIn(anchor: Anchor, roots: (Document | ShadowRoot)[], options: ResolveOptions): Scored[] {
  const peers = elementsOfKind(roots, anchor.kind, anchor.tag, anchor.role);
  let pool = peers;
  const shownOnly = (xs: Element[]): Element[] => (options.includeHidden ? xs : xs.filter(isRendered));
  if (peers.length > PREFILTER_KEEP) {
    const anchorTokens = anchorTokenSets(anchor);
    const quick = peers.map((el) => ({ el, q: quickScore(anchor, anchorTokens, el) }));
    quick.sort((a, b) => b.q - a.q);
    // Keep every look-alike of the best, so that twins are counted, and the one where the control sat.
    const cut = quick[PREFILTER_KEEP - 1]!.q;
    pool = quick.filter((x, i) => i < PREFILTER_KEEP || (x.q === cut && x.q > 0)).map((x) => x.el);
    // Where the control sat among its peers (a control whose words all changed is still there).
    const rel = anchor.count > 1 ? anchor.index / (anchor.count - 1) : 0;
    const at = Math.round(rel * (peers.length - 1));
    for (const i of [anchor.index, at - 1, at, at + 1]) {
      const el = peers[i];
      if (el && !pool.includes(el)) pool.push(el);
    }
  }
  const index = new Map<Element, number>();
  peers.forEach((el, i) => index.set(el, i));
  const anchorPos = { index: anchor.index, count: anchor.count };
  const shown = shownOnly(pool);
  const props = shown.map((el) => features(el));
  const rarity = rarityOf(props);
  const scored = shown.map((el, i) => {
    const pos = { index: index.get(el) ?? 0, count: peers.length };
    return { ...scoreProps(anchor, anchorPos, props[i]!, pos, el, WEIGHTS, rarity), pos };
  });
  scored.sort((a, b) => b.confidence - a.confidence);
  return scored;
}

export function toResolved(pick: Scored): ResolvedAnchor {
  return { element: pick.element, confidence: Math.round(pick.confidence * 1000) / 1000 };
}

/** Pick from ranked candidates with the shared decision rule (decide.ts). */
export function chooseIn(anchor: Anchor, ranked: Scored[]): Scored | null {
  return choose(anchor, ranked, DOM);
}

/**
 * Find the element an anchor describes. Returns null when no candidate is strong enough or the best one
 * is not clearly ahead of the runner-up: no hint is better than a hint on the wrong control.
 */
export function resolveAnchor(anchor: Anchor, root: Document = document, options: ResolveOptions = {}): ResolvedAnchor | null {
  const pick = chooseIn(anchor, rankCandidates(anchor, root, options));
  return pick ? toResolved(pick) : null;
}

/**
 * One answer from the picks of a step's anchor and its earlier ones (alsoAnchors): the most confident pick
 * when every anchor that decided points at the same element; null when none decided, or when two decided on
 * different elements (not sure which is the step's control: no hint rather than a wrong one).
 */
export function agreeOn<T>(picks: readonly (Scored<T> | null)[]): Scored<T> | null {
  let best: Scored<T> | null = null;
  for (const p of picks) {
    if (!p) continue;
    if (best && best.element !== p.element) return null;
    if (!best || p.confidence > best.confidence) best = p;
  }
  return best;
}

/**
 * resolveAnchor for a step that keeps earlier anchors beside its current one: each is resolved and the
 * answers must agree (agreeOn). With no alternates it is resolveAnchor itself.
 */
export function resolveAnyAnchor(anchor: Anchor, alternates: readonly Anchor[] = [], root: Document = document, options: ResolveOptions = {}): ResolvedAnchor | null {
  if (!alternates.length) return resolveAnchor(anchor, root, options);
  const roots = searchRoots(root);
  const pick = agreeOn([anchor, ...alternates].map((a) => chooseIn(a, rankIn(a, roots, options))));
  return pick ? toResolved(pick) : null;
}

/** Describe an element so that resolveAnchor can find it again on a changed page. */
export function captureAnchor(el: Element, options: CaptureOptions = {}): Anchor {
  const sources: TextSources = {};
  const f = features(el, true, sources);
  const isData = options.isData ?? isCodeLike;
  const doc = el.ownerDocument;
  let top: Document = doc;
  try {
    top = doc.defaultView?.top?.document ?? doc;
  } catch {
    top = doc; // inside a cross-origin frame: its own document is the world
  }
  const peers = elementsOfKind(searchRoots(top), f.kind, f.tag, f.role);
  const index = Math.max(0, peers.indexOf(el));
  const anchor: Anchor = { v: 2, kind: f.kind, tag: f.tag, role: f.role, path: f.path, index, count: peers.length };
  // A captioned value: when it is data (a dossier code, the resident's name or number) the anchor keeps
  // the caption only; when it is the page's own words (a fee, a deadline) it keeps the words, as for any text.
  const captioned = isCaptioned(f);
  const data = captioned && isData(f.text!);
  for (const key of ['type', 'name', 'text', 'label', 'placeholder', 'title', 'attrName', 'href', 'heading', 'id', 'xpath', 'form'] as const) {
    const value = f[key];
    if (value === undefined) continue;
    if (data && (key === 'name' || key === 'text')) continue;
    if (captioned && !data && key === 'label') continue;
    anchor[key] = value;
  }
  // The page's words around the control may show the resident's data back ("gửi tới số *******789").
  for (const key of ['heading', 'placeholder', 'title'] as const) if (anchor[key] && isData(anchor[key]!)) delete anchor[key];
  if (f.classes) anchor.classes = f.classes;
  // data-* values may carry a record's data (data-acct="0451000123456"): keep only what is not data.
  const attrs = f.attrs?.filter((kv) => !isData(kv.slice(kv.indexOf('=') + 1)));
  if (attrs?.length) anchor.attrs = attrs;
  // Neighbours are the page's words around the control; a neighbour that is a resident's data is dropped.
  const keep = options.keep ?? (() => true);
  const near = f.near?.filter((t, i) => !isData(t) && keep(t, sources.near?.[i] ?? el)).map((t) => clip(t, MAX_NEAR)!);
  if (near?.length) anchor.near = near;
  if (options.keep) keepOnly(anchor, el, sources, options.keep);
  if (f.box) anchor.box = f.box;
  // Look-alikes on the same page (another control with the same name): remember how many and which one
  // this is. A link target shared with another control (a nav link and a button to the same page) does
  // not identify this one.
  const key = twinKey(f);
  if (key) {
    const folded = key.slice(key.indexOf('|') + 1);
    const twins = peers.filter(
      (p) =>
        p !== el &&
        p.tagName === el.tagName &&
        !DOM.nested(p, el) &&
        quickRaw(p).some((t) => foldText(t).includes(folded)) &&
        isRendered(p) &&
        twinKey(features(p, false)) === key,
    );
    if (twins.length > 0) {
      anchor.twins = twins.length;
      anchor.twinIndex = [...twins, el].sort(documentOrder).indexOf(el);
    }
  }
  if (anchor.href && peers.some((p) => p !== el && hrefPath(p) === anchor.href)) delete anchor.href;
  // The only rendered control of its kind — or, for an input of a distinctive type, of its type.
  const type = f.type;
  const rendered = peers.filter((p) => p !== el && !DOM.nested(p, el) && isRendered(p));
  if (rendered.length === 0 || (type && !['text', 'button', 'submit'].includes(type) && !rendered.some((p) => (p.getAttribute('type') ?? 'text').toLowerCase() === type))) anchor.unique = true;
  const rival = rivalSimilarity(anchor, el, peers);
  if (rival >= 0.5) anchor.rival = Math.round(rival * 100) / 100;
  return anchor;
}

/** Drops every text of `anchor` that `keep` refuses, judged at the element it was read from (neighbours are filtered where they are taken). */
function keepOnly(anchor: Anchor, el: Element, sources: TextSources, keep: (text: string, from: Element) => boolean): void {
  for (const key of ['name', 'text', 'placeholder', 'title', 'id', 'attrName', 'href', 'form'] as const) if (anchor[key] !== undefined && !keep(anchor[key], el)) delete anchor[key];
  if (anchor.label !== undefined && !keep(anchor.label, sources.label ?? el)) delete anchor.label;
  if (anchor.heading !== undefined && !keep(anchor.heading, sources.heading ?? el)) delete anchor.heading;
  if (anchor.classes) {
    const classes = anchor.classes.filter((c) => keep(c, el));
    if (classes.length) anchor.classes = classes;
    else delete anchor.classes;
  }
  if (anchor.attrs) {
    const attrs = anchor.attrs.filter((kv) => keep(kv.slice(kv.indexOf('=') + 1), el));
    if (attrs.length) anchor.attrs = attrs;
    else delete anchor.attrs;
  }
}

/** The identity similarity of the control most like `el` among the other rendered controls of its kind. */
function rivalSimilarity(anchor: Anchor, el: Element, peers: Element[]): number {
  const key = anchor.twins ? anchor.kind + '|' + foldText(anchor.name ?? anchor.text ?? anchor.label ?? anchor.placeholder ?? '') : '';
  const tokenSets = anchorTokenSets(anchor);
  const others = peers
    .filter((p) => p !== el && !DOM.nested(p, el))
    .map((p) => ({ p, q: quickScore(anchor, tokenSets, p) }))
    .sort((a, b) => b.q - a.q)
    .slice(0, 12)
    .map((x) => x.p)
    .filter(isRendered);
  let best = 0;
  for (const p of others) {
    const f = features(p, false);
    if (key && twinKey(f) === key) continue;
    best = Math.max(best, scoreProps(anchor, null, f, null, p).identity);
  }
  return best;
}
