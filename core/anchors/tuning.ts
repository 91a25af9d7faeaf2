// The shapes the fitted numbers fill (fitted.ts, written by scripts/fit-anchor-weights.ts): the properties
// compared and their weights (used by score.ts), and the decision thresholds (used by decide.ts). A leaf
// module, so the fitted data never imports the code that reads it.

/** Properties that say what the control is. */
export const IDENTITY_PROPS = ['name', 'text', 'label', 'placeholder', 'title', 'attrName', 'href', 'type'] as const;
/** Properties that say where it is. */
export const CONTEXT_PROPS = ['tag', 'role', 'heading', 'near', 'path', 'index', 'location', 'size', 'form'] as const;
/**
 * Evidence only when present: a redesign renames ids and classes and moves elements in the tree, so their
 * absence says nothing, while a surviving id, class, attribute or XPath is strong.
 */
export const BONUS_PROPS = ['id', 'classes', 'attrs', 'xpath'] as const;
export const PROPS = [...IDENTITY_PROPS, ...CONTEXT_PROPS, ...BONUS_PROPS] as const;
export type Prop = (typeof PROPS)[number];
export type Weights = Record<Prop, number>;

/** The decision thresholds. */
export interface Rule {
  /** Below this score the best candidate is not trusted. */
  minConfidence: number;
  /** …nor when it leads the runner-up by less than this… */
  minMargin: number;
  /** …nor when its words and attributes are less alike than this… */
  minIdentity: number;
  /** …unless it sits where the control sat (context at least `minContext`) and is at least this alike. */
  minIdentityInPlace: number;
  minContext: number;
  /** A candidate this alike in words (a label kept letter for letter) needs only `strongMargin` of lead. */
  strongIdentity: number;
  strongMargin: number;
  /** Without any identifying feature (a layout block), only a match this strong is trusted. */
  contextOnly: number;
  /**
   * The less an anchor says (a property record has no label, heading or neighbours), the more alike its
   * words must be: minIdentity rises by this much per unit of evidence below 0.6.
   */
  evidenceSlope: number;
  /** An anchor without a box (v1) tells look-alikes apart by order only: it needs this lead over a twin. */
  twinMargin: number;
}
