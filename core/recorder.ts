// Recording a walkthrough by doing it (issue 7): what one action of the author on a page becomes as a pack
// step — its anchor (core/capture.ts: never a resident's data), the page pattern (origin + path, query and
// fragment dropped, ids in paths generalised), an advance rule that fits the action, a suggested hint from
// the control's label, and the privacy mark of password / OTP / PIN fields. Typed values are never read:
// a field step is recorded when the author focuses the field, before anything is typed; an editable region
// (contenteditable) is a field whose text is never read. The recorder, the picker and re-capture all make
// steps here, so every text they keep has passed the one privacy gate (core/capture.ts isData).
// Framework-free (DOM types only): used by the content script and tested in happy-dom.

import { editingHost, labelText } from './anchors/controls';
import { captureAnchor, describeAnchor, isData, type Anchor } from './capture';
import type { LocalText, Step } from './pack';
import { pageKey } from './url-pattern';

/** What the author did: pressed a control, chose in a list (select, radio, checkbox), or entered a field. */
export type RecordedAction = 'click' | 'choose' | 'field';

/** A path segment that is an identifier (a number, a hash, a uuid, a code with digits), not a word. */
function isIdSegment(segment: string): boolean {
  const s = decodeURIComponent(segment).replace(/\.(html?|aspx?|php|jsp)$/i, '');
  if (/^\d+$/.test(s)) return s.length >= 2;
  if (/^[0-9a-f]{8,}$/i.test(s) && /\d/.test(s)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) return true;
  // Codes such as G22.99-251124-0001 or HS-2025-001234: several digits among letters and separators.
  return (s.match(/\d/g)?.length ?? 0) >= 4 && /^[A-Za-z0-9._-]+$/.test(s) && !/^[a-z]+(-[a-z]+)*$/.test(s);
}

/**
 * The page pattern of a URL: origin + path; query and fragment dropped; path segments that are identifiers
 * become `*`, so the step matches the page of any dossier, bill or account. Null for a non-http(s) URL.
 */
export function pagePattern(url: string): string | null {
  const key = pageKey(url);
  if (!key) return null;
  const u = new URL(key);
  const path = u.pathname
    .split('/')
    .map((seg) => (seg && isIdSegment(seg) ? '*' : seg))
    .join('/');
  return `${u.origin}${path || '/'}`;
}

/** password, OTP or PIN: a step where the volunteer must look away. Judged from the field, never its value. */
export function privateKindOf(el: Element): Step['private'] {
  const tag = el.tagName.toLowerCase();
  if (tag !== 'input') return undefined;
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  const autocomplete = (el.getAttribute('autocomplete') ?? '').toLowerCase();
  const words = [el.getAttribute('name'), el.getAttribute('id'), el.getAttribute('aria-label'), el.getAttribute('placeholder'), labelText(el)]
    .filter(Boolean)
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();
  if (autocomplete.includes('one-time-code') || /\botp\b|ma xac (thuc|nhan)|one[- ]time/.test(words)) return 'otp';
  if (/\bpin\b|ma pin/.test(words)) return 'pin';
  if (type === 'password' || autocomplete.includes('password') || /mat khau|password/.test(words)) return 'password';
  return undefined;
}

/** The action a control calls for, from its kind. */
export function actionOf(el: Element): RecordedAction {
  const tag = el.tagName.toLowerCase();
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  if (tag === 'select' || (tag === 'input' && (type === 'radio' || type === 'checkbox'))) return 'choose';
  if (tag === 'textarea' || (tag === 'input' && !['button', 'submit', 'reset', 'image', 'file'].includes(type))) return 'field';
  if (editingHost(el)) return 'field';
  return 'click';
}

const clip = (s: string, n = 80): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A suggested hint: "Bấm nút «Nộp hồ sơ»", "Nhập «Số điện thoại»", "Chọn «Tỉnh/Thành phố»". */
export function suggestHint(anchor: Anchor, action: RecordedAction, privateKind?: Step['private']): LocalText {
  // A button is named by its own words; a field by its label (for a button, the text before it is a neighbour's).
  const own = action === 'click' ? (anchor.name ?? anchor.text ?? anchor.title) : describeAnchor(anchor).label;
  // The anchor's texts have passed the gate already; an anchor from elsewhere (an old pack) passes it here.
  const label = own && !isData(own) ? clip(own.replace(/\s+/g, ' ').trim()) : '';
  const q = (s: string, open: string, close: string): string => (s ? ` ${open}${s}${close}` : '');
  if (action === 'field') {
    if (privateKind) {
      // Resident-facing (locales/STYLE.md): no person, and never a word to the volunteer (the console says that).
      const what = { password: ['mật khẩu', 'your password'], otp: ['mã OTP trong tin nhắn', 'the OTP code from the text message'], pin: ['mã PIN', 'your PIN'] }[privateKind];
      return { vi: `Tự nhập ${what[0]}${q(label, '(ô «', '»)')}, không đọc to.`, en: `Type ${what[1]} yourself${q(label, '(field “', '”)')}; do not say it aloud.` };
    }
    return { vi: `Nhập${q(label, '«', '»')}.`.replace('Nhập.', 'Nhập vào ô này.'), en: `Fill in${q(label, '“', '”')}.`.replace('Fill in.', 'Fill in this field.') };
  }
  if (action === 'choose') return { vi: `Chọn${q(label, '«', '»')}.`.replace('Chọn.', 'Chọn ở đây.'), en: `Choose${q(label, '“', '”')}.`.replace('Choose.', 'Choose here.') };
  const link = anchor.tag === 'a' || anchor.role === 'link';
  return {
    vi: label ? `Bấm ${link ? 'vào' : 'nút'} «${label}».` : 'Bấm vào chỗ được khoanh.',
    en: label ? `Press ${link ? 'the link' : 'the button'} “${label}”.` : 'Press the outlined control.',
  };
}

/** Step ids: "buoc-1", "buoc-2"… the first free one. */
export function nextStepId(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`buoc-${n}`)) return `buoc-${n}`;
}

/**
 * The step for an action of the author on `el` in a page at `url`. Never reads the element's value.
 * Null when the page is not http(s).
 */
export function recordStep(target: Element, url: string, takenIds: Iterable<string> = []): Step | null {
  const page = pagePattern(url);
  if (!page) return null;
  // Inside an editable region (a link in a rich-text note), the step is the region itself: its parts are typed.
  const el = editingHost(target) ?? target;
  const action = actionOf(el);
  const anchor = captureAnchor(el);
  const privateKind = action === 'field' ? privateKindOf(el) : undefined;
  const step: Step = {
    id: nextStepId(takenIds),
    page,
    anchor,
    text: suggestHint(anchor, action, privateKind),
    advance: action === 'click' ? { kind: 'click' } : { kind: 'input' },
  };
  if (privateKind) step.private = privateKind;
  return step;
}

/**
 * Whether a new step only repeats the last one (a second click on the same button, focusing a field again
 * after a click into it): the recorder keeps the first.
 */
export function repeatsLast(steps: readonly Step[], next: Step): boolean {
  const last = steps.at(-1);
  if (!last || last.page !== next.page || !last.anchor || !next.anchor) return false;
  const a = last.anchor;
  const b = next.anchor;
  return a.path === b.path && a.index === b.index && a.kind === b.kind && (a.name ?? a.label ?? a.text) === (b.name ?? b.label ?? b.text);
}
