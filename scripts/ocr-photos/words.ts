// Vietnamese amounts in words, as printed on invoices and payment orders ("Số tiền viết bằng chữ"): written for the
// photo benchmark independently of core/read-document/checks.ts, which make-ocr-photos only uses to check it agrees.

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SCALES = ['', ' nghìn', ' triệu', ' tỷ'];

/** One group of three digits; `full`: a group after a larger one, read with its hundreds ("không trăm linh năm"). */
function group(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const out: string[] = [];
  if (full || h > 0) out.push(`${DIGITS[h]} trăm`);
  if (t === 0) {
    if (u > 0) out.push(full || h > 0 ? `linh ${DIGITS[u]}` : DIGITS[u]!);
  } else if (t === 1) {
    out.push(u === 0 ? 'mười' : u === 5 ? 'mười lăm' : `mười ${DIGITS[u]}`);
  } else {
    const unit = u === 0 ? '' : u === 1 ? ' mốt' : u === 4 ? ' tư' : u === 5 ? ' lăm' : ` ${DIGITS[u]}`;
    out.push(`${DIGITS[t]} mươi${unit}`);
  }
  return out.join(' ');
}

/** "1205000" → "Một triệu hai trăm linh năm nghìn đồng" (amounts below 10¹²). */
export function amountInWords(amount: number): string {
  if (amount === 0) return 'Không đồng';
  const groups: number[] = [];
  for (let n = amount; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000);
  const parts: string[] = [];
  for (let k = groups.length - 1; k >= 0; k--) {
    const g = groups[k]!;
    if (g === 0) continue;
    parts.push(group(g, k < groups.length - 1) + SCALES[k]);
  }
  const text = `${parts.join(' ')} đồng`;
  return text[0]!.toUpperCase() + text.slice(1);
}

/** 1234567 → "1.234.567" */
export const dotted = (n: number | string): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
