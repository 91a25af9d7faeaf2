// Checks a value must pass before the OCR helper offers it as exact (issue 18): a value that fails one is shown
// as "cần kiểm tra" — never as a number to copy. Each check says why it failed, in a code the UI translates.
// Framework-free.
import { EVN_REGIONS, MOBILE, PROVINCES } from '../fields';
import { foldText } from '../text';

export type CheckResult = { ok: true } | { ok: false; why: CheckFailure };
export type CheckFailure =
  | 'shape'
  | 'province'
  | 'century'
  | 'birth-year'
  | 'sex'
  | 'mobile-prefix'
  | 'evn-region'
  | 'words-differ'
  /** Another value of a kind a QR code on the same paper gave. */
  | 'differs-from-qr'
  /** A bank account number of a length the bank does not use (core/read-document/banks.ts). */
  | 'bank-account-length'
  /** The OCR engine was unsure of some of its characters (core/read-document/locate.ts). */
  | 'unsure-digits'
  /** A second reading of the value's line, at another size, did not give the same characters (index.ts secondLook). */
  | 'readings-differ';

const OK: CheckResult = { ok: true };
const fail = (why: CheckFailure): CheckResult => ({ ok: false, why });

/** What the card itself says, when it was read too (from its QR or its printed lines). */
export interface CardFacts {
  /** yyyy-mm-dd */
  birthDate?: string;
  /** As printed: "Nam" / "Nữ" (any case, with or without marks). */
  sex?: string;
}

/**
 * A căn cước number: 12 digits; a province code that exists; then the century-and-sex digit (even: male, odd:
 * female; 0/1 born 1900–1999, 2/3 2000–2099, 4/5 2100–2199 …) and the last two digits of the birth year, both
 * checked against the printed date of birth and sex when they were read.
 */
export function checkCccd(id: string, facts: CardFacts = {}): CheckResult {
  if (!/^\d{12}$/.test(id)) return fail('shape');
  if (!PROVINCES.has(id.slice(0, 3))) return fail('province');
  const code = Number(id[3]);
  const year = facts.birthDate ? Number(facts.birthDate.slice(0, 4)) : NaN;
  if (Number.isFinite(year)) {
    const century = Math.floor(year / 100) - 19;
    if (century < 0 || century > 4 || Math.floor(code / 2) !== century) return fail('century');
    if (id.slice(4, 6) !== String(year % 100).padStart(2, '0')) return fail('birth-year');
  } else if (code > 3) {
    // Nobody alive now was born after 2099.
    return fail('century');
  }
  const sex = facts.sex ? foldText(facts.sex).trim() : '';
  if (sex === 'nam' && code % 2 !== 0) return fail('sex');
  if (sex === 'nu' && code % 2 !== 1) return fail('sex');
  return OK;
}

/**
 * A bank account number: digits only, and, when the bank is known and its lengths are (banks.ts), one of them.
 * An unknown bank or length: no length check.
 */
export function checkBankAccount(account: string, lengths?: readonly number[]): CheckResult {
  if (!/^\d{6,19}$/.test(account)) return fail('shape');
  return !lengths || lengths.includes(account.length) ? OK : fail('bank-account-length');
}

/** A Vietnamese mobile number: 10 digits with a prefix in use (0xxxxxxxxx form). */
export function checkPhone(phone: string): CheckResult {
  if (!/^0\d{9}$/.test(phone)) return fail('shape');
  return MOBILE.test(phone) ? OK : fail('mobile-prefix');
}

/** An EVN customer code: P, the power corporation's letter, 11 digits. */
export function checkEvnCode(code: string): CheckResult {
  const m = /^P([A-Z])(\d{11})$/.exec(code.toUpperCase());
  if (!m) return fail('shape');
  return EVN_REGIONS.has(m[1]!.toLowerCase()) ? OK : fail('evn-region');
}

const DIGIT_WORDS: Record<string, number> = {
  khong: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};
const SCALES: Record<string, number> = { nghin: 1e3, ngan: 1e3, trieu: 1e6, ty: 1e9, ti: 1e9 };
const IGNORED = new Set(['dong', 'chan', 'vnd', 'vn', 'so', 'tien', 'viet', 'bang', 'chu', 'le', 'linh', 'va']);

/**
 * The amount a "Số tiền viết bằng chữ" line spells ("Một triệu hai trăm linh năm nghìn đồng" → 1205000), or null
 * when the words are not all number words (an OCR error, a line that is something else).
 */
export function amountFromWords(line: string): number | null {
  // Folded: "một" and "mốt" are both "mot", "mười" and "mươi" both "muoi", "lẻ" is "le".
  const words = foldText(line)
    .replace(/[^a-z\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  let total = 0;
  let lastScale = Infinity;
  let group = 0;
  let digit: number | null = null;
  let any = false;
  for (const w of words) {
    if (IGNORED.has(w)) continue;
    if (w in DIGIT_WORDS) {
      if (digit !== null) return null;
      digit = DIGIT_WORDS[w]!;
      any = true;
    } else if (w === 'muoi') {
      // "mười" (ten, alone or first) and "mươi" (tens, after a digit) fold alike.
      group += (digit ?? 1) * 10;
      digit = null;
      any = true;
    } else if (w === 'tram') {
      if (digit === null) return null;
      group += digit * 100;
      digit = null;
    } else if (w in SCALES) {
      const scale = SCALES[w]!;
      const part = group + (digit ?? 0);
      if (part === 0 && total === 0) return null;
      // "một nghìn tỷ": a larger scale after a smaller one multiplies everything before it.
      total = scale > lastScale ? (total + part) * scale : total + part * scale;
      lastScale = scale;
      group = 0;
      digit = null;
    } else return null;
  }
  if (!any) return null;
  return total + group + (digit ?? 0);
}

/** The digits of an amount agree with the words line beside it (when one was read). */
export function checkAmount(digits: string, wordsLine?: string): CheckResult {
  if (!/^\d{1,15}$/.test(digits)) return fail('shape');
  if (wordsLine === undefined) return OK;
  const spelled = amountFromWords(wordsLine);
  return spelled !== null && spelled === Number(digits) ? OK : fail('words-differ');
}
