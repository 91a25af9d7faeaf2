// The decision rule: take the best candidate, or answer null. Precision first — a hint on the wrong control
// is worse than none — with thresholds calibrated on the benchmark sets (scripts/fit-anchor-weights.ts),
// not by feel. Generic over what a candidate is, so the DOM resolver and matchRecords share it.
import { hasIdentity } from './score';
import type { Anchor, Props, Scored } from './types';

/** The decision thresholds. */
export interface Rule {
  /** Below this score the best candidate is not trusted. */
  minConfidence: number;
  /** Below this similarity of its words and attributes the best candidate is not the control… */
  minIdentity: number;
  /** …unless it sits where the control sat (context at least `minContext`) and is at least this alike. */
  minIdentityInPlace: number;
  minContext: number;
  /** The best candidate must lead the runner-up by this much… */
  minMargin: number;
  /** …or be this much more like the control itself (an exact label against a reworded look-alike). */
  identityLead: number;
  /** A look-alike (same name, as alike) must be out-scored by this much on where it sits. */
  twinMargin: number;
  /** Without any identifying feature, only an almost perfect structural match is trusted. */
  contextOnly: number;
}

/** Calibrated by scripts/fit-anchor-weights.ts on the Similo records, the generator and redesign v2. */
export const RULE: Rule = {
  minConfidence: 0.45,
  minIdentity: 0.7,
  minIdentityInPlace: 0.55,
  minContext: 0.75,
  minMargin: 0.05,
  identityLead: 0.12,
  twinMargin: 0.1,
  contextOnly: 0.85,
};

/** How the candidates relate on the page: nesting (a wrapper and its content) and document order. */
export interface Relations<T> {
  nested(a: T, b: T): boolean;
  contains(outer: T, inner: T): boolean;
  sameTag(a: T, b: T): boolean;
  order(a: T, b: T): number;
}

export const NO_RELATIONS: Relations<unknown> = { nested: () => false, contains: () => false, sameTag: () => true, order: () => 0 };

/** The anchor's capture-time notes, where it has them (anchors from packs; not records). */
type Notes = Pick<Anchor, 'twins' | 'twinIndex' | 'rival'>;

/**
 * Pick from candidates ranked best first, or null. `ranked` must be sorted by confidence, descending.
 */
export function choose<T>(anchor: Props & Partial<Notes>, ranked: Scored<T>[], rel: Relations<T>, rule: Rule = RULE): Scored<T> | null {
  let best = ranked[0];
  if (!best) return null;
  // A redesign adds wrappers more often than it removes them: among nested candidates that are equally
  // like the control (a span and the span around it), the innermost is the control.
  for (const c of ranked) {
    // A plain value may sit in a wrapper of another tag (a card's div around a span): same rule.
    const alike = rel.sameTag(c.element, best.element) || (anchor.kind === 'other' && c.confidence >= best.confidence - 0.1);
    if (c !== best && rel.contains(best.element, c.element) && alike && c.identity >= best.identity - 0.02) best = c;
  }
  const identified = hasIdentity(anchor);
  const alike = best.identity >= rule.minIdentity || (best.identity >= rule.minIdentityInPlace && best.context >= rule.minContext);
  if (identified ? !alike || best.confidence < rule.minConfidence : best.confidence < rule.contextOnly) return null;
  // No more like the control than another control on the original page was: could be that other one.
  if (anchor.rival !== undefined && best.identity < Math.min(1, anchor.rival + 0.03)) return null;
  const chosen = best;
  const others = ranked.filter((c) => c !== chosen && !rel.nested(c.element, chosen.element));
  if (anchor.twins && !anchor.box) {
    // A v1 anchor (no box) whose control had look-alikes: trust order among them only if their number is unchanged.
    const similar = chosen.twinKey ? ranked.filter((c) => c.twinKey === chosen.twinKey && chosen.identity - c.identity < rule.identityLead) : [chosen];
    const group = similar.filter((c, i) => !similar.slice(0, i).some((d) => rel.nested(c.element, d.element)));
    if (group.length !== anchor.twins + 1) return null;
    return [...group].sort((a, b) => rel.order(a.element, b.element))[anchor.twinIndex ?? 0] ?? null;
  }
  const second = others[0];
  if (!second) return chosen;
  const twin = !!chosen.twinKey && second.twinKey === chosen.twinKey && Math.abs(chosen.identity - second.identity) < 0.02;
  if (chosen.confidence - second.confidence >= (twin ? rule.twinMargin : rule.minMargin)) return chosen;
  if (identified && chosen.identity - second.identity >= rule.identityLead && chosen.identity >= 0.9) return chosen;
  // The only candidate still carrying the exact name, where the others carry a longer or changed one.
  if (chosen.exact && !second.exact && chosen.identity >= 0.95 && chosen.context >= second.context - 0.2) return chosen;
  return null;
}
