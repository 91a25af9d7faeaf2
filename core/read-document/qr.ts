// What the codes printed on residents' papers say, once a QR decoder has read their text (issue 18): the căn
// cước's QR and EMVCo merchant-presented payment codes (VietQR on bills and transfer slips). A value read from a
// QR is exact — the code carries it, and an EMVCo payload carries a checksum — so it wins over OCR of the same
// field. Parsing only; no decoding of images here. Framework-free.
//
// Personal data: a card's name, date of birth, sex and address are returned for the volunteer to see, and must
// never be copied into any store or log (only the number fields may be offered for copying, like OCR's).

/** The căn cước's QR: `số định danh|số CMND cũ|họ tên|ngày sinh|giới tính|nơi thường trú|ngày cấp` (ddmmyyyy). */
export interface CardQr {
  /** Số định danh cá nhân (12 digits). */
  id: string;
  /** The old 9-digit CMND number, when the card names one. */
  oldId?: string;
  /** Shown to the volunteer only, never stored. */
  name: string;
  /** yyyy-mm-dd. Shown only. */
  birthDate: string;
  /** As printed ("Nam", "Nữ"). Shown only. */
  sex: string;
  /** Shown only. */
  address: string;
  /** yyyy-mm-dd. */
  issueDate?: string;
}

/** ddmmyyyy → yyyy-mm-dd, when it is a real calendar date; null otherwise. */
export function cardDate(raw: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(raw.trim());
  if (!m) return null;
  const [, dd, mm, yyyy] = m;
  const d = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (d.getUTCFullYear() !== Number(yyyy) || d.getUTCMonth() !== Number(mm) - 1 || d.getUTCDate() !== Number(dd)) return null;
  return `${yyyy}-${mm}-${dd}`;
}

/**
 * The fields of a căn cước QR, or null when the text is not one: seven or more `|`-separated fields (newer cards
 * add fields after the seventh, which are ignored), a 12-digit number, an old number of 9 or 12 digits or none,
 * a name, real dates.
 */
export function parseCardQr(text: string): CardQr | null {
  const parts = text.trim().split('|').map((p) => p.trim());
  if (parts.length < 7) return null;
  const [id = '', oldId = '', name = '', birth = '', sex = '', address = '', issued = ''] = parts;
  if (!/^\d{12}$/.test(id) || (oldId && !/^\d{9}$|^\d{12}$/.test(oldId)) || !name) return null;
  const birthDate = cardDate(birth);
  if (!birthDate) return null;
  const issueDate = issued ? cardDate(issued) : null;
  if (issued && !issueDate) return null;
  return { id, ...(oldId ? { oldId } : {}), name, birthDate, sex, address, ...(issueDate ? { issueDate } : {}) };
}

/** One EMVCo data object: its two-digit id and its value. */
export interface Tlv {
  id: string;
  value: string;
}

/**
 * EMVCo's ID–length–value list: two digits of id, two of length, then the value; null when the text does not
 * split into such objects exactly. Lengths count characters (UTF-16 code units, as payloads are ASCII in practice).
 */
export function parseTlv(text: string): Tlv[] | null {
  const out: Tlv[] = [];
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const len = text.slice(i + 2, i + 4);
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(len)) return null;
    const n = Number(len);
    const value = text.slice(i + 4, i + 4 + n);
    if (value.length !== n) return null;
    out.push({ id, value });
    i += 4 + n;
  }
  return out;
}

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), as EMVCo's tag 63 carries it: 4 upper-case hex digits. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= (text.charCodeAt(i) & 0xff) << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** NAPAS's application id in a VietQR's merchant account information (tag 38). */
export const VIETQR_GUID = 'A000000727';

/** A VietQR payment code: who is paid and, when the code names it, how much. */
export interface PaymentQr {
  /** The bank's 6-digit BIN (NAPAS), e.g. 970436. */
  bin: string;
  /** The beneficiary's account (or card) number. */
  account: string;
  /** 'account' (QRIBFTTA) or 'card' (QRIBFTTC). */
  to: 'account' | 'card';
  /** In đồng, digits only (tag 54), when the code fixes it. */
  amount?: string;
  /** The transfer's purpose (tag 62, sub-tag 08), when present: free text, shown only, never stored. */
  purpose?: string;
}

export type PaymentQrResult = { ok: true; payment: PaymentQr } | { ok: false; reason: 'not-emvco' | 'bad-crc' | 'not-vietqr' };

/**
 * A VietQR / EMVCo merchant-presented code: the whole payload must split into data objects, start with payload
 * format "01", end with tag 63 whose CRC matches; then tag 38 must name NAPAS and carry the bank's BIN and the
 * account. A code that fails any of these is not read (a wrong account number is the worst thing the helper
 * could offer).
 */
export function parsePaymentQr(text: string): PaymentQrResult {
  const payload = text.trim();
  const top = parseTlv(payload);
  if (!top || top[0]?.id !== '00' || top[0].value !== '01') return { ok: false, reason: 'not-emvco' };
  const last = top.at(-1);
  if (last?.id !== '63' || last.value.length !== 4) return { ok: false, reason: 'not-emvco' };
  if (crc16(payload.slice(0, -4)) !== last.value.toUpperCase()) return { ok: false, reason: 'bad-crc' };
  const merchant = top.find((t) => t.id === '38');
  const info = merchant ? parseTlv(merchant.value) : null;
  if (!info || info.find((t) => t.id === '00')?.value !== VIETQR_GUID) return { ok: false, reason: 'not-vietqr' };
  const beneficiary = parseTlv(info.find((t) => t.id === '01')?.value ?? '');
  const bin = beneficiary?.find((t) => t.id === '00')?.value ?? '';
  const account = beneficiary?.find((t) => t.id === '01')?.value ?? '';
  const service = info.find((t) => t.id === '02')?.value;
  if (!/^\d{6}$/.test(bin) || !/^[0-9A-Za-z]{1,19}$/.test(account)) return { ok: false, reason: 'not-vietqr' };
  const amountRaw = top.find((t) => t.id === '54')?.value;
  const amount = amountRaw && /^\d+(\.0+)?$/.test(amountRaw) ? amountRaw.replace(/\.0+$/, '') : undefined;
  const extra = parseTlv(top.find((t) => t.id === '62')?.value ?? '');
  const purpose = extra?.find((t) => t.id === '08')?.value;
  return {
    ok: true,
    payment: { bin, account, to: service === 'QRIBFTTC' ? 'card' : 'account', ...(amount ? { amount } : {}), ...(purpose ? { purpose } : {}) },
  };
}
