// The decision rule: take the best candidate, or answer null. Precision first — a hint on the wrong control
// is worse than none. A few gates on how the best candidate scored, how alike its words are and how far it
// leads, with thresholds calibrated by scripts/fit-anchor-weights.ts on the sets the engine may be tuned on
// (with "control gone" cases made by removing the right one), not set by feel. Generic over what a
// candidate is, so the DOM resolver and matchRecords share it.
import { FITTED_RULE } from './fitted';
import { hasIdentity } from './score';
import type { Rule } from './tuning';
import type { Anchor, Props, Scored } from './types';

export type { Rule };

export const RULE: Rule = FITTED_RULE;

/** A candidate with the control's own words is taken from this score up (its context may all have changed). */
const STRONG_FLOOR = 0.5;
/** The only control of its kind then and now is taken from this score up. */
const UNIQUE_FLOOR = 0.65;

/** How the candidates relate on the page: nesting (a wrapper and its content) and document order. */
export interface Relations<T> {
  nested(a: T, b: T): boolean;
  contains(outer: T, inner: T): boolean;
  sameTag(a: T, b: T): boolean;
  /** Lower-case tag name. */
  tagOf(a: T): string;
  order(a: T, b: T): number;
}

export const NO_RELATIONS: Relations<unknown> = { nested: () => false, contains: () => false, sameTag: () => true, tagOf: () => '', order: () => 0 };

/** The anchor's capture-time notes, where it has them (anchors from packs; not records). */
type Notes = Pick<Anchor, 'twins' | 'twinIndex' | 'rival' | 'unique'>;

/** The best candidate after preferring the innermost of nested look-alikes, and its runner-up. */
export function bestAndSecond<T>(anchor: Props, ranked: Scored<T>[], rel: Relations<T>): { best?: Scored<T>; second?: Scored<T> } {
  let best = ranked[0];
  if (!best) return {};
  // A redesign adds wrappers more often than it removes them: among nested candidates that are equally
  // like the control (a span and the span around it), the innermost is the control.
  for (const c of ranked) {
    // A plain value may sit in a new wrapper of another tag (a card's div around the span it was): the
    // inner one is the control when it has the control's own tag and the wrapper has not.
    const rewrapped = anchor.kind === 'other' && rel.tagOf(c.element) === anchor.tag && rel.tagOf(best.element) !== anchor.tag && c.confidence >= best.confidence - 0.1;
    const alike = rel.sameTag(c.element, best.element) || rewrapped;
    if (c !== best && rel.contains(best.element, c.element) && alike && c.identity >= best.identity - 0.02) best = c;
  }
  const chosen = best;
  return { best: chosen, second: ranked.find((c) => c !== chosen && !rel.nested(c.element, chosen.element)) };
}

/**
 * Pick from candidates ranked best first, or null. `ranked` must be sorted by confidence, descending.
 */
export function choose<T>(anchor: Props & Partial<Notes>, ranked: Scored<T>[], rel: Relations<T>, rule: Rule = RULE): Scored<T> | null {
  const { best, second } = bestAndSecond(anchor, ranked, rel);
  if (!best) return null;
  // No more like the control than another control on the original page was: it could be that other one
  // (which stood beside the control then, and may be what is left of the page now).
  if (anchor.rival !== undefined && best.identity < Math.min(1, anchor.rival + 0.03)) return null;
  if (anchor.twins && !anchor.box) {
    // A v1 anchor (no box) whose control had look-alikes: trust order among them only if their number is unchanged.
    const similar = best.twinKey ? ranked.filter((c) => c.twinKey === best.twinKey && best.identity - c.identity < 0.12) : [best];
    const group = similar.filter((c, i) => !similar.slice(0, i).some((d) => rel.nested(c.element, d.element)));
    if (group.length !== anchor.twins + 1) return null;
    return [...group].sort((a, b) => rel.order(a.element, b.element))[anchor.twinIndex ?? 0] ?? null;
  }
  const margin = best.confidence - (second?.confidence ?? 0);
  // The only control of its kind (or its input type) then, and the only one now: it is that control,
  // however its words changed — unless it is not like it at all.
  if (anchor.unique && best.confidence >= UNIQUE_FLOOR && (!second || (best.typed && !ranked.some((c) => c !== best && c.typed && !rel.nested(c.element, best.element))))) return best;
  const twin = !!second && !!best.twinKey && second.twinKey === best.twinKey && Math.abs(best.identity - second.identity) < 0.02;
  if (!anchor.box && twin && margin < rule.twinMargin) return null;
  if (!hasIdentity(anchor)) return best.confidence >= rule.contextOnly && margin >= rule.minMargin ? best : null;
  if (best.identity >= rule.strongIdentity && margin >= rule.strongMargin && best.confidence >= STRONG_FLOOR) return best;
  // The only candidate still carrying the exact name, where the others carry a longer or changed one.
  if (best.exact && second && !second.exact && best.identity >= 0.95 && best.context >= second.context - 0.2) return best;
  const minIdentity = rule.minIdentity + rule.evidenceSlope * Math.max(0, 0.6 - (best.evidence ?? 0.6));
  const alike = best.identity >= minIdentity || (best.identity >= rule.minIdentityInPlace && best.context >= rule.minContext);
  return alike && best.confidence >= rule.minConfidence && margin >= rule.minMargin ? best : null;
}
