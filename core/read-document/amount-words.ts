// An amount's digits against the words line beside it ("Số tiền viết bằng chữ: …"), when the words were read with
// OCR errors (issue 18). The words are never parsed into a number and trusted: the digits are spelled out in
// Vietnamese and compared with what was read, letter by letter, and so is every amount one digit away from them
// (one digit changed, dropped or added: the OCR errors that send money to the wrong amount). The words confirm the
// digits only when they match them closely and match every neighbour worse: a words line too garbled to tell
// 7 823 000 from 7 828 000 confirms neither. Framework-free.
import { foldText } from '../text';

const DIGITS = ['khong', 'mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin'] as const;
const SCALES = ['', 'nghin', 'trieu', 'ty'] as const;

/** How a word may be written, folded to the one form spellings use ("lăm" is "năm", "ngàn" is "nghìn" …). */
const SAME_WORD: Record<string, string> = { lam: 'nam', le: 'linh', ngan: 'nghin', tu: 'bon', ti: 'ty' };
/** Words of the line that say nothing about the number. */
const NOT_NUMBER = new Set(['dong', 'chan', 'vnd', 'vn', 'so', 'tien', 'viet', 'bang', 'chu', 'amount', 'in', 'words', 'va']);

/** One group of three digits in words; `inner`: a group after a larger one, which says its zero hundreds. */
function group(n: number, inner: boolean, sayZeroHundreds: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (h > 0) out.push(DIGITS[h]!, 'tram');
  else if (inner && sayZeroHundreds) out.push('khong', 'tram');
  if (t === 0) {
    if (u > 0) {
      if (out.length) out.push('linh');
      out.push(DIGITS[u]!);
    }
  } else {
    if (t === 1) out.push('muoi');
    else out.push(DIGITS[t]!, 'muoi');
    if (u === 1 && t > 1) out.push('mot');
    else if (u > 0) out.push(DIGITS[u]!);
  }
  return out;
}

/**
 * The ways an amount is spelled, folded (no marks), in the forms `wordsOf` folds a read line to: with and without
 * "không trăm" for a zero hundreds inside the number ("một triệu không trăm năm mươi nghìn" / "một triệu năm mươi
 * nghìn"). Up to 999 999 999 999.
 */
export function spellAmount(amount: number): string[] {
  if (!Number.isInteger(amount) || amount < 0 || amount >= 1e12) return [];
  if (amount === 0) return ['khong'];
  const forms: string[] = [];
  for (const sayZeroHundreds of [true, false]) {
    const groups: number[] = [];
    for (let n = amount; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000);
    const words: string[] = [];
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i]!;
      if (g === 0) continue;
      words.push(...group(g, i < groups.length - 1, sayZeroHundreds));
      if (SCALES[i]) words.push(SCALES[i]!);
    }
    forms.push(words.join(' '));
  }
  return [...new Set(forms)];
}

/**
 * A read words line, folded to the forms spellAmount writes: letters only, the words that are no number left out,
 * and what follows "đồng" (the amount ends there; the rest is another column, or noise).
 */
export function wordsOf(line: string): string {
  const words = foldText(line)
    .replace(/[^a-z\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const end = words.indexOf('dong');
  return (end > 0 ? words.slice(0, end) : words)
    .filter((w) => !NOT_NUMBER.has(w))
    .map((w) => SAME_WORD[w] ?? w)
    .join(' ');
}

function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** How far the read words are from an amount's spelling (its closest form), in letters. */
export function wordsDistance(words: string, amount: number): number {
  const forms = spellAmount(amount);
  return forms.length ? Math.min(...forms.map((f) => distance(words, f))) : Infinity;
}

/** Every amount one digit away: a digit changed, dropped or added. */
export function neighbours(digits: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= digits.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (i < digits.length) out.add(digits.slice(0, i) + d + digits.slice(i + 1));
      out.add(digits.slice(0, i) + d + digits.slice(i));
    }
    if (i < digits.length) out.add(digits.slice(0, i) + digits.slice(i + 1));
  }
  out.delete(digits);
  return [...out].filter((n) => n.length > 0 && !/^0\d/.test(n));
}

/** Letters of difference allowed between the read words and the spelling: a fifth of it, at least 3. */
const allowed = (spelling: number): number => Math.max(3, Math.round(spelling * 0.2));

/**
 * Whether a words line confirms an amount's digits: the read words are within a fifth of the spelling (in
 * letters) and further from the spelling of every amount one digit away.
 */
export function wordsConfirm(digits: string, line: string): boolean {
  const key = `${digits}\u0000${line}`;
  const known = confirmed.get(key);
  if (known !== undefined) return known;
  // A reading asks the same question up to three times per amount (the check, the unsure-digit rule, the second
  // look's skip), each comparing about 180 neighbours' spellings: the answer is kept for the last few questions.
  if (confirmed.size >= 256) confirmed.clear();
  const answer = confirmUncached(digits, line);
  confirmed.set(key, answer);
  return answer;
}

const confirmed = new Map<string, boolean>();

function confirmUncached(digits: string, line: string): boolean {
  if (!/^\d{1,12}$/.test(digits)) return false;
  const words = wordsOf(line);
  if (!words) return false;
  const own = wordsDistance(words, Number(digits));
  const length = Math.min(...spellAmount(Number(digits)).map((f) => f.length));
  if (own > allowed(length)) return false;
  return neighbours(digits).every((n) => wordsDistance(words, Number(n)) > own);
}

/** Whether a words line could describe this amount at all (its spelling within twice the allowance). */
export function wordsNear(digits: string, line: string): boolean {
  if (!/^\d{1,12}$/.test(digits)) return false;
  const words = wordsOf(line);
  const forms = spellAmount(Number(digits));
  return words.length > 0 && forms.length > 0 && wordsDistance(words, Number(digits)) <= 2 * allowed(Math.min(...forms.map((f) => f.length)));
}
