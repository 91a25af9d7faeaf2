// Best-effort redaction of personal data in free text a volunteer types (a note about a resident's
// case) before it is stored or shared: ID numbers (CCCD, old CMND), phone numbers, e-mail, bank
// accounts and cards, BHXH / BHYT / tax codes, EVN customer codes, vehicle plates, OTPs and
// passwords mentioned after a keyword or written as a password-like token ("Abc@1234"), long numbers
// written digit by digit ("0 9 0 3 …") or spelled out ("không chín không ba …"), e-mail addresses
// written around a filter ("hoa(at)gmail(dot)com", "hoa a còng gmail chấm com"), and Vietnamese
// personal names (after an honorific such as "bà", "chú", or starting with a common family name).
// Product and brand names (VNeID, VssID, Zalo, MoMo, ViettelPay …) are never taken for a secret or a name.
//
// It is pattern-based and deliberately prefers leaving ordinary text alone (procedure names,
// amounts, dates, hotlines, place names) over catching every odd form: it is one safeguard among
// others (the note is also length-limited elsewhere), not a guarantee that nothing personal remains.
//
// Input is normalised to NFC first; the offsets in `found` refer to that NFC string (identical to
// the input when it already was NFC, as text typed in a browser normally is).

/** Longest outcome note kept, in characters. @default 300 */
export const NOTE_MAX = 300;

/**
 * A volunteer's note as it may be stored: redacted, whitespace collapsed, at most NOTE_MAX characters
 * (cut at a word), empty when nothing is left.
 */
export function redactNote(note: string): string {
  const text = redact(note.replace(/\s+/g, ' ').trim()).text;
  if (text.length <= NOTE_MAX) return text;
  const cut = text.slice(0, NOTE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return (space > NOTE_MAX / 2 ? cut.slice(0, space) : cut) + '…';
}

export interface Redaction {
  kind: string;
  start: number;
  end: number;
}

/** Kind → the marker that replaces a span of that kind. */
export const MARKERS: Record<string, string> = {
  email: '[EMAIL]',
  bank: '[STK]',
  bhyt: '[BHYT]',
  evn: '[MÃ KH]',
  plate: '[BIỂN SỐ]',
  secret: '[BÍ MẬT]',
  bhxh: '[BHXH]',
  mst: '[MST]',
  cccd: '[CCCD]',
  phone: '[SĐT]',
  cmnd: '[CMND]',
  number: '[DÃY SỐ]',
  name: '[TÊN]',
};

/** A span to redact; a rule that finds several kinds names the span's own kind third. */
type Span = [start: number, end: number, kind?: string];

interface Rule {
  kind: string;
  find: (text: string) => Span[];
}

// ---------------------------------------------------------------------------------------------
// Regex building blocks

/** A digit run starts here: not glued to a letter/digit, nor continuing a dotted/dashed number. */
const NUM_START = String.raw`(?<![\p{L}\p{N}_])(?<!\p{N}[.\-])`;
/** A digit run ends here: not followed by a letter/digit, nor by ".5" / "-01" continuing it. */
const NUM_END = String.raw`(?![\p{L}\p{N}_])(?![.\-]\p{N})`;
/** Not an amount of money ("200000000 đồng", "1234567890 VND"). */
const NOT_MONEY = String.raw`(?!\s?(?:đồng|đ|vnd|vnđ|₫)(?![\p{L}\p{N}]))`;
const SEP = '[ .\\-]';
const WORD_START = String.raw`(?<![\p{L}\p{N}])`;
const WORD_END = String.raw`(?![\p{L}\p{N}])`;

/**
 * Runs a global regex over the text; `pick` turns a match into a span or rejects it. After a
 * rejection the search resumes one character further on, so a rejected keyword match does not hide
 * a later one that overlaps it.
 */
function scan(re: RegExp, text: string, pick: (m: RegExpExecArray) => Span | null = valueSpan): Span[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: Span[] = [];
  let m: RegExpExecArray | null;
  while ((m = g.exec(text)) !== null) {
    const span = pick(m);
    if (span) {
      out.push(span);
      g.lastIndex = m.index + Math.max(m[0].length, 1);
    } else {
      g.lastIndex = m.index + 1;
    }
  }
  return out;
}

/** The span of the named group `v` (which must end the match), or of the whole match. */
function valueSpan(m: RegExpExecArray): Span {
  const end = m.index + m[0].length;
  const v = m.groups?.['v'];
  return v === undefined ? [m.index, end] : [end - v.length, end];
}

const digitCount = (s: string): number => s.replace(/\D/g, '').length;

/**
 * A value after a keyword, e.g. "STK Vietcombank: 0071000123456" or "Mã số BHXH: 7912345678".
 * Up to `fillers` words may sit between keyword and value; only the value is redacted.
 */
function afterKeyword(keywords: string, value: string, fillers: number, accept: (m: RegExpExecArray) => boolean = () => true): (text: string) => Span[] {
  const re = new RegExp(
    `${WORD_START}(?:${keywords})${WORD_END}(?<fill>(?:[ \\t\\u00a0:#=\\-]+\\p{L}+){0,${fillers}})[ \\t\\u00a0:#=.\\-]*(?<![\\p{L}\\p{N}])(?<v>${value})${NUM_END}${NOT_MONEY}`,
    'giu',
  );
  return (text) => scan(re, text, (m) => (accept(m) ? valueSpan(m) : null));
}

// ---------------------------------------------------------------------------------------------
// Number-like kinds

const EMAIL = /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\p{L}\p{N}_-])/gu;

/** Top-level domains an address written around a filter may end in ("… chấm com", "… (dot) vn"). */
const TLDS = new Set(['com', 'vn', 'net', 'org', 'edu', 'gov', 'info', 'biz', 'io', 'me', 'co', 'us', 'uk', 'app', 'online', 'site', 'xyz']);
const AT_WORD = String.raw`(?:\s*[(\[{<]\s*(?:at|a\s*còng|a\s*cong|@)\s*[)\]}>]\s*|\s+(?:at|a\s*còng|a\s*cong)\s+|\s*@\s*)`;
const DOT_WORD = String.raw`(?:\s*[(\[{<]\s*(?:dot|chấm|cham|\.)\s*[)\]}>]\s*|\s+(?:dot|chấm|cham)\s+|\s*\.\s*)`;
/** An e-mail address written so a filter misses it: "hoa(at)gmail(dot)com", "hoa a còng gmail chấm com". */
const EMAIL_SPELLED = new RegExp(
  `(?<![\\p{L}\\p{N}._%+-])[A-Za-z0-9._%+-]*[A-Za-z0-9]${AT_WORD}[A-Za-z0-9-]+(?:${DOT_WORD}[A-Za-z0-9-]+)*${DOT_WORD}(?:${[...TLDS].join('|')})(?![\\p{L}\\p{N}_-])`,
  'giu',
);
const findSpelledEmail = (text: string): Span[] => scan(EMAIL_SPELLED, text);

/** 16-digit card numbers: contiguous or in four groups of four. */
const CARD = new RegExp(`${NUM_START}\\d{4}(${SEP}?)\\d{4}\\1\\d{4}\\1\\d{4}${NUM_END}`, 'gu');

/** BHYT card: object code (2 letters), benefit level, province, 10-digit BHXH number. */
const BHYT = new RegExp(
  `${WORD_START}(?:[A-Z]{2}${SEP}?\\d${SEP}?\\d{2}${SEP}?\\d{10}|[a-z]{2}\\d{13})${NUM_END}`,
  'gu',
);

/** EVN customer code: P, a region letter, 11 digits (PE01000123456). */
const EVN = /(?<![\p{L}\p{N}])[Pp][A-Za-z]\d{11}(?![\p{L}\p{N}])/gu;

/**
 * Vehicle plates: province (2 digits), series (1–2 upper-case letters, optional digit), number
 * (4–5 digits, "123.45" form included): 29A-123.45, 30F-12345, 51G1-234.56, 29-B1 123.45.
 * A lower-case series is accepted only right before a dash (so "12h 3000" is not a plate).
 */
const PLATE = new RegExp(
  `${NUM_START}\\d{2}(?:-?(?!GB|MB|KB|TB)[A-Z]{1,2}\\d?${SEP}?|-?[a-z]{1,2}\\d?-)(?:\\d{3}\\.\\d{2}|\\d{4,5})${NUM_END}`,
  'gu',
);

/** CCCD / personal ID number: 12 digits, contiguous or grouped 3-3-3-3 / 4-4-4. */
const CCCD = new RegExp(
  `${NUM_START}(?:\\d{12}|\\d{3}(${SEP})\\d{3}\\1\\d{3}\\1\\d{3}|\\d{4}(${SEP})\\d{4}\\2\\d{4})${NUM_END}${NOT_MONEY}`,
  'giu',
);

/** Mobile numbers after 0 / +84: 9 digits starting 3, 5, 7, 8 or 9, in the usual groupings. */
const MOBILE_BODY = `[35789](?:\\d{8}|\\d{2}${SEP}\\d{3}${SEP}\\d{3}|\\d${SEP}\\d{3}${SEP}\\d{4}|\\d{2}${SEP}\\d{6})`;
/** Landlines after 0 / +84: area code 2x or 2xx, 10 digits in all. */
const LANDLINE_BODY = `2(?:\\d{9}|\\d${SEP}\\d{4}${SEP}\\d{4}|\\d${SEP}\\d{8}|\\d{2}${SEP}\\d{3}${SEP}\\d{4}|\\d{2}${SEP}\\d{4}${SEP}\\d{3}|\\d{2}${SEP}\\d{7})`;
const PHONE = new RegExp(
  `(?:${NUM_START}(?:0|(?:\\+84|84)${SEP}?)|(?<![\\p{L}\\p{N}])\\(\\+?84\\)${SEP}?)(?:${MOBILE_BODY}|${LANDLINE_BODY})${NUM_END}${NOT_MONEY}` +
    `|(?<![\\p{L}\\p{N}])\\(0(?:2\\d\\)${SEP}?\\d{4}${SEP}?\\d{4}|2\\d{2}\\)${SEP}?\\d{3}${SEP}?\\d{4})${NUM_END}`,
  'giu',
);

/** Old 9-digit CMND: contiguous or grouped with spaces/dashes (dots would be an amount). */
const CMND = new RegExp(`${NUM_START}(?:\\d{9}|\\d{3}([ \\-])\\d{3}\\1\\d{3})${NUM_END}${NOT_MONEY}`, 'giu');

/** The kind of a number known only by its digits (written digit by digit or spelled out). */
function kindOfDigits(digits: string): string {
  if (/^(?:0|84)(?:[35789]\d{8}|2\d{9})$/.test(digits)) return 'phone';
  if (digits.length === 12) return 'cccd';
  if (digits.length === 9) return 'cmnd';
  if (digits.length === 16) return 'bank';
  return 'number';
}

/**
 * A long number written in an unusual grouping: digit by digit ("0 9 0 3 1 2 3 4 5 6"), in pairs
 * ("09 03 12 34 56"), with one separator throughout. 9–19 digits; amounts ("1.500.000.000"), dates,
 * IP-like dotted quads and 1800/1900 hotlines are left alone.
 */
const DIGIT_GROUPS = new RegExp(`${NUM_START}(?<!\\p{N}[ \\t\\u00a0]{1,2})\\+?\\d{1,4}(?:(?:[ \\t\\u00a0]{1,2}|[ ]?[.\\-][ ]?)\\d{1,4}){2,}${NUM_END}${NOT_MONEY}`, 'gu');

function findDigitGroups(text: string): Span[] {
  const out: Span[] = [];
  // A run is judged whole, or in parts where its separator changes ("09.12.2026 0 9 0 3 …": a date,
  // then a phone); the search goes on after it, so the time is linear in the text.
  for (const m of text.matchAll(DIGIT_GROUPS)) {
    const groups = [...m[0].matchAll(/\+?\d+/g)].map((g) => ({ start: m.index + g.index, end: m.index + g.index + g[0].length }));
    const sepAt = (k: number): string => text.slice(groups[k - 1]!.end, groups[k]!.start).trim() || ' ';
    let first = 0;
    for (let k = 1; k <= groups.length; k++) {
      // Group k continues the part begun at `first` while its separator is the part's first one.
      if (k < groups.length && (k === first + 1 || sepAt(k) === sepAt(first + 1))) continue;
      if (k - first >= 3) {
        const span = digitGroup(text, groups.slice(first, k), sepAt(first + 1));
        if (span) out.push(span);
      }
      first = k;
    }
  }
  return out;
}

/** One run of digit groups with one separator: a number of a known kind, or null when it is not one. */
function digitGroup(text: string, groups: { start: number; end: number }[], sep: string): Span | null {
  const parts = groups.map((g) => text.slice(g.start, g.end).replace(/^\+/, ''));
  const digits = parts.join('');
  if (digits.length < 9 || digits.length > 19) return null;
  if (sep === '.' && parts.slice(1).every((g) => g.length === 3)) return null; // 1.500.000.000
  if (sep === '.' && parts.length === 4 && parts.every((g) => g.length <= 3)) return null; // 192.168.10.200
  if (/^1[89]00/.test(digits) && digits.length <= 10) return null; // hotline 1800 599 920
  return [groups[0]!.start, groups.at(-1)!.end, kindOfDigits(digits)];
}

/** Digits spelled out in Vietnamese, with or without diacritics. */
const DIGIT_WORDS: Record<string, string> = {
  không: '0', khong: '0', một: '1', mốt: '1', mot: '1', hai: '2', ba: '3', bốn: '4', bon: '4', tư: '4', năm: '5',
  nam: '5', lăm: '5', sáu: '6', sau: '6', bảy: '7', bẩy: '7', bay: '7', tám: '8', tam: '8', chín: '9', chin: '9',
};

/**
 * A number read out word by word ("không chín không ba một hai ba bốn năm sáu"), digits mixed in or not:
 * at least three digit words and nine digits in a row, separated by spaces, commas, dots or dashes only.
 */
function findSpelledDigits(text: string): Span[] {
  const out: Span[] = [];
  let run: { start: number; end: number; digits: string; words: number } | null = null;
  const close = (): void => {
    if (run && run.words >= 3 && run.digits.length >= 9) out.push([run.start, run.end, kindOfDigits(run.digits)]);
    run = null;
  };
  for (const m of text.matchAll(/\p{L}+|\d+/gu)) {
    const token = m[0];
    const word = DIGIT_WORDS[token.toLowerCase()];
    const digits = word ?? (/^\d{1,4}$/.test(token) ? token : undefined);
    if (digits === undefined) {
      close();
      continue;
    }
    if (run && !/^[\s,.-]{1,3}$/.test(text.slice(run.end, m.index))) close();
    if (!run) run = { start: m.index, end: m.index, digits: '', words: 0 };
    run.end = m.index + token.length;
    run.digits += digits;
    if (word !== undefined) run.words++;
  }
  close();
  return out;
}

// Bank accounts after a keyword. "tài khoản VNeID …" / "tài khoản đăng nhập …" is a login, not a
// bank account: the value is then left to the ID / phone rules.
const BANK_KEYWORDS = String.raw`số\s+tài\s+khoản|tài\s+khoản|số\s+tk|stk|tk`;
const NOT_BANK_FILLER = /(?<![\p{L}])(?:vneid|đăng|nhập|định|danh|dịch|vụ|công|zalo|facebook|email|mail|điện|thoại|bhxh|bhyt|cccd|cmnd|evn|mst|thuế)(?![\p{L}])/iu;
const findBank = afterKeyword(BANK_KEYWORDS, String.raw`\d{2,}(?:[ .\-]\d{2,})*`, 4, (m) => {
  const v = m.groups?.['v'] ?? '';
  const n = digitCount(v);
  return n >= 6 && n <= 19 && !NOT_BANK_FILLER.test(m.groups?.['fill'] ?? '');
});

const findBhxh = afterKeyword(String.raw`bhxh|bảo\s+hiểm\s+xã\s+hội`, String.raw`\d{10}`, 3);
const findMst = afterKeyword(String.raw`mst|mã\s+số\s+thuế|mã\s+số\s+doanh\s+nghiệp`, String.raw`\d{10}(?:-\d{3})?`, 3);

// ---------------------------------------------------------------------------------------------
// Secrets: the token after OTP / mật khẩu / PIN …

/**
 * Apps, banks, wallets and services people name in a note ("quên mật khẩu VssID", "mã OTP ViettelPay"):
 * the account a secret belongs to, never the secret nor a name. Folded, without spaces.
 */
const BRANDS = new Set([
  'vneid', 'vssid', 'zalo', 'zalopay', 'momo', 'vnpay', 'vnptpay', 'vnptmoney', 'viettelpay', 'viettelmoney', 'myviettel',
  'myvnpt', 'vinaphone', 'mobifone', 'viettel', 'vnpt', 'evn', 'evnhcmc', 'evnhanoi', 'evncpc', 'evnspc', 'evnnpc', 'vietcombank',
  'vcb', 'vcbdigibank', 'digibank', 'agribank', 'bidv', 'smartbanking', 'vietinbank', 'ipay', 'techcombank', 'tpbank',
  'mbbank', 'acb', 'sacombank', 'vpbank', 'hdbank', 'shb', 'ocb', 'vib', 'myvib', 'lienviet', 'lpbank', 'shopeepay',
  'smartotp', 'ebank', 'ibanking', 'internetbanking', 'mobilebanking', 'ihanoi', 'icloud', 'gmail', 'facebook', 'google',
  'youtube', 'tiktok', 'iphone', 'ipad', 'android', 'windows', 'dichvucong', 'baohiemxahoi',
]);

/** A product or brand name (see BRANDS), however it is spaced or cased. */
function isBrand(token: string): boolean {
  return BRANDS.has(fold(token).replace(/[^a-z0-9]/g, ''));
}

const SECRET_STRONG = new RegExp(
  `${WORD_START}(?:mã\\s+(?:otp|pin|xác\\s+thực|xác\\s+nhận|bảo\\s+mật|kích\\s+hoạt)|otp|mật\\s+khẩu|mật\\s+mã|passwords?|passcode|pass|mk)${WORD_END}` +
    `(?:\\s+(?:mới|cũ|hiện\\s+tại|đăng\\s+nhập|wifi|wi-fi|email|ứng\\s+dụng|app|của\\s+\\p{L}+|${[...BRANDS].join('|')})${WORD_END}){0,2}(?<conn>\\s*[:=]\\s*|\\s+là\\s*:?\\s*|\\s+)(?<v>\\S+)`,
  'giu',
);
/** A bare "mã" / "code" / "pin" is too common ("mã hồ sơ", "pin 100%"): only a 4–8 digit number
 *  right after it counts. */
const SECRET_WEAK = new RegExp(
  `${WORD_START}(?:mã|code|pin)${WORD_END}(?<conn>\\s*[:=]\\s*|\\s+là\\s*:?\\s*|\\s+)(?<v>\\d{4,8})${NUM_END}`,
  'giu',
);
const SECRET_QUALIFIER = /^(?:email|e-mail|wifi|wi-fi|mới|cũ|ngân\s*hàng|ứng\s*dụng|app)$/iu;

const LEADING_PUNCT = /^[("'“‘«[]+/u;
const TRAILING_PUNCT = /[.,;:!?)\]}"'”’»]+$/u;

function findSecrets(text: string): Span[] {
  const strong = scan(SECRET_STRONG, text, (m) => {
    const raw = m.groups?.['v'] ?? '';
    const lead = LEADING_PUNCT.exec(raw)?.[0].length ?? 0;
    const token = raw.slice(lead).replace(TRAILING_PUNCT, '');
    // "quên mật khẩu VNeID": the account the secret belongs to, not the secret.
    if (SECRET_QUALIFIER.test(token) || isBrand(token)) return null;
    if (!looksSecret(token, /[:=]/.test(m.groups?.['conn'] ?? ''))) return null;
    const start = m.index + m[0].length - raw.length + lead;
    return [start, start + token.length];
  });
  return [...strong, ...scan(SECRET_WEAK, text)];
}

/**
 * Digits or symbols; letters alone (inner capitals included: "ViettelPay" is an app) only after an
 * explicit "mật khẩu: xxxx" / "mật khẩu là xxxx".
 */
function looksSecret(token: string, explicit: boolean): boolean {
  if (token.length < 4) return false;
  // A hyphen joins words ("E-Mobile", "Wi-Fi"); other symbols make a token a password.
  if (/\d/.test(token) || /[^\p{L}\p{N}-]/u.test(token)) return true;
  return explicit && /^[A-Za-z-]+$/.test(token);
}

/** Symbols that make a token of letters and digits a password ("Abc@1234", "Hoa#1990"). */
const PASSWORD_SYMBOL = /[!@#$^&*+=?~_]/;

/**
 * Password-like tokens written without a keyword: letters, digits and a symbol together ("Abc@1234",
 * "P@ssw0rd"). Each side of a "key=value" / "key:value" is judged alone (the keyword rule takes
 * "Password=Secret123"); e-mail addresses and web addresses are left to their own rules.
 */
function findPasswordLike(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/\S+/gu)) {
    let at = m.index;
    for (const part of m[0].split(/([=:])/)) {
      const start = at;
      at += part.length;
      if (part === '=' || part === ':') continue;
      const lead = LEADING_PUNCT.exec(part)?.[0].length ?? 0;
      const token = part.slice(lead).replace(/[.,;:)\]}"'”’»]+$/u, '');
      if (token.length < 6 || token.length > 40) continue;
      if (!/\p{L}/u.test(token) || !/\d/.test(token) || !PASSWORD_SYMBOL.test(token)) continue;
      // "Hẹn 9h30!" is a sentence's end, not a password: with no symbol but a final ! or ?, a longer token.
      if (!PASSWORD_SYMBOL.test(token.replace(/[!?]+$/, '')) && token.length < 8) continue;
      if (/@[A-Za-z0-9-]+\.[A-Za-z]{2,}/.test(token) || /^(?:https?:|www\.)/i.test(token) || /^#[0-9a-f]{3,8}$/i.test(token)) continue;
      out.push([start + lead, start + lead + token.length]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names

const HONORIFICS = new Set(['ông', 'bà', 'anh', 'chị', 'cô', 'chú', 'bác', 'em', 'cụ', 'cháu', 'cậu', 'dì', 'thím', 'mợ']);

const FAMILY_NAMES = new Set([
  'nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô',
  'dương', 'lý', 'đinh', 'đoàn', 'trịnh', 'lương', 'mai', 'cao', 'lâm', 'tạ', 'vương', 'hà', 'châu', 'tô',
  'trương', 'quách', 'lưu', 'kiều', 'đào', 'thái', 'triệu', 'tăng', 'chu', 'khổng', 'mạc', 'tống', 'đàm',
  'phùng', 'nghiêm', 'hứa', 'diệp', 'thân', 'lò', 'doãn',
]);

/** Family names that are also everyday words ("vi phạm", "ngày mai", "cao tuổi", "hồ sơ" …):
 *  in lower case / ALL CAPS they need two more name words to count. */
const AMBIGUOUS_FAMILY = new Set([
  'phạm', 'hoàng', 'đỗ', 'hồ', 'ngô', 'dương', 'lý', 'đinh', 'đoàn', 'lương', 'mai', 'cao', 'lâm', 'tạ',
  'vương', 'hà', 'châu', 'tô', 'lưu', 'đào', 'thái', 'triệu', 'tăng', 'chu', 'thân', 'lò', 'đàm', 'hứa',
]);

/** Family names recognised without diacritics, as on bank cards ("NGUYEN VAN AN"). */
const UNACCENTED_FAMILY = new Set(['nguyen', 'tran', 'pham', 'hoang', 'huynh', 'phan', 'dang', 'bui', 'trinh', 'truong', 'quach']);

/** Given and middle names (lower case): what a lower-case word must be to count as a name. */
const NAME_SYLLABLES = new Set([
  ...FAMILY_NAMES,
  'văn', 'thị', 'hữu', 'đức', 'đình', 'ngọc', 'minh', 'quang', 'quốc', 'xuân', 'thu', 'hồng', 'kim',
  'an', 'bích', 'bình', 'cảnh', 'cúc', 'cường', 'đài', 'đan', 'đạt', 'diễm', 'điệp', 'đông', 'dung',
  'dũng', 'duy', 'duyên', 'giang', 'hải', 'hân', 'hạnh', 'hằng', 'hiền', 'hiếu', 'hiệp', 'hoa', 'hòa',
  'hoài', 'huệ', 'hùng', 'hưng', 'hương', 'hường', 'huy', 'huyền', 'khải', 'khang', 'khánh', 'khoa',
  'khôi', 'khuê', 'kiên', 'lam', 'lan', 'liên', 'liễu', 'linh', 'loan', 'lộc', 'long', 'luân', 'mạnh',
  'my', 'mỹ', 'nam', 'nga', 'ngà', 'ngân', 'nghĩa', 'nguyên', 'nguyệt', 'nhàn', 'nhật', 'nhi', 'nhung',
  'oanh', 'phong', 'phú', 'phúc', 'phụng', 'phương', 'phượng', 'quân', 'quế', 'quý', 'quyên', 'quỳnh',
  'sơn', 'tâm', 'tân', 'thắm', 'thắng', 'thanh', 'thành', 'thảo', 'thịnh', 'thơ', 'thư', 'thuận',
  'thủy', 'thúy', 'thùy', 'thy', 'tiên', 'toàn', 'trâm', 'trang', 'trinh', 'trọng', 'trung', 'trúc',
  'tú', 'tuấn', 'tùng', 'tuyền', 'tuyết', 'uyên', 'vân', 'việt', 'vinh', 'vy', 'yến', 'hậu', 'lực',
  'gia', 'bảo', 'thế', 'như', 'công',
]);

/** Names that are also everyday words ("chị thu tiền", "anh mạnh khỏe", "bà bảo là …"): in lower
 *  case they continue a name but never start one right after an honorific. */
const EVERYDAY_NAMES = new Set([
  'gia', 'bảo', 'thế', 'như', 'công', 'hiền', 'mạnh', 'đạt', 'nhàn', 'thành', 'toàn', 'trung', 'đông',
  'phú', 'tân', 'lực', 'thắng', 'thơ', 'thu', 'hòa', 'tâm', 'kiên', 'long', 'hà', 'cao', 'lâm', 'tô',
  'đào', 'thái', 'chu', 'hồ', 'lý', 'mai', 'đỗ', 'ngô', 'dương', 'lương', 'hậu', 'đức', 'văn', 'thị',
]);

/** More given and middle names, that confirm a Title Case name begun by an everyday family name only. */
const MORE_GIVEN_NAMES = new Set([
  'tiến', 'lợi', 'tài', 'trí', 'chí', 'hiển', 'nghị', 'phát', 'sang', 'thiện', 'trường', 'vĩnh', 'vũ', 'tuệ',
  'diệu', 'ánh', 'hạ', 'hào', 'hoàn', 'khiêm', 'lập', 'nhã', 'quyết', 'sinh', 'tấn', 'tín', 'tường', 'bá', 'phước',
]);

const NAME_SYLLABLES_FOLDED = new Set([...NAME_SYLLABLES].map(fold));

/** Function, verb and counting words that never continue a name. */
const FUNCTION_WORDS = new Set([
  'ấy', 'đã', 'không', 'được', 'là', 'và', 'của', 'cho', 'có', 'sẽ', 'đang', 'vừa', 'mới', 'cũng', 'thì',
  'lại', 'ơi', 'à', 'ạ', 'nhé', 'nhỉ', 'với', 'tôi', 'mình', 'nó', 'họ', 'ta', 'chúng', 'bị', 'phải',
  'cần', 'muốn', 'hãy', 'đi', 'đến', 'về', 'ra', 'vào', 'lên', 'xuống', 'làm', 'nói', 'hỏi', 'gọi', 'xem',
  'nhờ', 'giúp', 'nên', 'thể', 'rất', 'quá', 'hết', 'xong', 'rồi', 'chưa', 'đều', 'vẫn', 'còn',
  'này', 'kia', 'đó', 'nào', 'gì', 'sao', 'ai', 'các', 'những', 'mọi', 'mỗi', 'trong', 'ngoài', 'trên',
  'dưới', 'sau', 'trước', 'khi', 'nếu', 'mà', 'nhưng', 'hoặc', 'hay', 'để', 'tại', 'từ', 'theo', 'bằng',
  'ở', 'nhà', 'đây', 'đấy', 'chỉ', 'thấy', 'biết', 'hiểu', 'nhớ', 'quên', 'mang', 'điền', 'nhập',
  'bấm', 'nhấn', 'chọn', 'ký', 'nộp', 'lấy', 'đọc', 'viết', 'chờ', 'đợi', 'dùng', 'xin', 'cảm', 'ơn',
  'vui', 'lòng', 'cứ', 'đừng', 'luôn', 'ngay', 'thêm', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy',
  'tám', 'chín', 'mười', 'trăm', 'nghìn', 'ngàn', 'triệu', 'tỷ', 'ngày', 'tháng', 'giờ', 'phút', 'lần',
  'bước', 'hồ', 'sơ', 'con', 'trai', 'gái', 'út', 'cả', 'nội', 'ngoại', 'ruột', 'dâu', 'rể', 'bé',
  'già', 'trẻ', 'sĩ', 'giáo', 'tư', 'pháp', 'phường', 'xã', 'quận', 'huyện', 'tỉnh', 'phố', 'đường',
  'tuổi', 'lịch', 'hưu', 'á', 'âu', 'ý', 'thích', 'cùng', 'số', 'mã', 'nhiều', 'lắm', 'khỏe',
]);

/**
 * Two/three-word phrases that look like names but are places, procedures or ordinary words.
 * A name never starts with one, nor with the second word of one ("ngày mai", "xử lý" …); unaccented
 * entries apply to unaccented text.
 */
const STOP_PHRASES = new Set([
  // places
  'hà nội', 'hà giang', 'hà tĩnh', 'hà nam', 'hà đông', 'hà tiên', 'hà lan', 'cao bằng', 'cao lãnh',
  'lâm đồng', 'châu đốc', 'châu á', 'châu âu', 'châu phi', 'châu mỹ', 'hồ chí minh', 'hoàng mai',
  'phan thiết', 'phan rang', 'lê chân', 'mai châu', 'hồ tây', 'hồ gươm', 'bà rịa', 'bà chiểu',
  'bà điểm', 'bà đen', 'ông lãnh', 'cô tô', 'việt nam', 'hoang mai', 'phan thiet',
  // procedures and everyday words
  'lý lịch', 'lý do', 'tư pháp', 'hồ sơ', 'ngày mai', 'sáng mai', 'chiều mai', 'tối mai', 'xử lý',
  'quản lý', 'đại lý', 'trợ lý', 'hợp lý', 'địa lý', 'tâm lý', 'vật lý', 'vi phạm', 'phạm vi',
  'nâng cao', 'người cao', 'cao tuổi', 'cao đẳng', 'tiền lương', 'lương hưu', 'công đoàn',
  'đoàn viên', 'đoàn thanh niên', 'thanh niên', 'âm dương', 'dương lịch', 'dương tính', 'đỗ xe',
  'mai táng', 'tiếng anh', 'nước anh', 'anh văn', 'ghi chú', 'chú ý', 'chú thích', 'công cụ',
  'dụng cụ', 'cụ thể', 'bác sĩ', 'bác bỏ', 'cô lập', 'cô đơn', 'yên tâm', 'an tâm', 'an toàn',
  'an ninh', 'bình thường', 'bình tĩnh', 'thông cảm', 'thanh toán', 'thành công', 'thành phố',
  'hoàn thành', 'tiến hành', 'minh bạch', 'quang minh', 'trung tâm', 'trung thực', 'vinh dự',
  'nam giới', 'nhân viên', 'tài khoản', 'kiên nhẫn', 'hiền lành', 'dũng cảm', 'phúc lợi', 'tân binh',
  'thu nhập', 'thu hồi', 'thu phí', 'thu tiền', 'hồng ngoại', 'kim loại', 'hải quan', 'phong tỏa',
  'linh tinh', 'long an', 'lâm sàng', 'lâm nghiệp', 'đào tạo', 'thái độ', 'tô màu', 'minh họa',
  'khoa học', 'huy động', 'phương án', 'phương thức', 'phương tiện', 'duy nhất', 'duy trì',
  'khánh thành', 'việt kiều', 'bình an', 'quang cảnh',
]);

/** A family-name match preceded by one of these is an address or an institution ("đường Lê Lợi"). */
const PLACE_PREFIXES = new Set([
  'đường', 'phố', 'phường', 'quận', 'huyện', 'xã', 'tỉnh', 'tp', 'trấn', 'trường', 'thpt', 'thcs', 'cầu',
  'chợ', 'ngõ', 'hẻm', 'kiệt', 'thôn', 'ấp', 'khu', 'lộ', 'viện', 'đền', 'chùa', 'sông', 'bến',
]);
const PLACE_PREFIXES_FOLDED = new Set(['duong', 'pho', 'phuong', 'huyen', 'tinh', 'tp', 'thpt', 'thcs', 'cau', 'cho', 'ngo', 'hem', 'kiet', 'thon']);

interface Word {
  lower: string;
  folded: string;
  ascii: boolean;
  mode: Mode;
  start: number;
  end: number;
}
type Mode = 'title' | 'upper' | 'lower' | 'mixed';
/** What the name words follow: an honorific ("bà …") or a family name ("Nguyễn …"). */
type After = 'honorific' | 'family';

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

function modeOf(w: string): Mode {
  if (/^\p{Lu}$/u.test(w)) return 'title'; // an initial fits Title and ALL CAPS (see fitsMode)
  if (/^\p{Lu}+$/u.test(w)) return 'upper';
  if (/^\p{Lu}\p{Ll}+$/u.test(w)) return 'title';
  if (/^\p{Ll}+$/u.test(w)) return 'lower';
  return 'mixed';
}

function fitsMode(w: Word, mode: Mode): boolean {
  if (w.mode === mode) return true;
  return mode === 'upper' && w.end - w.start === 1 && w.mode === 'title';
}

/** Rough shape of one Vietnamese syllable (after folding): onset, 1–3 vowels, coda. */
const SYLLABLE = /^(?:ngh|ng|nh|gh|gi|kh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

function tokenize(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = m[0];
    out.push({
      lower: w.toLowerCase(),
      folded: fold(w),
      ascii: /^[A-Za-z]+$/.test(w),
      mode: modeOf(w),
      start: m.index,
      end: m.index + w.length,
    });
  }
  return out;
}

/** Word-level view of the text used by the name rules. */
class NameScanner {
  private readonly words: Word[];

  constructor(private readonly text: string) {
    this.words = tokenize(text);
  }

  find(): Span[] {
    const out: Span[] = [];
    for (let i = 0; i < this.words.length; i++) {
      for (const span of [this.afterHonorific(i), this.fromFamilyName(i)]) if (span) out.push(span);
    }
    return out;
  }

  /** "bà Nguyễn Thị Hoa", "ông nam", "cụ TRẦN VĂN BÌNH": the 1–4 name words after the honorific. */
  private afterHonorific(i: number): Span | null {
    const w = this.words[i];
    const next = this.words[i + 1];
    if (!w || !next || !HONORIFICS.has(w.lower) || w.mode === 'mixed') return null;
    if (this.phraseAt(i) || this.phraseEndsAt(i) || !this.adjacent(i + 1) || this.phraseAt(i + 1)) return null;
    return this.span(i + 1, this.take(i + 1, 4, next.mode, 'honorific'));
  }

  /** "Nguyễn Văn An", "NGUYỄN VĂN AN", "nguyễn văn an", "NGUYEN VAN AN": a family name + 1–3 words. */
  private fromFamilyName(i: number): Span | null {
    const w = this.words[i];
    if (!w || w.mode === 'mixed' || w.end - w.start < 2) return null;
    const known = FAMILY_NAMES.has(w.lower) || (w.ascii && w.mode !== 'lower' && UNACCENTED_FAMILY.has(w.lower));
    if (!known || this.phraseAt(i) || this.phraseEndsAt(i) || this.afterPlaceWord(i)) return null;
    // "Lưu Thay Đổi", "Tăng Cỡ Chữ": a family name that is also an everyday word, in a Title Case label,
    // starts a name only when a known given or middle name follows it ("Lưu Thị Hoa", "Hoàng Hoa Thám").
    const next = this.words[i + 1];
    if (w.mode === 'title' && AMBIGUOUS_FAMILY.has(w.lower) && !(next && (NAME_SYLLABLES.has(next.lower) || MORE_GIVEN_NAMES.has(next.lower)))) return null;
    const n = this.take(i + 1, 3, w.mode, 'family');
    const needed = w.mode !== 'title' && AMBIGUOUS_FAMILY.has(w.lower) ? 2 : 1;
    return n >= needed ? this.span(i, n + 1) : null;
  }

  /** How many name words (up to `max`) follow from index `from`, all written in `mode`. */
  private take(from: number, max: number, mode: Mode, after: After): number {
    let n = 0;
    while (n < max) {
      const k = from + n;
      const w = this.words[k];
      if (!w || !this.adjacent(k) || !fitsMode(w, mode)) break;
      if (n > 0 && this.phraseAt(k)) break;
      if (!nameWord(w, n, mode, after)) break;
      n++;
    }
    return n;
  }

  private span(from: number, count: number): Span | null {
    const first = this.words[from];
    const last = this.words[from + count - 1];
    return count > 0 && first && last ? [first.start, last.end] : null;
  }

  /** Words i-1 and i are separated by spaces only (no punctuation, no line break). */
  private adjacent(i: number): boolean {
    const a = this.words[i - 1];
    const b = this.words[i];
    return a !== undefined && b !== undefined && /^[ \t\u00a0]+$/.test(this.text.slice(a.end, b.start));
  }

  /** A stop phrase of 2–3 adjacent words starts at word i ("hà nội", "lý lịch", "hồ chí minh"). */
  private phraseAt(i: number): boolean {
    const first = this.words[i];
    if (!first) return false;
    let lower = first.lower;
    let folded = first.folded;
    let ascii = first.ascii;
    for (let k = i + 1; k <= i + 2; k++) {
      const w = this.words[k];
      if (!w || !this.adjacent(k)) return false;
      lower += ` ${w.lower}`;
      folded += ` ${w.folded}`;
      ascii &&= w.ascii;
      if (STOP_PHRASES.has(ascii ? folded : lower)) return true;
    }
    return false;
  }

  /** Word i closes a stop phrase begun one or two words earlier ("ngày mai", "xử lý", "tiếng anh"). */
  private phraseEndsAt(i: number): boolean {
    if (!this.adjacent(i)) return false;
    return this.phraseAt(i - 1) || (this.adjacent(i - 1) && this.phraseAt(i - 2));
  }

  /** "đường Lê Lợi", "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh": an address, not a person. */
  private afterPlaceWord(i: number): boolean {
    const prev = this.words[i - 1];
    const w = this.words[i];
    if (!prev || !w || !/^\.?[ \t\u00a0]+$/.test(this.text.slice(prev.end, w.start))) return false;
    return prev.ascii ? PLACE_PREFIXES_FOLDED.has(prev.lower) : PLACE_PREFIXES.has(prev.lower);
  }
}

/**
 * Can `w` be the name word at position `pos` (0 = first after the honorific / family name)?
 * Title Case words need only look like a Vietnamese syllable that is not a function word; lower-case
 * words must be known names (and, right after an honorific, not everyday words); in ALL CAPS the
 * first one must be a known name.
 */
function nameWord(w: Word, pos: number, mode: Mode, after: After): boolean {
  if (FUNCTION_WORDS.has(w.lower)) return false;
  // "Anh" ends many names ("Tuấn Anh", "Mai Anh") but never starts one after an honorific.
  if (HONORIFICS.has(w.lower) && !(w.lower === 'anh' && mode !== 'lower' && (pos > 0 || after === 'family'))) return false;
  if (!SYLLABLE.test(w.folded)) return false;
  if (mode === 'lower' && pos === 0 && after === 'honorific' && EVERYDAY_NAMES.has(w.lower)) return false;
  const strict = mode === 'lower' || (mode === 'upper' && pos === 0);
  if (!strict || NAME_SYLLABLES.has(w.lower)) return true;
  return mode === 'upper' && w.ascii && NAME_SYLLABLES_FOLDED.has(w.folded);
}

// ---------------------------------------------------------------------------------------------
// The rules, most specific first. Keyword-anchored kinds (bank, BHXH, tax code) come before the bare
// digit rules so that "STK 0912345678" is an account, not a phone number.

const RULES: readonly Rule[] = [
  { kind: 'email', find: (t) => scan(EMAIL, t) },
  { kind: 'email', find: findSpelledEmail },
  { kind: 'bank', find: (t) => scan(CARD, t) },
  { kind: 'bhyt', find: (t) => scan(BHYT, t) },
  { kind: 'evn', find: (t) => scan(EVN, t) },
  { kind: 'plate', find: (t) => scan(PLATE, t) },
  { kind: 'secret', find: findSecrets },
  { kind: 'bank', find: findBank },
  { kind: 'bhxh', find: findBhxh },
  { kind: 'mst', find: findMst },
  { kind: 'cccd', find: (t) => scan(CCCD, t) },
  { kind: 'phone', find: (t) => scan(PHONE, t) },
  { kind: 'cmnd', find: (t) => scan(CMND, t) },
  { kind: 'number', find: findDigitGroups },
  { kind: 'number', find: findSpelledDigits },
  { kind: 'secret', find: findPasswordLike },
  { kind: 'name', find: (t) => new NameScanner(t).find() },
];

const MARKER_RE = new RegExp(
  Object.values(MARKERS)
    .map((m) => m.replace(/[[\]]/g, '\\$&'))
    .join('|'),
  'gu',
);

/**
 * Replaces personal data in `text` by markers such as [CCCD] or [TÊN]. `found` lists the replaced
 * spans (offsets into the NFC-normalised input), sorted and non-overlapping. Markers already in the
 * text are left alone, so redacting twice changes nothing more.
 */
export function redact(text: string): { text: string; found: Redaction[] } {
  const input = text.normalize('NFC');
  const markers = [...input.matchAll(MARKER_RE)].map((m): Span => [m.index, m.index + m[0].length]);
  const candidates: Array<Redaction & { order: number }> = [];
  RULES.forEach((rule, order) => {
    for (const [start, end, kind] of rule.find(input)) {
      if (end <= start) continue;
      if (markers.some(([ms, me]) => start < me && ms < end)) continue;
      candidates.push({ kind: kind ?? rule.kind, start, end, order });
    }
  });
  // Earliest first, then longest, then the more specific rule.
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.order - b.order);
  const found: Redaction[] = [];
  let lastEnd = 0;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    found.push({ kind: c.kind, start: c.start, end: c.end });
    lastEnd = c.end;
  }
  let out = '';
  let at = 0;
  for (const r of found) {
    out += input.slice(at, r.start) + (MARKERS[r.kind] ?? '[?]');
    at = r.end;
  }
  out += input.slice(at);
  return { text: out, found };
}

/** True when `redact` would change nothing. */
export function isClean(text: string): boolean {
  return redact(text).found.length === 0;
}

// ---------------------------------------------------------------------------------------------
// Page texts a pack may keep. The recorder, the picker and re-capture keep the words of a page (a
// button's name, a field's label, the heading and neighbours around a control) to find the control
// again; core/capture.ts drops every such text this judges personal — masking would leave nothing
// worth matching on.

/** A greeting to the signed-in person ("Xin chào, Minh Anh", "Chào mừng trở lại", "Welcome, …"). */
const GREETING = /(?<![\p{L}])(?:xin\s+chào|kính\s+chào|chào|xin\s+chao|kinh\s+chao|hello|welcome|hi)(?![\p{L}])/iu;

/** A masked identifier a page shows back to its owner ("*******789", "•••• 1234", "0912***678"). */
const MASKED = /[*•●xX]{3,}[\s.-]?\d{2,}|\d{2,}[\s.-]?[*•●]{3,}/u;

/** Money written with its unit, glued or not: "1.500.000đ", "200000 VND", "12.500đ/kWh". */
const AMOUNT = /^\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?(?:đ|₫|vnd|vnđ|đồng)?(?:\/\p{L}+)?$|^\d+(?:đ|₫|vnd|vnđ|đồng|k)(?:\/\p{L}+)?$/iu;
const MONEY_WORD = /^(?:đ|₫|vnd|vnđ|đồng)$/iu;
/** Dates, times and short hotlines: the page's words, not a record's. */
const DATE_TIME = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}[/.-]\d{4}|\d{4}[-–]\d{4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[:h]\d{2}(?:[:']\d{2})?p?|1[89]00[ .]?\d{4}|1[89]00[ .]?\d{3}[ .]?\d{3})$/iu;

/**
 * A code-like value inside a text: a token of letters and at least four digits (dossier codes
 * "G22.99-251124-0001", "HS2025001234", customer codes), or a run of six or more digits (account and
 * record numbers) — amounts with their unit, dates, times and hotlines excepted.
 */
function hasCode(text: string): boolean {
  const words = text.split(/\s+/);
  return words.some((raw, i) => {
    const t = raw.replace(/^[("'“‘«[]+|[.,;:!?)\]}"'”’»]+$/gu, '');
    const digits = t.match(/\d/g)?.length ?? 0;
    if (digits < 4 || AMOUNT.test(t) || DATE_TIME.test(t)) return false;
    if (/\p{L}/u.test(t)) return true;
    if (MONEY_WORD.test(words[i + 1] ?? '')) return false;
    return digits >= 6;
  });
}

/** Places whose every word is also a given name ("Bình Dương", "Hòa Bình"): not a person. */
const PLACE_NAMES = new Set([
  'bình dương', 'hải dương', 'kiên giang', 'an giang', 'hậu giang', 'thái bình', 'hòa bình', 'bình thuận', 'tân bình',
  'tân phú', 'bình tân', 'gia lâm', 'thanh xuân', 'đông anh', 'hà nam', 'hải châu', 'trung hòa', 'phương mai', 'kim liên',
  'công an', 'quốc gia', 'việt nam', 'hồng kông', 'thái lan', 'trung quốc', 'hàn quốc',
]);

/** A written name word: Title Case or ALL CAPS, a known name syllable. */
function nameSyllable(w: Word): boolean {
  return (w.mode === 'title' || w.mode === 'upper') && (NAME_SYLLABLES.has(w.lower) || MORE_GIVEN_NAMES.has(w.lower) || NAME_SYLLABLES_FOLDED.has(w.folded));
}

/**
 * A part of the text that is only a person's name: two to five capitalised name words ("Minh Anh",
 * "THU HÀ") between separators ("Minh Anh · Tài khoản"), not a known place or phrase.
 */
function hasNameOnly(text: string): boolean {
  for (const part of text.split(/[·•|,;:()[\]/–—»«▾▼›‹<>]|\s-\s/u)) {
    const words = tokenize(part);
    // "Anh" ends many names ("Minh Anh", "Tuấn Anh").
    if (words.length < 2 || words.length > 5 || !words.every((w, i) => nameSyllable(w) || (i > 0 && w.lower === 'anh' && w.mode !== 'lower'))) continue;
    const phrase = words.map((w) => w.lower).join(' ');
    if (PLACE_NAMES.has(phrase) || STOP_PHRASES.has(phrase)) continue;
    if (words.some((w, i) => i > 0 && STOP_PHRASES.has(`${words[i - 1]!.lower} ${w.lower}`))) continue;
    return true;
  }
  return false;
}

/**
 * In an account or profile area (a menu with the signed-in person's name): any capitalised name word
 * ("Hoa ▾", "Minh Anh") or any digit makes a text personal. A sentence-case phrase that starts with
 * such a word ("Hồ sơ cá nhân", "An toàn") is the page's own words.
 */
function profileText(text: string): boolean {
  if (/\d/.test(text)) return true;
  const words = tokenize(text);
  return words.some((w, i) => nameSyllable(w) && !(i === 0 && words[1]?.mode === 'lower'));
}

/**
 * True when a page text must not be kept in a pack: anything `redact` would mark (names, numbers,
 * addresses, secrets), a greeting to the signed-in person, a masked number, a code-like value, a
 * part that is only a person's name; with `profileArea`, also any name word or digit (see profileText).
 */
export function isPersonalText(text: string, profileArea = false): boolean {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!t) return false;
  if (GREETING.test(t) || MASKED.test(t) || hasCode(t) || hasNameOnly(t)) return true;
  if (profileArea && profileText(t)) return true;
  return !isClean(t);
}
