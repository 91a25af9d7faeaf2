// Checks a value must pass before the OCR helper offers it as exact (issue 18): a value that fails one is shown
// as "cần kiểm tra" — never as a number to copy. Each check says why it failed, in a code the UI translates.
// Framework-free.
import { EVN_REGIONS, MOBILE, PROVINCES } from '../fields';
import { foldText } from '../text';
import { wordsConfirm } from './amount-words';

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

/** The digits of an amount are confirmed by the words line beside it, when one was read (amount-words.ts). */
export function checkAmount(digits: string, wordsLine?: string): CheckResult {
  if (!/^\d{1,15}$/.test(digits)) return fail('shape');
  if (wordsLine === undefined) return OK;
  return wordsConfirm(digits, wordsLine) ? OK : fail('words-differ');
}
