// Capturing anchors for packs (the capture script, the recorder): core/anchors.ts with the personal-data
// rules of core/privacy.ts, so a value shown under a caption that names or numbers a resident is kept by
// its caption only. Kept apart so the guide and the widget do not bundle the redaction rules.
import { captureAnchor as captureWith, isCodeLike, type Anchor } from './anchors/index';
import { isClean } from './privacy';

export * from './anchors/index';

/** A masked identifier a page shows back to its owner ("*******789", "•••• 1234"): still a piece of it. */
const MASKED = /[*•xX]{3,}\s?\d{2,}/;

/** Data, not the page's words: a code, a masked number, or anything core/privacy.ts would redact. */
export function isData(text: string): boolean {
  return isCodeLike(text) || MASKED.test(text) || !isClean(text);
}

/** captureAnchor for pack authoring: never keeps a resident's data. */
export function captureAnchor(el: Element): Anchor {
  return captureWith(el, { isData });
}
