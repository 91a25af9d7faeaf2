// Scoring: how alike a candidate is to an anchor, property by property, combined with weights fitted on
// the public benchmark sets (scripts/fit-anchor-weights.ts; figures in the README). Shared by the DOM
// resolver and matchRecords, so both run the same rule.
import { foldText } from '../text';
import { isCaptioned } from './features';
import { FITTED_WEIGHTS } from './fitted';
import { attrsSimilarity, classSimilarity, formSimilarity, hrefSimilarity, identSimilarity, labelSimilarity, locationSimilarity, nearSimilarity, pathSimilarity, rarityOver, sizeSimilarity, xpathSimilarity, type Rarity } from './similarity';
import { BONUS_PROPS, CONTEXT_PROPS, IDENTITY_PROPS, PROPS, type Prop, type Weights } from './tuning';
import type { Props, Scored } from './types';

export { BONUS_PROPS, CONTEXT_PROPS, IDENTITY_PROPS, PROPS, type Prop, type Weights };
/** Each property's similarity, for the properties the anchor has (absent on the candidate: 0). */
export type Sims = Partial<Record<Prop, number>>;

/** Weights fitted by scripts/fit-anchor-weights.ts (cross-validated; figures in the README). */
export const WEIGHTS: Weights = FITTED_WEIGHTS;

/** Where the anchor sits among its peers, and where the candidate does. */
export interface Position {
  index: number;
  count: number;
}

/** The similarity of every property the anchor has. */
export function similarities(anchor: Props, anchorPos: Position | null, c: Props, pos: Position | null, rarity?: Rarity): Sims {
  // Each text of the anchor is compared with the candidate's best matching text: a redesign may turn a
  // label into a placeholder, or a button's text into its aria-label. A value's caption is its context,
  // not its words: it only meets the anchor's own label.
  const texts = [c.name, c.text, isCaptioned(c) ? undefined : c.label, c.placeholder, c.title].filter((t): t is string => !!t);
  const bestText = (t: string, own: string | undefined): number => {
    let best = own ? labelSimilarity(t, own, rarity) : 0;
    for (const other of texts) if (other !== own && best < 0.9) best = Math.max(best, 0.9 * labelSimilarity(t, other, rarity));
    return best;
  };
  const s: Sims = {};
  if (anchor.name) s.name = bestText(anchor.name, c.name);
  if (anchor.text) s.text = bestText(anchor.text, c.text);
  if (anchor.label) {
    // An empty element's label is the text before it (context, not its own words): compare like with like.
    const labelIsContext = anchor.kind === 'other' && !anchor.text;
    s.label = labelIsContext || isCaptioned(anchor) ? (c.label ? labelSimilarity(anchor.label, c.label) : 0) : bestText(anchor.label, c.label);
  }
  if (anchor.placeholder) s.placeholder = bestText(anchor.placeholder, c.placeholder);
  if (anchor.title) s.title = bestText(anchor.title, c.title);
  if (anchor.attrName) s.attrName = c.attrName ? identSimilarity(anchor.attrName, c.attrName) : 0;
  if (anchor.href) s.href = c.href ? hrefSimilarity(anchor.href, c.href) : 0;
  if (anchor.type) s.type = anchor.type === c.type ? 1 : TEXTLIKE.has(anchor.type) && TEXTLIKE.has(c.type ?? '') ? 0.7 : 0;
  s.tag = anchor.tag === c.tag ? 1 : 0;
  s.role = anchor.role === c.role ? 1 : anchor.kind === c.kind ? 0.6 : 0;
  if (anchor.heading) s.heading = c.heading ? labelSimilarity(anchor.heading, c.heading) : 0;
  if (anchor.near) s.near = c.near ? nearSimilarity(anchor.near, c.near) : 0;
  if (anchor.path) s.path = pathSimilarity(anchor.path, c.path);
  if (anchor.form !== undefined) s.form = formSimilarity(anchor.form, c.form);
  if (anchorPos && pos && anchorPos.count > 0) {
    const relA = anchorPos.count > 1 ? anchorPos.index / (anchorPos.count - 1) : 0;
    const relB = pos.count > 1 ? pos.index / (pos.count - 1) : 0;
    s.index = anchorPos.index === pos.index && anchorPos.count === pos.count ? 1 : Math.max(0, 1 - 4 * Math.abs(relA - relB));
  }
  if (anchor.box) {
    s.location = c.box ? locationSimilarity(anchor.box, c.box) : 0;
    s.size = c.box ? sizeSimilarity(anchor.box, c.box) : 0;
  }
  if (anchor.id && c.id) s.id = identSimilarity(anchor.id, c.id);
  if (anchor.classes?.length && c.classes?.length) s.classes = classSimilarity(anchor.classes, c.classes);
  if (anchor.attrs?.length && c.attrs?.length) s.attrs = attrsSimilarity(anchor.attrs, c.attrs);
  if (anchor.xpath && c.xpath) s.xpath = xpathSimilarity(anchor.xpath, c.xpath);
  return s;
}

const IDENTITY_SET = new Set<Prop>(IDENTITY_PROPS);
const BONUS_SET = new Set<Prop>(BONUS_PROPS);

const sums = new WeakMap<Weights, number>();

/** The weight of every property that is not bonus evidence (once per weights object: this is the hot path). */
function weightSum(w: Weights): number {
  let all = sums.get(w);
  if (all === undefined) {
    all = 0;
    for (const k of PROPS) if (!BONUS_SET.has(k)) all += w[k];
    sums.set(w, all);
  }
  return all;
}

/**
 * Weighted mean of the similarities, then the bonus evidence closes part of the gap to 1: a surviving id,
 * class, attribute or XPath makes a candidate more likely, and its absence makes none less likely.
 */
export function combine(s: Sims, w: Weights = WEIGHTS): { confidence: number; identity: number; context: number; evidence: number } {
  let got = 0;
  let max = 0;
  let iGot = 0;
  let iMax = 0;
  let cGot = 0;
  let cMax = 0;
  let bonus = 0;
  for (const key in s) {
    const k = key as Prop;
    const sim = s[k]!;
    const weight = w[k];
    if (BONUS_SET.has(k)) {
      bonus += weight * sim;
      continue;
    }
    got += weight * sim;
    max += weight;
    if (IDENTITY_SET.has(k)) {
      iGot += weight * sim;
      iMax += weight;
    } else {
      cGot += weight * sim;
      cMax += weight;
    }
  }
  const base = max > 0 ? got / max : 0;
  const lift = 1 - Math.exp(-bonus);
  const all = weightSum(w);
  return { confidence: base + (1 - base) * lift, identity: iMax > 0 ? iGot / iMax : lift, context: cMax > 0 ? cGot / cMax : 0, evidence: all > 0 ? max / all : 0 };
}

/** The folded name look-alikes share ("action|dang nhap"), or ''. */
export function twinKey(f: Props): string {
  const name = f.name ?? f.text ?? f.label ?? f.placeholder;
  return name ? `${f.kind}|${foldText(name)}` : '';
}

/** Whether the anchor has anything that says what the control is (beyond where it sits). */
export function hasIdentity(anchor: Props): boolean {
  return IDENTITY_PROPS.some((k) => k !== 'type' && anchor[k] !== undefined) || !!anchor.id;
}

/** The rarity of words over a set of candidates (their own texts). */
export function rarityOf(cands: readonly Props[]): Rarity {
  return rarityOver(cands.map((c) => [c.name, c.text, c.label, c.placeholder].filter((t): t is string => !!t)));
}

/** Input types a redesign swaps for one another: a text field becomes a search, tel or number field. */
const TEXTLIKE = new Set(['text', 'search', 'tel', 'number', 'email', 'url']);

/** Input types too common to tell one field from another. */
const PLAIN_TYPES = new Set(['text', 'button', 'submit']);

/** The candidate is an input of the anchor's own distinctive type. */
export function isTyped(anchor: Props, c: Props): boolean {
  return !!anchor.type && !PLAIN_TYPES.has(anchor.type) && c.type === anchor.type;
}

/** Score one candidate. A candidate of another kind (a link for a field) is heavily discounted. */
export function scoreProps<T>(anchor: Props, anchorPos: Position | null, c: Props, pos: Position | null, element: T, w: Weights = WEIGHTS, rarity?: Rarity): Scored<T> {
  const sims = similarities(anchor, anchorPos, c, pos, rarity);
  const { confidence, identity, context, evidence } = combine(sims, w);
  const anchorName = anchor.name ?? anchor.text;
  const exact = !!anchorName && foldText(c.name ?? c.text ?? '') === foldText(anchorName);
  const typed = isTyped(anchor, c);
  return { element, confidence: c.kind === anchor.kind ? confidence : 0.6 * confidence, identity, context, twinKey: twinKey(c), exact, evidence, typed };
}
