// Capturing anchors for packs (the capture script, the recorder): core/anchors.ts with the personal-data
// rules of core/privacy.ts, so a value shown under a caption that names or numbers a resident is kept by
// its caption only. Kept apart so the guide and the widget do not bundle the redaction rules.
import { captureAnchor as captureWith, isCodeLike, type Anchor } from './anchors/index';
import { isClean } from './privacy';

export * from './anchors/index';

/** Data, not the page's words: a code, or anything core/privacy.ts would redact. */
export function isData(text: string): boolean {
  return isCodeLike(text) || !isClean(text);
}

/** captureAnchor for pack authoring: never keeps a resident's data. */
export function captureAnchor(el: Element): Anchor {
  return captureWith(el, { isData });
}
