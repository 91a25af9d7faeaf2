// One pipeline from a decoded image to the codes on it (issue 18, item 5; begun): QR codes first — a value a code
// carries is exact and wins over OCR of the same field — then the OCR text (core/image-prep.ts, the caller's
// tesseract.js worker, core/fields.ts), every value through its check (checks.ts): a value that fails one is
// returned with `sure: false` and the reason, for the UI to show as "cần kiểm tra", never as exact.
// Framework-free: the extension and a Node benchmark call it with their own worker.
//
// Every value read from the text says where it came from (locate.ts): the box of its line in the prepared image,
// a crop of that line for the volunteer to compare with, and tesseract's confidence in each character; a value
// with a character the engine was unsure of, or one covered by a blot of ink, is `sure: false, why:
// 'unsure-digits'`, the characters listed.
//
// Still to come (issue 18): finding and rectifying the paper, the photo benchmark.
import { extractFields } from '../fields';
import { encodePgm, resize, toGray, type GrayImage, type RgbaImage } from '../image-prep';
import { preparePhoto, TEXT_HEIGHT, type PhotoOptions } from './prepare';
import { tallLines } from './tall-lines';
import type { Quad } from './paper';
import { OCR_OUTPUT, OCR_PAGE_MODE } from './page-mode';
import { foldText } from '../text';
import { bankByBin, beneficiaryBank } from './banks';
import { wordsNear } from './amount-words';
import { checkAmount, checkBankAccount, checkCccd, checkEvnCode, checkPhone, type CardFacts, type CheckFailure, type CheckResult } from './checks';
import { blottedAt, cropGray, locateValue, ocrLines, unsureAt, type LineRect, type Located, type OcrBlock, type OcrBox, type OcrLine } from './locate';
import { blankArea, findQrCodes } from './decode-qr';
import { parseCardQr, parsePaymentQr, type CardQr } from './qr';

export { OCR_OUTPUT, OCR_PAGE_MODE };
export type { LineRect, OcrBlock };

/** The part of a tesseract.js 7 worker the pipeline uses. */
export interface OcrWorker {
  setParameters(params: Record<string, string>): Promise<unknown>;
  /** `blocks` may be absent (a worker that gives text only): the values then come without line nor confidences. */
  recognize(image: never, options: object, output: typeof OCR_OUTPUT): Promise<{ data: { text: string; blocks?: OcrBlock[] | null } }>;
}

export interface ReadDocumentDeps {
  worker: OcrWorker;
  /** The worker's input from the prepared image's PGM bytes (a Blob in a browser). @default the bytes */
  toInput?: (pgm: Uint8Array) => unknown;
  /** How the photo is prepared (prepare.ts); every step is on by default. */
  prepare?: PhotoOptions;
  /** Read each value's line a second time and keep only what both readings give (secondLook). @default true */
  secondLook?: boolean;
  /** Read the page's tall lines again alone (readTallLines). @default true */
  tallLines?: boolean;
  /** Read the photo once more as it is, and add what only that reading gives (checked). @default true */
  plainReading?: boolean;
}

export interface DocumentField {
  /** A kind of extractFields ('cccd', 'phone', 'amount', 'bank-account', …). */
  kind: string;
  /** In extractFields' format: digits, or an upper-case code. */
  value: string;
  /** False: the volunteer must check it against the paper (a check failed, `why` says which). */
  sure: boolean;
  from: 'qr' | 'text';
  why?: CheckFailure;
  /** A text value's line(s), in the prepared image's pixels. */
  line?: LineRect;
  /** That line from the prepared image, a few pixels round it: for the volunteer's eyes, in memory only. */
  crop?: GrayImage;
  /** Tesseract's confidence (0–100) in each character of `value`. */
  confidences?: number[];
  /** Indices in `value` of the characters tesseract was unsure of (set only when there are some). */
  unsureAt?: number[];
}

export interface DocumentReading {
  fields: DocumentField[];
  /** The OCR text (kept in memory by the helper only, for "show the text read"). */
  text: string;
  /** Skew found and corrected, in degrees. */
  skew: number;
  /** The paper's corners in the photo when it was found and flattened (prepare.ts). */
  paper?: Quad | null;
  /**
   * What a card's QR says about its holder, for the volunteer's eyes only: never stored, logged or offered for
   * copying.
   */
  card?: Pick<CardQr, 'name' | 'birthDate' | 'sex' | 'address'>;
  /** The bank a payment code names (its NAPAS BIN), shown beside the account. */
  bankBin?: string;
}

const checked = (kind: string, value: string, result: CheckResult, from: DocumentField['from']): DocumentField =>
  result.ok ? { kind, value, sure: true, from } : { kind, value, sure: false, from, why: result.why };

/** The words of each "Số tiền viết bằng chữ: …" line of an OCR text, after its label. */
export function amountWordsLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.normalize('NFC').split('\n')) {
    // Folding keeps one character for each (NFC) character of the line: a position in one is a position in the other.
    const folded = foldText(line);
    const at = folded.indexOf('bang chu');
    if (at < 0) continue;
    const rest = line.slice(at + 'bang chu'.length);
    const colon = rest.indexOf(':');
    // "bằng chữ: …", "bằng chữ / In words: …"
    const words = (colon >= 0 && colon < 24 ? rest.slice(colon + 1) : rest).trim();
    if (words) out.push(words);
  }
  return out;
}

/** The first words line of an OCR text (undefined when there is none). */
export const amountWordsLine = (text: string): string | undefined => amountWordsLines(text)[0];

/** Check one value OCR found; `facts`: what the card's QR said, when it had one; `bankLengths`: the lengths of the
 *  bank the paper names (banks.ts), when known. */
function checkText(kind: string, value: string, text: string, facts: CardFacts, amounts: readonly string[], bankLengths?: readonly number[]): DocumentField {
  switch (kind) {
    case 'cccd':
      return checked(kind, value, checkCccd(value, facts), 'text');
    case 'phone':
      return checked(kind, value, checkPhone(value), 'text');
    case 'evn-customer':
      return checked(kind, value, checkEvnCode(value), 'text');
    case 'amount': {
      // The words line spells one amount (the total): it confirms that one (amount-words.ts). Another amount on the
      // paper (a fee, the VAT) is left to the other checks once the total is confirmed; when none is, the total may
      // be misread: the amounts the words could describe stay in doubt — the largest read, and any whose spelling
      // is near the words.
      const lines = amountWordsLines(text);
      if (!lines.length) return checked(kind, value, checkAmount(value), 'text');
      const confirms = (a: string): boolean => lines.some((l) => checkAmount(a, l).ok);
      if (confirms(value)) return checked(kind, value, { ok: true }, 'text');
      const largest = Math.max(...amounts.map(Number));
      const maybeTotal = !amounts.some(confirms) && (Number(value) === largest || lines.some((l) => wordsNear(value, l)));
      return checked(kind, value, maybeTotal ? { ok: false, why: 'words-differ' } : checkAmount(value), 'text');
    }
    case 'bank-account':
      return checked(kind, value, checkBankAccount(value, bankLengths), 'text');
    default:
      return { kind, value, sure: true, from: 'text' };
  }
}

/** A text value with where it came from: its line, the crop, the confidences; unsure characters make it unsure. */
function withSource(field: DocumentField, at: Located, gray: GrayImage): DocumentField {
  const out: DocumentField = { ...field, line: at.line, crop: cropGray(gray, at.line), confidences: at.confidences };
  const unsure = [...new Set([...unsureAt(at.confidences), ...blottedAt(gray, at.boxes)])].sort((a, b) => a - b);
  if (unsure.length === 0) return out;
  out.unsureAt = unsure;
  // A failed check says more than the unsure characters: it stays the reason.
  return out.sure ? { ...out, sure: false, why: 'unsure-digits' } : out;
}

/** A value's characters as a second reading can be compared: letters and digits, look-alikes folded to digits. */
const comparable = (s: string): string =>
  foldText(s)
    .toUpperCase()
    .replace(/[OQD]/g, '0')
    .replace(/[IL|]/g, '1')
    .replace(/[^0-9A-Z]/g, '');

/** The whole numbers of a text, their groups of three joined ("1.234.000" and "1 234 000" are 1234000). */
export function wholeNumbers(text: string): string[] {
  return [...text.matchAll(/\d{1,3}(?:[.,\s]\d{3})+(?!\d)|\d+/g)].map((m) => m[0].replace(/\D/g, ''));
}

/**
 * A second look at the line each value sure so far was read from: the line alone, at another size (so the engine
 * sees other pixels), read again. A value whose characters the second reading does not give in the same order is
 * not offered as exact ('readings-differ'): one changed digit in an account number is the worst outcome the helper
 * can have, and tesseract is often fully confident of it (99 on every digit, measured on the photo benchmark).
 * Every line is read once however many values it holds.
 */
async function secondLook(fields: DocumentField[], gray: GrayImage, deps: ReadDocumentDeps, settled: (f: DocumentField) => boolean): Promise<DocumentField[]> {
  const reread = new Map<string, string>();
  const out: DocumentField[] = [];
  for (const f of fields) {
    if (!f.sure || f.from !== 'text' || !f.line || settled(f)) {
      out.push(f);
      continue;
    }
    const { x, y, width, height } = f.line;
    const key = `${x},${y},${width},${height}`;
    let text = reread.get(key);
    if (text === undefined) {
      const margin = Math.max(4, Math.round(height * 0.4));
      const crop = cropGray(gray, f.line, margin);
      // Smaller when the line is tall, larger when it is short: another sampling of the same strokes.
      const k = height > 36 ? 0.75 : 1.35;
      const pgm = encodePgm(resize(crop, crop.width * k, crop.height * k));
      const { data } = await deps.worker.recognize((deps.toInput ? deps.toInput(pgm) : pgm) as never, {}, OCR_OUTPUT);
      text = data.text;
      reread.set(key, text);
    }
    // A third reading to settle a disagreement was measured and dropped: on the tune photos it gave back three
    // right values and one wrong account number (the page's misread digit, read again at the page's size).
    // An amount must be read again as a whole number: "65.807" is not confirmed by "65.807.000".
    const again = f.kind === 'amount' ? wholeNumbers(text).includes(f.value) : comparable(text).includes(comparable(f.value));
    out.push(again ? f : { ...f, sure: false, why: 'readings-differ' });
  }
  return out;
}

/**
 * The tall lines of the page (tall-lines.ts) read again, each alone and brought to the height the page was read
 * at: their text, and their blocks moved into the prepared image's pixels (for the crops and confidences).
 */
async function readTallLines(gray: GrayImage, deps: ReadDocumentDeps): Promise<{ text: string; blocks: OcrBlock[] }[]> {
  const out: { text: string; blocks: OcrBlock[] }[] = [];
  for (const box of tallLines(gray)) {
    const margin = Math.max(4, Math.round(box.height * 0.3));
    const x0 = Math.max(0, Math.floor(box.x - margin));
    const y0 = Math.max(0, Math.floor(box.y - margin));
    const crop = cropGray(gray, box, margin);
    const k = Math.min(1, (TEXT_HEIGHT * 1.2) / box.height);
    const pgm = encodePgm(k < 1 ? resize(crop, crop.width * k, crop.height * k) : crop);
    const { data } = await deps.worker.recognize((deps.toInput ? deps.toInput(pgm) : pgm) as never, {}, OCR_OUTPUT);
    const move = (b: OcrBox): OcrBox => ({ x0: x0 + b.x0 / k, y0: y0 + b.y0 / k, x1: x0 + b.x1 / k, y1: y0 + b.y1 / k });
    const blocks = (data.blocks ?? []).map((block) => ({
      paragraphs: block.paragraphs.map((p) => ({
        lines: p.lines.map((l) => ({
          bbox: move(l.bbox),
          words: l.words.map((w) => ({ symbols: w.symbols.map((sym) => (sym.bbox ? { ...sym, bbox: move(sym.bbox) } : sym)) })),
        })),
      })),
    }));
    if (data.text.trim()) out.push({ text: data.text.trim(), blocks });
  }
  return out;
}

const same = (a: { kind: string; value: string }) => (b: { kind: string; value: string }): boolean => a.kind === b.kind && a.value === b.value;

/** The photo read as it is, in grey: its text, lines and the grey image (for the crops and the second look). */
async function readPlain(image: RgbaImage, deps: ReadDocumentDeps): Promise<{ text: string; lines: OcrLine[]; gray: GrayImage }> {
  const gray = toGray(image);
  const pgm = encodePgm(gray);
  const { data } = await deps.worker.recognize((deps.toInput ? deps.toInput(pgm) : pgm) as never, {}, OCR_OUTPUT);
  return { text: data.text, lines: ocrLines(data.blocks ?? []), gray };
}

/** Read the codes on a paper: QR codes, then the OCR text, each value checked. */
export async function readDocument(image: RgbaImage, deps: ReadDocumentDeps): Promise<DocumentReading> {
  const reading: DocumentReading = { fields: [], text: '', skew: 0 };
  const fromQr: DocumentField[] = [];
  let facts: CardFacts = {};
  const qr = findQrCodes(image);
  for (const text of qr.texts) {
    const card = parseCardQr(text);
    if (card) {
      facts = { birthDate: card.birthDate, sex: card.sex };
      reading.card = { name: card.name, birthDate: card.birthDate, sex: card.sex, address: card.address };
      fromQr.push(checked('cccd', card.id, checkCccd(card.id, facts), 'qr'));
      continue;
    }
    const pay = parsePaymentQr(text);
    if (pay.ok) {
      reading.bankBin = pay.payment.bin;
      if (/^\d+$/.test(pay.payment.account)) fromQr.push({ kind: 'bank-account', value: pay.payment.account, sure: true, from: 'qr' });
      if (pay.payment.amount) fromQr.push({ kind: 'amount', value: pay.payment.amount, sure: true, from: 'qr' });
    }
  }
  await deps.worker.setParameters({ tessedit_pageseg_mode: OCR_PAGE_MODE });
  // The codes' modules are no text: the reading leaves them out (they would make noise, or a "tall line").
  let forText = image;
  if (qr.areas.length) {
    forText = { data: new Uint8ClampedArray(image.data), width: image.width, height: image.height };
    for (const a of qr.areas) blankArea(forText, a);
  }
  const { image: gray, skew, paper } = preparePhoto(forText, deps.prepare);
  const pgm = encodePgm(gray);
  const { data } = await deps.worker.recognize((deps.toInput ? deps.toInput(pgm) : pgm) as never, {}, OCR_OUTPUT);
  // Tall lines the block reading drops (a banking app's amount), read alone and added after the page's text.
  const tall = deps.tallLines === false ? [] : await readTallLines(gray, deps);
  const text = [data.text.trimEnd(), ...tall.map((t) => t.text)].join('\n');
  reading.text = text;
  reading.skew = skew;
  reading.paper = paper;
  const lines = ocrLines([...(data.blocks ?? []), ...tall.flatMap((t) => t.blocks)]);
  const found = extractFields(text);
  // The photo read once more as it is (no paper found, no scaling, no lines taken away): another view of the same
  // paper for the engine. A value both readings give needs no second look; a value only this one gives is added,
  // located in the plain image, and must pass its checks and the second look there like any other.
  const plain = deps.plainReading === false ? undefined : await readPlain(forText, deps);
  const plainFound = plain ? extractFields(plain.text) : [];
  const both = `${text}\n${plain?.text ?? ''}`;
  const amounts = [...new Set([...found, ...plainFound].filter((f) => f.kind === 'amount').map((f) => f.value))];
  const where = (f: { kind: string; value: string }, from: OcrLine[], fromText: string, image: GrayImage): DocumentField => {
    const at = from.length > 0 ? locateValue(f.value, from) : undefined;
    const bank = f.kind === 'bank-account' ? (bankByBin(reading.bankBin) ?? beneficiaryBank(fromText, at?.text)) : undefined;
    const field = checkText(f.kind, f.value, both, facts, amounts, bank?.lengths);
    return at ? withSource(field, at, image) : field;
  };
  const located = found.map((f) => where(f, lines, text, gray));
  const plainOnly = !plain ? [] : plainFound.filter((f) => !found.some(same(f))).map((f) => where(f, plain.lines, plain.text, plain.gray))
        // Not found on a line of its own: nothing to look at again, nothing to show beside it.
        .map((f): DocumentField => (f.line || !f.sure ? f : { ...f, sure: false, why: 'readings-differ' }));
  const words = amountWordsLines(both);
  // An amount the words confirm, or a value both readings gave, needs no second look.
  const byWords = (f: DocumentField): boolean => f.kind === 'amount' && words.some((l) => checkAmount(f.value, l).ok);
  const settled = (f: DocumentField): boolean => byWords(f) || plainFound.some(same(f));
  // The words confirming an amount say more than the engine's doubt about one of its characters.
  const wordsSure = (f: DocumentField): DocumentField => {
    if (f.why !== 'unsure-digits' || !byWords(f)) return f;
    const out: DocumentField = { ...f, sure: true };
    delete out.why;
    delete out.unsureAt;
    return out;
  };
  const fromText =
    deps.secondLook === false
      ? [...located, ...plainOnly].map(wordsSure)
      : [...(await secondLook(located.map(wordsSure), gray, deps, settled)), ...(plain ? await secondLook(plainOnly.map(wordsSure), plain.gray, deps, byWords) : [])];
  // A code wins over the text: the text's reading of a value a code gave is dropped, and another value of a
  // kind a code gave (an OCR error of the card's number, or another amount on the bill) must be checked.
  const qrKinds = new Set(fromQr.map((f) => f.kind));
  reading.fields = [
    ...fromQr,
    ...fromText
      .filter((f) => !fromQr.some((q) => q.kind === f.kind && q.value === f.value))
      .map((f): DocumentField => (qrKinds.has(f.kind) && f.sure ? { ...f, sure: false, why: 'differs-from-qr' } : f)),
  ];
  return reading;
}
