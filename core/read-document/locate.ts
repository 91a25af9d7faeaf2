// Where a value was read (issue 18, item 4): the OCR line(s) a value of core/fields.ts came from, found again in
// tesseract's symbols; the box of those lines in the prepared image, a crop of them for the volunteer to compare
// with the digits, and tesseract's confidence in each of the value's characters. A value with a character
// below UNSURE_CONFIDENCE is not offered as exact; nor is one with a character cell filled with ink (BLOT): a
// blot or a smudge over a digit, which the LSTM engine reads as some digit with full confidence (measured: a
// blotted 7 read as "8" at 98). Framework-free: plain numbers and GrayImages.
//
// Matching is as tolerant as extractFields is: separators (dots, spaces, dashes, commas) are skipped, letters
// are folded (no case, no marks) and, where the value has a digit, a look-alike letter (O, l, S, B …) read in
// its place matches it — the value was built from exactly that reading.
import { LOOKALIKE } from '../fields';
import { otsuThreshold, type GrayImage } from '../image-prep';

/** A box in the prepared image's pixels, tesseract's way: corners, x1/y1 exclusive. */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The part of tesseract.js 7's `data.blocks` the pipeline reads (with `{ blocks: true }` output). */
export interface OcrBlock {
  paragraphs: {
    lines: {
      bbox: OcrBox;
      words: { symbols: { text: string; confidence: number; bbox?: OcrBox }[] }[];
    }[];
  }[];
}

/** One OCR line: its box and its characters, each with tesseract's confidence (0–100). */
export interface OcrLine {
  box: OcrBox;
  chars: { ch: string; confidence: number; box?: OcrBox }[];
}

/** A rectangle in the prepared image's pixels. */
export interface LineRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Located {
  /** The line(s) the value was read from (their union when it ran over two). */
  line: LineRect;
  /** Tesseract's confidence (0–100) in each of the value's characters, index for index. */
  confidences: number[];
  /** The line(s)' text as read (for the checks that look around a value; never shown or kept). */
  text: string;
  /** The box tesseract gave each of the value's characters, index for index (undefined: a separator, or none). */
  boxes: (OcrBox | undefined)[];
}

/**
 * Below this confidence (0–100) a character of a value is "unsure": the value is offered as "cần kiểm tra" with
 * the character marked. Chosen with `npm run bench:ocr -- --n 120 --confidences` (generator set, seed 1): the lowest
 * character confidence of the 293 right values read was 83, then 93 and up; of the 2 wrong values, 89 (a bank
 * account with a digit changed) and 98. 90 flags 1 right value in 293 and catches the wrong account; 80 or 85
 * catch neither; 95 flags 3 right ones for no more caught. Tesseract's LSTM is sure of most of its errors: the
 * blot test (blottedAt) and the checks do the rest.
 */
export const UNSURE_CONFIDENCE = 90;

/** The lines of tesseract's blocks, in reading order. */
export function ocrLines(blocks: readonly OcrBlock[] | null | undefined): OcrLine[] {
  const out: OcrLine[] = [];
  for (const block of blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const chars: OcrLine['chars'] = [];
        for (const word of line.words) {
          // A space between words: a separator like any other.
          if (chars.length > 0) chars.push({ ch: ' ', confidence: 100 });
          for (const s of word.symbols) for (const ch of s.text) chars.push({ ch, confidence: s.confidence, ...(s.bbox ? { box: s.bbox } : {}) });
        }
        out.push({ box: line.bbox, chars });
      }
    }
  }
  return out;
}

/** Lower case, no marks, đ → d: one character as extractFields folds it. */
function foldChar(ch: string): string {
  return ch
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đðɖ]/g, 'd')
    .replace(/ı/g, 'i');
}

const isAlnum = (ch: string): boolean => /^[0-9a-z]$/.test(ch);

interface Alnum {
  ch: string;
  confidence: number;
  line: number;
  box?: OcrBox;
}

/** A line's letters and digits, separators dropped. */
function alnums(lines: readonly OcrLine[], from: number, to: number): Alnum[] {
  const out: Alnum[] = [];
  for (let i = from; i <= to; i++) {
    for (const c of lines[i]!.chars) {
      const ch = foldChar(c.ch);
      if (isAlnum(ch)) out.push({ ch, confidence: c.confidence, line: i, ...(c.box ? { box: c.box } : {}) });
    }
  }
  return out;
}

const matches = (want: string, got: string): boolean => got === want || (/\d/.test(want) && LOOKALIKE[got] === want);

/** Where `want` (folded letters and digits) is in `run`; `alone`: only a match not glued to more digits. */
function find(run: readonly Alnum[], want: string, alone: boolean): number {
  const digitAround = (i: number): boolean => i >= 0 && i < run.length && /\d/.test(run[i]!.ch);
  for (let at = 0; at + want.length <= run.length; at++) {
    let k = 0;
    while (k < want.length && matches(want[k]!, run[at + k]!.ch)) k++;
    if (k < want.length) continue;
    if (!alone || (!digitAround(at - 1) && !digitAround(at + want.length))) return at;
  }
  return -1;
}

function union(lines: readonly OcrLine[], from: number, to: number): LineRect {
  let { x0, y0, x1, y1 } = lines[from]!.box;
  for (let i = from + 1; i <= to; i++) {
    const b = lines[i]!.box;
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The line a value (in extractFields' format) was read from, with the confidence in each of its characters; a
 * value that runs over two lines is looked for in both. Undefined when it is in no line. The value's
 * separators (a dossier code's dots and dashes) get the confidence of the characters around them.
 */
export function locateValue(value: string, lines: readonly OcrLine[]): Located | undefined {
  const folded = [...value].map(foldChar);
  const want = folded.filter(isAlnum).join('');
  if (!want) return undefined;
  // A number standing alone anywhere (on one line, then over two) before digits inside a longer number.
  for (const [alone, span] of [[true, 0], [true, 1], [false, 0], [false, 1]] as const) {
    for (let i = 0; i + span < lines.length; i++) {
      const run = alnums(lines, i, i + span);
      const at = find(run, want, alone);
      if (at < 0) continue;
      const hit = run.slice(at, at + want.length);
      // A two-line match must use both lines (else the one-line pass found it).
      if (span === 1 && hit[0]!.line === hit.at(-1)!.line) continue;
      const boxes = folded.map((ch, j) => (isAlnum(ch) ? hit[folded.slice(0, j).filter(isAlnum).length]!.box : undefined));
      let k = 0;
      const confidences = folded.map((ch) => {
        if (isAlnum(ch)) return hit[k++]!.confidence;
        // A separator in the value: as sure as its less sure neighbour.
        return Math.min(hit[Math.max(0, k - 1)]!.confidence, hit[Math.min(hit.length - 1, k)]!.confidence);
      });
      const text = lines
        .slice(hit[0]!.line, hit.at(-1)!.line + 1)
        .map((l) => l.chars.map((c) => c.ch).join(''))
        .join('\n');
      return { line: union(lines, hit[0]!.line, hit.at(-1)!.line), confidences, text, boxes };
    }
  }
  return undefined;
}

/**
 * A character cell is a blot when a run of `width` of its columns side by side (a fraction of the value's median
 * cell width) are ink over at least `cover` of the character's height. Measured (`npm run bench:ocr`, seed 1, and
 * the e2e's blotted bill): the blot's run is 0.75 of a cell; printed characters reach 0.58 when blurred, turned and
 * saved as JPEG 46 % (a bold "1"'s stem, a "0"'s side), 0.33 when sharp.
 */
export const BLOT = { cover: 0.85, width: 0.65 } as const;

/**
 * Indices of a value's characters whose cell in the prepared image is filled with ink (BLOT). Each cell runs from
 * the character's box to the next character's (tesseract's LSTM boxes may run on); the ink is what Otsu's
 * threshold over the value's cells calls dark. None without boxes.
 */
export function blottedAt(image: GrayImage, boxes: readonly (OcrBox | undefined)[]): number[] {
  const at = boxes.flatMap((b, i) => (b ? [{ b, i }] : []));
  if (at.length < 2) return [];
  // Tesseract's LSTM boxes may run on over the next characters, or start back over the previous ones: each cell
  // is cut at its neighbours' edges.
  const cells = at.map(({ b, i }, k) => {
    const prev = at[k - 1]?.b;
    const next = at[k + 1]?.b;
    const x0 = prev && prev.x1 > b.x0 && prev.x1 < b.x1 ? prev.x1 : b.x0;
    const x1 = next && next.x0 > x0 && next.x0 < b.x1 ? next.x0 : b.x1;
    return { i, x0: Math.max(0, x0), x1: Math.min(image.width, x1), y0: Math.max(0, b.y0), y1: Math.min(image.height, b.y1) };
  });
  const widths = cells.map((c) => c.x1 - c.x0).sort((a, b) => a - b);
  const cellWidth = widths[Math.floor(widths.length / 2)]!;
  // The last cell has no next character to stop it: no wider than the others.
  const last = cells.at(-1)!;
  last.x1 = Math.min(last.x1, last.x0 + cellWidth);
  const x0 = Math.min(...cells.map((c) => c.x0));
  const y0 = Math.min(...cells.map((c) => c.y0));
  const span = cropGray(image, { x: x0, y: y0, width: Math.max(...cells.map((c) => c.x1)) - x0, height: Math.max(...cells.map((c) => c.y1)) - y0 }, 0);
  if (span.width === 0 || span.height === 0) return [];
  const dark = otsuThreshold(span);
  const out: number[] = [];
  for (const c of cells) {
    const height = c.y1 - c.y0;
    if (height <= 0) continue;
    let run = 0;
    let longest = 0;
    for (let x = c.x0; x < c.x1; x++) {
      let n = 0;
      for (let y = c.y0; y < c.y1; y++) if (image.data[y * image.width + x]! <= dark) n++;
      run = n >= BLOT.cover * height ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    if (longest >= BLOT.width * cellWidth) out.push(c.i);
  }
  return out;
}

/** Indices of a value's characters below `threshold`. */
export function unsureAt(confidences: readonly number[], threshold = UNSURE_CONFIDENCE): number[] {
  const out: number[] = [];
  confidences.forEach((c, i) => {
    if (c < threshold) out.push(i);
  });
  return out;
}

/** The part of `image` inside `rect`, with `margin` pixels around it (clipped to the image). A copy. */
export function cropGray(image: GrayImage, rect: LineRect, margin = 4): GrayImage {
  const x0 = Math.max(0, Math.floor(rect.x - margin));
  const y0 = Math.max(0, Math.floor(rect.y - margin));
  const x1 = Math.min(image.width, Math.ceil(rect.x + rect.width + margin));
  const y1 = Math.min(image.height, Math.ceil(rect.y + rect.height + margin));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) data.set(image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + width), y * width);
  return { data, width, height };
}
