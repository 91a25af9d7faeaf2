// The anchor: a JSON description of a control, rich enough to find it again after a redesign; and the
// shapes the resolver works with. No DOM code here.

/** What kind of control an element is; only elements of a compatible kind are compared. */
export type AnchorKind = 'action' | 'field' | 'toggle' | 'select' | 'other';

/**
 * What can be compared between an old control and a candidate on a changed page: the properties a
 * redesign tends to keep (texts, stable attributes, place in the page). Built from a live element
 * (features.ts) or from a property record of the Similo study (records.ts). Every text ≤ 120 characters.
 */
export interface Props {
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
  /** Host and path of a link's href, without query or fragment. */
  href?: string;
  /** The nearest heading, legend or labelled section around the element. */
  heading?: string;
  /** Tag names from the top of the document (or shadow root) to the element, joined by ">". */
  path: string;
  /** Absolute XPath with positions (`/html/body/div[2]/a[1]`), inside its document or shadow root. */
  xpath?: string;
  /** id and class names that look hand-written (hash-like or numeric ones are left out). */
  id?: string;
  classes?: string[];
  /** Stable attributes other than the above, as `key=value` (autocomplete, inputmode, maxlength, aria-*, data-*). */
  attrs?: string[];
  /** The form it belongs to, as the names (else types) of that form's fields, sorted: `ma|q`; '' for a form without fields. */
  form?: string;
  /** The nearest texts around the element (before and after it in reading order), each ≤ 80 characters. */
  near?: string[];
  /** Box on the page in CSS px, rounded: x, y, width, height, and the page's width then. */
  box?: [number, number, number, number, number];
}

/** A JSON-serialisable description of one control, stored in packs. v1 anchors (no near/box/attrs/xpath) stay valid. */
export interface Anchor extends Props {
  v: 1 | 2;
  /** Position among elements of the same kind, in document order, and how many there were. */
  index: number;
  count: number;
  /** How many other controls on the captured page had the same name, and this one's place among them all. */
  twins?: number;
  twinIndex?: number;
  /** The only control of its kind (and, for an input, its type) on the captured page that was rendered. */
  unique?: boolean;
  /**
   * How like this control the most similar other control on the captured page was (score, 0–1): a
   * candidate no more like it than that rival was is not trusted.
   */
  rival?: number;
}

export interface ResolvedAnchor {
  element: Element;
  /** In [0, 1]: how much of the anchor's description the element matches. */
  confidence: number;
}

/** One candidate measured against an anchor. */
export interface Scored<T = Element> {
  element: T;
  /** Final score in [0, 1]. */
  confidence: number;
  /** Similarity of what the control is (its words and stable attributes), in [0, 1]; 0 when the anchor has none. */
  identity: number;
  /** Similarity of where it sits (heading, neighbours, path, position, box), in [0, 1]. */
  context: number;
  /** Folded name shared by look-alikes ("action|dang nhap"), or ''. */
  twinKey: string;
  /** The candidate's name is the anchor's name, letter for letter after folding. */
  exact: boolean;
  /** The candidate is an input of the anchor's own distinctive type (file, date, password, checkbox…). */
  typed?: boolean;
  /** How much the anchor says (the share of all property weight it has a value for): a record says less than a DOM anchor. */
  evidence?: number;
  /** The candidate's place among the page's elements of its kind (DOM candidates). */
  pos?: { index: number; count: number };
}

/** Anchors and candidates keep texts to this length. */
export const MAX_TEXT = 120;
/** Neighbour texts are kept to this length. */
export const MAX_NEAR = 80;
