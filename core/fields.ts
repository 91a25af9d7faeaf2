// Field extraction from the OCR text of Vietnamese paper documents a resident brings to the desk:
// electricity bills, căn cước (CCCD) cards, printed receipts, bank transfer slips and dossier
// receipts ("giấy tiếp nhận hồ sơ"). The OCR output is noisy: letters read for digits inside numbers
// (O/0, l/1/I, S/5, B/8, Z/2, G/6), spaces or dots inside numbers, labels and values on separate
// lines, stray punctuation, and diacritics lost or mangled ("So dinh danh", "S0 ĐT", "S6 tiền").
//
// It returns a value only when it is confident in it; leaving a field out is always preferred to
// suggesting a wrong one. Kinds: cccd, evn-customer, phone, amount, dossier-code, bank-account.
//
// How it works, in order:
//   1. The text is folded: lower case, no diacritics (đ → d), dashes and spaces unified. Every later
//      step works on this folded text, whose positions follow the original's order.
//   2. Codes with letters inside are found first and masked: dossier codes (G22.99-251124-0001) and
//      EVN customer codes (PE01000123456), so their digits cannot become anything else.
//   3. Look-alike letters are read as digits, only inside tokens that are mostly digits already.
//   4. Labels are found ("Số định danh", "Mã KH", "ĐT", "Số tiền", "STK", "Mã giao dịch" …) and the
//      value right after each one is read as the label's kind. A few words may sit in between
//      ("Số tài khoản nhận:", "Số tiền (VND):"), and so may one or two line breaks.
//   5. Unlabelled values that are unambiguous by shape: 12-digit CCCD numbers with a real province
//      code, mobile numbers with a real prefix, amounts followed by đ / đồng / VND.
//   6. Where values overlap, the label-anchored one wins; a bare value sitting right after a label
//      of another kind ("Mã giao dịch: 079123456789") is dropped. Output in order of appearance,
//      without duplicate (kind, value) pairs.
//
// Framework-free: no DOM, no browser APIs.

/** The kinds of field extractFields reports. */
export const FIELD_KINDS = ['cccd', 'evn-customer', 'phone', 'amount', 'dossier-code', 'bank-account'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** One extracted field: its kind and its normalised value (digits only, or an upper-case code). */
export interface ExtractedField {
  kind: string;
  value: string;
}

/** Labels of the six kinds, plus "other": labels of numbers that are none of them (tax code,
 *  transaction reference …), whose values must not be reported as a CCCD or a phone. */
type LabelKind = FieldKind | 'other';

interface Label {
  kind: LabelKind;
  start: number;
  end: number;
}

interface Candidate {
  kind: FieldKind;
  value: string;
  start: number;
  end: number;
  /** 0: a code recognised by its shape, 1: read after a label of its kind, 2: bare. Lower wins. */
  rank: number;
}

type Span = [start: number, end: number];

// ---------------------------------------------------------------------------------------------
// Folding

/** Accents OCR emits as separate characters (´ ` ¨ ˆ ˜ and other modifier letters). */
const SPACING_ACCENTS = /[\u00b4\u00a8`^~\u02b9-\u02ff]/g;
const COMBINING = /[\u0300-\u036f]/g;

/**
 * Lower case, compatibility-decomposed, without combining marks; đ (and the look-alikes ð, ɖ that
 * OCR puts for it) → d, dotless ı → i, dashes → "-", line ends → "\n", other white space → " ",
 * zero-width characters dropped.
 */
function fold(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(SPACING_ACCENTS, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING, '')
    .replace(/[đðɖ]/g, 'd')
    .replace(/ı/g, 'i')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[^\S\n]/g, ' ');
}

/** Replaces masked spans by a character that is neither a letter, a digit nor a separator. */
const MASK = '\u25a0';

function mask(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const [start, end] of spans) out = out.slice(0, start) + MASK.repeat(end - start) + out.slice(end);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Look-alike letters inside numbers

/** The digit a (folded) letter is mistaken for by OCR. */
export const LOOKALIKE: Readonly<Record<string, string>> = { o: '0', l: '1', i: '1', s: '5', b: '8', z: '2', g: '6' };
const LOOKALIKES = /[olisbzg]/g;

/** Every look-alike letter read as its digit (for a token already known to be a number). */
function asDigits(s: string): string {
  return s.replace(LOOKALIKES, (c) => LOOKALIKE[c] ?? c);
}

interface Atom {
  start: number;
  /** End of the number part (before a glued "đ" / "đồng" / "vnd"). */
  numEnd: number;
  end: number;
  digits: number;
  lookalikes: number;
}

/** A word made of digits and look-alike letters, with at least one digit (and maybe a glued "đ"). */
const NUMERIC_WORD = /^([0-9olisbzg]*\d[0-9olisbzg]*?)(?:d|dong|vnd)?$/;

/**
 * Reads look-alike letters as digits inside runs of number-like words ("0O1 234 S67 890",
 * "O9l2.345.678"): words of digits and look-alikes, joined by one space, dot, comma or dash. A run
 * is repaired only when it is mostly digits (more digits than look-alikes, and at least 4); a short
 * edge word with a look-alike ("S0" read for "Số") is left out of the run. Words without a digit are
 * never touched, so ordinary words stay as they are. The result has the same length as the input.
 */
function repairNumbers(text: string): string {
  const atoms: Atom[] = [];
  for (const m of text.matchAll(/[0-9a-z]+/g)) {
    const num = NUMERIC_WORD.exec(m[0]);
    if (!num?.[1]) continue;
    const body = num[1];
    const digits = body.replace(/\D/g, '').length;
    atoms.push({ start: m.index, numEnd: m.index + body.length, end: m.index + m[0].length, digits, lookalikes: body.length - digits });
  }
  const chars = text.split(''); // UTF-16 units: indices match the regex offsets
  let run: Atom[] = [];
  const flush = (): void => {
    const isEdgeNoise = (a: Atom | undefined): boolean => a !== undefined && a.lookalikes > 0 && a.end - a.start <= 2;
    while (isEdgeNoise(run[0])) run.shift();
    while (isEdgeNoise(run[run.length - 1])) run.pop();
    const digits = run.reduce((n, a) => n + a.digits, 0);
    const lookalikes = run.reduce((n, a) => n + a.lookalikes, 0);
    if (lookalikes > 0 && digits >= 4 && digits > lookalikes) {
      for (const a of run) for (let i = a.start; i < a.numEnd; i++) chars[i] = LOOKALIKE[chars[i] ?? ''] ?? chars[i] ?? '';
    }
    run = [];
  };
  for (const a of atoms) {
    const prev = run[run.length - 1];
    if (prev && !(prev.numEnd === prev.end && /^[ .,-]$/.test(text.slice(prev.end, a.start)))) flush();
    run.push(a);
  }
  flush();
  return chars.join('');
}

// ---------------------------------------------------------------------------------------------
// Labels

/** Label phrases, folded (no diacritics, lower case); matched with OCR noise tolerated. */
const LABEL_PHRASES: ReadonlyArray<[LabelKind, readonly string[]]> = [
  ['cccd', [
    'so dinh danh ca nhan', 'so dinh danh', 'ma dinh danh', 'dinh danh ca nhan', 'dinh danh', 'so cccd', 'cccd',
    'can cuoc cong dan', 'so can cuoc', 'can cuoc', 'so cmnd', 'cmnd', 'personal identification number',
  ]],
  ['evn-customer', ['ma so khach hang', 'ma khach hang', 'ma kh', 'customer code']],
  ['phone', ['so dien thoai', 'dien thoai', 'so dt', 'sdt', 'dtdd', 'dt', 'di dong', 'tel', 'phone', 'mobile']],
  ['amount', [
    'tong so tien', 'so tien', 'tong cong', 'tong tien', 'thanh tien', 'can thanh toan', 'tong thanh toan',
    'phai thanh toan', 'le phi', 'amount',
  ]],
  ['bank-account', ['so tai khoan', 'tai khoan', 'so tk', 'stk', 'tk', 'account number', 'account no', 'account']],
  ['dossier-code', ['ma so ho so', 'ma ho so', 'so ho so', 'ma bien nhan', 'so bien nhan']],
  ['other', [
    'ma giao dich', 'so giao dich', 'ma gd', 'so tham chieu', 'ma tham chieu', 'tham chieu', 'reference', 'ref',
    'trace', 'so but toan', 'but toan', 'ma tra cuu', 'so hoa don', 'ma hoa don', 'ma so thue', 'mst', 'bhxh',
    'bhyt', 'so seri', 'seri', 'serial', 'so cong to', 'ma cong to', 'so lenh', 'transaction', 'ma thanh toan',
    'ma don hang', 'ky hieu', 'otp', 'so the', 'mau so', 'so quyet dinh', 'fax',
  ]],
];

/** Letters of a label that OCR often reads as something else ("S0", "S6 tiền", "Ma khach hang"). */
const LABEL_NOISE: Readonly<Record<string, string>> = { o: '[o06]', i: '[il1]', l: '[li1]', s: '[s5]' };

/** A label phrase as a regex source: noisy letters tolerated, words joined by up to 3 spaces/dots
 *  or a line break, or glued ("Sốtiền"). */
function labelSource(phrase: string): string {
  return phrase
    .split(' ')
    .map((word) => [...word].map((c) => LABEL_NOISE[c] ?? c).join(''))
    .join(String.raw`[\s.]{0,3}`);
}

const LABEL_RES: ReadonlyArray<[LabelKind, RegExp]> = LABEL_PHRASES.map(([kind, phrases]): [LabelKind, RegExp] => [
  kind,
  new RegExp(`(?<![0-9a-z])(?:${[...phrases].sort((a, b) => b.length - a.length).map(labelSource).join('|')})(?![a-z])`, 'g'),
]);

/** All labels, left to right; where two overlap the earlier (then longer) one is kept. */
function findLabels(text: string): Label[] {
  const all: Label[] = [];
  for (const [kind, re] of LABEL_RES) {
    for (const m of text.matchAll(re)) all.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Label[] = [];
  for (const l of all) {
    const last = out[out.length - 1];
    if (!last || l.start >= last.end) out.push(l);
  }
  return out;
}

/** Most filler words between a label and its value ("Số tài khoản nhận / To account: …"). */
const MAX_FILLERS = 5;
/** Most line breaks between a label and its value. */
const MAX_GAP_LINES = 2;
/** Longest gap between a label and its value, in characters. */
const MAX_GAP_CHARS = 120;
/** Punctuation between a label and its value; "(" only when it does not open the value ("(024)"). */
const GAP_PUNCT = String.raw`(?:[\s:;.,#=\[\])/|*_>-]|\((?![\d+]))`;
const GAP_SOURCE = String.raw`${GAP_PUNCT}*(?:[a-z]+${GAP_PUNCT}*){0,${MAX_FILLERS}}`;
const GAP = new RegExp(GAP_SOURCE, 'y');
const WHOLE_GAP = new RegExp(`^${GAP_SOURCE}$`);

/** Filler words after "tài khoản" that make it a login or a public-service account, not a bank one. */
const NOT_BANK_FILLER = /(?<![a-z])(?:vneid|dang|nhap|dinh|danh|dich|vu|cong|dvc|zalo|facebook|e?mail|bhxh|bhyt|cccd|cmnd|evn|mst|thue)(?![a-z])/;

/** `text[from, to)` may separate a label from its value: punctuation and a few words, no other label. */
function isGap(text: string, label: Label, to: number, labels: readonly Label[]): boolean {
  if (to - label.end > MAX_GAP_CHARS) return false;
  const gap = text.slice(label.end, to);
  if (!WHOLE_GAP.test(gap)) return false;
  if ((gap.match(/\n/g)?.length ?? 0) > MAX_GAP_LINES) return false;
  if (labels.some((l) => l.start >= label.end && l.start < to)) return false;
  return !(label.kind === 'bank-account' && NOT_BANK_FILLER.test(gap));
}

/** Where the value of `label` starts (the first character after the gap), or null. */
function valueStart(text: string, label: Label, labels: readonly Label[]): number | null {
  GAP.lastIndex = label.end;
  const end = label.end + (GAP.exec(text)?.[0].length ?? 0);
  return end < text.length && isGap(text, label, end, labels) ? end : null;
}

// ---------------------------------------------------------------------------------------------
// Codes with letters: dossier codes and EVN customer codes (found on the folded text, before repair)

/**
 * Dossier codes of the public-service portals: agency code (dot-separated segments, one of them a
 * letter and two digits: G22.99, 000.00.12.H29, H29.12), receipt date YYMMDD, serial number.
 * OCR spaces around the dots and dashes are tolerated.
 */
const DOSSIER_BODY = String.raw`([0-9a-z]{1,4}(?: ?\. ?[0-9a-z]{1,4}){1,4}) ?- ?([0-9olisbzg]{6}) ?- ?([0-9olisbzg]{4,6})`;
const DOSSIER = new RegExp(`(?<![0-9a-z.-])${DOSSIER_BODY}(?![0-9a-z])(?![.-][0-9a-z])`, 'g');
/** The portal's shape, whole: a token of that shape that failed validation is not taken loosely. */
const DOSSIER_SHAPE = new RegExp(`^${DOSSIER_BODY}$`);
/** Any dash-joined code, accepted only right after "Mã hồ sơ" / "Số biên nhận" … */
const LOOSE_CODE = /(?<![0-9a-z.-])[0-9a-z]+(?:(?:\.| ?- ?)[0-9a-z]*\d[0-9a-z]*){1,7}(?![0-9a-z])(?![.-][0-9a-z])/g;

const LETTER_SEGMENT = /^[a-z][0-9olisbzg]{2}$/;
const NUMBER_SEGMENT = /^[0-9olisbzg]+$/;

/** A strict dossier code in normalised form, or null. */
function dossierValue(agency: string, date: string, serial: string): string | null {
  const segments = agency.split(/ ?\. ?/);
  const letterAt = (pick: (s: string) => boolean): number =>
    segments.findIndex((s, k) => LETTER_SEGMENT.test(s) && pick(s) && segments.every((o, j) => j === k || NUMBER_SEGMENT.test(o)));
  // Prefer a segment whose letter cannot be a digit misread (H29 rather than g22 in "g22.h29").
  let k = letterAt((s) => !/^[olisbzg]/.test(s));
  if (k < 0) k = letterAt(() => true);
  if (k < 0) return null;
  const ymd = asDigits(date);
  const month = Number(ymd.slice(2, 4));
  const day = Number(ymd.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const agencyValue = segments.map((s, j) => (j === k ? s[0] + asDigits(s.slice(1)) : asDigits(s))).join('.');
  return `${agencyValue}-${ymd}-${asDigits(serial)}`.toUpperCase();
}

/**
 * A loose labelled code in normalised form, or null: spaces dropped, upper case, look-alikes read as
 * digits only in segments that start with a digit and are mostly digits ("25ll24", not "G22").
 */
function looseDossierValue(token: string): string | null {
  const compact = token.replace(/ /g, '');
  if (!compact.includes('-') || compact.length > 40 || DOSSIER_SHAPE.test(token)) return null;
  const value = compact
    .split(/([.-])/)
    .map((part) => {
      if (!NUMBER_SEGMENT.test(part) || !/^\d/.test(part)) return part;
      const digits = part.replace(/\D/g, '').length;
      return digits > part.length - digits ? asDigits(part) : part;
    })
    .join('');
  if (value.replace(/\D/g, '').length < 6 || isDateShaped(value)) return null;
  return value.toUpperCase();
}

function findDossiers(norm: string, labels: readonly Label[]): Candidate[] {
  const out: Candidate[] = [];
  for (const m of norm.matchAll(DOSSIER)) {
    const value = dossierValue(m[1] ?? '', m[2] ?? '', m[3] ?? '');
    if (value) out.push({ kind: 'dossier-code', value, start: m.index, end: m.index + m[0].length, rank: 0 });
  }
  const dossierLabels = labels.filter((l) => l.kind === 'dossier-code');
  for (const m of norm.matchAll(LOOSE_CODE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((c) => start < c.end && c.start < end)) continue;
    if (!dossierLabels.some((l) => l.end <= start && isGap(norm, l, start, labels))) continue;
    const value = looseDossierValue(m[0]);
    if (value) out.push({ kind: 'dossier-code', value, start, end, rank: 0 });
  }
  return out;
}

/** EVN customer code: P, a letter, 11 digits (look-alikes and up to a few OCR spaces/dots allowed). */
const EVN_CODE = /(?<![0-9a-z])p([a-z])([ .-]?)((?:[0-9olisbzg][ .]?){10}[0-9olisbzg])(?![0-9a-z])(?![.-]\d)/g;
/** Second letters of the power corporations' codes (PA … PQ); others need a "Mã khách hàng" label. */
export const EVN_REGIONS = new Set(['a', 'b', 'c', 'd', 'e', 'h', 'k', 'm', 'n', 'p', 'q']);

function findEvnCodes(text: string, labels: readonly Label[]): Candidate[] {
  const out: Candidate[] = [];
  const evnLabels = labels.filter((l) => l.kind === 'evn-customer');
  for (const m of text.matchAll(EVN_CODE)) {
    const [whole, region = '', sep = '', rawTail = ''] = m;
    const tail = rawTail.replace(/[ .]/g, '');
    const separators = rawTail.length - tail.length + sep.length;
    const digits = tail.replace(/\D/g, '').length;
    const labelled = evnLabels.some((l) => l.end <= m.index && isGap(text, l, m.index, labels));
    const ok = labelled ? digits >= 6 && separators <= 4 : EVN_REGIONS.has(region) && digits >= 8 && separators <= 2;
    if (ok) out.push({ kind: 'evn-customer', value: `P${region}${asDigits(tail)}`.toUpperCase(), start: m.index, end: m.index + whole.length, rank: 0 });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Digit groups: CCCD, phone and bank account values (found on the repaired text)

interface Group {
  start: number;
  end: number;
  digits: string;
}

/** A run of digit groups joined by single spaces, dots or dashes on one line: "0912 345 678". */
interface Chunk {
  groups: Group[];
  /** seps[k] joins groups k and k+1. */
  seps: string[];
  /** The first / last group is glued to a letter, a percent sign or a time: unusable. */
  gluedStart: boolean;
  gluedEnd: boolean;
}

/** A candidate number inside a chunk: groups i..j. */
interface Piece {
  digits: string;
  start: number;
  end: number;
  first: number;
}

const CHUNK = /\d+(?:[ .-]\d+)*/g;

function findChunks(text: string): Chunk[] {
  const out: Chunk[] = [];
  for (const m of text.matchAll(CHUNK)) {
    const groups: Group[] = [];
    const seps: string[] = [];
    for (const g of m[0].matchAll(/\d+|[ .-]/g)) {
      if (/\d/.test(g[0])) groups.push({ start: m.index + g.index, end: m.index + g.index + g[0].length, digits: g[0] });
      else seps.push(g[0]);
    }
    const start = m.index;
    const end = start + m[0].length;
    // Glued: to a letter ("ft2532…", "12a"), a percent sign, or a time ("10:15"). A slash or comma
    // does not glue: "0912345678/0987654321" is two numbers, and a date's short groups are nothing.
    const gluedStart = /[a-z]/.test(text[start - 1] ?? '') || (text[start - 1] === ':' && /\d/.test(text[start - 2] ?? ''));
    const gluedEnd = /[a-z%]/.test(text[end] ?? '') || (text[end] === ':' && /\d/.test(text[end + 1] ?? ''));
    out.push({ groups, seps, gluedStart, gluedEnd });
  }
  return out;
}

/** Longest group allowed inside a grouped number: a long run next to a short one stands alone. */
const MAX_GROUP_BARE = 6;
const MAX_GROUP_LABELLED = 8;
/** Most groups in one number. */
const MAX_GROUPS = 6;

/**
 * Can groups i..j of the chunk be one number? The whole chunk always can (unless glued). A part of
 * it can when its own separators are all the same and it is set off from its neighbours by spaces
 * while they are joined differently: in "24.11.2025 0912 345 678" the phone is groups 3..5.
 */
function admissible(c: Chunk, i: number, j: number, maxGroup: number): boolean {
  const last = c.groups.length - 1;
  if ((i === 0 && c.gluedStart) || (j === last && c.gluedEnd)) return false;
  if (j > i && c.groups.slice(i, j + 1).some((g) => g.digits.length > maxGroup)) return false;
  if (i === 0 && j === last) return true;
  const inner = c.seps.slice(i, j);
  const sep = inner[0];
  if (inner.some((s) => s !== sep)) return false;
  // A neighbour must be set off by a space; with space-separated groups the neighbour must itself
  // belong to a run joined otherwise (a dotted date), or the grouping would be ambiguous.
  if (i > 0 && (c.seps[i - 1] !== ' ' || (sep === ' ' && (i < 2 || c.seps[i - 2] === ' ')))) return false;
  if (j < last && (c.seps[j] !== ' ' || (sep === ' ' && (j + 1 >= last || c.seps[j + 1] === ' ')))) return false;
  return true;
}

/** Admissible pieces of a chunk, longest first; from group 0 only when `fromStart`. */
function pieces(c: Chunk, maxGroup: number, fromStart: boolean): Piece[] {
  const out: Piece[] = [];
  const firsts = fromStart ? 1 : c.groups.length;
  for (let i = 0; i < firsts; i++) {
    for (let j = Math.min(c.groups.length - 1, i + MAX_GROUPS - 1); j >= i; j--) {
      if (!admissible(c, i, j, maxGroup)) continue;
      const gs = c.groups.slice(i, j + 1);
      out.push({ digits: gs.map((g) => g.digits).join(''), start: gs[0]?.start ?? 0, end: gs[gs.length - 1]?.end ?? 0, first: i });
    }
  }
  return out;
}

/** Province codes of CCCD numbers (the first three digits). */
export const PROVINCES = new Set([
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025',
  '026', '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048',
  '049', '051', '052', '054', '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075',
  '077', '079', '080', '082', '083', '084', '086', '087', '089', '091', '092', '093', '094', '095', '096',
]);

/** 12 digits, a real province code, then the gender/century digit: 0–3 (born 1900–2099); 4–9 only
 *  after a label. */
function isCccd(d: string, labelled: boolean): boolean {
  return /^\d{12}$/.test(d) && PROVINCES.has(d.slice(0, 3)) && (labelled || /[0-3]/.test(d[3] ?? ''));
}

/** Mobile numbers: 10 digits with a prefix in use (032–039, 052/055/056/058/059, 070/076–079,
 *  081–089, 090–094/096–099). */
export const MOBILE = /^0(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$/;
/** Landlines: 02 + area code + number, 11 digits; accepted only after a phone label. */
const LANDLINE = /^02\d{9}$/;

/** The phone number in 0xxxxxxxxx form, or null. "84…" / "840…" are the +84 forms. */
function phoneValue(digits: string, labelled: boolean): string | null {
  let d = digits;
  if (d.startsWith('840') && d.length === 12) d = d.slice(2);
  else if (d.startsWith('84') && (d.length === 11 || d.length === 12)) d = `0${d.slice(2)}`;
  if (MOBILE.test(d)) return d;
  return labelled && LANDLINE.test(d) ? d : null;
}

/** "+84 " / "(+84) " / "(024) " right before a chunk. */
const INTL_BEFORE = /(?:\(\+?84\)|\+84)[ .-]?(?:\(0\)[ .-]?)?$/;
const AREA_BEFORE = /\((0\d{2,3})\)[ .-]?$/;

/** Phone candidates in a chunk (prefixes such as "+84", "(+84)", "(024)" looked for before it). */
function phonesIn(c: Chunk, text: string, labelled: boolean): Candidate[] {
  const out: Candidate[] = [];
  const first = c.groups[0];
  if (!first) return out;
  const before = text.slice(Math.max(0, first.start - 12), first.start);
  for (const p of pieces(c, labelled ? MAX_GROUP_LABELLED : MAX_GROUP_BARE, labelled)) {
    let digits = p.digits;
    let start = p.start;
    if (p.first === 0) {
      const intl = INTL_BEFORE.exec(before);
      const area = labelled ? AREA_BEFORE.exec(before) : null;
      if (intl) {
        digits = digits.startsWith('0') ? digits : `0${digits}`;
        start -= intl[0].length;
      } else if (area?.[1]) {
        digits = area[1] + digits;
        start -= area[0].length;
      } else if (text[p.start - 1] === '+') {
        start -= 1;
      }
    }
    const value = phoneValue(digits, labelled);
    if (value) out.push({ kind: 'phone', value, start, end: p.end, rank: labelled ? 1 : 2 });
  }
  return out;
}

function cccdsIn(c: Chunk, labelled: boolean): Candidate[] {
  return pieces(c, labelled ? MAX_GROUP_LABELLED : MAX_GROUP_BARE, labelled)
    .filter((p) => isCccd(p.digits, labelled))
    .map((p): Candidate => ({ kind: 'cccd', value: p.digits, start: p.start, end: p.end, rank: labelled ? 1 : 2 }));
}

/** dd.mm.yyyy, dd-mm-yyyy, yyyy-mm-dd … (8 digits in 2-2-4 or 4-2-2 groups). */
function isDateShaped(s: string): boolean {
  return /^\d{1,2}[./-]\d{1,2}[./-]\d{4}$|^\d{4}[./-]\d{1,2}[./-]\d{1,2}$/.test(s);
}

/** Right after a number: a currency, a percent sign or a unit — it is not an account number. */
const NOT_ACCOUNT_AFTER = /^ ?(?:₫|%|(?:vnd|dong|d)(?![a-z]))/;

/** The bank account after a label: the longest piece from the chunk's start with 8–19 digits. */
function accountIn(c: Chunk, text: string): Candidate | null {
  for (const p of pieces(c, MAX_GROUP_LABELLED, true)) {
    if (p.digits.length < 8 || p.digits.length > 19) continue;
    if (isDateShaped(text.slice(p.start, p.end)) || NOT_ACCOUNT_AFTER.test(text.slice(p.end, p.end + 5))) continue;
    return { kind: 'bank-account', value: p.digits, start: p.start, end: p.end, rank: 1 };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Amounts

/** An amount: dot, comma or space thousands (optional 1–2 decimals with the other mark) or plain. */
const AMOUNT_NUM = String.raw`(?:\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,3}(?: \d{3})+|\d+(?:[.,]\d{1,2})?)(?!\d)`;
const AMOUNT_START = String.raw`(?<![0-9a-z])(?<![0-9][.,/:-])`;
/** Currency after the number: ₫, VND/VNĐ, đồng (not "đồng ý"), đ (not "Đ." for "đường", see below). */
const CURRENCY = String.raw`(?<cur>₫|vnd|dong(?! y(?![a-z]))|d)(?![0-9a-z])`;
const AMOUNT_WITH_CURRENCY = new RegExp(`${AMOUNT_START}(?<num>${AMOUNT_NUM}) ?${CURRENCY}`, 'g');
const AMOUNT_AFTER_CURRENCY = new RegExp(`(?<![0-9a-z])(?:vnd|₫) ?(?<num>${AMOUNT_NUM})(?![.,]?\\d)`, 'g');
const AMOUNT_AT = new RegExp(`(?<num>${AMOUNT_NUM})`, 'y');
/** After a labelled number: a date or time goes on, a percentage, or a unit that is not money. */
const NOT_MONEY_AFTER = /^(?:[.,]?\d| ?[/:-] ?\d| ?%| ?(?:kwh|kw|wh|m2|m3|kg|g|km|m|lit|l|trang|to|ban|ngay|thang|nam|gio|phut|cai|chiec|nguoi|lan|ho|so)(?![a-z]))/;

/** The amount in whole đồng: decimals dropped, separators dropped, no leading zeros. */
function amountValue(num: string): string {
  return num.replace(/[.,]\d{1,2}$/, '').replace(/\D/g, '').replace(/^0+(?=\d)/, '');
}

function findCurrencyAmounts(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(AMOUNT_WITH_CURRENCY)) {
    const num = m.groups?.['num'] ?? '';
    const cur = m.groups?.['cur'] ?? '';
    const end = m.index + m[0].length;
    // A price per unit ("1.984 đ/kWh") is a rate, not an amount.
    if (/^ ?\//.test(text.slice(end, end + 2))) continue;
    // A bare "đ" also abbreviates "đường" ("12 Đ. Lê Lợi"): only after 4+ digits.
    if (cur === 'd' && amountValue(num).length < 4) continue;
    out.push({ kind: 'amount', value: amountValue(num), start: m.index, end: m.index + num.length, rank: 2 });
  }
  for (const m of text.matchAll(AMOUNT_AFTER_CURRENCY)) {
    const num = m.groups?.['num'] ?? '';
    const start = m.index + m[0].length - num.length;
    out.push({ kind: 'amount', value: amountValue(num), start, end: start + num.length, rank: 2 });
  }
  return out;
}

/** The amount right at `at` after an amount label; without a currency it needs 4+ digits. */
function amountAt(text: string, at: number): Candidate | null {
  AMOUNT_AT.lastIndex = at;
  const num = AMOUNT_AT.exec(text)?.groups?.['num'];
  if (!num) return null;
  const end = at + num.length;
  const after = text.slice(end, end + 12);
  if (NOT_MONEY_AFTER.test(after)) return null;
  const value = amountValue(num);
  const withCurrency = new RegExp(`^ ?${CURRENCY}`).test(after);
  if (!withCurrency && value.length < 4) return null;
  return { kind: 'amount', value, start: at, end, rank: 1 };
}

// ---------------------------------------------------------------------------------------------
// Putting it together

/**
 * The fields found in the OCR text of a document, in order of appearance, each (kind, value) once.
 * Kinds: cccd (12 digits), evn-customer (PE01000123456), phone (0xxxxxxxxx; landlines 02… only
 * after a phone label), amount (whole đồng, digits), dossier-code (G22.99-251124-0001),
 * bank-account (8–19 digits, only after an account label). Ordinary text gives [].
 */
export function extractFields(text: string): ExtractedField[] {
  const norm = fold(text.normalize('NFC'));
  const allLabels = findLabels(norm);

  // Codes with letters first; their spans are masked for everything that follows.
  const dossiers = findDossiers(norm, allLabels);
  const afterDossiers = mask(norm, dossiers.map((c): Span => [c.start, c.end]));
  const evn = findEvnCodes(afterDossiers, allLabels);
  const codes = [...dossiers, ...evn];
  const plain = mask(afterDossiers, evn.map((c): Span => [c.start, c.end]));
  const labels = allLabels.filter((l) => !codes.some((c) => l.start < c.end && c.start < l.end));
  const work = repairNumbers(plain);

  const chunks = findChunks(work);
  const chunkAt = new Map<number, Chunk>();
  for (const c of chunks) if (c.groups[0]) chunkAt.set(c.groups[0].start, c);

  const candidates: Candidate[] = [...codes];
  /** Where each label's value starts → the label's kind. */
  const labelledAt = new Map<number, LabelKind>();
  for (const label of labels) {
    const at = valueStart(work, label, labels);
    if (at === null) continue;
    labelledAt.set(at, label.kind);
    const chunk = chunkAt.get(at);
    switch (label.kind) {
      case 'cccd':
        if (chunk) candidates.push(...cccdsIn(chunk, true));
        break;
      case 'phone': {
        // The value may open with "+84", "(+84)" or "(024)": the chunk after that prefix.
        const prefix = /\+(?=84)|\((?:\+?84|0\d{2,3})\)[ .-]?/y;
        prefix.lastIndex = at;
        const skip = prefix.exec(work)?.[0].length ?? 0;
        const c = chunkAt.get(at + skip);
        if (c) candidates.push(...phonesIn(c, work, true).slice(0, 1));
        break;
      }
      case 'bank-account': {
        const account = chunk ? accountIn(chunk, work) : null;
        if (account) candidates.push(account);
        break;
      }
      case 'amount': {
        const amount = amountAt(work, at);
        if (amount) candidates.push(amount);
        break;
      }
      default:
        break;
    }
  }

  const bare: Candidate[] = [];
  for (const c of chunks) bare.push(...cccdsIn(c, false), ...phonesIn(c, work, false));
  // A bare number right after a label of another kind is that label's value, not a CCCD or a phone.
  candidates.push(...bare.filter((c) => (labelledAt.get(c.start) ?? c.kind) === c.kind));
  candidates.push(...findCurrencyAmounts(work));

  return resolve(candidates);
}

/** Keeps non-overlapping candidates (lower rank, then earlier, then longer first), in text order,
 *  each (kind, value) once. */
function resolve(candidates: Candidate[]): ExtractedField[] {
  const byStrength = [...candidates].sort((a, b) => a.rank - b.rank || a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of byStrength) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  const out: ExtractedField[] = [];
  for (const c of kept) {
    const key = `${c.kind}\u0000${c.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: c.kind, value: c.value });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Showing a value to read aloud

/** Digits in groups of `size` from the left ("001 058 012 345"). */
function groups(digits: string, size: number): string {
  return digits.match(new RegExp(`.{1,${size}}`, 'g'))?.join(' ') ?? digits;
}

/**
 * A field's value grouped for reading aloud to a resident: CCCD in threes (001 058 012 345), phone
 * numbers 4-3-3 (0912 345 678), amounts with dot thousands (1.234.567), accounts in fours, EVN codes as
 * prefix and digits (PE01 000 123 456). Dossier codes are already in parts. Copy the value itself,
 * not this.
 */
export function formatField(kind: string, value: string): string {
  switch (kind) {
    case 'cccd':
      return groups(value, 3);
    case 'phone':
      return value.length === 10 ? `${value.slice(0, 4)} ${value.slice(4, 7)} ${value.slice(7)}` : groups(value, 4);
    case 'amount':
      return value.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    case 'bank-account':
      return groups(value, 4);
    case 'evn-customer':
      return /^[A-Z]{2}\d{11}$/.test(value) ? `${value.slice(0, 4)} ${groups(value.slice(4), 3)}` : value;
    default:
      return value;
  }
}
