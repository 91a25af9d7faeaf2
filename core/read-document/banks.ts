// How long a bank's account numbers are, for the check of an account number read from a paper (issue 18, item
// 4): one table, the only place this data lives. A bank is known from a VietQR's BIN or from its name on the
// paper's beneficiary-bank line ("Ngân hàng nhận", "Ngân hàng thụ hưởng", "Tại ngân hàng"); an unknown bank, or a
// bank whose customers choose their own numbers, gets no length check.
//
// Source: the BINs are NAPAS's (the VietQR bank list, api.vietqr.io/v2/banks, field `bin`). Lengths: the
// account formats the banks publish for their customers — Agribank: 13 digits for every account; Vietcombank:
// 13 digits, and 9–13 for the numbers customers choose ("tài khoản số chọn", phone-number accounts). Banks that
// let customers pick numbers of any length (Techcombank, MB, VPBank, TPBank, BIDV, VietinBank …) are listed
// without lengths on purpose. Add a length only from the bank's own published format; when unsure, leave it out:
// a wrong length would hide a right number.
// Framework-free.

export interface Bank {
  /** NAPAS BIN (VietQR's bank id). */
  bin: string;
  /** Short name, as on apps and slips. */
  name: string;
  /** Folded (no marks, lower case) names that identify the bank on paper. */
  names: readonly string[];
  /** Every length its account numbers can have; absent: not known for sure, so not checked. */
  lengths?: readonly number[];
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const BANKS: readonly Bank[] = [
  { bin: '970405', name: 'Agribank', names: ['agribank', 'nong nghiep va phat trien nong thon'], lengths: [13] },
  { bin: '970436', name: 'Vietcombank', names: ['vietcombank', 'ngoai thuong viet nam', 'ngoai thuong'], lengths: range(9, 13) },
  { bin: '970415', name: 'VietinBank', names: ['vietinbank', 'cong thuong viet nam'] },
  { bin: '970418', name: 'BIDV', names: ['bidv', 'dau tu va phat trien viet nam'] },
  { bin: '970407', name: 'Techcombank', names: ['techcombank', 'ky thuong viet nam'] },
  { bin: '970422', name: 'MB', names: ['mbbank', 'mb bank', 'quan doi'] },
];

export function bankByBin(bin: string | undefined): Bank | undefined {
  return bin ? BANKS.find((b) => b.bin === bin) : undefined;
}

/** Lower case, no marks, đ → d, single spaces (colons kept: they end labels). */
function fold(line: string): string {
  return line
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** A line naming the bank the money goes to (not the bank that printed the slip, in its header). */
const BENEFICIARY = /(?:ngan hang|\bnh)\s*(?:nhan|thu huong|huong|cua nguoi nhan|nguoi nhan)|tai ngan hang|^\s*ngan hang\s*:/;

/**
 * The bank the OCR text names on its beneficiary-bank line, or on the account number's own line (`accountLine`);
 * undefined when none, or when two lines name different banks.
 */
export function beneficiaryBank(text: string, accountLine?: string): Bank | undefined {
  const found = new Set<Bank>();
  const named = (line: string): Bank | undefined => BANKS.find((b) => b.names.some((n) => line.includes(n)));
  for (const raw of text.split('\n')) {
    const line = fold(raw);
    const m = BENEFICIARY.exec(line);
    if (!m) continue;
    const bank = named(line.slice(m.index + m[0].length));
    if (bank) found.add(bank);
  }
  if (accountLine) {
    const bank = named(fold(accountLine));
    if (bank) found.add(bank);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
