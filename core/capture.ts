// Capturing anchors for packs (the capture script, the recorder, the picker, re-capture): core/anchors.ts
// with one privacy gate, `isData`, that every text a pack keeps passes — the anchor's own words, label,
// heading, neighbours, attributes, and the hint made from them (core/recorder.ts). A text the gate refuses
// is dropped, never masked: a masked text is useless for matching and still says something. Refused:
//   1. anything core/privacy.ts would redact, a greeting to the signed-in person ("Xin chào, …"), a masked
//      number, a code-like value (dossier codes, long digit runs), a part that is only a person's name;
//   2. in an account or profile area (user menus, greetings, avatars), also any name word or digit;
//   3. the content of editable regions (contenteditable, script-drawn text boxes) and of form fields is
//      never read in the first place (core/anchors/controls.ts visibleText, features.ts).
// Kept apart so the guide and the widget do not bundle the redaction rules.
import { captureAnchor as captureWith, isCodeLike, type Anchor } from './anchors/index';
import { isPersonalText } from './privacy';

export * from './anchors/index';

/** Words in an id, class or aria-label that mark an account or profile area. */
const PROFILE_WORDS = /(?:^|[^a-z])(?:user|account|acct|profile|avatar|member|greeting|welcome|hello|tai[-_]?khoan|nguoi[-_]?dung|xin[-_]?chao|ca[-_]?nhan)/i;
const PROFILE_LABEL = /tài khoản của|người dùng|hồ sơ cá nhân|thông tin cá nhân|xin chào|account|profile|user/i;
/** Form fields are named by the page ("username" is the login field, not a profile); their texts are judged as any. */
const NOT_AREAS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'LABEL', 'HTML', 'BODY', 'MAIN', 'FORM']);

/**
 * True when `el` is in an account or profile area: itself or one of its five nearest ancestors is
 * marked by its id, classes or aria-label as a user menu, profile, avatar or greeting.
 */
export function inProfileArea(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 6; depth++, node = node.parentElement) {
    if (NOT_AREAS.has(node.tagName)) continue;
    const marks = `${node.getAttribute('id') ?? ''} ${node.getAttribute('class') ?? ''}`;
    if (PROFILE_WORDS.test(marks)) return true;
    const label = node.getAttribute('aria-label');
    if (label && PROFILE_LABEL.test(label)) return true;
  }
  return false;
}

/**
 * The privacy gate: true when `text` is data, not the page's own words, and must not be kept. `from` is
 * the element the text was read from, when known (an account menu makes its texts stricter).
 */
export function isData(text: string, from?: Element): boolean {
  return isCodeLike(text) || isPersonalText(text, from ? inProfileArea(from) : false);
}

/** captureAnchor for pack authoring: never keeps a resident's data. */
export function captureAnchor(el: Element): Anchor {
  return captureWith(el, { isData: (t) => isData(t), keep: (t, from) => !isData(t, from) });
}

/** The anchor's texts a pack keeps, by field. */
const ANCHOR_TEXTS = ['name', 'text', 'label', 'placeholder', 'title', 'heading'] as const;

/**
 * The paths of a step's texts that the gate refuses (the hint, the anchor's words and neighbours): the
 * background's second look at a step a content script recorded, so a step carrying a resident's data is
 * refused even if it got past the page's gate.
 */
export function dataIn(step: { text: Record<string, string | undefined>; anchor?: Partial<Anchor> }): string[] {
  const out: string[] = [];
  const judge = (path: string, value: unknown): void => {
    if (typeof value === 'string' && value && isData(value)) out.push(path);
  };
  for (const [lang, value] of Object.entries(step.text)) judge(`/text/${lang}`, value);
  const a = step.anchor;
  if (a) {
    for (const k of ANCHOR_TEXTS) judge(`/anchor/${k}`, a[k]);
    a.near?.forEach((n, i) => judge(`/anchor/near/${i}`, n));
  }
  return out;
}
